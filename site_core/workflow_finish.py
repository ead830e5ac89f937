"""What the last approval of "Quy trình đăng tin" does (WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail's default action publishes the latest revision as the last approver and, for
snippets, first checks that approver's model-wide `publish_<model>` permission. The portal
gives that permission to no group: with it, the snippet editor's own "Publish" button (and
wagtail-localize's) would put a person or a category live without review. For snippets the
approved workflow is the authority, so they are published without that check. Pages keep
Wagtail's default action unchanged.
"""

from django.core.exceptions import PermissionDenied


def publish_approved(workflow_state, user=None):
    # Imported here: wagtail.models imports this module while it is being defined.
    from wagtail.models import Page, WorkflowState
    from wagtail.workflows import publish_workflow_state

    obj = workflow_state.content_object
    if isinstance(obj, Page):
        publish_workflow_state(workflow_state, user=user)
        return
    # WorkflowState.finish() marks the state approved before calling this; anything else
    # means someone called it by hand, and an unapproved revision must not go live.
    if workflow_state.status != WorkflowState.STATUS_APPROVED:
        raise PermissionDenied("Chỉ nội dung đã được duyệt xong mới được đăng.")
    obj.get_latest_revision().publish(user=user, skip_permission_checks=True)
