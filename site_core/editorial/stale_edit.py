"""Refuse a stale edit form: one saved after someone else saved a newer revision.

Wagtail's edit form carries the revision it was loaded from (`loaded_revision_id`,
`loaded_revision_created_at`, and `overwrite_revision_id` once autosave made one).
Wagtail 7.4 compares them with the latest revision only for autosave; a plain "Lưu" or
"Gửi duyệt" from an older form silently overwrote the newer revision. The page form's
clean() (PortalPageForm, the base form of every page type) makes the same comparison for
every save; PortalSnippetForm does the same for snippets with revisions (news categories).
The edit view then re-renders the form with the user's posted text and the
message; the re-rendered form carries the new latest revision, so saving again is a
deliberate overwrite.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.utils import get_user_display_name
from wagtail.models import DraftStateMixin, Revision, RevisionMixin

STALE_EDIT = (
    "Không lưu được vì đã có bản mới hơn: {who} đã {action} “{title}” lúc {when}, sau "
    "khi bạn mở trang sửa. Nội dung bạn vừa nhập vẫn còn ở dưới. Hãy mở bài trong một thẻ "
    "khác để xem bản của {who}, gộp phần sửa của bạn vào rồi lưu. Nếu bấm lưu lần nữa, bản "
    "của bạn sẽ thay bản của {who}."
)
SOMEONE = "một người khác"


def is_stale(data, latest):
    """Wagtail's own test (EditView.is_out_of_date), applied to a submitted form's data."""
    latest_id = str(latest.pk)
    if overwrite_id := data.get("overwrite_revision_id"):
        return overwrite_id != latest_id
    if loaded_id := data.get("loaded_revision_id"):
        if loaded_id != latest_id:
            return True
        return data.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
    return False  # a form without the markers (created by code): nothing to compare


def describe_revision(revision, live_revision_id):
    when = timezone.localtime(revision.created_at).strftime("%H:%M ngày %d/%m/%Y")
    who = get_user_display_name(revision.user) if revision.user else SOMEONE
    action = "xuất bản" if live_revision_id == revision.pk else "lưu bản nháp"
    return STALE_EDIT.format(who=who, action=action, title=revision.object_str, when=when)


class StaleEditGuardMixin:
    """For the admin forms of models with revisions: a form loaded from an older revision
    than the latest is refused."""

    def clean(self):
        cleaned_data = super().clean()
        instance = self.instance
        if not (self.is_bound and instance.pk and isinstance(instance, RevisionMixin)):
            return cleaned_data
        fields = ["latest_revision_id"]
        if isinstance(instance, DraftStateMixin):
            fields.append("live_revision_id")
        row = type(instance)._default_manager.filter(pk=instance.pk).values(*fields).first()
        if row and row["latest_revision_id"]:
            latest = Revision.objects.select_related("user").get(pk=row["latest_revision_id"])
            if is_stale(self.data, latest):
                raise ValidationError(
                    describe_revision(latest, row.get("live_revision_id")), code="stale_edit"
                )
        return cleaned_data


class PortalSnippetForm(StaleEditGuardMixin, WagtailAdminModelForm):
    """Base form (`base_form_class`) of snippets with revisions."""
