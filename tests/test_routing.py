"""Routing in one query (site_core/routing.py) gives what Wagtail's walk gives: the same
page, the same sub-route arguments, the same 404s; and a page view's round trips to the
database and to Redis stay within their budgets."""

import os

import pytest
from django_redis import get_redis_connection

from django.core.cache import caches
from django.db import connection
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.models import HomePage
from site_core.settings.base import redis_caches
from tests import factories

# The test Redis server (TEST_REDIS_URL: each worktree's helper has its own database, which
# these tests clear); a test skips when none listens.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def components(path):
    return [part for part in path.split("/") if part]


def normalised(value):
    """Route results compared by value: a bound sub-route view by its function and page."""
    if hasattr(value, "__func__"):
        return (value.__func__.__qualname__, value.__self__.pk)
    if isinstance(value, (list, tuple)):
        return tuple(normalised(item) for item in value)
    if isinstance(value, dict):
        return {key: normalised(item) for key, item in value.items()}
    if isinstance(value, Page):
        return (type(value), value.pk)
    return value


def outcome(route, request, path):
    try:
        page, args, kwargs = route(request, components(path))
    except Http404:
        return "404"
    return (type(page), page.pk, normalised(args), normalised(kwargs), page.live)


def both_routes(path, language="vi"):
    """(ours, Wagtail's) for `path` below the request's root page in `language`."""
    request = RequestFactory().get(path)
    with translation.override(language):
        root = Site.find_for_request(request).root_page.localized.specific
        assert isinstance(root, HomePage)
        ours = outcome(root.route, request, path)
        walk = outcome(lambda request, parts: Page.route(root, request, parts), request, path)
    return ours, walk


@pytest.fixture
def tree(home_page, news_index, event_index, standard_page, history_index, org_chart):
    category = factories.NewsCategoryFactory()
    article = factories.NewsArticlePageFactory(parent=news_index)
    nested = factories.StandardPageFactory(parent=standard_page)
    draft = factories.StandardPageFactory(parent=home_page, live=False)
    below_draft = factories.StandardPageFactory(parent=draft)
    private = factories.StandardPageFactory(parent=home_page)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    below_private = factories.StandardPageFactory(parent=private)
    alias = standard_page.create_alias(parent=home_page, update_slug="ban-sao-gioi-thieu")
    event = factories.EventPageFactory(parent=event_index)
    period = factories.HistoryPeriodPageFactory(parent=history_index)
    unit = factories.OrgUnitPageFactory(parent=org_chart)
    pages = [
        home_page,
        news_index,
        event_index,
        standard_page,
        history_index,
        org_chart,
        article,
        nested,
        draft,
        below_draft,
        private,
        below_private,
        alias,
        event,
        period,
        unit,
    ]
    return {"pages": pages, "news": news_index, "category": category, "article": article}


def relative(page, home):
    return page.url_path[len(home.url_path) - 1 :]


def test_every_page_routes_as_wagtail_routes_it(tree, home_page):
    for page in tree["pages"]:
        page.refresh_from_db()
        path = relative(page, home_page)
        ours, walk = both_routes(path)
        assert ours == walk, path
        if page.live:
            assert ours != "404" and ours[1] == page.pk, path


def test_sub_routes_and_bad_paths_route_as_wagtail_routes_them(tree, home_page):
    news = relative(tree["news"], home_page)
    article = relative(tree["article"], home_page)
    paths = [
        f"{news}nam/2024/",
        f"{news}nam/2024/thang/5/",
        f"{news}nam/2024/thang/13/",
        f"{news}nam/abc/",
        f"{news}chuyen-muc/{tree['category'].slug}/",
        f"{news}chuyen-muc/khong-co/",
        f"{news}don-vi/khong-co/",
        f"{news}khong-co/",
        f"{article}them/",
        "/khong-co/",
        "/khong-co/nua/",
        "/tin-hoat-dong/%20/",
        "/" + "/".join(["a"] * 12) + "/",
    ]
    for path in paths:
        ours, walk = both_routes(path)
        assert ours == walk, path


def test_a_page_whose_url_path_is_out_of_step_is_walked(tree, home_page):
    page = tree["pages"][7]  # nested
    path = relative(page, home_page)
    Page.objects.filter(pk=page.pk).update(url_path="/khac/")
    ours, walk = both_routes(path)
    assert ours == walk and ours[1] == page.pk


def test_translations_route_as_wagtail_routes_them(tree, home_page, standard_page):
    english = Locale.objects.get(language_code="en")
    home_en = home_page.copy_for_translation(english)
    about_en = standard_page.copy_for_translation(english)
    for page in (home_en, about_en):
        page.refresh_from_db()
        page.save_revision().publish()
    about_en.refresh_from_db()
    home_en.refresh_from_db()
    for path in ("/", relative(about_en, home_en), "/khong-co/"):
        ours, walk = both_routes(path, language="en")
        assert ours == walk, path
    assert both_routes(relative(about_en, home_en), language="en")[0][1] == about_en.pk


