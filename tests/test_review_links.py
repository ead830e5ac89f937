"""Review links (issue 14, part 5; site_core/editorial/review_links.py): a reviewer shares
a page's latest draft, read-only, with someone without an account, until the link is
revoked, expires or the page is published. Through the admin and over HTTP, as each role.
"""

import re
from datetime import timedelta

import pytest

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry

from site_core.editorial.models import ReviewLink
from site_core.editorial.review_links import hash_token
from tests import factories
from tests.test_media_access import legal_document
from tests.test_workflow import login, portal  # noqa: F401  (the portal fixture)

pytestmark = pytest.mark.django_db

DRAFT_TEXT = "Phát biểu của đồng chí Bí thư, bản chờ duyệt."


@pytest.fixture
def draft(portal):  # noqa: F811
    """A collaborator's article, never published, its latest revision a draft."""
    page = factories.NewsArticlePageFactory(
        parent=portal["news"], title="Bài phát biểu chờ duyệt", live=False
    )
    page.body = factories.paragraph(f"<p>{DRAFT_TEXT}</p>")
    page.save_revision(user=portal["ctv"])
    return page


def links_url(page):
    return reverse("portal_review_links", args=[page.pk])


def make_link(client, page, note="Đồng chí Phó Bí thư", days="3"):
    response = client.post(links_url(page), {"note": note, "days": days})
    assert response.status_code == 200, response.content.decode()[:2000]
    match = re.search(r'value="(http[^"]+/xem-duyet/[^"]+/)"', response.content.decode())
    assert match, "the new link is shown"
    return match.group(1)


def path_of(url):
    return "/" + url.split("/", 3)[3]


@pytest.mark.parametrize("role", ["btv", "bbt"])
def test_a_reviewer_shares_the_draft_with_someone_without_an_account(client, portal, draft, role):  # noqa: F811
    login(client, portal[role])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert links_url(draft) in edit  # offered in the page's header
    url = make_link(client, draft)
    response = Client().get(path_of(url))  # no account
    html = response.content.decode()
    assert response.status_code == 200
    assert DRAFT_TEXT in html and draft.title in html
    assert "BẢN NHÁP, CHƯA ĐĂNG" in html
    assert "share-links" not in html  # a draft is not offered for sharing
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    # Only the hash is kept; the history says who made it and for whom.
    token = path_of(url).rstrip("/").rsplit("/", 1)[1]
    link = ReviewLink.objects.get(page=draft)
    assert link.token_hash == hash_token(token) and token not in link.token_hash
    entry = PageLogEntry.objects.get(page=draft, action="portal.review_link.create")
    assert entry.user == portal[role]
    listing = client.get(links_url(draft)).content.decode()
    assert "Đồng chí Phó Bí thư" in listing and token not in listing
    assert Client().post(path_of(url)).status_code == 405  # read-only


def test_the_link_shows_the_latest_draft_of_a_live_page(client, portal):  # noqa: F811
    page = factories.NewsArticlePageFactory(parent=portal["news"], title="Tin đã đăng")
    page.save_revision().publish()
    newer = page.get_latest_revision_as_object()
    newer.title = "Tin đã đăng, bản sửa chờ duyệt"
    newer.save_revision(user=portal["ctv"])
    login(client, portal["btv"])
    url = make_link(client, page)
    html = Client().get(path_of(url)).content.decode()
    assert "Tin đã đăng, bản sửa chờ duyệt" in html
    # The public page still shows what was published.
    public = Client().get(page.url).content.decode()
    assert "bản sửa chờ duyệt" not in public and "BẢN NHÁP" not in public


