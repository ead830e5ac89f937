"""Admin views of “Đề xuất đăng lên Cổng tỉnh” (news/proposals.py).

- ProposeView: the confirmation page (GET) and the proposal itself (POST only), both
  refused unless the page permission tester's `can_propose_to_province()` allows it.
- ProposalReportView: the report “Đề xuất lên Cổng tỉnh”, the proposals of the sites where
  the user holds page permissions, each with where it stands.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import GroupPagePermission, Site

from .models import NewsArticlePage, ProvinceProposal
from .proposals import propose

PROPOSE_LABEL = "Đề xuất đăng lên Cổng tỉnh"
REPORT_TITLE = "Đề xuất lên Cổng tỉnh"


class ProposeView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "news/admin/confirm_proposal.html"
    page_title = PROPOSE_LABEL
    header_icon = "upload"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(NewsArticlePage, pk=page_id)
        if not self.page.permissions_for_user(request.user).can_propose_to_province():
            # A 403 that says why (Wagtail's admin turns PermissionDenied into a redirect
            # to the dashboard, which would hide the refusal from whoever forged the POST).
            self.template_name = "news/admin/proposal_refused.html"
            return self.render_to_response(self.get_context_data(), status=403)
        return super().dispatch(request, page_id)

    def get_breadcrumbs_items(self):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        return self.breadcrumbs_items + [
            {"url": edit_url, "label": self.page.get_admin_display_title()},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page=self.page, proposal=self.page.province_proposals.first())
        return context

    def post(self, request, page_id):
        try:
            proposal = propose(self.page, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"Đã đề xuất bài “{proposal.title}” lên Cổng tỉnh. Bài đang chờ Cổng tỉnh "
                "duyệt; tình trạng xem ở mục “Đề xuất lên Cổng tỉnh” trong Báo cáo.",
            )
        return redirect("wagtailadmin_pages:edit", self.page.pk)


def user_sites(user):
    """The sites in whose tree `user` holds a page permission (all for superusers)."""
    sites = list(Site.objects.select_related("root_page"))
    if user.is_superuser:
        return sites
    paths = list(
        GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
    )
    return [
        site
        for site in sites
        if any(
            path.startswith(site.root_page.path) or site.root_page.path.startswith(path)
            for path in paths
        )
    ]


def visible_proposals(user):
    """A sub-portal's users see their site's proposals; the province's, all it received."""
    sites = user_sites(user)
    if any(site.is_default_site for site in sites):
        return ProvinceProposal.objects.all()
    return ProvinceProposal.objects.filter(source_site__in=sites)


class ProposalReportView(ReportView):
    page_title = REPORT_TITLE
    header_icon = "upload"
    results_template_name = "news/admin/proposal_report_results.html"
    index_url_name = "news_province_proposals"
    index_results_url_name = "news_province_proposals_results"
    list_export = ["title", "source_site", "proposed_at", "state_label", "original_url"]
    export_headings = {
        "title": "Tiêu đề",
        "source_site": "Cổng trực thuộc",
        "proposed_at": "Ngày đề xuất",
        "state_label": "Tình trạng",
        "original_url": "Bài gốc",
    }

    def get_queryset(self):
        return (
            visible_proposals(self.request.user)
            .select_related("source_site", "draft", "proposed_by", "source")
            .order_by("-proposed_at", "-pk")
        )

    def get_filename(self):
        return "de-xuat-len-cong-tinh"
