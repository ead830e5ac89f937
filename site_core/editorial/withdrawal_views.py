"""The board's side of withdrawals in the admin (site_core/editorial/withdrawal.py): the
reinstate view, its buttons, and the withdrawn state shown in the editor.

Withdrawing itself is Wagtail's unpublish view (its form adds the reasons, the hooks in
wagtail_hooks.py keep them). Reinstating asks the page permission tester
(`can_reinstate`), like every Wagtail view, so a forged POST is refused as the button is
hidden.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from site_core.editorial.withdrawal import reinstate

REINSTATE_LABEL = "Đăng lại bài đã gỡ"


def withdrawn_page_or_404(page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if page.live or not hasattr(page, "portal_withdrawal"):
        raise Http404("Trang này không ở trạng thái đã gỡ.")
    return page


def reinstate_view(request, page_id):
    page = withdrawn_page_or_404(page_id)
    if not page.permissions_for_user(request.user).can_reinstate():
        raise PermissionDenied
    withdrawal = page.portal_withdrawal
    if request.method == "POST":
        reinstate(page, request.user)
        messages.success(request, f"Đã đăng lại “{withdrawal.title}”.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "editorial/confirm_reinstate.html",
        {
            "page": page,
            "withdrawal": withdrawal,
            "withdrawal_text": withdrawal_text(withdrawal),
            "label": REINSTATE_LABEL,
        },
    )


def admin_urls():
    return [
        path(
            "pages/<int:page_id>/dang-lai/",
            reinstate_view,
            name="portal_reinstate_page",
        )
    ]


class ReinstateButton(PageMenuItem):
    label = REINSTATE_LABEL
    icon_name = "upload"

    @property
    def url(self):
        return reverse("portal_reinstate_page", args=[self.page.pk])

    def is_shown(self, user):
        return not self.page.live and self.page.permissions_for_user(user).can_reinstate()


def reinstate_header_button(page, user, view_name, next_url=None):
    yield ReinstateButton(page=page, priority=62)


def reinstate_listing_button(page, user, next_url=None):
    yield ReinstateButton(page=page, priority=42)


def withdrawal_text(withdrawal):
    when = date_format(timezone.localtime(withdrawal.withdrawn_at), "d/m/Y")
    if withdrawal.removed_entirely:
        return f"Bài đã gỡ hẳn ngày {when}: địa chỉ của bài trả về “Không tìm thấy trang”."
    return (
        f"Bài đã gỡ ngày {when}. Bạn đọc thấy tại địa chỉ của bài thông báo gỡ bỏ với lý do: "
        f"“{withdrawal.public_reason}”."
    )


def withdrawn_message(request, page):
    """The editor of a withdrawn page says so (before_edit_page, on GET only)."""
    if request.method != "GET" or page.live:
        return
    withdrawal = getattr(page, "portal_withdrawal", None)
    if withdrawal is not None:
        messages.warning(request, withdrawal_text(withdrawal))
