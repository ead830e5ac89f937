"""The "Đề xuất lên Cổng tỉnh" panel at the top of an article's edit form.

On a sub-portal's original it says where its proposal stands (waiting, published with the
province's link, returned with the board's comment); on the province's copy it names the
sub-portal and the original. Nothing is shown on other articles.
"""

from wagtail.admin.panels import Panel


class ProposalStatusPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Đề xuất lên Cổng tỉnh")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "province_proposal"

    class BoundPanel(Panel.BoundPanel):
        template_name = "news/admin/proposal_status_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.sent = self.received = None
            if self.instance is not None and self.instance.pk:
                self.sent, self.received = self.instance.province_proposals_of_page()

        def is_shown(self):
            return self.sent is not None or self.received is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(sent=self.sent, received=self.received)
            return context


class RoyaltyLedgerPanel(Panel):
    """“Đã ghi sổ nhuận bút”: on a published article, the ledger lines written at its first
    publication (news/royalties.py), for those who read the ledger (editors, the board),
    so nobody expects a later edit of the credits or grade to change them."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Đã ghi sổ nhuận bút")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "royalty_ledger"

    class BoundPanel(Panel.BoundPanel):
        template_name = "news/admin/royalty_ledger_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.entries = []
            user = getattr(self.request, "user", None)
            if (
                self.instance is not None
                and self.instance.pk
                and self.instance.first_published_at
                and user is not None
                and user.has_perm("news.view_royaltyentry")
            ):
                self.entries = list(self.instance.royalty_entries.order_by("position"))

        def is_shown(self):
            return bool(self.entries)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["entries"] = self.entries
            return context
