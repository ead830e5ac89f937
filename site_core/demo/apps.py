from django.apps import AppConfig


class DemoConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core.demo"
    label = "demo"
    verbose_name = "Cổng demo"
