from django.apps import AppConfig


class EditorialConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core.editorial"
    label = "editorial"
    verbose_name = "Biên tập và duyệt bài"

    def ready(self):
        from wagtail.signals import page_published

        from site_core.editorial.withdrawal import forget_withdrawal

        # A withdrawn page published again (reinstated, or through the workflow) shows its
        # content, not the notice.
        page_published.connect(forget_withdrawal, dispatch_uid="portal-forget-withdrawal")
