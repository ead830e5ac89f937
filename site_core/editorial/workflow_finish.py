"""What the last approval of "Quy trình đăng tin" does (WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail's default action publishes the latest revision with the approver's own publish
permissions. The portal gives those to nobody but superusers: the page permission tester
(site_core/editorial/permission_tester.py) refuses `can_publish` to everyone else, and no group holds
`publish_<model>` on people or news categories, so the snippet editor's and
wagtail-localize's "Publish" buttons cannot put anything live without review. The approved
workflow is what authorises this publication; the tasks decide who may approve
(site_core.models.FourEyesApprovalTask).

Wagtail imports this while loading its models, so the module imports nothing.
"""

from django.core.exceptions import PermissionDenied


def publish_approved(workflow_state, user=None):
    # WorkflowState.finish() marks the state approved before calling this; anything else
    # means someone called it by hand, and an unapproved revision must not go live.
    if workflow_state.status != workflow_state.STATUS_APPROVED:
        raise PermissionDenied("Chỉ nội dung đã được duyệt xong mới được đăng.")
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
