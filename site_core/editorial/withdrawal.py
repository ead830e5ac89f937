"""Withdrawing pages: every path that takes a live page down asks for a reason and keeps
it in the page history ("portal.withdraw").

The unpublish view's reason form and hooks live in site_core/editorial/wagtail_hooks.py; this
module gives Wagtail's bulk unpublish the same rule. Deleting a live page is refused by
the permission tester (site_core/editorial/permission_tester.py): withdraw it first.
"""

from django import forms

from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions import UnpublishBulkAction
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import DefaultPageForm
from wagtail.log_actions import log

WITHDRAW_ACTION = "portal.withdraw"
REASON_MAX_LENGTH = 1000
REASON_REQUIRED = "Hãy ghi lý do gỡ bài; lý do được lưu trong lịch sử trang."


def normalise_reason(text):
    return " ".join((text or "").split())[:REASON_MAX_LENGTH]


def log_withdrawal(page, user, reason):
    log(instance=page.specific, action=WITHDRAW_ACTION, user=user, data={"reason": reason})


class BulkWithdrawForm(DefaultPageForm):
    reason = forms.CharField(
        label="Lý do gỡ bài",
        help_text="Bắt buộc; được lưu trong lịch sử của từng trang bị gỡ.",
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": REASON_REQUIRED},
    )
    field_order = ["reason", "include_descendants"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["include_descendants"].label = "Gỡ cả các trang con đang đăng"

    def clean_reason(self):
        reason = normalise_reason(self.cleaned_data["reason"])
        if not reason:
            raise forms.ValidationError(REASON_REQUIRED)
        return reason


class PortalUnpublishBulkAction(UnpublishBulkAction):
    """Wagtail's bulk unpublish with a required reason, logged on every page it takes down."""

    form_class = BulkWithdrawForm
    template_name = "editorial/confirm_bulk_unpublish.html"

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "reason": self.cleaned_form.cleaned_data["reason"],
        }

    @classmethod
    def execute_action(
        cls,
        objects,
        reason="",
        include_descendants=False,
        user=None,
        permission_checker=None,
        **kwargs,
    ):
        if not reason:
            raise ValueError("A withdrawal needs a reason.")
        num_parent_objects, num_child_objects = 0, 0
        for page in objects:
            page.unpublish(user=user)
            log_withdrawal(page, user, reason)
            num_parent_objects += 1
            if not include_descendants:
                continue
            for descendant in page.get_descendants().live().defer_streamfields().specific():
                if user is None or permission_checker(descendant):
                    descendant.unpublish(user=user)
                    log_withdrawal(descendant, user, reason)
                    num_child_objects += 1
        return num_parent_objects, num_child_objects


# The registry keeps the last class registered for an action type: after Wagtail's own.
hooks.register("register_bulk_action", PortalUnpublishBulkAction, order=1)
