"""Discovery: sitemap.xml and robots.txt, and the meta tags in <head> (meta_tags.html).

sitemap.xml is an index of sitemap-<n>.xml files that cover every language tree of the
request's site, live public pages only, at most PORTAL_SITEMAP_MAX_URLS URLs per file.
"""

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from django.core.cache import cache
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction, Site

from site_core import sitemaps
from site_core.navigation import breadcrumbs, bump_navigation_version, navigation_version
from tests import factories
from tests.test_query_plans import PLANNER_SWITCHES
from tests.test_search_plans import page_tables, plan_nodes, plan_problems

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_files(client, **extra):
    """The locations of the files that /sitemap.xml lists."""
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert root.tag == f"{SITEMAP}sitemapindex"
    return [item.findtext(f"{SITEMAP}loc") for item in root.findall(f"{SITEMAP}sitemap")]


def file_locations(client, location, **extra):
    response = client.get(urlsplit(location).path, **extra)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    return [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]


def sitemap_locations(client, **extra):
    """Every page location, across the files of the index, in order."""
    locations = []
    for location in sitemap_files(client, **extra):
        locations += file_locations(client, location, **extra)
    return locations


@pytest.fixture
def english_article(news_index):
    article = factories.NewsArticlePageFactory(parent=news_index, title="Hội nghị tổng kết")
    english = Locale.objects.get(language_code="en")
    translation = article.copy_for_translation(english, copy_parents=True)
    translation.title = "Year-end conference"
    translation.save_revision().publish()  # its parents were created as live aliases
    return article, translation


def test_sitemap_lists_pages_of_both_languages(client, english_article):
    article, translation = english_article

    locations = sitemap_locations(client)

    assert f"http://testserver{article.url}" in locations
    assert f"http://testserver{translation.url}" in locations
    assert translation.url.startswith("/en/")
    assert "http://testserver/en/" in locations
    assert "http://testserver/" in locations


