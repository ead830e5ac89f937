"""Withdrawing pages: every path that takes a live page down asks for a reason and keeps
it in the page history ("portal.withdraw").

News articles and documents (page types with `withdrawal_notice`) keep their address: a
visitor finds there a notice with the date and the board's public reason, answered with
410 Gone (site_core/models.py WithdrawalNoticeMixin), unless the board chose "Gỡ hẳn"
(remove entirely: a plain 404). The page is unpublished either way, so lists, search,
feeds, sitemaps, the API and its files leave it at once; the notice reads a copy of the
live title kept in PageWithdrawal, never a draft. The board can reinstate the revision
that was live ("portal.reinstate", views in withdrawal_views.py).

The unpublish view's reason form and hooks live in site_core/editorial/wagtail_hooks.py; this
module gives Wagtail's bulk unpublish the same rule. Deleting a live page is refused by
the permission tester (site_core/editorial/permission_tester.py): withdraw it first.
"""

from django import forms
from django.db import transaction
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions import UnpublishBulkAction
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import DefaultPageForm
from wagtail.log_actions import log

from site_core.editorial.models import PageWithdrawal

WITHDRAW_ACTION = "portal.withdraw"
REINSTATE_ACTION = "portal.reinstate"
REASON_MAX_LENGTH = 1000
REASON_REQUIRED = "Hãy ghi lý do gỡ bài; lý do được lưu trong lịch sử trang."
PUBLIC_REASON_REQUIRED = (
    "Hãy ghi lý do công khai (hiện cho bạn đọc tại địa chỉ của bài), "
    "hoặc chọn “Gỡ hẳn” để địa chỉ không còn thông báo."
)
PUBLIC_REASON_LABEL = "Lý do công khai (hiện cho bạn đọc)"
REMOVE_ENTIRELY_LABEL = "Gỡ hẳn: không để lại thông báo, địa chỉ trả về “Không tìm thấy trang”"


def shows_notice(page):
    """True for the page types that keep a notice at their address once withdrawn."""
    return getattr(page.specific_class, "withdrawal_notice", False)


class PublicNotice:
    """What the board decided visitors see at a withdrawn page's address."""

    def __init__(self, public_reason="", removed_entirely=False):
        self.public_reason = normalise_reason(public_reason)
        self.removed_entirely = bool(removed_entirely)

    @classmethod
    def from_post(cls, data):
        return cls(data.get("public_reason", ""), data.get("remove_entirely"))

    @property
    def is_valid(self):
        return self.removed_entirely or bool(self.public_reason)

    def log_data(self):
        return {"public_reason": self.public_reason, "removed_entirely": self.removed_entirely}


def normalise_reason(text):
    return " ".join((text or "").split())[:REASON_MAX_LENGTH]


def log_withdrawal(page, user, reason, notice=None):
    data = {"reason": reason}
    if notice is not None:
        data.update(notice.log_data())
    log(instance=page.specific, action=WITHDRAW_ACTION, user=user, data=data)


def snapshot(page):
    """What the notice will show, read from the live page before it is unpublished."""
    page = page.specific
    return {
        "title": page.title,
        "reference": page.get_reference(),
        "revision_id": page.live_revision_id,
    }


def record_withdrawal(page, user, notice, taken):
    """Keep the notice of a page just unpublished (`taken`: its snapshot() before)."""

    PageWithdrawal.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "title": taken["title"][:255],
            "reference": (taken["reference"] or "")[:255],
            "public_reason": notice.public_reason,
            "removed_entirely": notice.removed_entirely,
            "withdrawn_at": timezone.now(),
            "withdrawn_by": user,
            "revision_id": taken["revision_id"],
        },
    )


