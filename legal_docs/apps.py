from django.apps import AppConfig


class LegalDocsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "legal_docs"

    def ready(self):
        from . import signals  # noqa: PLC0415 - receivers once the models are loaded

        signals.connect()
