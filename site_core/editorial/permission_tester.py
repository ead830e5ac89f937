"""The portal's publishing rules, in the page permission tester Wagtail's views consult.

Publishing happens only through "Quy trình đăng tin": the last approval publishes
(site_core/editorial/workflow_finish.py). Nobody but a superuser publishes directly, whatever page
permissions a group holds: the board holds `publish_page` to withdraw pages, not to
publish around the editors.

Wagtail asks `page.permissions_for_user(user)` everywhere: the edit and create views,
the action menu, copy, move and delete, the bulk actions, revisions, scheduling, the
explorer's buttons and wagtail-localize's synced editor. `BasePage.permissions_for_user`
returns this tester, and `Page.permissions_for_user` hands generic `Page` instances (the
explorer, bulk actions) to the specific class's override, so every portal page gets it.
Wagtail has no setting for a site-wide tester; the only pages outside `BasePage` are the
tree's root and Wagtail's welcome page, where no portal group holds permissions.
"""

from wagtail.admin.forms.pages import CopyForm
from wagtail.models import PagePermissionTester
from wagtail.permissions import page_permission_policy


def may_publish_directly(user):
    return user.is_active and user.is_superuser


# Page permissions that make a role more than a collaborator: editors lock pages under
# review, the board publishes (withdraws). Only they curate pages in bulk.
CURATOR_PAGE_PERMISSIONS = ("lock", "publish")


def may_curate_in_bulk(user):
    """Bulk delete and bulk move are for editors and the board.

    A collaborator may delete or move only their own drafts (Wagtail's rules, one page at
    a time from the page's menu); the section listings they see are mostly live pages of
    others, where every bulk delete or move would end on Wagtail's refusal page.
    """
    return user.is_active and (
        user.is_superuser
        or any(
            page_permission_policy.user_has_permission(user, action)
            for action in CURATOR_PAGE_PERMISSIONS
        )
    )


def page_bulk_actions_refused(user):
    """Page bulk actions this tester refuses on every page for `user`: not offered.

    Wagtail lists every registered bulk action to everyone and checks each page only
    after the choice (site_core/templates/wagtailadmin/bulk_actions/footer.html).
    """
    refused = set()
    if not may_publish_directly(user):
        refused.add("publish")
    if not page_permission_policy.user_has_permission(user, "publish"):
        refused.add("unpublish")  # can_unpublish needs publish_page
    if not may_curate_in_bulk(user):
        refused.update(("delete", "move"))  # site_core/editorial/bulk_rules.py
    return refused


class PortalPagePermissionTester(PagePermissionTester):
    def can_publish(self):
        return may_publish_directly(self.user) and super().can_publish()

    def can_publish_subpage(self):
        return may_publish_directly(self.user) and super().can_publish_subpage()

    # Wagtail ties these two to can_publish. Neither makes unreviewed text live:
    # cancelling a scheduled publication and choosing who may see reviewed content stay
    # with the holders of publish_page (the board), as in Wagtail.

    def can_unschedule(self):
        return super().can_publish()

    def can_set_view_restrictions(self):
        return super().can_publish()

    def can_share_for_review(self):
        # Review links (site_core/editorial/review_links.py) show a draft to someone
        # without an account: for reviewers, editors (lock_page) and the board
        # (publish_page), on a page whose draft they may edit, never collaborators.
        if not self.user.is_active or self.page_is_root:
            return False
        reviewer = self.user.is_superuser or any(
            action in self.permissions for action in CURATOR_PAGE_PERMISSIONS
        )
        return reviewer and self.can_edit()

    def can_reinstate(self):
        # Putting back a withdrawn page (site_core/editorial/withdrawal.py) publishes the
        # revision that was live, reviewed already: for those who withdraw (publish_page).
        # A page withdrawn without a live revision (a script's) goes through the workflow.
        if not super().can_publish() or self.page.live or self.page_locked():
            return False
        withdrawal = getattr(self.page, "portal_withdrawal", None)
        return withdrawal is not None and withdrawal.revision_id is not None

    def can_delete(self, ignore_bulk=False):
        # A live page is taken down by withdrawing it, with a reason kept in its history;
        # only then may it be deleted (Wagtail lets publish_page holders delete live pages).
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser or "publish" not in self.permissions:
            return True  # without publish_page, Wagtail already refuses live pages
        if self.page.live:
            return False
        return self.page.is_leaf() or not self.page.get_descendants().live().exists()

    def can_propose_to_province(self):
        # "Đề xuất đăng lên Cổng tỉnh" (news/proposals.py): a sub-portal's editors and
        # board (`news.propose_to_province`, granted by setup_site) send a live public
        # article of their own portal; the page says whether it is one (and not already
        # waiting or published on the province).
        return (
            self.user.is_active
            and self.user.has_perm("news.propose_to_province")
            and self.can_edit()
            and self.page.specific_deferred.may_be_proposed_to_province()
        )

    def can_move(self):
        # Wagtail derives this from can_delete; moving a live page takes nothing down.
        return super().can_delete(ignore_bulk=True)


class PortalCopyForm(CopyForm):
    """Wagtail's copy form without "publish copies" and "alias" for those who may not
    publish: the view would refuse them (the tester), so they are not offered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.page.get_parent()
        if not parent.permissions_for_user(self.user).can_publish_subpage():
            self.fields.pop("publish_copies", None)
            self.fields.pop("alias", None)
