"""Withdrawals visitors understand (issue 14, part 7; site_core/editorial/withdrawal.py).

The board withdraws a live article or document through Wagtail's unpublish view with an
internal and a public reason: its address then answers 410 with the title, the date and
the public reason, and nothing of its content or files; every list, search, feed, sitemap
and the API leave it out. "Gỡ hẳn" leaves a plain 404. The board can reinstate it.
Driven through the admin and over HTTP, as each role.
"""

import pytest

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry

from site_core.cache import pages
from site_core.editorial.models import PageWithdrawal
from tests import factories
from tests.test_media_access import legal_document
from tests.test_page_cache import assert_served_from_cache, state
from tests.test_workflow import login, portal  # noqa: F401  (the portal fixture)

REASON = "Số liệu trong bài chưa được kiểm chứng."
PUBLIC_REASON = "Bài có thông tin chưa chính xác, Ban biên tập gỡ để đính chính."
BODY = "Toàn văn tin hoạt động."

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(portal):  # noqa: F811
    page = factories.NewsArticlePageFactory(
        parent=portal["news"],
        title="Hội nghị tổng kết công tác tuyên giáo",
        featured_image=factories.ImageFactory(),
    )
    page.save_revision().publish()  # published as the workflow does: a live revision
    return page


@pytest.fixture
def document(portal, document_index):  # noqa: F811
    page, file = legal_document(document_index, title="Nghị quyết về chuyển đổi số")
    page.save_revision().publish()
    return page, file


def unpublish_url(page):
    return reverse("wagtailadmin_pages:unpublish", args=[page.pk])


def reinstate_url(page):
    return reverse("portal_reinstate_page", args=[page.pk])


def withdraw(client, page, **data):
    data = {"reason": REASON, "public_reason": PUBLIC_REASON, **data}
    return client.post(unpublish_url(page), data)


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def visit(url):
    response = Client().get(url)
    return response, response.content.decode()


def status(url):
    """The status a visitor gets for a URL (files are streamed)."""
    return Client().get(url).status_code


# --- who may withdraw ------------------------------------------------------------------


@pytest.mark.parametrize("role", ["ctv", "btv"])
def test_collaborators_and_editors_may_not_withdraw(client, portal, article, role):  # noqa: F811
    login(client, portal[role])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert unpublish_url(article) not in edit  # not offered ...
    response = withdraw(client, article)  # ... and a forged POST is refused
    assert response.status_code in (302, 403)
    assert is_live(article)
    assert not PageWithdrawal.objects.filter(page_id=article.pk).exists()
    assert visit(article.url)[0].status_code == 200


def test_the_board_withdraws_with_a_public_notice(client, portal, article):  # noqa: F811
    login(client, portal["bbt"])
    form = client.get(unpublish_url(article)).content.decode()
    assert 'name="public_reason"' in form and 'name="remove_entirely"' in form
    assert withdraw(client, article).status_code == 302
    assert not is_live(article)

    response, html = visit(article.url)
    assert response.status_code == 410
    assert article.title in html
    assert f"Đã gỡ bỏ ngày {timezone.localdate():%d/%m/%Y}" in html
    assert PUBLIC_REASON in html
    assert BODY not in html and article.sapo not in html
    assert REASON not in html  # the internal reason stays in the history
    assert '<meta name="robots" content="noindex">' in html
    assert "no-cache" in response["Cache-Control"]

    entry = PageLogEntry.objects.get(page=article, action="portal.withdraw")
    assert entry.user == portal["bbt"]
    assert entry.data == {
        "reason": REASON,
        "public_reason": PUBLIC_REASON,
        "removed_entirely": False,
    }
    history = client.get(reverse("wagtailadmin_pages:history", args=[article.pk]))
    assert "Gỡ bài (có lý do)" in history.content.decode()
    assert PUBLIC_REASON in history.content.decode()


@pytest.mark.parametrize(
    "data",
    [{"public_reason": ""}, {"public_reason": "   "}, {"reason": "", "public_reason": "Lý do."}],
)
def test_a_withdrawal_without_its_reasons_is_refused_in_vietnamese(client, portal, article, data):  # noqa: F811
    login(client, portal["bbt"])
    response = withdraw(client, article, **data)
    assert response.status_code == 302 and response["Location"] == unpublish_url(article)
    assert is_live(article)
    page = client.get(response["Location"]).content.decode()
    assert "Hãy ghi lý do" in page
    assert not PageWithdrawal.objects.exists()


