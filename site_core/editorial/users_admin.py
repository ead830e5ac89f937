"""The users admin: the user-management role ("Quản trị") manages ordinary accounts only
(issue 8, hole 4).

Wagtail's user views let anyone with `change_user` tick "Administrator" (superuser), set
any account's password and edit superusers. Here, for everyone but superusers:

- superusers and people managers (accounts holding any permission over accounts, groups
  or permissions, such as "Quản trị" members) cannot be edited or deleted, by the edit
  and delete views, the list's links or its bulk actions (`PortalUserPermissionPolicy`,
  which the views consult);
- superuser status is not offered and a forged one is refused (`PortalUserFormMixin`);
- only groups without such permissions may be given, and never to oneself;
- the password and e-mail of a staff account (one with admin access or in any group) are
  not offered: a password reset mail goes to that address, so changing it is setting the
  password.

Group permissions stay with superusers: "Quản trị" holds no permission on groups
(site_core/editorial/setup.py: setup_admins).

Plugged in through Wagtail's documented customisation: a UserViewSet named by the users
app config (site_core/editorial/users_apps.py), its forms and its permission policy.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.forms import CheckboxInput

from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)
from wagtail.users.views.users import CreateView, DeleteView, EditView, IndexView, UserViewSet

User = get_user_model()

SUPERUSER_ONLY_HELP = "Chỉ quản trị hệ thống (superuser) được thay đổi mục này."
SUPERUSER_STATUS_REFUSED = "Chỉ quản trị hệ thống (superuser) được cấp quyền quản trị hệ thống."
STAFF_PASSWORD_REFUSED = (  # a message, not a password
    "Chỉ quản trị hệ thống (superuser) được đặt mật khẩu cho tài khoản cán bộ "  # noqa: S105
    "(tài khoản vào được trang quản trị hoặc thuộc một nhóm)."
)
EMAIL_HELP = (
    "Chỉ quản trị hệ thống (superuser) được đổi thư điện tử của tài khoản cán bộ: "
    "thư đặt lại mật khẩu được gửi tới địa chỉ này."
)
EMAIL_REFUSED = "Chỉ quản trị hệ thống (superuser) được đổi thư điện tử của tài khoản cán bộ."
OWN_GROUPS_HELP = "Bạn không tự đổi nhóm của mình được; hãy nhờ quản trị hệ thống."
OWN_GROUPS_REFUSED = "Bạn không tự đổi nhóm của mình được."
GROUPS_HELP = (
    "Nhóm có quyền quản lý tài khoản hoặc nhóm (như “Quản trị”) chỉ quản trị hệ thống "
    "(superuser) được gán."
)


def management_permissions():
    """Permissions over accounts, groups or permissions: whoever holds one manages people."""
    user_type = ContentType.objects.get_for_model(User)
    return Permission.objects.filter(
        Q(content_type=user_type)
        | Q(content_type__app_label="auth", content_type__model__in=("group", "permission"))
    )


def management_groups():
    return Group.objects.filter(permissions__in=management_permissions()).distinct()


def grantable_groups(user):
    """The groups `user` may give to an account."""
    if user.is_superuser:
        return Group.objects.all()
    return Group.objects.exclude(pk__in=management_groups().values("pk"))


def people_managers():
    return User._default_manager.filter(
        Q(is_superuser=True)
        | Q(groups__in=management_groups())
        | Q(user_permissions__in=management_permissions())
    )


def is_staff_account(account):
    """An account with admin access or in any group: its password is the superuser's."""
    if account.pk is None:
        return False
    return (
        account.is_superuser
        or account.is_staff
        or account.groups.exists()
        or account.user_permissions.exists()
    )


class PortalUserPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and for "change" and "delete" the ordinary accounts only.

    A non-superuser may change their own account (name, e-mail, password: the forms
    lock the rest) but not delete it, as in Wagtail.
    """

    instance_actions = ("change", "delete")

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user.is_superuser or action not in self.instance_actions:
            return True
        if instance.pk == user.pk:
            return action == "change"
        return instance.pk not in self.people_manager_ids(user)

    @staticmethod
    def people_manager_ids(user):
        # Asked once per row of the users list: kept on the request's user, as Wagtail's
        # policies keep their permission caches.
        if not hasattr(user, "_portal_people_manager_ids"):
            user._portal_people_manager_ids = set(people_managers().values_list("pk", flat=True))
        return user._portal_people_manager_ids

    def instances_user_has_any_permission_for(self, user, actions):
        accounts = self.model._default_manager.all()
        if user.is_superuser and user.is_active:
            return accounts
        if self.user_has_any_permission(
            user, [action for action in actions if action not in self.instance_actions]
        ):
            return accounts
        allowed = [
            action
            for action in actions
            if action in self.instance_actions and self.user_has_permission(user, action)
        ]
        if not allowed:
            return accounts.none()
        ordinary = ~Q(pk__in=people_managers().values("pk"))
        if "change" in allowed:
            return accounts.filter(ordinary | Q(pk=user.pk))
        return accounts.filter(ordinary).exclude(pk=user.pk)


user_permission_policy = PortalUserPermissionPolicy(User)


class PortalUserFormMixin:
    """Takes `for_user`; what only a superuser may change is locked, and refused if forged."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        if not self.limited:
            return
        self.lock_field("is_superuser", SUPERUSER_ONLY_HELP)
        editing_self = self.instance.pk is not None and self.instance.pk == for_user.pk
        if editing_self:
            self.lock_field("groups", OWN_GROUPS_HELP)
        elif "groups" in self.fields:
            self.fields["groups"].queryset = grantable_groups(for_user)
            self.fields["groups"].help_text = GROUPS_HELP
        if not editing_self and is_staff_account(self.instance):
            self.lock_field("email", EMAIL_HELP)
            self.fields.pop("password1", None)
            self.fields.pop("password2", None)

    @property
    def limited(self):
        return self.for_user is not None and not self.for_user.is_superuser

    @property
    def password_enabled(self):
        # Wagtail's UserForm reads password1 on save when passwords are enabled.
        return super().password_enabled and "password1" in self.fields

    def lock_field(self, name, help_text):
        field = self.fields.get(name)
        if field is not None:
            field.disabled = True
            field.required = False
            field.help_text = help_text

    def submitted(self, name):
        field = self.fields.get(name)
        key = self.add_prefix(name)
        if field is None:
            return self.data.get(key)
        return field.widget.value_from_datadict(self.data, self.files, key)

    def clean(self):
        cleaned_data = super().clean()
        if not self.limited:
            return cleaned_data
        wants_superuser = CheckboxInput().value_from_datadict(
            self.data, self.files, self.add_prefix("is_superuser")
        )
        if wants_superuser and not self.instance.is_superuser:
            self.add_error(None, SUPERUSER_STATUS_REFUSED)
        if "password1" not in self.fields and (
            self.data.get(self.add_prefix("password1"))
            or self.data.get(self.add_prefix("password2"))
        ):
            self.add_error(None, STAFF_PASSWORD_REFUSED)
        email = self.fields.get("email")
        if email is not None and email.disabled:
            # A browser does not send a disabled field; a forged value is refused.
            submitted = self.submitted("email")
            if submitted is not None and submitted.strip() != (self.instance.email or ""):
                self.add_error(None, EMAIL_REFUSED)
        groups = self.fields.get("groups")
        if groups is not None and groups.disabled:
            submitted = {str(pk) for pk in self.submitted("groups") or ()}
            current = {str(pk) for pk in self.instance.groups.values_list("pk", flat=True)}
            if submitted and submitted != current:
                self.add_error(None, OWN_GROUPS_REFUSED)
        return cleaned_data


class PortalUserCreationForm(PortalUserFormMixin, UserCreationForm):
    pass


class PortalUserEditForm(PortalUserFormMixin, UserEditForm):
    pass


class UserFormKwargsMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["for_user"] = self.request.user
        return kwargs


class PortalUserIndexView(IndexView):
    """No edit or delete link for an account the user may not change or delete."""

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.user_has_permission_for_instance("delete", instance):
            return super().get_delete_url(instance)
        return None


class PortalUserCreateView(UserFormKwargsMixin, CreateView):
    pass


class PortalUserEditView(UserFormKwargsMixin, EditView):
    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("change", self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PortalUserDeleteView(DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance("delete", self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PortalUserViewSet(UserViewSet):
    index_view_class = PortalUserIndexView
    add_view_class = PortalUserCreateView
    edit_view_class = PortalUserEditView
    delete_view_class = PortalUserDeleteView

    @property
    def permission_policy(self):
        return user_permission_policy

    def get_form_class(self, for_update=False):
        return PortalUserEditForm if for_update else PortalUserCreationForm


# The users list's bulk actions, checked against the same policy. Registered with a later
# order than Wagtail's, so these replace the actions of the same type for the user model.


class PolicyCheckedUserBulkAction:
    permission_policy = user_permission_policy
    instance_action = "change"

    def check_perm(self, obj):
        return super().check_perm(obj) and user_permission_policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, obj
        )


class PortalDeleteBulkAction(PolicyCheckedUserBulkAction, DeleteBulkAction):
    instance_action = "delete"


class PortalSetActiveStateBulkAction(PolicyCheckedUserBulkAction, SetActiveStateBulkAction):
    pass


class PortalAssignRoleBulkAction(PolicyCheckedUserBulkAction, AssignRoleBulkAction):
    def check_perm(self, obj):
        user = self.request.user
        if obj.pk == user.pk and not user.is_superuser:
            return False  # nobody gives themselves a group
        return super().check_perm(obj)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["role"].queryset = grantable_groups(self.request.user)
        return form


for action_class in (
    PortalDeleteBulkAction,
    PortalSetActiveStateBulkAction,
    PortalAssignRoleBulkAction,
):
    hooks.register("register_bulk_action", action_class, order=100)