def test_collaborators_may_not_make_links(client, portal, draft):  # noqa: F811
    login(client, portal["ctv"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert links_url(draft) not in edit
    assert client.get(links_url(draft)).status_code in (302, 403)
    assert client.post(links_url(draft), {"note": "x", "days": "3"}).status_code in (302, 403)
    assert not ReviewLink.objects.exists()


def test_a_bad_duration_is_refused_in_vietnamese(client, portal, draft):  # noqa: F811
    login(client, portal["btv"])
    response = client.post(links_url(draft), {"note": "", "days": "365"})
    assert response.status_code == 200
    assert "Hãy chọn thời hạn trong danh sách." in response.content.decode()
    assert not ReviewLink.objects.exists()


def refused(url, status):
    response = Client().get(path_of(url))
    assert response.status_code == status
    html = response.content.decode()
    assert DRAFT_TEXT not in html
    assert "no-store" in response["Cache-Control"]
    return html


def test_a_revoked_link_stops_working(client, portal, draft):  # noqa: F811
    login(client, portal["bbt"])
    url = make_link(client, draft)
    link = ReviewLink.objects.get()
    revoke = reverse("portal_revoke_review_link", args=[draft.pk, link.pk])
    # Others may not revoke it: a collaborator's forged POST is refused.
    assert login(Client(), portal["ctv"]).post(revoke).status_code in (302, 403)
    assert Client().get(path_of(url)).status_code == 200
    assert client.post(revoke).status_code == 302
    assert "đã bị thu hồi" in refused(url, 410)
    assert PageLogEntry.objects.filter(page=draft, action="portal.review_link.revoke").exists()
    assert "Chưa có liên kết nào đang dùng được." in client.get(links_url(draft)).content.decode()


def test_an_expired_link_stops_working(client, portal, draft):  # noqa: F811
    login(client, portal["btv"])
    url = make_link(client, draft, days="1")
    ReviewLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert "đã hết hạn" in refused(url, 410)


def test_a_link_stops_working_once_the_page_is_published(client, portal, draft):  # noqa: F811
    login(client, portal["btv"])
    url = make_link(client, draft)
    draft.get_latest_revision().publish()
    assert "đã được đăng chính thức" in refused(url, 410)


def test_an_unknown_token_is_a_vietnamese_404(client):
    html = refused("http://testserver/xem-duyet/khong-co-lien-ket-nay/", 404)
    assert "không đúng hoặc không tồn tại" in html


def test_a_secret_document_is_never_shown(client, portal, document_index):  # noqa: F811
    page, _file = legal_document(document_index, live=False, title="Văn bản mật")
    secret = page.get_latest_revision_as_object()
    secret.secrecy_level = "mat"
    secret.save_revision(user=portal["ctv"])
    login(client, portal["bbt"])
    url = make_link(client, page)
    response = Client().get(path_of(url))
    assert response.status_code == 410
    assert "độ mật" in response.content.decode()


# --- the draft's pictures and files (site_core/files/review_access.py) -----------------------


def rendition_path(image):
    return image.get_rendition("fill-120x80").url


def test_the_drafts_pictures_load_for_whoever_opened_the_link(client, portal):  # noqa: F811
    """The leader who opens the link sees the draft's pictures, which are not public yet;
    nobody else does, and nothing beyond what the draft uses."""
    new_picture = factories.ImageFactory(title="Ảnh mới của bản nháp")
    unrelated = factories.ImageFactory(title="Ảnh của bài khác, chưa đăng")
    factories.NewsArticlePageFactory(parent=portal["news"], featured_image=unrelated, live=False)
    page = factories.NewsArticlePageFactory(parent=portal["news"], title="Tin có ảnh mới")
    page.save_revision().publish()
    newer = page.get_latest_revision_as_object()
    newer.featured_image = new_picture  # only in the draft: the live article has none
    newer.save_revision(user=portal["ctv"])
    login(client, portal["btv"])
    url = make_link(client, page)

    leader = Client()
    assert leader.get(rendition_path(new_picture)).status_code == 404  # not public
    review = leader.get(path_of(url))
    assert review.status_code == 200
    cookie = review.cookies["portal_review"]
    assert cookie["httponly"] and cookie["path"] in ("/media/", "/documents/")
    picture = leader.get(rendition_path(new_picture))
    assert picture.status_code == 200
    assert "private" in picture["Cache-Control"]  # never kept by a shared cache
    assert leader.get(new_picture.file.url).status_code == 200  # the original too
    assert leader.get(rendition_path(unrelated)).status_code == 404  # not in this draft
    assert Client().get(rendition_path(new_picture)).status_code == 404  # others: still not

    # A forged or altered cookie opens nothing.
    stranger = Client()
    stranger.cookies["portal_review"] = cookie.value[:-2] + "xx"
    assert stranger.get(rendition_path(new_picture)).status_code == 404

    # Revoked: the pictures close with the page.
    link = ReviewLink.objects.get(page=page)
    assert (
        client.post(reverse("portal_revoke_review_link", args=[page.pk, link.pk])).status_code
        == 302
    )
    assert leader.get(rendition_path(new_picture)).status_code == 404


def test_the_drafts_files_load_until_the_link_expires(client, portal, document_index):  # noqa: F811
    page, document = legal_document(document_index, live=False, title="Dự thảo nghị quyết")
    page.save_revision(user=portal["ctv"])
    login(client, portal["bbt"])
    url = make_link(client, page)
    reader = Client()
    assert reader.get(document.url).status_code == 404
    assert reader.get(path_of(url)).status_code == 200
    assert reader.get(document.url).status_code == 200
    ReviewLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert reader.get(document.url).status_code == 404


def test_a_file_also_used_by_a_secret_page_stays_closed(client, portal, document_index):  # noqa: F811
    page, document = legal_document(document_index, live=False, title="Dự thảo công khai")
    page.save_revision(user=portal["ctv"])
    login(client, portal["bbt"])
    url = make_link(client, page)
    reader = Client()
    assert reader.get(path_of(url)).status_code == 200
    assert reader.get(document.url).status_code == 200
    # The same file attached to a document with a secrecy level: closed through the link too.
    secret = factories.LegalDocumentPageFactory(
        parent=document_index, live=False, secrecy_level="mat", title="Văn bản mật"
    )
    factories.LegalDocumentAttachmentFactory(page=secret, document=document)
    secret.save()  # the reference index records the secret page's use of the file
    assert reader.get(document.url).status_code == 404
