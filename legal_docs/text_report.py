"""The board's view of documents' files whose text could not be read (legal_docs/document_text.py).

- TextFailuresReportView ("Báo cáo" → "Tệp văn bản chưa đọc được"): each failure with the
  file, the document pages that attach it, the reason and when; reads waiting for more
  than a day too (a stopped worker). A "Đọc lại" button per file and "Đọc lại tất cả".
- TextFailuresPanel: on the dashboard, how many files are waiting for the board's look.

For the board and superusers (who may publish), each seeing the files of the pages they
may publish; everyone else gets no menu item, no panel, and a 403 from the views.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import document_text
from .models import DocumentText, LegalDocumentAttachment, LegalDocumentPage

REPORT_TITLE = "Tệp văn bản chưa đọc được"
page_permission_policy = PagePermissionPolicy()


def may_see(user):
    """The board (who may publish pages) and superusers."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or page_permission_policy.user_has_permission(user, "publish")


def visible_texts(user):
    """DocumentText rows of the files that pages `user` may publish attach (all: superusers)."""
    texts = DocumentText.objects.all()
    if user.is_superuser:
        return texts
    pages = page_permission_policy.instances_user_has_permission_for(user, "publish")
    attached = LegalDocumentAttachment.objects.filter(page__in=pages.values("pk"))
    return texts.filter(document_id__in=attached.values("document_id"))


def failures_for(user):
    return visible_texts(user).needing_attention()


class TextFailuresReportView(ReportView):
    page_title = REPORT_TITLE
    header_icon = "doc-full"
    results_template_name = "legal_docs/admin/text_failures_results.html"
    index_url_name = "legal_docs_text_failures"
    index_results_url_name = "legal_docs_text_failures_results"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not may_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            failures_for(self.request.user)
            .select_related("document")
            .defer("text")
            .order_by("-updated_at", "-pk")
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        rows = list(context["object_list"])
        pages = {}
        attachments = LegalDocumentAttachment.objects.filter(
            document_id__in=[row.document_id for row in rows]
        ).values_list("document_id", "page_id")
        page_ids = {page_id for _document_id, page_id in attachments}
        by_id = LegalDocumentPage.objects.filter(pk__in=page_ids).defer_streamfields().in_bulk()
        for document_id, page_id in attachments:
            if page_id in by_id:
                pages.setdefault(document_id, []).append(by_id[page_id])
        for row in rows:
            row.using_pages = pages.get(row.document_id, [])
        context["object_list"] = rows
        context["retry_all_url"] = reverse("legal_docs_text_retry_all")
        return context


def retry_allowed(request, document_ids):
    """The ids among `document_ids` whose failure the user sees (and so may retry)."""
    if not may_see(request.user):
        raise PermissionDenied
    return list(
        visible_texts(request.user)
        .filter(document_id__in=document_ids)
        .values_list("document_id", flat=True)
    )


@require_POST
def retry(request, document_id):
    ids = retry_allowed(request, [document_id])
    if ids:
        document_text.schedule(ids, force=True)
        messages.success(request, "Đã xếp tệp vào hàng đợi để đọc lại; kết quả có sau ít phút.")
    else:
        messages.error(request, "Không có tệp này trong danh sách của bạn.")
    return redirect("legal_docs_text_failures")


@require_POST
def retry_all(request):
    ids = retry_allowed(request, failures_for(request.user).values_list("document_id", flat=True))
    document_text.schedule(ids, force=True)
    messages.success(request, f"Đã xếp {len(ids)} tệp vào hàng đợi để đọc lại.")
    return redirect("legal_docs_text_failures")


def admin_urls():
    return [
        path(
            "reports/toan-van-tep/",
            TextFailuresReportView.as_view(),
            name="legal_docs_text_failures",
        ),
        path(
            "reports/toan-van-tep/results/",
            TextFailuresReportView.as_view(results_only=True),
            name="legal_docs_text_failures_results",
        ),
        path(
            "reports/toan-van-tep/<int:document_id>/doc-lai/", retry, name="legal_docs_text_retry"
        ),
        path("reports/toan-van-tep/doc-lai-tat-ca/", retry_all, name="legal_docs_text_retry_all"),
    ]


class TextFailuresMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


def menu_item():
    return TextFailuresMenuItem(
        REPORT_TITLE,
        reverse("legal_docs_text_failures"),
        name="document-text-failures",
        icon_name="doc-full",
        order=960,
    )


class TextFailuresPanel(Component):
    name = "portal_document_text_failures"
    template_name = "legal_docs/admin/text_failures_panel.html"
    order = 120

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "report_url": reverse("legal_docs_text_failures")}


def homepage_panel(request, panels):
    """The dashboard panel, only for the board and only when a file needs a look."""
    if not may_see(request.user):
        return
    count = failures_for(request.user).count()
    if count:
        panels.append(TextFailuresPanel(count))