def withdraw(page, user, reason, notice):
    """Take a live page down with its reasons: unpublished, logged, its notice kept."""
    taken = snapshot(page)
    if not notice.is_valid:
        # A descendant article of a section withdrawn without a public reason: no notice.
        notice = PublicNotice(removed_entirely=True)
    with transaction.atomic():
        page.unpublish(user=user)
        if shows_notice(page):
            record_withdrawal(page, user, notice, taken)
            log_withdrawal(page, user, reason, notice)
        else:
            log_withdrawal(page, user, reason)


def forget_withdrawal(sender, instance, **kwargs):
    """A page published again (reinstated, or a new version through the workflow) is no
    longer withdrawn: its notice goes."""

    PageWithdrawal.objects.filter(page_id=instance.pk).delete()


def reinstate(page, user):
    """Publish again the revision that was live when the page was withdrawn.

    Not a new publication: that revision went through the workflow already, so the board
    puts it back without a second review. A draft written since stays a draft.
    """
    revision = page.portal_withdrawal.revision
    # The tester refuses can_publish to all but superusers (four eyes); the caller checked
    # can_reinstate().
    revision.publish(user=user, log_action=REINSTATE_ACTION, skip_permission_checks=True)


class BulkWithdrawForm(DefaultPageForm):
    reason = forms.CharField(
        label="Lý do gỡ bài",
        help_text="Bắt buộc; được lưu trong lịch sử của từng trang bị gỡ.",
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": REASON_REQUIRED},
    )
    public_reason = forms.CharField(
        label=PUBLIC_REASON_LABEL,
        help_text="Bắt buộc khi có tin hoặc văn bản, trừ khi chọn “Gỡ hẳn”: địa chỉ của "
        "chúng hiện ngày gỡ và lý do này.",
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    remove_entirely = forms.BooleanField(label=REMOVE_ENTIRELY_LABEL, required=False)
    field_order = ["reason", "public_reason", "remove_entirely", "include_descendants"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["include_descendants"].label = "Gỡ cả các trang con đang đăng"

    def clean_reason(self):
        reason = normalise_reason(self.cleaned_data["reason"])
        if not reason:
            raise forms.ValidationError(REASON_REQUIRED)
        return reason

    def clean(self):
        cleaned = super().clean()
        cleaned["notice"] = PublicNotice(
            cleaned.get("public_reason"), cleaned.get("remove_entirely")
        )
        return cleaned


class PortalUnpublishBulkAction(UnpublishBulkAction):
    """Wagtail's bulk unpublish with a required reason, logged on every page it takes down."""

    form_class = BulkWithdrawForm
    template_name = "editorial/confirm_bulk_unpublish.html"

    def prepare_action(self, objects, objects_without_access):
        # The public reason is asked for when an article or a document is among the pages.
        form = self.cleaned_form
        if not form.cleaned_data["notice"].is_valid and any(map(shows_notice, objects)):
            form.add_error("public_reason", PUBLIC_REASON_REQUIRED)
            return self.form_invalid(form)
        return super().prepare_action(objects, objects_without_access)

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "reason": self.cleaned_form.cleaned_data["reason"],
            "notice": self.cleaned_form.cleaned_data["notice"],
        }

    @classmethod
    def execute_action(
        cls,
        objects,
        reason="",
        notice=None,
        include_descendants=False,
        user=None,
        permission_checker=None,
        **kwargs,
    ):
        if not reason:
            raise ValueError("A withdrawal needs a reason.")
        notice = notice or PublicNotice(removed_entirely=True)
        num_parent_objects, num_child_objects = 0, 0
        for page in objects:
            withdraw(page, user, reason, notice)
            num_parent_objects += 1
            if not include_descendants:
                continue
            for descendant in page.get_descendants().live().defer_streamfields().specific():
                if user is None or permission_checker(descendant):
                    withdraw(descendant, user, reason, notice)
                    num_child_objects += 1
        return num_parent_objects, num_child_objects


# The registry keeps the last class registered for an action type: after Wagtail's own.
hooks.register("register_bulk_action", PortalUnpublishBulkAction, order=1)
