"""The province and its sub-portals linked on their homes (issue 12, home/connections.py).

Downward: a sub-portal's home shows the province's headline news and newest documents, read
from the province's pages (never copied), marked as the province's and linking to its Site;
a provincial publish is seen there at once, with the page cache on. Upward: the province's
home shows the newest news of the sub-portals, each named and linking to its own Site.
Both cost the same number of queries whatever the number of sub-portals.
"""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site

from home.subportals import create_subportal
from news.models import NewsArticlePage
from site_core import navigation
from site_core.cache import pages
from site_core.models import PortalSettings
from tests import factories
from tests.test_page_cache import RecordingBackend

WARD = "Đảng bộ phường Trấn Biên"
AGENCY = "Đảng bộ Cơ quan Tỉnh ủy"
WARD_HOST = "phuong-tran-bien.localhost"
PROVINCE_HEADING = "Tin từ Cổng Thông tin điện tử Đảng bộ tỉnh"
AFFILIATED_HEADING = "Tin từ các đảng bộ trực thuộc"
# As tests/test_home.py HOME_BUDGET: what is shown from the other sites costs no query once
# the home's lists are kept.
HOME_BUDGET = 6


@pytest.fixture
def province(home_page, news_index, document_index):
    return {"home": home_page, "news": news_index, "documents": document_index}


@pytest.fixture
def ward(province):
    return create_subportal("phuong-tran-bien", WARD)


def home_html(client, host=None):
    extra = {"HTTP_HOST": host} if host else {}
    response = client.get("/", **extra)
    assert response.status_code == 200
    return response.content.decode()


def block(html, heading):
    """The <section> of `html` whose heading is `heading`, or ''."""
    start = html.find(heading)
    if start < 0:
        return ""
    return html[html.rfind("<section", 0, start) : html.find("</section>", start)]


def publish(page):
    page.save_revision().publish()
    return page


def draft_article(parent, **fields):
    return factories.NewsArticlePageFactory(parent=parent, live=False, **fields)


# --- downward: the province on a sub-portal's home ------------------------------------------


def test_a_sub_portal_home_shows_the_provinces_headlines_and_documents_by_reference(
    client, province, ward
):
    headline = factories.NewsArticlePageFactory(
        parent=province["news"], title="Hội nghị Ban Chấp hành Đảng bộ tỉnh", is_featured=True
    )
    ordinary = factories.NewsArticlePageFactory(
        parent=province["news"], title="Tin thường của tỉnh", is_featured=False
    )
    document = factories.LegalDocumentPageFactory(
        parent=province["documents"], title="Nghị quyết về chuyển đổi số"
    )
    own = factories.NewsArticlePageFactory(parent=ward.sections["news"], title="Tin của phường")

    html = home_html(client, WARD_HOST)
    linked = block(html, PROVINCE_HEADING)
    assert linked, "the sub-portal's home has no block from the province"
    assert "Nguồn: Cổng thông tin điện tử Đảng bộ tỉnh" in linked
    # Links to the province's own Site, absolute: the pages are not the sub-portal's.
    assert headline.full_url.startswith("http://localhost/")
    assert f'href="{headline.full_url}"' in linked
    assert f'href="{document.full_url}"' in linked
    assert f'href="{province["home"].full_url}"' in linked
    assert f'href="{province["documents"].full_url}"' in linked
    assert ordinary.title not in linked  # headlines only, when the province has some
    assert own.title not in linked and own.title in html
    # By reference: nothing was copied into the sub-portal's tree.
    assert not NewsArticlePage.objects.descendant_of(ward.home).exclude(pk=own.pk).exists()

    # Without a featured article, the province's newest.
    headline.is_featured = False
    publish(headline)
    linked = block(home_html(client, WARD_HOST), PROVINCE_HEADING)
    assert headline.title in linked and ordinary.title in linked

    # The name its board gave the provincial portal.
    PortalSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"portal_name": "Cổng Thông tin điện tử Đảng bộ tỉnh Đồng Nai"},
    )
    linked = block(home_html(client, WARD_HOST), PROVINCE_HEADING)
    assert "Nguồn: Cổng Thông tin điện tử Đảng bộ tỉnh Đồng Nai" in linked

    # The province's own home shows no such block.
    assert PROVINCE_HEADING not in home_html(client)


