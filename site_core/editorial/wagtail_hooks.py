"""Admin rules of the publishing workflow.

Who may publish, unpublish, copy, move and delete is decided by the page permission
tester (site_core/editorial/permission_tester.py), which Wagtail's own views and menus consult.
Here: a sent-back page is reviewed again from the first step, withdrawals keep their
reason, and the dashboard shows what waits for review.
"""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, WorkflowState

from site_core.editorial import (
    bulk_rules,  # noqa: F401 - registers the bulk actions
    chooser_rows,
    guide,
    localize_buttons,
    localize_guards,
    review_actions,
    review_link_views,
    review_links,
    visibility,
    withdrawal_views,
)
from site_core.editorial.models import FourEyesApprovalTask
from site_core.editorial.withdrawal import (  # also registers the bulk withdrawal
    PUBLIC_REASON_REQUIRED,
    REASON_REQUIRED,
    REINSTATE_ACTION,
    WITHDRAW_ACTION,
    PublicNotice,
    log_withdrawal,
    normalise_reason,
    record_withdrawal,
    shows_notice,
    snapshot,
)


@hooks.register("before_edit_page")
def before_edit_page(request, page):
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    if request.method == "POST" and request.POST.get("action-submit"):
        # Wagtail resumes a sent-back workflow at the step that sent it back; the portal
        # wants changed content reviewed again from the first step.
        workflow_state.cancel(user=request.user)
    elif request.method == "GET":
        rejected = workflow_state.current_task_state
        comment = rejected.get_comment() if rejected else ""
        by = (
            rejected.finished_by.get_full_name() or rejected.finished_by.get_username()
            if (rejected and rejected.finished_by)
            else ""
        )
        text = f"Bài bị trả lại ở bước “{rejected.task.name}”" if rejected else "Bài bị trả lại"
        if by:
            text += f" bởi {by}"
        text += f". Ý kiến: “{comment}”." if comment else "."
        button = review_actions.resubmit_label(workflow_state)
        messages.warning(
            request,
            text + f" Sửa bài rồi chọn “{button}” (trong trình đơn cạnh nút “Lưu bản nháp”)"
            " để bài được duyệt lại từ bước đầu.",
        )


# Withdrawing a page: the board gives a reason, kept in the page history.


class WithdrawFormatter(LogFormatter):
    label = "Gỡ bài (có lý do)"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        reason = data.get("reason", "")
        text = f"Gỡ bài khỏi cổng thông tin. Lý do: {reason}" if reason else "Gỡ bài"
        if data.get("removed_entirely"):
            text += " Gỡ hẳn, không để lại thông báo."
        elif data.get("public_reason"):
            text += f" Thông báo cho bạn đọc: {data['public_reason']}"
        return text

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("reason", "")


class ReinstateFormatter(LogFormatter):
    label = "Đăng lại bài đã gỡ"

    def format_message(self, log_entry):
        return "Đăng lại bài đã gỡ (phiên bản đã đăng trước khi gỡ)."


class ReviewLinkCreatedFormatter(LogFormatter):
    label = "Tạo liên kết xem duyệt"

    def format_message(self, log_entry):
        note = (log_entry.data or {}).get("note", "")
        return f"Tạo liên kết xem duyệt gửi cho {note}." if note else "Tạo liên kết xem duyệt."


class ReviewLinkRevokedFormatter(LogFormatter):
    label = "Thu hồi liên kết xem duyệt"

    def format_message(self, log_entry):
        note = (log_entry.data or {}).get("note", "")
        return (
            f"Thu hồi liên kết xem duyệt gửi cho {note}." if note else "Thu hồi liên kết xem duyệt."
        )


@hooks.register("register_log_actions")
def register_withdraw_log_action(actions):
    actions.register_action(WITHDRAW_ACTION)(WithdrawFormatter)
    actions.register_action(REINSTATE_ACTION)(ReinstateFormatter)
    actions.register_action(review_links.CREATE_ACTION)(ReviewLinkCreatedFormatter)
    actions.register_action(review_links.REVOKE_ACTION)(ReviewLinkRevokedFormatter)


