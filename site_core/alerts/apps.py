from django.apps import AppConfig


class AlertsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core.alerts"
    label = "portal_alerts"
    verbose_name = "Nhận tin qua thư điện tử"

    def ready(self):
        from wagtail.signals import page_published

        from site_core.alerts.signals import page_first_published

        page_published.connect(page_first_published, dispatch_uid="portal-alerts")