def test_the_editor_shows_the_withdrawn_state(client, portal, article):  # noqa: F811
    login(client, portal["bbt"])
    withdraw(client, article)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Bài đã gỡ ngày" in html and PUBLIC_REASON in html
    assert reinstate_url(article) in html
    listing = client.get(reverse("wagtailadmin_explore", args=[portal["news"].pk]))
    assert reinstate_url(article) in listing.content.decode()
    assert "đã gỡ, có thông báo" in listing.content.decode()


# --- what visitors no longer find --------------------------------------------------------


def test_a_withdrawn_document_serves_no_file(client, portal, document):  # noqa: F811
    page, file = document
    assert status(file.url) == 200
    login(client, portal["bbt"])
    assert withdraw(client, page).status_code == 302
    response, html = visit(page.url)
    assert response.status_code == 410
    assert page.get_reference() in html and page.title in html
    assert file.url not in html and page.summary not in html
    assert status(file.url) == 404


def test_a_withdrawn_articles_own_image_is_no_longer_public(client, portal, article):  # noqa: F811
    rendition = article.featured_image.get_rendition("fill-120x80").url
    assert status(rendition) == 200
    login(client, portal["bbt"])
    withdraw(client, article)
    assert status(rendition) == 404


def test_lists_search_feeds_sitemap_and_api_leave_it_out(client, portal, article, document):  # noqa: F811
    page, _file = document
    other = factories.NewsArticlePageFactory(parent=portal["news"], title="Tin vẫn đăng")
    urls = {
        "home": portal["home"].url,
        "news": portal["news"].url,
        "register": page.get_parent().url,
        "search": reverse("search") + "?q=h%E1%BB%99i+ngh%E1%BB%8B+t%E1%BB%95ng+k%E1%BA%BFt",
        "search-doc": reverse("search") + "?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91",
        "rss": reverse("feed_news_rss"),
        "atom": reverse("feed_news_atom"),
        "docs-rss": reverse("feed_documents_rss"),
        "api": "/api/v2/pages/?type=news.NewsArticlePage",
        "api-docs": "/api/v2/pages/?type=legal_docs.LegalDocumentPage",
        "sitemap": "/sitemap-1.xml",
    }
    before = {name: visit(url)[1] for name, url in urls.items()}
    for name in ("news", "search", "rss", "atom", "api", "sitemap"):
        assert article.title in before[name] or article.url in before[name], name
    for name in ("register", "search-doc", "docs-rss", "api-docs"):
        assert page.title in before[name] or page.url in before[name], name

    login(client, portal["bbt"])
    withdraw(client, article)
    withdraw(client, page)
    for name, url in urls.items():
        response, html = visit(url)
        assert response.status_code == 200, name
        assert article.title not in html and article.url not in html, name
        assert page.title not in html and page.url not in html, name
    assert other.title in visit(urls["news"])[1]
    assert visit(f"/api/v2/pages/{article.pk}/")[0].status_code == 404


def test_related_news_leave_it_out(client, portal, article):  # noqa: F811
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng")
    article.categories.add(category)
    article.save_revision().publish()
    neighbour = factories.NewsArticlePageFactory(parent=portal["news"], title="Tin cùng mục")
    neighbour.categories.add(category)
    neighbour.save_revision().publish()
    assert article.title in visit(neighbour.url)[1]
    login(client, portal["bbt"])
    withdraw(client, article)
    assert article.title not in visit(neighbour.url)[1]


def test_the_cached_page_is_purged_before_the_withdrawal_returns(
    client,
    portal,  # noqa: F811
    article,
    settings,
):
    settings.PORTAL_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {}
    cache.clear()
    visitor = Client()
    assert BODY in assert_served_from_cache(visitor, article.url).content.decode()
    assert_served_from_cache(visitor, portal["news"].url)
    login(client, portal["bbt"])
    withdraw(client, article)
    after = visitor.get(article.url)
    assert after.status_code == 410 and BODY not in after.content.decode()
    assert state(after) != pages.HIT
    # The notice itself is never kept: reinstating shows the article at once.
    assert state(visitor.get(article.url)) != pages.HIT
    assert article.title not in visitor.get(portal["news"].url).content.decode()


