from django.apps import AppConfig


class FilesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core.files"
    label = "portal_files"
    verbose_name = "Tệp và quyền tải"

    def ready(self):
        # Files follow the content that uses them (docs/files.md): settings and draftable
        # snippets are indexed from the start of the process, not only once the admin loads.
        from site_core.files.access import register_visitor_facing_models

        register_visitor_facing_models()
