"""Four eyes over what is actually published, and secrecy, in "Quy trình đăng tin".

Wagtail publishes the *latest* revision when the last step approves, not the revision a
step started on. So the rules below look at every revision written since the page was
submitted, and an edit that changes the content while the page is in review sends it back
to the first step (``restart_from_first_step``). "Changes the content" is read from the
revisions' JSON, not from their ids: the edit page saves a revision whenever the browser's
form re-serialises rich text, approving from it included.

The rules are used by ``FourEyesApprovalTask`` (site_core/models.py): ``get_actions`` (the
action menu, the workflow views), ``on_action`` (what actually approves) and
``get_task_states_user_can_moderate`` (the dashboard). The admin hooks at the end of this
module apply them when a page or snippet is saved during review; site_core.models imports
this module, so they are registered whenever the task exists.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery

from wagtail import hooks
from wagtail.models import Page, Revision, Task, TaskState, WorkflowState

SUBMITTER_REFUSED = (
    "Bạn là người gửi duyệt bài này nên không thể tự phê duyệt: bài cần một người khác duyệt."
)
AUTHOR_REFUSED = (
    "Bạn đã sửa bài này kể từ khi bài được gửi duyệt nên không thể tự phê duyệt: "
    "nội dung do bạn viết phải được một người khác đọc và duyệt."
)
TWO_STEPS_REFUSED = (
    "Bạn đã duyệt một bước khác của lượt duyệt này; mỗi bước phải do một người khác duyệt."
)
EDIT_KEPT = "Phần sửa của bạn đã được lưu."
NOW_AT_STEP = "Bài đang chờ ở bước “{task}”."
RESTARTED = "Bài được sửa trong khi đang duyệt nên đã quay lại bước “{task}” để duyệt lại từ đầu."
RESTART_COMMENT = "Nội dung được sửa trong khi duyệt: duyệt lại từ bước đầu."
SECRECY_STOPPED = (
    "Văn bản được đặt độ mật “{level}” nên quy trình duyệt đã dừng: văn bản có độ mật không "
    "được đăng lên cổng thông tin. Văn bản được giữ ở bản nháp; nếu văn bản đã được giải mật, "
    "hãy bỏ độ mật rồi bấm “Gửi duyệt”."
)
SECRECY_DRAFT_ONLY = (
    "Văn bản đang đặt độ mật “{level}”: chỉ được lưu bản nháp, không gửi duyệt và không đăng "
    "lên cổng thông tin."
)


# --- the four-eyes rule -----------------------------------------------------------------


def submitted_revision(workflow_state):
    """The revision the run was submitted with: the one its first step started on."""
    first = (
        workflow_state.task_states.order_by("started_at", "id").select_related("revision").first()
    )
    return first.revision if first is not None else None


def revisions_since_submission(workflow_state):
    """Every revision of the object written since the run was submitted, that one included."""
    submitted = submitted_revision(workflow_state)
    if submitted is None:
        return Revision.objects.none()
    return Revision.objects.filter(
        base_content_type_id=workflow_state.base_content_type_id,
        object_id=workflow_state.object_id,
        created_at__gte=submitted.created_at,
    )


# What Wagtail records in a revision's content on every save, whatever the editor did. A
# browser's form often differs from its initial data in form only (rich text serialised
# anew), so Wagtail saves a revision when a reviewer approves from the edit page: that
# revision changes none of the content and is not "writing" it.
BOOKKEEPING_KEYS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
        "has_unpublished_changes",
        "live",
        "first_published_at",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "expired",
        "wagtail_admin_comments",
    }
)


def review_neutral_fields(revision):
    """What a content type declares is not part of what is reviewed (its
    `review_neutral_fields`, e.g. an article's royalty grade): read from the cached
    content type, no query."""
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    return frozenset(getattr(model, "review_neutral_fields", ()))


def content_of(revision):
    ignored = BOOKKEEPING_KEYS | review_neutral_fields(revision)
    return {key: value for key, value in revision.content.items() if key not in ignored}


def previous_revision(revision):
    return (
        Revision.objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            created_at__lt=revision.created_at,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def changes_content(revision, before=None):
    """True when `revision` differs from the one before it in more than bookkeeping."""
    before = before if before is not None else previous_revision(revision)
    return before is None or content_of(before) != content_of(revision)


def wrote_since_submission(workflow_state, user):
    return any(
        changes_content(revision)
        for revision in revisions_since_submission(workflow_state).filter(user=user)
    )


def approval_refusal(task_state, user):
    """Why `user` may not approve `task_state` under the four-eyes rule ("" if they may)."""
    if user is None or not user.is_authenticated:
        return SUBMITTER_REFUSED
    workflow_state = task_state.workflow_state
    if workflow_state.requested_by_id == user.pk:
        return SUBMITTER_REFUSED
    if (
        workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED, finished_by=user)
        .exclude(task_id=task_state.task_id)
        .exists()
    ):
        return TWO_STEPS_REFUSED
    if wrote_since_submission(workflow_state, user):
        return AUTHOR_REFUSED
    return ""


def exclude_refused(task_states, user):
    """The same rule as `approval_refusal`, as a filter on a TaskState queryset."""
    submitted_at = Subquery(
        TaskState.objects.filter(workflow_state_id=OuterRef(OuterRef("workflow_state_id")))
        .order_by("started_at", "id")
        .values("revision__created_at")[:1]
    )
    saved_since_submission = Revision.objects.filter(
        base_content_type_id=OuterRef("workflow_state__base_content_type_id"),
        object_id=OuterRef("workflow_state__object_id"),
        user=user,
        created_at__gte=submitted_at,
    )
    approved_another_step = TaskState.objects.filter(
        workflow_state_id=OuterRef("workflow_state_id"),
        status=TaskState.STATUS_APPROVED,
        finished_by=user,
    ).exclude(task_id=OuterRef("task_id"))
    task_states = task_states.exclude(workflow_state__requested_by=user).exclude(
        Exists(approved_another_step)
    )
    # Whether a revision changed the content is read from its JSON: only for the few runs
    # in which the user saved anything at all.
    authored = [
        state.pk
        for state in task_states.filter(Exists(saved_since_submission)).select_related(
            "workflow_state"
        )
        if wrote_since_submission(state.workflow_state, user)
    ]
    return task_states.exclude(pk__in=authored)


# --- edits during review go back to the first step --------------------------------------


def latest_revision(workflow_state):
    """The revision that the last approval would publish."""
    obj = workflow_state.content_object
    return obj.get_latest_revision() if obj is not None else None


def first_task(workflow_state):
    return (
        Task.objects.filter(workflow_tasks__workflow=workflow_state.workflow_id, active=True)
        .order_by("workflow_tasks__sort_order")
        .first()
    )


def changed_during_step(task_state, latest=None):
    """True when the content was saved after this step started.

    A new revision, or the step's own revision overwritten in place (Wagtail's autosave
    overwrites the author's latest revision and moves its created_at).
    """
    latest = latest or latest_revision(task_state.workflow_state)
    if latest is None:
        return False
    if latest.pk != task_state.revision_id:
        return task_state.revision is None or changes_content(latest, task_state.revision)
    return latest.created_at > task_state.started_at


def needs_restart(workflow_state):
    """True when the step in progress no longer reviews what would be published."""
    if workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return False
    return step_needs_restart(workflow_state.current_task_state)


def step_needs_restart(task_state):
    """`needs_restart` for one step, reading nothing through its workflow state's cache
    (Wagtail's approve() then updates that workflow state with its own copy of the step)."""
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return False
    workflow_state = task_state.workflow_state
    latest = latest_revision(workflow_state)
    if not changed_during_step(task_state, latest):
        return False
    # The first step overwritten in place still reviews the latest revision: nothing that
    # was approved is invalidated, and restarting on every autosave would flood the editors.
    first = first_task(workflow_state)
    return latest.pk != task_state.revision_id or task_state.task_id != getattr(first, "pk", None)


def restart_from_first_step(workflow_state, user):
    """Send the content back to the first step, to be reviewed again from the start.

    At the first step nothing has been approved yet: the step is cancelled and Wagtail
    starts it again on the latest revision, in the same run. At a later step the run's
    approvals no longer cover what would be published: the run is cancelled and a new one
    starts at the first step, still on behalf of the person who submitted it (Wagtail's
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT would compare revision ids instead of
    content, see settings). The cancelled step keeps a comment saying why, in the history.
    """
    task_state = workflow_state.current_task_state
    first = first_task(workflow_state)
    if first is not None and task_state.task_id == first.pk:
        task_state.specific.cancel(user=user, comment=RESTART_COMMENT)
        workflow_state.refresh_from_db()
        return workflow_state
    obj = workflow_state.content_object
    if isinstance(obj, Page):
        obj = obj.specific
    workflow, requested_by = workflow_state.workflow, workflow_state.requested_by
    workflow_state.cancel(user=user)
    TaskState.objects.filter(pk=task_state.pk).update(comment=RESTART_COMMENT)
    return workflow.start(obj, requested_by)


# --- secrecy -------------------------------------------------------------------------------


def secrecy_level(workflow_state=None, obj=None):
    """The secrecy level label ("Mật"...) of what would be published, or ""."""
    if obj is None:
        revision = latest_revision(workflow_state)
        obj = revision.as_object() if revision is not None else workflow_state.content_object
    level = getattr(obj, "secrecy_level", "")
    if not level:
        return ""
    display = getattr(obj, "get_secrecy_level_display", None)
    return display() if display else level


def stop_workflow(workflow_state, user):
    """End the run: content that can never go live must not wait in anyone's queue."""
    if workflow_state.status in (
        WorkflowState.STATUS_IN_PROGRESS,
        WorkflowState.STATUS_NEEDS_CHANGES,
    ):
        workflow_state.cancel(user=user)


# --- admin hooks: saving during review ----------------------------------------------------


def active_workflow_state(obj):
    return (
        WorkflowState.objects.active()
        .for_instance(obj)
        .select_related("current_task_state")
        .first()
    )


def asked_to_approve(request):
    return (
        request.method == "POST"
        and bool(request.POST.get("action-workflow-action"))
        and request.POST.get("workflow-action-name") == "approve"
    )


def note(request, level, text):
    # Autosave posts expect JSON: a message would only surface on some later page.
    if request.accepts("text/html"):
        messages.add_message(request, level, text)


def remember_step_under_review(request, obj):
    """Before the editor saves: the step a "save and approve" request means to approve."""
    if asked_to_approve(request):
        state = active_workflow_state(obj)
        request.portal_step_to_approve = state.current_task_state_id if state else None


def apply_rules_after_save(request, obj):
    """After the editor saved (alone or with a workflow action): secrecy, then four eyes."""
    state = active_workflow_state(obj)
    if state is not None:
        level = secrecy_level(state)
        if level:
            stop_workflow(state, request.user)
            note(request, messages.WARNING, SECRECY_STOPPED.format(level=level))
            return
        if needs_restart(state):
            state = restart_from_first_step(state, request.user)
            if state.current_task_state_id:
                task_name = state.current_task_state.task.name
                note(request, messages.INFO, RESTARTED.format(task=task_name))
    step_id = getattr(request, "portal_step_to_approve", None)
    if step_id:
        step = TaskState.objects.select_related("workflow_state").get(pk=step_id)
        if step.status != TaskState.STATUS_APPROVED:
            # The approval was refused (FourEyesApprovalTask.on_action or get_actions):
            # say why, and that the edit itself was kept.
            reason = approval_refusal(step, request.user) or AUTHOR_REFUSED
            text = f"{reason} {EDIT_KEPT}"
            state = active_workflow_state(obj)
            if state is not None and state.current_task_state_id:
                text += " " + NOW_AT_STEP.format(task=state.current_task_state.task.name)
            note(request, messages.ERROR, text)


def warn_secret_draft(request, obj):
    if request.method == "GET":
        level = secrecy_level(obj=obj.get_latest_revision_as_object())
        if level:
            messages.warning(request, SECRECY_DRAFT_ONLY.format(level=level))


@hooks.register("before_edit_page")
def four_eyes_before_edit_page(request, page):
    warn_secret_draft(request, page)
    remember_step_under_review(request, page)


@hooks.register("after_edit_page")
def four_eyes_after_edit_page(request, page):
    apply_rules_after_save(request, page)


@hooks.register("before_edit_snippet")
def four_eyes_before_edit_snippet(request, instance):
    remember_step_under_review(request, instance)


@hooks.register("after_edit_snippet")
def four_eyes_after_edit_snippet(request, instance):
    apply_rules_after_save(request, instance)
