"""The editor's footer and messages along "Quy trình đăng tin".

- A sent-back page is reviewed again from the first step (``before_edit_page`` in
  wagtail_hooks.py cancels the run on resubmission), so its resubmit button names that
  first step, not the step that sent it back (Wagtail's label names the latter).
- A reviewer's primary actions are "Trả lại" and "Duyệt" (or "Duyệt và xuất bản" at the
  last step), side by side; saving a draft and the rest stay in the menu.
- After a workflow action taken from the editor, the message says what happened and links
  to the result: the live page after the approval that published it, the page in the
  explorer otherwise. It replaces Wagtail's generic "Page … has been updated.".

All of it goes through Wagtail's ``construct_page_action_menu`` and ``before/after_edit_page``
hooks and its admin messages with buttons; the workflow action dialog view, which has no
hook, is a subclass served at Wagtail's own path (admin_urls.py).
"""

from django.contrib import messages as django_messages
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext

from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem, SubmitForModerationMenuItem
from wagtail.admin.views.pages.workflow import WorkflowAction
from wagtail.models import Page, TaskState, WorkflowState

from . import workflow_rules

REVIEW_ACTIONS = ("reject", "approve")


def resubmit_label(workflow_state):
    """The label of the button that sends a sent-back page to review again."""
    first = workflow_rules.first_task(workflow_state)
    return gettext("Resubmit to %(task_name)s") % {"task_name": first.name if first else ""}


def needs_changes(page):
    state = page.current_workflow_state if page is not None and page.pk else None
    return state if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES else None


class ResubmitFromFirstStepMenuItem(SubmitForModerationMenuItem):
    """Wagtail's submit item, naming the step the page will really go to."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = needs_changes(context.get("page"))
        if state is not None:
            context["label"] = resubmit_label(state)
        return context


class ReviewActionsMenuItem(ActionMenuItem):
    """ "Trả lại" and "Duyệt" as two buttons in the footer's main place."""

    def __init__(self, reject, approve):
        self.reject, self.approve = reject, approve
        self.name = approve.name
        super().__init__(order=approve.order)

    def render_html(self, parent_context):
        return format_html(
            "{}{}",
            self.reject.render_html(parent_context),
            self.approve.render_html(parent_context),
        )


def is_review_item(item, name):
    # Wagtail's WorkflowMenuItem carries the task action's name; "approve" comes twice
    # (without and with a comment), the first one has no dialog.
    return item.name == name and hasattr(item, "launch_modal")


def arrange_page_action_menu(menu_items, request, context):
    """construct_page_action_menu: the resubmit label and the reviewer's primary actions."""
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = ResubmitFromFirstStepMenuItem(order=item.order)
    approve = next(
        (i for i in menu_items if is_review_item(i, "approve") and not i.launch_modal), None
    )
    reject = next((i for i in menu_items if is_review_item(i, "reject")), None)
    first = approve or reject
    if first is None:
        return
    rest = [item for item in menu_items if item not in (approve, reject)]
    primary = ReviewActionsMenuItem(reject, approve) if approve and reject else first
    menu_items[:] = [primary, *rest]


# --- messages after a workflow action --------------------------------------------------------


def remember_workflow_action(request, page):
    """before_edit_page: the step a workflow action was posted for."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return
    state = page.current_workflow_state
    request.portal_workflow_action = (
        request.POST.get("workflow-action-name", ""),
        state.current_task_state_id if state else None,
    )


def explorer_button(page):
    parent = page.get_parent()
    return messages.button(
        reverse("wagtailadmin_explore", args=[parent.pk]),
        "Xem trong danh sách trang",
        new_window=False,
    )


def drop_updated_message(request, page):
    """Take Wagtail's generic "Page … has been updated." out of the queued messages."""
    updated = gettext("Page '%(page_title)s' has been updated.") % {
        "page_title": page.get_admin_display_title()
    }
    # wagtail.admin.messages stores the message rendered with its buttons (none here).
    rendered = str(messages.render(updated, None)).strip()
    storage = django_messages.get_messages(request)
    kept = [message for message in storage if str(message.message).strip() != rendered]
    for message in kept:  # iterating marked them as read: queue the others again
        django_messages.add_message(request, message.level, message.message, message.extra_tags)


def workflow_result_message(request, page):
    """after_edit_page: say what the workflow action did, with a link to the result."""
    action = getattr(request, "portal_workflow_action", None)
    if action is None:
        return
    name, step_id = action
    step = TaskState.objects.filter(pk=step_id).select_related("workflow_state").first()
    if step is None or step.status not in (TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED):
        return  # refused or restarted: workflow_rules has said why
    page = Page.objects.get(pk=page.pk).specific  # as the action left it (live or not)
    title = page.get_admin_display_title()
    state = step.workflow_state
    state.refresh_from_db()
    if step.status == TaskState.STATUS_REJECTED:
        requester = state.requested_by
        who = (requester.get_full_name() or requester.get_username()) if requester else ""
        text = f"Đã trả lại “{title}”" + (f" cho {who}" if who else "") + " để sửa."
        buttons = [explorer_button(page)]
    elif state.status == WorkflowState.STATUS_APPROVED and page.live:
        text = f"Đã duyệt và đăng “{title}” lên cổng thông tin."
        buttons = [explorer_button(page)]
        if page.url:
            buttons.insert(0, messages.button(page.url, "Xem trang đã đăng", new_window=True))
    else:
        next_step = state.current_task_state.task.name if state.current_task_state_id else ""
        text = f"Đã duyệt “{title}”." + (
            f" Bài chuyển sang bước “{next_step}”." if next_step else ""
        )
        buttons = [explorer_button(page)]
    drop_updated_message(request, page)
    messages.success(request, text, buttons=buttons)


class PortalWorkflowAction(WorkflowAction):
    """Wagtail's workflow action dialog view (approve or send back with a comment, from the
    task preview or a dialog), ending with the same message as the editor's footer."""

    def post(self, request, *args, **kwargs):
        request.portal_workflow_action = (self.action_name, self.task_state.pk)
        response = super().post(request, *args, **kwargs)
        workflow_result_message(request, self.object)
        return response


def workflow_action_urls():
    # Wagtail's own path, served first (admin_urls.py).
    return [
        path(
            "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
            PortalWorkflowAction.as_view(),
            name="portal_workflow_action",
        )
    ]
