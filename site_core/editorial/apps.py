from django.apps import AppConfig


class EditorialConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core.editorial"
    label = "editorial"
    verbose_name = "Biên tập và duyệt bài"
