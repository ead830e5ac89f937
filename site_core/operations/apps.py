from django.apps import AppConfig


class OperationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core.operations"
    label = "operations"
    verbose_name = "Vận hành"
