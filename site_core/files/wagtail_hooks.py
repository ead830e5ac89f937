"""Hooks for files: the document download check and the "public collections" admin.

Found by Wagtail with every app's wagtail_hooks; the rules themselves live in site_core/files/access.py.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from site_core.files.access import check_file_access
from site_core.files.models import PublicCollection


# Before Wagtail's own hook (order 0), which asks for a collection's password: a file that
# may not be served at all answers 404 before any form is shown.
@hooks.register("before_serve_document", order=-10)
def serve_only_public_documents(document, request):
    """/documents/<id>/<name>: files of non-public content answer 404 (403 signed in)."""
    check_file_access(request, document)


class SuperuserOnlyPermissionPolicy(BasePermissionPolicy):
    """Every action is for active superusers only, whatever the groups say."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class PublicCollectionViewSet(ModelViewSet):
    model = PublicCollection
    icon = "folder-open-inverse"
    add_to_settings_menu = True
    menu_label = "Thư mục công khai"
    copy_view_enabled = False
    list_display = ["collection", "reason"]

    @property
    def permission_policy(self):
        return SuperuserOnlyPermissionPolicy(self.model)

    def get_permissions_to_register(self):
        # Nothing to grant to groups: the policy ignores group permissions.
        return Permission.objects.none()


@hooks.register("register_admin_viewset")
def register_public_collection_viewset():
    return PublicCollectionViewSet("public_collections")
