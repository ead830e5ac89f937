from django.apps import AppConfig


class SiteCoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from site_core import signals

        # The cached chrome, sitemap and restriction list follow the page tree and settings.
        signals.connect()