@hooks.register("before_unpublish_page")
def require_withdraw_reason(request, page):
    reason = normalise_reason(request.POST.get("reason", ""))
    notice = PublicNotice.from_post(request.POST) if shows_notice(page) else None
    errors = [REASON_REQUIRED] if not reason else []
    if notice is not None and not notice.is_valid:
        errors.append(PUBLIC_REASON_REQUIRED)
    if errors:
        for error in errors:
            messages.error(request, error)
        return redirect(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    request.withdraw_reason = reason
    request.withdraw_notice = notice
    request.withdraw_snapshot = snapshot(page)
    # "Include descendants" takes the live pages below down too: each keeps the reason.
    request.withdraw_descendants = (
        list(page.get_descendants().live().values_list("pk", flat=True))
        if request.POST.get("include_descendants")
        else []
    )


@hooks.register("after_unpublish_page")
def log_withdraw_reason(request, page):
    reason = getattr(request, "withdraw_reason", "")
    if not reason:
        return
    notice = getattr(request, "withdraw_notice", None)
    if notice is not None:
        record_withdrawal(page, request.user, notice, request.withdraw_snapshot)
    log_withdrawal(page, request.user, reason, notice)
    taken_down = Page.objects.filter(
        pk__in=getattr(request, "withdraw_descendants", []), live=False
    )
    for descendant in taken_down:
        log_withdrawal(descendant, request.user, reason)


# The board's reinstate view, and the withdrawn state in the page listing and editor.
hooks.register("register_admin_urls", withdrawal_views.admin_urls)
hooks.register("register_page_header_buttons", withdrawal_views.reinstate_header_button)
hooks.register("register_page_listing_more_buttons", withdrawal_views.reinstate_listing_button)
hooks.register("before_edit_page", withdrawal_views.withdrawn_message)
# Review links: a draft shown to someone without an account (review_links.py).
hooks.register("register_admin_urls", review_link_views.admin_urls)
hooks.register("register_page_header_buttons", review_link_views.header_button)
hooks.register("register_page_listing_more_buttons", review_link_views.listing_button)


# Dashboard: what waits for me (oldest first) and where my own submissions stand.


class AwaitingMyReviewPanel(Component):
    name = "portal_awaiting_review"
    template_name = "editorial/awaiting_review_panel.html"
    order = 100

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        states = (
            FourEyesApprovalTask.states_to_review(request.user)
            .select_related("revision__user", "workflow_state__requested_by", "task")
            .order_by("started_at")[:50]
        )
        items = []
        for state in states:
            obj = state.revision.content_object if state.revision_id else None
            if obj is None:
                continue
            items.append({"state": state, "object": obj})
        return {"items": items, "request": request}


class MySubmissionsPanel(Component):
    name = "portal_my_submissions"
    template_name = "editorial/my_submissions_panel.html"
    order = 110

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        states = (
            WorkflowState.objects.filter(requested_by=request.user)
            .filter(
                Q(status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES])
                | Q(status=WorkflowState.STATUS_APPROVED)
            )
            .select_related("current_task_state__task", "workflow")
            .order_by("-created_at")[:30]
        )
        items = []
        for state in states:
            obj = state.content_object
            if obj is None:
                continue
            comment = ""
            last = state.task_states.exclude(comment="").order_by("-finished_at").first()
            if last is not None:
                comment = last.comment
            items.append({"state": state, "object": obj, "comment": comment})
        return {"items": items, "request": request}


@hooks.register("construct_homepage_panels")
def portal_homepage_panels(request, panels):
    panels[:] = [
        panel
        for panel in panels
        if getattr(panel, "name", "")
        not in ("workflow_objects_to_moderate", "user_objects_in_workflow_moderation")
    ]
    panels.append(AwaitingMyReviewPanel())
    panels.append(MySubmissionsPanel())


# The footer's workflow buttons and the messages after a workflow action (review_actions.py).
hooks.register("construct_page_action_menu", review_actions.arrange_page_action_menu)
hooks.register("before_edit_page", review_actions.remember_workflow_action)
hooks.register("after_edit_page", review_actions.workflow_result_message)


# The portal's colours and the date picker's button names in every admin page.
@hooks.register("insert_global_admin_css")
def portal_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin.css"))


@hooks.register("insert_global_admin_js")
def portal_admin_js():
    return format_html('<script src="{}" defer></script>', static("editorial/admin.js"))


# The help menu leads to the portal's Vietnamese editor guide (guide.py).
hooks.register("register_admin_urls", guide.guide_urls)
hooks.register("construct_help_menu", guide.portal_help_menu)
# wagtail-localize's views, guarded by the page permission tester (localize_guards.py).
hooks.register("register_admin_urls", localize_guards.translation_guard_urls, order=-1)
hooks.register("construct_page_action_menu", localize_guards.hide_publisher_only_localize_items)
# wagtail-localize's buttons in the explorer's rows, read for all rows at once (issue 12).
localize_buttons.replace_wagtail_localize_listing_buttons()
# Page choosers list only what the user may see (visibility.py; hole 5 of issue 8).
hooks.register("construct_page_chooser_queryset", visibility.chooser_shows_visible_pages)
# ...read for all its rows at once (chooser_rows.py; issue 12).
hooks.register("construct_page_chooser_queryset", chooser_rows.chooser_rows_in_few_queries, order=1)
