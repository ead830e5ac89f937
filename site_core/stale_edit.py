"""Refuse a stale edit form: one saved after someone else saved a newer revision.

Wagtail's edit form carries the revision it was loaded from (`loaded_revision_id`,
`loaded_revision_created_at`, and `overwrite_revision_id` once autosave made one).
Wagtail 7.4 compares them with the latest revision only for autosave; a plain "Lưu" or
"Gửi duyệt" from an older form silently overwrote the newer revision. The page form's
clean() (PortalPageForm, the base form of every page type) makes the same comparison for
every save. The edit view then re-renders the form with the user's posted text and the
message; the re-rendered form carries the new latest revision, so saving again is a
deliberate overwrite.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, Revision

STALE_EDIT = (
    "Không lưu được vì bài đã có bản mới hơn: {who} đã {action} “{title}” lúc {when}, sau "
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


def describe_revision(page, revision):
    when = timezone.localtime(revision.created_at).strftime("%H:%M ngày %d/%m/%Y")
    who = get_user_display_name(revision.user) if revision.user else SOMEONE
    action = "xuất bản" if page.live_revision_id == revision.pk else "lưu bản nháp"
    title = revision.content.get("title") or page.title
    return STALE_EDIT.format(who=who, action=action, title=title, when=when)


class StaleEditGuardMixin:
    """For page form classes: a form loaded from an older revision is refused."""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and self.is_bound:
            page = Page.objects.filter(pk=self.instance.pk).only("latest_revision", "live_revision")
            page = page.first()
            latest = (
                Revision.objects.select_related("user").filter(pk=page.latest_revision_id).first()
                if page is not None and page.latest_revision_id
                else None
            )
            if latest is not None and is_stale(self.data, latest):
                raise ValidationError(describe_revision(page, latest), code="stale_edit")
        return cleaned_data
