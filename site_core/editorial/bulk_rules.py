"""Bulk delete and bulk move of pages: editors and the board only.

The bulk actions footer does not offer them to collaborators
(templatetags/portal_bulk_actions.py, through `page_bulk_actions_refused`), and these
subclasses of Wagtail's actions refuse every page of a forged request the same way
(`check_perm`, which Wagtail's bulk views consult before acting). Deleting or moving one
of one's own drafts from the page's own menu stays as Wagtail allows it.
"""

from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions import DeleteBulkAction, MoveBulkAction

from .permission_tester import may_curate_in_bulk


class PortalDeleteBulkAction(DeleteBulkAction):
    def check_perm(self, page):
        return may_curate_in_bulk(self.request.user) and super().check_perm(page)


class PortalMoveBulkAction(MoveBulkAction):
    def check_perm(self, page):
        return may_curate_in_bulk(self.request.user) and super().check_perm(page)


# The registry keeps the last class registered for an action type: after Wagtail's own.
hooks.register("register_bulk_action", PortalDeleteBulkAction, order=1)
hooks.register("register_bulk_action", PortalMoveBulkAction, order=1)
