from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.alert_topics import news_alert_topics
from news.models import NewsArticlePage, NewsCategory
from news.proposals import PROPOSE_ACTION
from news.views import PROPOSE_LABEL, REPORT_TITLE, ProposalReportView, ProposeView
from site_core.alerts.registry import ALERT_TOPICS_HOOK


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = "Chuyên mục tin"
    list_display = ["name", "slug", "sort_order", LiveStatusTagColumn()]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(NewsCategoryViewSet)


# “Đề xuất đăng lên Cổng tỉnh” (news/proposals.py): offered where the page permission
# tester's can_propose_to_province() allows, and refused by the view everywhere else.


@hooks.register("register_admin_urls")
def proposal_urls():
    return [
        path(
            "pages/<int:page_id>/de-xuat-len-cong-tinh/",
            ProposeView.as_view(),
            name="news_propose_to_province",
        ),
        path(
            "reports/de-xuat-len-cong-tinh/",
            ProposalReportView.as_view(),
            name="news_province_proposals",
        ),
        path(
            "reports/de-xuat-len-cong-tinh/results/",
            ProposalReportView.as_view(results_only=True),
            name="news_province_proposals_results",
        ),
    ]


class ProposeMenuItem(ActionMenuItem):
    label = PROPOSE_LABEL
    name = "action-propose-to-province"
    icon_name = "upload"

    def is_shown(self, context):
        return (
            context["view"] == "edit"
            and self.get_user_page_permissions_tester(context).can_propose_to_province()
        )

    def get_url(self, parent_context):
        return reverse("news_propose_to_province", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def propose_menu_item():
    return ProposeMenuItem(order=70)


@hooks.register("register_page_listing_more_buttons")
def propose_listing_button(page, user, next_url=None):
    # Only articles can be proposed: other pages are not asked (a listing shows many).
    if not issubclass(page.specific_class or Page, NewsArticlePage):
        return
    if page.permissions_for_user(user).can_propose_to_province():
        yield Button(
            PROPOSE_LABEL,
            reverse("news_propose_to_province", args=[page.pk]),
            icon_name="upload",
            priority=45,
        )


class ProposalReportMenuItem(MenuItem):
    """For whoever works on pages; the report then shows only their sites' proposals.
    Asked on every admin page: the page permissions Wagtail has already read, no query."""

    def is_shown(self, request):
        user = request.user
        return user.is_superuser or page_permission_policy.user_has_any_permission(
            user, ["add", "change"]
        )


@hooks.register("register_reports_menu_item")
def proposal_report_menu_item():
    return ProposalReportMenuItem(
        REPORT_TITLE,
        reverse("news_province_proposals"),
        name="province-proposals",
        icon_name="upload",
        order=950,
    )


class ProposeFormatter(LogFormatter):
    label = PROPOSE_LABEL

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return (
            f"Đề xuất đăng lên Cổng tỉnh: “{data.get('source', {}).get('title', '')}” "
            f"của {data.get('site', '')}"
        )


@hooks.register("register_log_actions")
def register_propose_log_action(actions):
    actions.register_action(PROPOSE_ACTION)(ProposeFormatter)


# What visitors may subscribe to by e-mail (site_core/alerts).
hooks.register(ALERT_TOPICS_HOOK, news_alert_topics)
