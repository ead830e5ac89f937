"""Replacing the file of an image or document that live content uses is for the board.

A new file under an existing image or document shows at once on every page that uses it,
without review. Wagtail lets anyone with `change_image`/`change_document` on the collection,
and (collection ownership policy) the uploader with only `add_*`, edit it. The rule sits in
the form classes Wagtail's views build (WAGTAILIMAGES_IMAGE_FORM_BASE,
WAGTAILDOCS_DOCUMENT_FORM_BASE): the image and document edit views are the only admin views
whose form has a `file` field for an existing object; the multiple uploader's edit forms
have none, and the choosers' upload tabs only create new objects.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from site_core.files.live_usage import live_users

LIVE_FILE_REFUSED = (
    "Không thay được tệp: {kind} này đang dùng trên nội dung đã đăng ({where}). Thay tệp sẽ "
    "đổi ngay trang công khai mà không qua duyệt, nên chỉ Ban biên tập được làm. Hãy tải "
    "tệp mới lên thành {kind} khác rồi sửa bài để dùng nó (bài sẽ qua quy trình đăng tin), "
    "hoặc nhờ Ban biên tập thay tệp."
)
LIVE_FILE_HELP = "{kind_title} này đang dùng trên nội dung đã đăng: chỉ Ban biên tập được thay tệp."
MAX_NAMED_USERS = 3


def is_board_for(user, objects):
    """May `user` change, without review, what visitors see on all of `objects`?

    Superusers may. Otherwise the user must be of the board: hold `publish_page` on every
    live page among `objects` (through a group, on the page or an ancestor), and on some
    page tree when `objects` also holds snippets or settings.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    policy = PagePermissionPolicy()
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if not all(policy.user_has_permission_for_instance(user, "publish", page) for page in pages):
        return False
    if len(pages) < len(objects):
        return policy.user_has_permission(user, "publish")
    return True


def describe(objects):
    names = [
        f"“{obj.title}”" if isinstance(obj, Page) else f"“{obj}”"
        for obj in objects[:MAX_NAMED_USERS]
    ]
    more = len(objects) - len(names)
    if more:
        names.append(f"và {more} nội dung khác")
    return ", ".join(names)


class LiveFileGuardMixin:
    """For the image and document form bases: refuse a new file under live content.

    Wagtail passes the signed-in user as `user` (BaseCollectionMemberForm pops it); a form
    built without one is refused too, since nobody can be shown to be of the board.
    """

    file_kind = "tệp"

    def __init__(self, *args, user=None, **kwargs):
        self.acting_user = user
        super().__init__(*args, user=user, **kwargs)
        # Say so before anyone picks a file, not only after the refusal.
        if self.file_is_locked():
            self.fields["file"].help_text = LIVE_FILE_HELP.format(
                kind_title=self.file_kind.capitalize()
            )

    def file_is_locked(self):
        return (
            "file" in self.fields
            and bool(self.live_file_users)
            and not is_board_for(self.acting_user, self.live_file_users)
        )

    @cached_property
    def live_file_users(self):
        return live_users(self.instance) if self.instance.pk else []

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not self.instance.pk or "file" not in self.changed_data:
            return file
        if self.file_is_locked():
            raise ValidationError(
                LIVE_FILE_REFUSED.format(kind=self.file_kind, where=describe(self.live_file_users)),
                code="live_file",
            )
        return file