# --- removing entirely, reinstating ------------------------------------------------------


def test_remove_entirely_leaves_a_plain_404(client, portal, article):  # noqa: F811
    login(client, portal["bbt"])
    response = withdraw(client, article, public_reason="", remove_entirely="on")
    assert response.status_code == 302
    response, html = visit(article.url)
    assert response.status_code == 404
    assert article.title not in html
    entry = PageLogEntry.objects.get(page=article, action="portal.withdraw")
    assert entry.data["removed_entirely"] is True
    listing = client.get(reverse("wagtailadmin_explore", args=[portal["news"].pk]))
    assert "đã gỡ hẳn" in listing.content.decode()


@pytest.mark.parametrize("role", ["ctv", "btv"])
def test_only_the_board_reinstates(client, portal, article, role):  # noqa: F811
    login(client, portal["bbt"])
    withdraw(client, article)
    login(client, portal[role])
    assert client.get(reinstate_url(article)).status_code in (302, 403)
    assert client.post(reinstate_url(article)).status_code in (302, 403)
    assert not is_live(article)
    assert visit(article.url)[0].status_code == 410


def test_the_board_reinstates_the_version_that_was_live(client, portal, article):  # noqa: F811
    login(client, portal["bbt"])
    withdraw(client, article)
    # A draft written after the withdrawal is not what comes back.
    draft = article.specific_class.objects.get(pk=article.pk)
    draft.title = "Bản nháp sau khi gỡ"
    draft.save_revision(user=portal["btv"])
    confirm = client.get(reinstate_url(article))
    assert confirm.status_code == 200 and "Đăng lại" in confirm.content.decode()
    response = client.post(reinstate_url(article))
    assert response.status_code == 302
    assert is_live(article)
    response, html = visit(article.url)
    assert response.status_code == 200
    assert article.title in html and BODY in html
    assert "Bản nháp sau khi gỡ" not in html
    assert not PageWithdrawal.objects.filter(page_id=article.pk).exists()
    entry = PageLogEntry.objects.get(page=article, action="portal.reinstate")
    assert entry.user == portal["bbt"]
    assert article.title in visit(portal["news"].url)[1]


def test_a_live_page_has_nothing_to_reinstate(client, portal, article):  # noqa: F811
    login(client, portal["bbt"])
    assert client.post(reinstate_url(article)).status_code == 404
    assert client.post(reverse("portal_reinstate_page", args=[999999])).status_code == 404


def test_a_draft_never_published_is_a_404_not_a_notice(client, portal):  # noqa: F811
    draft = factories.NewsArticlePageFactory(parent=portal["news"], title="Chưa đăng", live=False)
    response = Client().get("/tin-hoat-dong/" + draft.slug + "/")
    assert response.status_code == 404


def test_bulk_withdrawal_asks_for_the_public_reason(client, portal, article):  # noqa: F811
    second = factories.NewsArticlePageFactory(parent=portal["news"], title="Tin thứ hai")
    login(client, portal["bbt"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    url += f"?id={article.pk}&id={second.pk}"
    response = client.post(url, {"reason": REASON})
    assert response.status_code == 200
    assert "Hãy ghi lý do công khai" in response.content.decode()
    assert is_live(article) and is_live(second)
    assert client.post(url, {"reason": REASON, "public_reason": PUBLIC_REASON}).status_code == 302
    for page in (article, second):
        response, html = visit(page.url)
        assert response.status_code == 410 and PUBLIC_REASON in html


def test_bulk_withdrawal_of_other_pages_needs_no_public_reason(client, portal):  # noqa: F811
    pages = [
        factories.StandardPageFactory(parent=portal["home"], title=f"Trang {n}") for n in (1, 2)
    ]
    login(client, portal["bbt"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    url += "".join(f"&id={page.pk}" for page in pages).replace("&", "?", 1)
    assert client.post(url, {"reason": REASON}).status_code == 302
    for page in pages:
        assert not is_live(page)
        assert visit(page.url)[0].status_code == 404
    assert not PageWithdrawal.objects.exists()
