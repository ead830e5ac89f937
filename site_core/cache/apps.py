from django.apps import AppConfig


class PortalCacheConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core.cache"
    label = "portal_cache"
    verbose_name = "Bộ nhớ đệm trang"

    def ready(self):
        from site_core.cache import frontend

        # The core tells which content changed (site_core/signals.py); a frontend cache,
        # when one is configured, is purged of it.
        frontend.connect()
