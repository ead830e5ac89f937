from django.apps import AppConfig


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core.api"
    label = "portal_api"
    verbose_name = "API đọc dữ liệu"
