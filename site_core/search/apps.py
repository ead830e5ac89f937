from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core.search"
    label = "portal_search"
    verbose_name = "Tìm kiếm"
