"""The admin side of review links (site_core/editorial/review_links.py): per page, the
list of links still working, a form to make one (its address shown once) and revoking.

Every view asks the page permission tester (`can_share_for_review`), as Wagtail's own
views do, so a forged POST is refused like the hidden button.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from site_core.editorial.review_links import ReviewLinkForm, create_link, link_url, revoke_link

LABEL = "Liên kết xem duyệt"


def shareable_page_or_403(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_share_for_review():
        raise PermissionDenied
    return page


def review_links_view(request, page_id):
    page = shareable_page_or_403(request, page_id)
    new_url = ""
    if request.method == "POST":
        form = ReviewLinkForm(request.POST)
        if form.is_valid():
            _link, token = create_link(
                page, request.user, form.cleaned_data["note"], form.cleaned_data["days"]
            )
            new_url = link_url(request, token)
            form = ReviewLinkForm()
    else:
        form = ReviewLinkForm()
    response = TemplateResponse(
        request,
        "editorial/review_links.html",
        {
            "page": page,
            "form": form,
            "new_url": new_url,
            "links": page.review_links.active().select_related("created_by"),
            "label": LABEL,
        },
    )
    # The page may carry a fresh link's address: never kept anywhere.
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def revoke_view(request, page_id, link_id):
    page = shareable_page_or_403(request, page_id)
    link = get_object_or_404(page.review_links, pk=link_id)
    revoke_link(link, request.user)
    messages.success(request, "Đã thu hồi liên kết xem duyệt.")
    return redirect("portal_review_links", page.pk)


def admin_urls():
    return [
        path(
            "pages/<int:page_id>/lien-ket-xem-duyet/", review_links_view, name="portal_review_links"
        ),
        path(
            "pages/<int:page_id>/lien-ket-xem-duyet/<int:link_id>/thu-hoi/",
            revoke_view,
            name="portal_revoke_review_link",
        ),
    ]


class ReviewLinksButton(PageMenuItem):
    label = LABEL
    icon_name = "link"

    @property
    def url(self):
        return reverse("portal_review_links", args=[self.page.pk])

    def is_shown(self, user):
        # Wagtail's own pages (the tree's root) have Wagtail's tester, without the portal's
        # rules: nothing of theirs is shared.
        tester = self.page.permissions_for_user(user)
        return hasattr(tester, "can_share_for_review") and tester.can_share_for_review()


def header_button(page, user, view_name, next_url=None):
    yield ReviewLinksButton(page=page, priority=64)


def listing_button(page, user, next_url=None):
    yield ReviewLinksButton(page=page, priority=44)
