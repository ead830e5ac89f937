from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from . import workflow_rules


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Group approval under the four-eyes rule, over what is actually published.

    A member of the task's groups (or a superuser) may approve a step of a workflow run
    unless they:

    1. submitted the run (``WorkflowState.requested_by``);
    2. wrote any revision of the page since it was submitted: the submitted revision and
       every later one, because the last approval publishes the *latest* revision, not
       the one the step started on (an autosave that overwrites one's own revision counts);
    3. approved another step of the same run (one person never approves two steps, even
       when they belong to both groups).

    "Request changes" (reject) stays available to them. ``get_actions`` (the edit view's
    action menu and the workflow views), ``on_action`` and the dashboard queryset
    ``get_task_states_user_can_moderate`` apply the same rule (site_core/editorial/workflow_rules.py),
    so the approve action is never offered where it would be refused.

    An edit that changes the content while the page is in review sends the run back to
    the first step (the after-edit hooks in workflow_rules, and again here at approval for
    any other path); its author then falls under rule 2. A revision that changes nothing
    but Wagtail's bookkeeping (the browser's form re-serialises rich text, so approving from
    the edit page saves one) is no edit and writes nothing. When an approver edits and
    approves in one request, the edit is kept, the approval refused and the run restarted.

    Content whose latest revision carries a secrecy level (legal documents "Mật", "Tối
    mật", "Tuyệt mật") is never approved: approving such a run ends it (cancelled) instead
    of failing on publication and leaving the run stuck.
    """

    def approval_refusal(self, task_state, user):
        return workflow_rules.approval_refusal(task_state, user)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        task_state = obj.current_workflow_task_state if obj is not None else None
        if actions and task_state is not None and self.approval_refusal(task_state, user):
            actions = [action for action in actions if action[0] != "approve"]
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "approve":
            return super().on_action(task_state, user, action_name, **kwargs)
        workflow_state = task_state.workflow_state
        if task_state.status != task_state.STATUS_IN_PROGRESS or workflow_state.status != (
            workflow_state.STATUS_IN_PROGRESS
        ):
            raise PermissionDenied("Bước duyệt này đã kết thúc.")
        # The views check get_actions on the page in the URL; the task state may be
        # another page's, so check everything again against the task state itself.
        if not any(
            name == "approve"
            for name, _label, _modal in super().get_actions(workflow_state.content_object, user)
        ):
            raise PermissionDenied("Bạn không thuộc nhóm duyệt bước này.")
        if workflow_rules.secrecy_level(workflow_state):
            # Publishing would fail validation: end the run cleanly; the edit view then
            # tells why (workflow_rules.warn_secret_draft).
            workflow_rules.stop_workflow(workflow_state, user)
            return None
        refusal = self.approval_refusal(task_state, user)
        if refusal:
            if workflow_rules.changed_during_step(task_state):
                # "Save and approve" in one request: the edit stands and, like any edit
                # during review, sends the page back to the first step.
                workflow_rules.restart_from_first_step(workflow_state, user)
                return None
            raise PermissionDenied(refusal)
        if workflow_rules.step_needs_restart(task_state):
            # The content changed since this step began, by a path without the edit hooks
            # (a translation sync, a script): this approval would cover unread text.
            workflow_rules.restart_from_first_step(workflow_state, user)
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return workflow_rules.exclude_refused(states, user)

    @classmethod
    def get_description(cls):
        return (
            "Thành viên các nhóm được chọn duyệt bước này, trừ người đã gửi duyệt, "
            "đã sửa bài kể từ khi gửi duyệt hoặc đã duyệt một bước khác của lượt duyệt."
        )

    @classmethod
    def states_to_review(cls, user):
        """What `user` may review, as TaskState.objects.reviewable_by(user), in the same few
        queries whatever the number of tasks.

        Wagtail's reviewable_by asks each active task in turn (a query for the group check
        and one for the four-eyes exclusions, per task): with two tasks per sub-portal, the
        dashboard of 100 sub-portals made 400 queries. Here the tasks of this type are
        filtered together (same rule as get_task_states_user_can_moderate); tasks of other
        types, if any, still answer one by one."""
        tasks = cls.objects.filter(active=True)
        if not user.is_superuser:
            tasks = tasks.filter(groups__in=user.groups.all())
        states = workflow_rules.exclude_refused(
            TaskState.objects.filter(
                task_id__in=tasks.values("pk"), status=TaskState.STATUS_IN_PROGRESS
            ),
            user,
        )
        others = Task.objects.filter(active=True).exclude(pk__in=cls.objects.values("pk"))
        for task in others.specific():
            states = states | task.get_task_states_user_can_moderate(user=user)
        return states

    class Meta:
        # The table keeps the name it had when the task lived in site_core (migration 0009).
        db_table = "site_core_foureyesapprovaltask"
        verbose_name = "bước duyệt bốn mắt"
        verbose_name_plural = "bước duyệt bốn mắt"


class PageWithdrawalQuerySet(models.QuerySet):
    def notice_for(self, page_id):
        """The public notice at a withdrawn page's address, or None (not withdrawn, or
        removed entirely)."""
        return self.filter(page_id=page_id, removed_entirely=False).first()


class PageWithdrawal(models.Model):
    """A page the board took down (site_core/editorial/withdrawal.py).

    Kept apart from the page's row and revisions: the notice shows what was live when the
    page was withdrawn (title and reference copied here), never a later draft. The page
    itself is unpublished, so every list, search, feed, sitemap and the API, which all
    ask for live pages, leave it out, and its files stop being public.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name="trang",
        on_delete=models.CASCADE,
        related_name="portal_withdrawal",
    )
    title = models.CharField("tiêu đề khi gỡ", max_length=255)
    reference = models.CharField("số, ký hiệu khi gỡ", max_length=255, blank=True)
    public_reason = models.TextField("lý do công khai", blank=True)
    removed_entirely = models.BooleanField(
        "gỡ hẳn", default=False, help_text="Không hiện thông báo: địa chỉ trả về 404."
    )
    withdrawn_at = models.DateTimeField("ngày gỡ")
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người gỡ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The revision that was live: reinstating publishes it again, not a later draft.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="phiên bản đã đăng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PageWithdrawalQuerySet.as_manager()

    class Meta:
        verbose_name = "bài đã gỡ"
        verbose_name_plural = "bài đã gỡ"

    def __str__(self):
        return self.title


class ReviewLinkQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ReviewLink(models.Model):
    """A link that shows a page's latest draft to someone without an account
    (site_core/editorial/review_links.py).

    Only a hash of the token is kept: the link is shown once, when it is made, and a copy
    of the database gives nobody a working link.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="trang",
        on_delete=models.CASCADE,
        related_name="review_links",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    note = models.CharField(
        "gửi cho",
        max_length=255,
        blank=True,
        help_text="Ví dụ: đồng chí Phó Bí thư Tỉnh ủy (để nhớ liên kết này gửi cho ai).",
    )
    created_at = models.DateTimeField("tạo lúc", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField("hết hạn lúc")
    revoked_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thu hồi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ReviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = "liên kết xem duyệt"
        verbose_name_plural = "liên kết xem duyệt"
        ordering = ["-created_at"]

    def __str__(self):
        return self.note or f"Liên kết xem duyệt #{self.pk}"

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
