from django.apps import AppConfig


class SecurityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "site_core.security"
    label = "portal_security"
    verbose_name = "Đăng nhập và bảo mật"
