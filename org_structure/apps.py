from django.apps import AppConfig


class OrgStructureConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "org_structure"