def test_sitemap_excludes_drafts_and_private_pages(client, news_index):
    live = factories.NewsArticlePageFactory(parent=news_index, title="Tin đã đăng")
    draft = factories.NewsArticlePageFactory(parent=news_index, title="Tin nháp", live=False)
    private = factories.NewsArticlePageFactory(parent=news_index, title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    locations = sitemap_locations(client)

    assert f"http://testserver{live.url}" in locations
    assert not any(location.endswith(f"/{draft.slug}/") for location in locations)
    assert not any(location.endswith(f"/{private.slug}/") for location in locations)


def test_sitemap_leaves_out_copies_whose_canonical_is_the_original(client, news_index):
    # The province's copy of a sub-portal's proposed article points search engines to the
    # original (get_canonical_url); a sitemap lists canonical addresses only.
    own = factories.NewsArticlePageFactory(parent=news_index, title="Tin của tỉnh")
    copy = factories.NewsArticlePageFactory(
        parent=news_index,
        title="Tin phường đề xuất",
        original_url="http://phuong-tran-bien.localhost/tin-hoat-dong/tin-phuong/",
    )

    locations = sitemap_locations(client)

    assert f"http://testserver{own.url}" in locations
    assert not any(location.endswith(f"/{copy.slug}/") for location in locations)


def test_cached_sitemap_follows_publish_and_unpublish(client, news_index):
    first = factories.NewsArticlePageFactory(parent=news_index, title="Tin thứ nhất")
    assert f"http://testserver{first.url}" in sitemap_locations(client)  # now cached

    draft = factories.NewsArticlePageFactory(parent=news_index, title="Tin đăng sau", live=False)
    draft.save_revision().publish()
    first.unpublish()
    locations = sitemap_locations(client)

    assert f"http://testserver{draft.url}" in locations
    assert not any(location.endswith(f"/{first.slug}/") for location in locations)


def test_sitemap_is_per_site(client, news_index, root_page):
    other_home = factories.HomePageFactory(parent=root_page, slug="dang-bo-phuong")
    other_page = factories.StandardPageFactory(parent=other_home, title="Giới thiệu phường")
    Site.objects.create(hostname="phuong.example", port=80, root_page=other_home)

    assert not any("phuong" in location for location in sitemap_locations(client))
    locations = sitemap_locations(client, HTTP_HOST="phuong.example")
    assert locations == ["http://phuong.example/", f"http://phuong.example/{other_page.slug}/"]


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert client.get("/sitemap.xml").status_code == 200


def test_sitemap_query_budget(client, news_index, django_assert_max_num_queries):
    for _ in range(20):
        factories.NewsArticlePageFactory(parent=news_index)
    client.get("/sitemap.xml")

    with django_assert_max_num_queries(10):
        assert len(sitemap_locations(client)) == 22


# --- at scale: files of at most PORTAL_SITEMAP_MAX_URLS URLs ----------------------------


@pytest.fixture
def three_per_file(settings):
    settings.PORTAL_SITEMAP_MAX_URLS = 3
    return 3


def live_public_urls(site):
    """What the sitemap must list: every live public page of the site's language trees,
    with the URL Wagtail gives it, on the host of the request."""
    roots = site.root_page.get_translations(inclusive=True)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    return sorted(f"http://testserver{page.url}" for page in pages.live().public())


def test_index_lists_files_of_at_most_the_limit(client, english_article, site, three_per_file):
    news_index = english_article[0].get_parent()
    for number in range(7):
        factories.NewsArticlePageFactory(parent=news_index, title=f"Tin số {number}")
    draft = factories.NewsArticlePageFactory(parent=news_index, title="Tin nháp", live=False)
    expected = live_public_urls(site)
    assert len(expected) == 13  # both homes and news indexes, 8 articles, the translation

    files = sitemap_files(client)
    assert files == [f"http://testserver/sitemap-{n}.xml" for n in range(1, 6)]
    per_file = [file_locations(client, location) for location in files]
    assert all(len(locations) <= 3 for locations in per_file)
    locations = [location for locations in per_file for location in locations]
    assert sorted(locations) == expected  # each once, with the URL Wagtail gives it
    assert "http://testserver/en/" in locations
    assert f"http://testserver{english_article[1].url}" in locations
    assert not any(location.endswith(f"/{draft.slug}/") for location in locations)

    assert client.get("/sitemap-6.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404


def test_sitemap_files_carry_dates_and_cache_headers(client, news_index):
    article = factories.NewsArticlePageFactory(parent=news_index, live=False)
    article.save_revision().publish()
    index = client.get("/sitemap.xml")
    assert "public" in index["Cache-Control"]
    assert index["X-Robots-Tag"] == "noindex, noodp, noarchive"

    response = client.get("/sitemap-1.xml")
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert "max-age=0" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    dates = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }
    local_date = timezone.localtime(article.last_published_at).date().isoformat()
    assert dates[f"http://testserver{article.url}"] == local_date
    again = client.get("/sitemap-1.xml", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_publish_shows_in_the_next_request(client, news_index, three_per_file):
    for _ in range(4):
        factories.NewsArticlePageFactory(parent=news_index)
    sitemap_locations(client)  # built

    draft = factories.NewsArticlePageFactory(parent=news_index, title="Tin mới", live=False)
    draft.save_revision().publish()

    assert f"http://testserver{draft.url}" in sitemap_locations(client)


def test_a_running_rebuild_leaves_the_previous_copy_served(client, site, news_index):
    old = factories.NewsArticlePageFactory(parent=news_index, title="Tin cũ")
    assert f"http://testserver{old.url}" in sitemap_locations(client)
    cache.add(sitemaps.LOCK_KEY.format(site=site.pk), "another request", timeout=60)

    new = factories.NewsArticlePageFactory(parent=news_index, title="Tin mới", live=False)
    new.save_revision().publish()
    locations = sitemap_locations(client)

    assert f"http://testserver{old.url}" in locations
    assert f"http://testserver{new.url}" not in locations  # the old copy, not a second rebuild
    manifest = cache.get(sitemaps.MANIFEST_KEY.format(site=site.pk))
    assert manifest["version"] != navigation_version()

    cache.delete(sitemaps.LOCK_KEY.format(site=site.pk))  # the other rebuild is done
    assert f"http://testserver{new.url}" in sitemap_locations(client)


def test_without_any_copy_a_request_builds_when_the_rebuild_does_not_finish(
    client, site, news_index, settings
):
    settings.PORTAL_SITEMAP_WAIT = 0
    article = factories.NewsArticlePageFactory(parent=news_index)
    cache.add(sitemaps.LOCK_KEY.format(site=site.pk), "a stuck request", timeout=60)

    assert f"http://testserver{article.url}" in sitemap_locations(client)


def test_a_file_evicted_from_the_cache_is_built_again(client, site, news_index):
    article = factories.NewsArticlePageFactory(parent=news_index)
    sitemap_files(client)
    manifest = cache.get(sitemaps.MANIFEST_KEY.format(site=site.pk))
    cache.delete(sitemaps.FILE_KEY.format(site=site.pk, build=manifest["build"], number=1))

    assert f"http://testserver{article.url}" in file_locations(client, "/sitemap-1.xml")


@pytest.mark.parametrize("articles", [6, 24])
def test_a_sitemap_file_costs_the_same_queries_at_any_size(
    client, news_index, three_per_file, articles, django_assert_max_num_queries
):
    for _ in range(articles):
        factories.NewsArticlePageFactory(parent=news_index)
    files = sitemap_files(client)  # built: one query per file
    assert len(files) == (articles + 2 + 2) // 3

    with django_assert_max_num_queries(1):  # the site, at most
        assert len(file_locations(client, files[-1])) <= 3
    with django_assert_max_num_queries(1):
        assert len(sitemap_files(client)) == len(files)


@pytest.mark.parametrize("articles", [6, 24])
def test_a_rebuild_reads_each_page_once_one_query_per_file(
    client, news_index, three_per_file, articles, django_assert_max_num_queries
):
    for _ in range(articles):
        factories.NewsArticlePageFactory(parent=news_index)
    sitemap_files(client)
    files = (articles + 2 + 2) // 3
    bump_navigation_version()  # what a publish does

    # The file queries, the language roots, the list of restrictions, the site.
    with django_assert_max_num_queries(files + 4):
        assert len(file_locations(client, "/sitemap-1.xml")) == 3


# Sorts off too: the walk must be answerable in path order by an index. A Sort left in
# the plan then means no index gives that order (the planner only sorts when it must).
SWITCHES = (*PLANNER_SWITCHES, "enable_sort")


def explain(sql):
    """The plan of a captured statement with sequential scans, merge and hash joins and
    sorts off: on a small test table whose statistics other tests changed, the planner may
    otherwise read the whole page table and sort it, a plan it never picks at scale."""
    with connection.cursor() as cursor:
        for switch in SWITCHES:
            cursor.execute(f"SET LOCAL {switch} = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        (document,) = cursor.fetchone()
        for switch in SWITCHES:
            cursor.execute(f"SET LOCAL {switch} = on")
    plan = document if isinstance(document, list) else json.loads(document)
    return plan[0]["Plan"]


def test_a_rebuild_walks_the_tree_by_keyset_without_sorting(client, news_index, three_per_file):
    for _ in range(7):
        factories.NewsArticlePageFactory(parent=news_index)
    with CaptureQueriesContext(connection) as captured:
        sitemap_files(client)
    walks = [
        entry["sql"]
        for entry in captured.captured_queries
        if '"wagtailcore_page"."url_path"' in entry["sql"] and "LIMIT 3" in entry["sql"]
    ]

    assert len(walks) == 4  # 9 pages: 3 full files, then an empty read ends the walk
    assert all("OFFSET" not in sql for sql in walks)
    assert all('"wagtailcore_page"."path" >' in sql for sql in walks[1:])
    for sql in walks:
        plan = explain(sql)
        assert plan_problems(plan, page_tables()) == []
        assert not [node for node in plan_nodes(plan) if "Sort" in node["Node Type"]]


# --- meta tags in <head> -----------------------------------------------------------------


def head_of(response):
    html = response.content.decode()
    return html[html.index("<head>") : html.index("</head>")]


def meta_content(head, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', head)
    return match.group(1) if match else None


def link_hrefs(head, rel, **attributes):
    hrefs = []
    for tag in re.findall(r"<link [^>]*>", head):
        if f'rel="{rel}"' in tag and all(f'{k}="{v}"' in tag for k, v in attributes.items()):
            hrefs.append(re.search(r'href="([^"]*)"', tag).group(1))
    return hrefs


@pytest.fixture
def article(news_index):
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    page = factories.NewsArticlePageFactory(
        parent=news_index,
        title="Hội nghị Tỉnh ủy lần thứ 5",
        sapo="Tỉnh ủy tổng kết công tác năm & đề ra nhiệm vụ.",
        featured_image=factories.ImageFactory(),
    )
    page.categories.add(category)
    page.save_revision().publish()
    return page


def test_article_head_has_canonical_opengraph_twitter_and_feeds(client, article):
    head = head_of(client.get(article.url))

    url = f"http://testserver{article.url}"
    assert link_hrefs(head, "canonical") == [url]
    assert meta_content(head, "property", "og:title") == article.title
    assert meta_content(head, "property", "og:type") == "article"
    assert meta_content(head, "property", "og:url") == url
    assert meta_content(head, "property", "og:locale") == "vi_VN"
    assert meta_content(head, "property", "og:description") == (
        "Tỉnh ủy tổng kết công tác năm &amp; đề ra nhiệm vụ."
    )
    assert meta_content(head, "property", "og:image").startswith("http://testserver/")
    assert meta_content(head, "property", "article:published_time")
    assert meta_content(head, "name", "twitter:card") == "summary_large_image"
    assert meta_content(head, "name", "description")
    rss = link_hrefs(head, "alternate", type="application/rss+xml")
    atom = link_hrefs(head, "alternate", type="application/atom+xml")
    assert "http://testserver/rss/tin-hoat-dong/" in rss
    assert "http://testserver/atom/tin-hoat-dong/" in atom
    # No hreflang while the page has no translation.
    assert 'hreflang="' not in head


def test_hreflang_for_every_live_translation(client, article):
    english = Locale.objects.get(language_code="en")
    translation = article.copy_for_translation(english, copy_parents=True)
    translation.title = "Fifth conference of the Provincial Committee"
    translation.save_revision().publish()
    cache.clear()

    head = head_of(client.get(article.url))

    vi_url, en_url = f"http://testserver{article.url}", f"http://testserver{translation.url}"
    assert link_hrefs(head, "alternate", hreflang="vi") == [vi_url]
    assert link_hrefs(head, "alternate", hreflang="en") == [en_url]
    assert link_hrefs(head, "alternate", hreflang="x-default") == [vi_url]
    assert meta_content(head, "property", "og:locale:alternate") == "en_US"

    english_head = head_of(client.get(translation.url))
    assert link_hrefs(english_head, "canonical") == [en_url]
    assert meta_content(english_head, "property", "og:locale") == "en_US"
    assert link_hrefs(english_head, "alternate", hreflang="x-default") == [vi_url]
    assert "http://testserver/en/rss/tin-hoat-dong/" in link_hrefs(
        english_head, "alternate", type="application/rss+xml"
    )


def test_draft_translation_is_not_an_alternate(client, article):
    article.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)

    head = head_of(client.get(article.url))

    assert 'hreflang="' not in head


def test_category_listing_has_its_own_canonical_and_feed(client, article, news_index):
    head = head_of(client.get(f"{news_index.url}chuyen-muc/xay-dung-dang/?page=abc"))

    assert link_hrefs(head, "canonical") == [
        f"http://testserver{news_index.url}chuyen-muc/xay-dung-dang/"
    ]
    assert link_hrefs(head, "alternate", type="application/rss+xml")[0] == (
        "http://testserver/rss/tin-hoat-dong/chuyen-muc/xay-dung-dang/"
    )


def test_page_number_is_part_of_the_canonical(client, article, news_index):
    head = head_of(client.get(f"{news_index.url}?page=2"))
    assert link_hrefs(head, "canonical") == [f"http://testserver{news_index.url}?page=2"]


def test_head_without_a_page(client, home_page):
    response = client.get("/trang-khong-ton-tai/")

    assert response.status_code == 404
    head = head_of(response)
    assert meta_content(head, "property", "og:type") == "website"
    assert link_hrefs(head, "alternate", type="application/rss+xml")
    assert link_hrefs(head, "canonical") == []


def render_meta(page, request=None):
    request = request or RequestFactory().get(page.url)
    # As base.html does: the chrome context processor, bound to the page.
    template = engines["django"].from_string(
        "{% load portal_tags %}{% page_chrome page as chrome %}"
        '{% include "site_core/includes/meta_tags.html" %}'
    )
    return template.render({"page": page, "request": request}, request)


def page_request(page):
    """A request as Wagtail's serve view leaves it: the site already found."""
    request = RequestFactory().get(page.url)
    Site.find_for_request(request)
    return request


def test_meta_tags_cost_at_most_a_few_queries_cold_and_none_warm(
    article, django_assert_max_num_queries, django_assert_num_queries
):
    english = Locale.objects.get(language_code="en")
    translation = article.copy_for_translation(english, copy_parents=True)
    translation.save_revision().publish()
    render_meta(article)  # site settings row, site root paths, the rendition
    bump_navigation_version()  # what a publish does: the cached meta is stale
    page, request = type(article).objects.get(pk=article.pk), page_request(article)

    # Cold: site settings, translations, image, breadcrumbs (for the BreadcrumbList); the
    # page template loads the site settings, the image and the breadcrumbs anyway (the
    # breadcrumbs fragment reads the request's copy), so only the translations are extra.
    with django_assert_max_num_queries(4):
        html = render_meta(page, request)
        assert breadcrumbs(request, page)
    assert 'hreflang="en"' in html
    assert '"@type":"BreadcrumbList"' in html

    page, request = type(article).objects.get(pk=article.pk), page_request(article)
    with django_assert_num_queries(0):
        assert render_meta(page, request) == html


# --- absolute URLs follow the host that serves the request -------------------------------


@pytest.mark.parametrize(
    ("host", "secure", "origin"),
    [
        ("portal.example:8443", True, "https://portal.example:8443"),
        ("127.0.0.1:8001", False, "http://127.0.0.1:8001"),
    ],
)
def test_absolute_urls_follow_the_request_host(client, english_article, host, secure, origin):
    """The default Site is localhost:80; a portal reached under another host and port
    links to itself there: canonical, og:url, hreflang, feeds, og:image, the sitemap and
    robots.txt."""
    article, translation = english_article
    article.listing_image = factories.ImageFactory()
    article.save_revision().publish()
    extra = {"HTTP_HOST": host, "secure": secure}

    html = client.get(article.url, **extra).content.decode()
    head = html.split("</head>")[0]
    urls = re.findall(r'<link rel="(?:canonical|alternate)"[^>]* href="([^"]+)"', head)
    urls += re.findall(
        r'<meta (?:property|name)="(?:og:url|og:image|twitter:image)" content="([^"]+)"', head
    )
    assert f'<link rel="canonical" href="{origin}{article.url}">' in head
    assert f'hreflang="en" href="{origin}{translation.url}"' in head
    assert len(urls) >= 8  # canonical, 3 hreflang, 4 feeds, og:url, og:image, twitter:image
    assert all(url.startswith(f"{origin}/") for url in urls), urls

    locations = sitemap_locations(client, **extra)
    assert f"{origin}{article.url}" in locations
    assert all(location.startswith(f"{origin}/") for location in locations)
    assert all(location.startswith(f"{origin}/") for location in sitemap_files(client, **extra))
    robots = client.get("/robots.txt", **extra).content.decode()
    assert f"Sitemap: {origin}/sitemap.xml" in robots

    feed = ET.fromstring(client.get("/atom/tin-hoat-dong/", **extra).content)  # noqa: S314
    atom = "{http://www.w3.org/2005/Atom}"
    links = [link.get("href") for link in feed.iter(f"{atom}link")]
    assert f"{origin}{article.url}" in links
    assert all(link.startswith(f"{origin}/") for link in links), links
