"""Wagtail's users app with the portal's user admin (site_core/editorial/users_admin.py).

Listed in INSTALLED_APPS instead of "wagtail.users", as Wagtail documents for custom user
forms and viewsets. Kept apart from users_admin.py, which imports the user model and so
cannot be imported while the app registry is being filled.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class PortalUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "site_core.editorial.users_admin.PortalUserViewSet"

    def ready(self):
        super().ready()
        from site_core.editorial import users_admin  # noqa: F401  (registers the users' bulk actions)
