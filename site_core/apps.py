from django.apps import AppConfig


class SiteCoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core"
    verbose_name = "Cổng thông tin"

    def ready(self):
        from site_core import signals

        signals.connect()

        # Cached header/menu/breadcrumbs/footer are renewed when the page tree changes.
        from site_core.templatetags.portal_tags import connect_navigation_signals

        connect_navigation_signals()
