"""Review links (issue 14, part 5): a reviewer shares a page's latest draft, read-only,
with someone who has no account, such as the leader whose speech an article quotes.

- A link is a random token; only its SHA-256 is stored (ReviewLink), so the full address
  is shown once, when it is made, and can be copied then.
- It works until it expires (a few days at most), is revoked, or the page is published
  after it was made; then the address answers 410 with a Vietnamese explanation (an
  unknown token: 404).
- It shows the page's latest revision as Wagtail's preview does, with a "BẢN NHÁP" banner,
  and its pictures and files, which are not public yet (a cookie sent with file requests
  only: site_core/files/review_access.py),
  `noindex` and `Cache-Control: private, no-store`: no shared cache or search engine keeps
  it. Content with a secrecy level (documents "Mật"...) is never shown.
- Editors and the board make and revoke them (`can_share_for_review` in the page
  permission tester); each is logged in the page history.

No maintained package fits: wagtail-sharing serves drafts on a separate host name
without expiry or per-person links (and its releases that support Wagtail 7 need
Python 3.13), wagtail-review supports Wagtail 6 at most.
"""

import hashlib
import secrets
from datetime import timedelta

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from wagtail.log_actions import log

from site_core.editorial import workflow_rules
from site_core.editorial.models import ReviewLink
from site_core.files.review_access import grant_files

CREATE_ACTION = "portal.review_link.create"
REVOKE_ACTION = "portal.review_link.revoke"
TOKEN_BYTES = 32
DURATION_CHOICES = [(1, "1 ngày"), (3, "3 ngày"), (7, "7 ngày"), (14, "14 ngày")]

NOT_FOUND = "Liên kết xem duyệt không đúng hoặc không tồn tại."
REVOKED = "Liên kết xem duyệt này đã bị thu hồi."
EXPIRED = "Liên kết xem duyệt này đã hết hạn."
PUBLISHED = "Bài đã được đăng chính thức nên liên kết xem duyệt không còn dùng được."
CLASSIFIED = "Nội dung có độ mật không được xem qua liên kết."


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


def link_url(request, token):
    return request.build_absolute_uri(reverse("review_link", args=[token]))


class ReviewLinkForm(forms.Form):
    note = forms.CharField(
        label="Gửi cho",
        max_length=255,
        required=False,
        help_text="Để nhớ liên kết này gửi cho ai, ví dụ: đồng chí Phó Bí thư Tỉnh ủy.",
    )
    days = forms.TypedChoiceField(
        label="Dùng được trong",
        choices=DURATION_CHOICES,
        coerce=int,
        initial=3,
        error_messages={"invalid_choice": "Hãy chọn thời hạn trong danh sách."},
    )


def create_link(page, user, note="", days=3):
    """A new link to `page`'s drafts: (ReviewLink, the token to put in the address)."""

    token = new_token()
    link = ReviewLink.objects.create(
        page=page,
        token_hash=hash_token(token),
        note=note,
        created_by=user,
        expires_at=timezone.now() + timedelta(days=days),
    )
    log(
        instance=page.specific,
        action=CREATE_ACTION,
        user=user,
        data={"link": link.pk, "note": note, "expires_at": link.expires_at.isoformat()},
    )
    return link, token


def revoke_link(link, user):
    if link.revoked_at is not None:
        return
    link.revoked_at = timezone.now()
    link.revoked_by = user
    link.save(update_fields=["revoked_at", "revoked_by"])
    log(
        instance=link.page.specific,
        action=REVOKE_ACTION,
        user=user,
        data={"link": link.pk, "note": link.note},
    )


def refusal(link):
    """Why `link` no longer shows the draft, or "" while it does."""
    if link.revoked_at is not None:
        return REVOKED
    if link.expires_at <= timezone.now():
        return EXPIRED
    published = link.page.last_published_at
    if published is not None and published >= link.created_at:
        return PUBLISHED
    return ""


def private_response(response):
    """Kept by no shared cache, by no browser cache, by no search engine."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def refused(request, status, message):
    response = render(
        request, "editorial/review_link_refused.html", {"message": message}, status=status
    )
    return private_response(response)


@require_safe  # read-only: GET and HEAD
def review_link_view(request, token):

    link = ReviewLink.objects.select_related("page").filter(token_hash=hash_token(token)).first()
    if link is None:
        return refused(request, 404, NOT_FOUND)
    reason = refusal(link)
    if reason:
        return refused(request, 410, reason)
    revision = link.page.get_latest_revision()
    draft = revision.as_object() if revision is not None else link.page.specific
    if workflow_rules.secrecy_level(obj=draft):
        return refused(request, 410, CLASSIFIED)
    # As Wagtail's preview: templates and get_context read drafts afresh when is_preview.
    mode = draft.default_preview_mode
    request.is_preview = True
    request.preview_mode = mode
    request.review_link = link  # the draft banner and noindex (base.html)
    response = draft.serve_preview(request, mode)
    if hasattr(response, "render"):
        response.render()
    grant_files(request, response, link)  # its pictures and files, not public yet
    return private_response(response)