def test_restricted_and_draft_province_pages_stay_off_the_sub_portal(client, province, ward):
    draft = draft_article(province["news"], title="Bản nháp của tỉnh", is_featured=True)
    private = factories.NewsArticlePageFactory(
        parent=province["news"], title="Tin nội bộ của tỉnh", is_featured=True
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = home_html(client, WARD_HOST)
    assert draft.title not in html
    assert private.title not in html


def test_a_provincial_publish_reaches_the_sub_portal_home_at_once_with_the_page_cache(
    client, settings, province, ward
):
    settings.PORTAL_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {}
    cache.clear()
    first = client.get("/", HTTP_HOST=WARD_HOST)
    assert first.headers[pages.STATUS_HEADER] == pages.MISS
    second = client.get("/", HTTP_HOST=WARD_HOST)
    assert second.headers[pages.STATUS_HEADER] == pages.HIT

    article = publish(
        draft_article(province["news"], title="Tỉnh ủy ban hành kế hoạch mới", is_featured=True)
    )
    response = client.get("/", HTTP_HOST=WARD_HOST)
    assert response.headers[pages.STATUS_HEADER] == pages.MISS
    assert article.title in block(response.content.decode(), PROVINCE_HEADING)
    assert client.get("/", HTTP_HOST=WARD_HOST).headers[pages.STATUS_HEADER] == pages.HIT

    # Always the province's current text: a correction, then a withdrawal.
    article.title = "Tỉnh ủy ban hành kế hoạch (đã sửa)"
    publish(article)
    html = client.get("/", HTTP_HOST=WARD_HOST).content.decode()
    assert "Tỉnh ủy ban hành kế hoạch (đã sửa)" in html
    assert "Tỉnh ủy ban hành kế hoạch mới" not in html
    article.refresh_from_db()
    article.unpublish()
    assert "Tỉnh ủy ban hành kế hoạch" not in client.get("/", HTTP_HOST=WARD_HOST).content.decode()


def test_the_sub_portal_home_query_budget(client, province, ward, django_assert_max_num_queries):
    for number in range(8):
        factories.NewsArticlePageFactory(parent=province["news"], is_featured=number % 2 == 0)
        factories.LegalDocumentPageFactory(parent=province["documents"], number=number + 1)
    factories.NewsArticlePageFactory(parent=ward.sections["news"])
    home_html(client, WARD_HOST)  # warms the kept lists and the site root paths
    with django_assert_max_num_queries(HOME_BUDGET):
        html = home_html(client, WARD_HOST)
    assert len(block(html, PROVINCE_HEADING).split('class="doc-list__item"')) == 6


def kept(name):
    """What cached_until_change keeps under `name` for the current navigation version."""
    return cache.get(f"portal:{name}:{navigation.navigation_version()}")


def test_each_home_reads_only_the_list_it_shows(client, province, ward):
    """A sub-portal's home reads the province's news, never the sub-portals' list, and the
    province's home the other way round (HomePage.get_lists, home.models.connected)."""
    locale_id = province["home"].locale_id
    factories.NewsArticlePageFactory(parent=province["news"], title="Tin của tỉnh")
    factories.NewsArticlePageFactory(parent=ward.sections["news"], title="Tin của phường")
    cache.clear()

    html = home_html(client, WARD_HOST)
    assert "Tin của tỉnh" in block(html, PROVINCE_HEADING)
    assert kept(f"province-news:{locale_id}")
    assert kept(f"affiliated-news:{locale_id}") is None

    cache.clear()
    html = home_html(client)
    assert "Tin của phường" in block(html, AFFILIATED_HEADING)
    assert kept(f"affiliated-news:{locale_id}")
    assert kept(f"province-news:{locale_id}") is None


# --- upward: the sub-portals on the province's home ------------------------------------------


def test_the_province_home_shows_the_affiliated_news_named_and_linked(client, province, ward):
    agency = create_subportal("co-quan-tinh", AGENCY)
    ward_article = factories.NewsArticlePageFactory(
        parent=ward.sections["news"], title="Phường Trấn Biên ra quân dọn vệ sinh"
    )
    agency_article = factories.NewsArticlePageFactory(
        parent=agency.sections["news"], title="Chi bộ Văn phòng sinh hoạt chuyên đề"
    )
    draft = draft_article(ward.sections["news"], title="Bản nháp của phường")
    private = factories.NewsArticlePageFactory(
        parent=ward.sections["news"], title="Tin nội bộ của phường"
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    own = factories.NewsArticlePageFactory(parent=province["news"], title="Tin của tỉnh")
    # A home no Site serves is not a sub-portal.
    stray_home = factories.HomePageFactory(parent=Page.get_first_root_node(), title="Trang lạc")
    stray = factories.NewsArticlePageFactory(
        parent=factories.NewsIndexPageFactory(parent=stray_home), title="Tin của trang lạc"
    )

    html = home_html(client)
    linked = block(html, AFFILIATED_HEADING)
    assert linked, "the province's home has no block of the affiliated news"
    for article, name, host in (
        (ward_article, WARD, "phuong-tran-bien.localhost"),
        (agency_article, AGENCY, "co-quan-tinh.localhost"),
    ):
        assert article.full_url.startswith(f"http://{host}/")
        assert f'href="{article.full_url}"' in linked
        assert f'href="http://{host}/">{name}</a>' in linked
    for hidden in (draft, private, stray):
        assert hidden.title not in html
    assert own.title not in linked and own.title in html
    # Newest first.
    assert linked.index(agency_article.title) < linked.index(ward_article.title)
    # A sub-portal's home shows the province's news, not its siblings'.
    assert AFFILIATED_HEADING not in home_html(client, WARD_HOST)


def test_a_sub_portal_publish_reaches_the_province_home_at_once_with_the_page_cache(
    client, settings, province, ward
):
    settings.PORTAL_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {}
    cache.clear()
    client.get("/")
    assert client.get("/").headers[pages.STATUS_HEADER] == pages.HIT
    article = publish(draft_article(ward.sections["news"], title="Phường tổ chức đại hội"))
    response = client.get("/")
    assert response.headers[pages.STATUS_HEADER] == pages.MISS
    assert article.title in block(response.content.decode(), AFFILIATED_HEADING)


def home_queries(client, host=None):
    """Queries of a home right after a change (the navigation version renewed: nothing
    of its lists kept), then with its lists kept.

    Wagtail's list of the sites' root paths (one query per Site, kept an hour and renewed
    when a Site changes, not by a publish) is warm in both, as after any publish."""
    home_html(client, host)
    navigation.renew_navigation_version()
    with CaptureQueriesContext(connection) as cold:
        html = home_html(client, host)
    with CaptureQueriesContext(connection) as warm:
        home_html(client, host)
    return len(cold.captured_queries), len(warm.captured_queries), html


def add_sub_portals(first, last):
    for number in range(first, last):
        result = create_subportal(f"dang-bo-{number}", f"Đảng bộ xã số {number}")
        factories.NewsArticlePageFactory(
            parent=result.sections["news"], title=f"Tin của đảng bộ xã số {number}"
        )


def test_both_homes_cost_the_same_with_2_and_10_sub_portals(client, province):
    factories.NewsArticlePageFactory(
        parent=province["news"], title="Tin của tỉnh", is_featured=True
    )
    factories.LegalDocumentPageFactory(parent=province["documents"])
    add_sub_portals(0, 2)
    province_2 = home_queries(client)
    assert "Tin của đảng bộ xã số 1" in block(province_2[2], AFFILIATED_HEADING)
    sub_portal_2 = home_queries(client, "dang-bo-0.localhost")
    assert "Tin của tỉnh" in block(sub_portal_2[2], PROVINCE_HEADING)

    add_sub_portals(2, 10)
    province_10 = home_queries(client)
    assert "Tin của đảng bộ xã số 9" in block(province_10[2], AFFILIATED_HEADING)
    sub_portal_10 = home_queries(client, "dang-bo-0.localhost")
    print(
        "\n[queries] cold/warm, 2 then 10 sub-portals: province home "
        f"{province_2[:2]} {province_10[:2]}, sub-portal home {sub_portal_2[:2]} {sub_portal_10[:2]}"
    )
    assert province_10[:2] == province_2[:2]
    assert sub_portal_10[:2] == sub_portal_2[:2]
    assert province_2[1] <= HOME_BUDGET and sub_portal_2[1] <= HOME_BUDGET


def test_links_between_sites_keep_the_quick_starts_port(client, province, ward):
    """`make run` serves every Site on runserver's port while the Sites say port 80: the
    links from one site to another keep the port the visitor used; a Host without a port
    (production, behind its proxy) keeps the Sites' own addresses (tests above)."""
    headline = factories.NewsArticlePageFactory(
        parent=province["news"], title="Tin nổi bật của tỉnh ủy", is_featured=True
    )
    ward_article = factories.NewsArticlePageFactory(
        parent=ward.sections["news"], title="Tin của phường Trấn Biên"
    )
    linked = block(home_html(client, "phuong-tran-bien.localhost:8000"), PROVINCE_HEADING)
    assert (
        f'href="http://localhost:8000{headline.url_path[len(province["home"].url_path) - 1 :]}"'
        in linked
    )
    assert 'href="http://localhost:8000/"' in linked

    linked = block(home_html(client, "localhost:8000"), AFFILIATED_HEADING)
    path = ward_article.url_path[len(ward.home.url_path) - 1 :]
    assert f'href="http://phuong-tran-bien.localhost:8000{path}"' in linked
    assert 'href="http://phuong-tran-bien.localhost:8000/">' in linked


def test_a_frontend_cache_is_purged_of_the_other_sites_homes(
    settings, province, ward, django_capture_on_commit_callbacks
):
    """URL by URL, a publish purges every site's home, which shows the other sites' news."""
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}
    settings.PORTAL_FRONTEND_CACHE_WILDCARD = False
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        publish(draft_article(province["news"], title="Tin tỉnh mới", is_featured=True))
    assert "http://phuong-tran-bien.localhost/" in RecordingBackend.purged
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        publish(draft_article(ward.sections["news"], title="Tin phường mới"))
    assert "http://localhost/" in RecordingBackend.purged
