"""The files of a draft shown through a review link (site_core/editorial/review_links.py).

Someone without an account who opens a review link sees the page's latest draft, and
with it its pictures and attached files, which are not public yet (they follow the live
content: site_core/files/access.py). The review page therefore hands the browser a
signed cookie naming the link, sent only with requests for files (MEDIA_URL and
Wagtail's /documents/); a file request carrying it is served, privately, when

- the link still works (not revoked, not expired, the page not published since), and
- the draft the link shows uses that file (the references Wagtail's reference index
  would record for the draft: foreign keys, chooser blocks, rich-text embeds, inline
  children), and
- no page with a secrecy level uses the file (checked by access.py).

The cookie only names links (signed, so it cannot be forged or widened); every request
asks the database again, so revoking a link or publishing the page ends access to its
files at once. Pages never receive the cookie, so the whole-page cache is unaffected.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db.models import F

from wagtail.models import ReferenceIndex

from site_core.editorial.models import ReviewLink
from site_core.editorial.workflow_rules import secrecy_level

COOKIE = "portal_review"
SALT = "site_core.files.review_access"
MAX_LINKS = 5  # the links opened most recently in this browser
MAX_AGE = timedelta(days=15)  # longer than any link lives (14 days at most)
DOCUMENTS_PATH = "/documents/"  # Wagtail's document serve view (site_core/urls.py)


def cookie_paths():
    return (settings.MEDIA_URL, DOCUMENTS_PATH)


def link_ids(request):
    """The review links this browser has opened, newest first (none if forged)."""
    value = request.COOKIES.get(COOKIE)
    if not value:
        return []
    try:
        ids = signing.loads(value, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return []
    if not isinstance(ids, list):
        return []
    return [pk for pk in ids if isinstance(pk, int)][:MAX_LINKS]


def grant_files(request, response, link):
    """Let this browser load the files of `link`'s draft (the review page's response)."""
    ids = [link.pk, *(pk for pk in link_ids(request) if pk != link.pk)][:MAX_LINKS]
    value = signing.dumps(ids, salt=SALT)
    for path in cookie_paths():
        response.set_cookie(
            COOKIE,
            value,
            max_age=int(MAX_AGE.total_seconds()),
            path=path,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )


def working_links(ids):
    """The links among `ids` that still show their draft (review_links.refusal's rules)."""
    return (
        ReviewLink.objects.active()
        .filter(pk__in=ids)
        .exclude(page__last_published_at__gte=F("created_at"))
        .select_related("page")
    )


def draft_of(page):
    revision = page.get_latest_revision()
    return revision.as_object() if revision is not None else page.specific


def draft_uses(draft, obj):
    """Whether the draft refers to `obj` (an image or a document), as the reference index
    would record it once saved. Wagtail's own extraction, which has no public name."""
    content_type_id = ReferenceIndex._get_base_content_type(obj).id
    object_id = str(obj.pk)
    return any(
        to_content_type_id == content_type_id and to_object_id == object_id
        for to_content_type_id, to_object_id, _model_path, _content_path in (
            ReferenceIndex._extract_references_from_object(draft)
        )
    )


def shown_by_review_link(request, obj):
    """Whether a working review link this browser opened shows a draft that uses `obj`."""
    ids = link_ids(request)
    if not ids:
        return False
    for link in working_links(ids):
        draft = draft_of(link.page)
        if secrecy_level(obj=draft):
            continue  # the review page refuses such drafts; so do their files
        if draft_uses(draft, obj):
            return True
    return False