def test_routing_an_article_costs_two_queries(tree, home_page, django_assert_num_queries):
    path = relative(tree["article"], home_page)
    request = RequestFactory().get(path)
    root = Site.find_for_request(request).root_page.localized.specific
    with django_assert_num_queries(2):  # the chain of pages, the specific article
        page, _args, _kwargs = root.route(request, components(path))
    assert page.pk == tree["article"].pk


def test_the_chain_of_pages_is_found_by_the_slug_index(tree, home_page):
    path = relative(tree["article"], home_page)
    request = RequestFactory().get(path)
    root = Site.find_for_request(request).root_page.localized.specific
    with CaptureQueriesContext(connection) as captured:
        root.route(request, components(path))
    chain_sql = captured.captured_queries[0]["sql"]
    assert "url_path" in chain_sql
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {chain_sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # Not the path index (which scans every page of the site), not a scan of the table.
    assert "wagtailcore_page_slug" in plan and "page_path" not in plan, plan
    assert "Seq Scan" not in plan and "Sort" not in plan, plan


def test_an_article_page_view_stays_within_its_query_budget(tree, assert_render_budget):
    # Routing took 5 queries and the view-restriction check 2 before (site_core/routing.py,
    # BasePage.get_view_restrictions).
    assert_render_budget(tree["article"].url, 8)


def test_a_private_page_is_still_refused_to_visitors(client, tree):
    private = tree["pages"][10]
    response = client.get(private.url)
    assert response.status_code == 302 and "login" in response["Location"]
    response = client.get(tree["pages"][11].url)
    assert response.status_code == 302


# --- Redis round trips --------------------------------------------------------------------


@pytest.fixture
def redis_commands(monkeypatch):
    """Every command sent to Redis while a test runs, with a Redis cache as in production."""
    sent = []

    def counting(self, *args, **options):  # counts, and sends on
        sent.append(args[:2])
        return execute(self, *args, **options)

    with override_settings(CACHES=redis_caches(REDIS_URL, prefix="portal-test-routing")):
        client = get_redis_connection("default")
        Redis = type(client)
        execute = Redis.execute_command
        if not caches["default"].set("portal-test-routing-probe", 1):
            pytest.skip("no Redis server on 127.0.0.1:6379")
        for cache in caches.all():
            cache.clear()
        monkeypatch.setattr(Redis, "execute_command", counting)
        yield sent
        monkeypatch.setattr(Redis, "execute_command", execute)
        for cache in caches.all():
            cache.clear()


def test_a_page_view_reads_the_navigation_version_once(client, tree, redis_commands):
    url = tree["article"].url
    assert client.get(url).status_code == 200  # fills the cached chrome and the page
    redis_commands.clear()
    with override_settings(PORTAL_PAGE_CACHE=False):
        assert client.get(url).status_code == 200
    version_reads = [args for args in redis_commands if "navigation-version" in str(args)]
    assert len(version_reads) == 1, redis_commands
    # The view restrictions are read with the version, in one MGET.
    assert version_reads[0][0] == "MGET", redis_commands
    assert not [args for args in redis_commands[1:] if "view-restrictions" in str(args)]
    # The version and the view restrictions, the article's related content (kept until the
    # next change), one MGET for the chrome (fragments, meta, language links:
    # site_core/cache/fragments.py) and Wagtail's site root paths.
    chrome_reads = [args for args in redis_commands if "template.cache" in str(args)]
    assert len(chrome_reads) == 1 and chrome_reads[0][0] == "MGET", redis_commands
    assert len(redis_commands) <= 4, redis_commands


def test_a_cached_page_is_one_round_trip(client, tree, redis_commands, settings):
    settings.PORTAL_PAGE_CACHE = True
    url = tree["article"].url
    assert client.get(url)["X-Page-Cache"] == "MISS"
    redis_commands.clear()
    response = client.get(url)
    assert response["X-Page-Cache"] == "HIT"
    assert len(redis_commands) == 1 and redis_commands[0][0] == "MGET", redis_commands


def test_a_publish_is_seen_by_the_next_visitor_with_redis(client, tree, redis_commands, settings):
    settings.PORTAL_PAGE_CACHE = True
    article = tree["article"]
    assert client.get(article.url)["X-Page-Cache"] == "MISS"
    assert client.get(article.url)["X-Page-Cache"] == "HIT"
    article.refresh_from_db()
    article.title = "Tiêu đề mới sau khi xuất bản"
    article.save_revision().publish()
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "MISS"
    assert "Tiêu đề mới sau khi xuất bản" in response.content.decode()
