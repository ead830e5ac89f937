"""The whole-page cache for visitors (site_core/cache, docs/caching.md).

Visitors' pages are served from the shared cache and never stale: every change an editor
makes in the admin (publish, unpublish, move, delete, snippets, settings, images,
documents, view restrictions, sites, redirects) is seen by the next anonymous request.
Signed-in users, previews, private pages, drafts and per-visitor responses never are.
A frontend cache (CDN, reverse proxy) is purged through wagtail.contrib.frontend_cache.
"""

import datetime

import pytest

from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import resolve, reverse

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from news.models import NewsArticlePage
from site_core import navigation
from site_core.cache import pages
from site_core.cache.middleware import PageCacheMiddleware
from site_core.models import PortalSettings
from site_core.settings.base import redis_caches
from tests import factories

pytestmark = pytest.mark.django_db

DEAD_REDIS_PORT = 6390


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {}
    cache.clear()


def state(response):
    return response.headers.get(pages.STATUS_HEADER)


def visit(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def assert_served_from_cache(client, url):
    """GET twice: the second answer is the first one, from the cache."""
    first = client.get(url)
    assert first.status_code == 200, url
    assert state(first) == pages.MISS, url
    second = client.get(url)
    assert state(second) == pages.HIT, url
    assert second.content == first.content, url
    return second


def admin_form(admin_client, url, form_id=None, form_index=0, **fields):
    """The admin form at `url` as the browser would post it, with `fields` changed."""
    page = admin_client.get(url)
    assert page.status_code == 200, url
    data = querydict_from_html(page.content.decode(), form_id=form_id, form_index=form_index)
    for key, value in nested_form_data(fields).items():
        data[key] = value
    return data


@pytest.fixture
def article(news_index):
    return factories.NewsArticlePageFactory(
        parent=news_index, title="Hội nghị tổng kết công tác năm", slug="hoi-nghi-tong-ket"
    )


# --- what is cached --------------------------------------------------------------------------


def test_a_visitor_page_is_served_from_the_cache_without_a_query(
    client, article, django_assert_max_num_queries
):
    for url in (article.get_parent().get_parent().url, article.get_parent().url, article.url):
        assert_served_from_cache(client, url)
        with django_assert_max_num_queries(0):
            assert state(client.get(url)) == pages.HIT


def test_cached_pages_tell_other_caches_to_ask_again(client, article):
    miss = client.get(article.url)
    hit = client.get(article.url)
    for response in (miss, hit):
        assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
        vary = {part.strip() for part in response["Vary"].split(",")}
        assert {"Cookie", "Accept-Language"} <= vary
        assert response["ETag"] == miss["ETag"]
        # What outer middleware adds is there on hits as on misses.
        assert "Content-Security-Policy" in response
        assert response["Content-Language"] == "vi"
        assert response["X-Frame-Options"] == "DENY"

    unchanged = client.get(article.url, HTTP_IF_NONE_MATCH=miss["ETag"])
    assert unchanged.status_code == 304
    assert unchanged.content == b""


def test_head_reads_what_a_get_kept_and_keeps_nothing_itself(client, article):
    head = client.head(article.url)
    assert head.status_code == 200 and state(head) == pages.MISS
    assert state(client.get(article.url)) == pages.MISS
    assert state(client.head(article.url)) == pages.HIT


def test_languages_query_strings_and_hosts_are_kept_apart(client, article, news_index):
    assert_served_from_cache(client, news_index.url)
    assert state(client.get(news_index.url, {"page": "2"})) == pages.MISS
    assert state(client.get(news_index.url, HTTP_HOST="other.example.org")) == pages.MISS
    assert state(client.get(news_index.url, {"page": "2"})) == pages.HIT


def test_routable_pages_feeds_calendars_and_robots_are_cached(client, news_index, event_index):
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    factories.NewsArticlePageFactory(parent=news_index).categories.add(category)
    event = factories.EventPageFactory(
        parent=event_index,
        start=datetime.datetime(2030, 5, 1, 8, tzinfo=datetime.UTC),
    )
    urls = [
        news_index.url + news_index.reverse_subpage("category", args=["xay-dung-dang"]),
        reverse("feed_news_rss"),
        reverse("feed_news_atom"),
        reverse("events_ics"),
        reverse("event_ics", args=[event.pk]),
        reverse("robots_txt"),
    ]
    for url in urls:
        assert_served_from_cache(client, url)
    feed = client.get(reverse("feed_news_rss"))
    assert feed["Content-Type"].startswith("application/rss+xml")
    # robots.txt says how long it may be kept: the view's own header wins.
    assert client.get(reverse("robots_txt"))["Cache-Control"] == "max-age=3600, public"


def test_search_results_and_missing_pages_are_not_cached(client, article):
    for url in (reverse("search") + "?q=hoi+nghi", "/khong-co-trang-nay/"):
        first = client.get(url)
        second = client.get(url)
        assert state(first) == state(second) == pages.BYPASS, url
        assert second["Cache-Control"] == "private, no-cache", url
    assert "Hội nghị tổng kết" in client.get(reverse("search") + "?q=hoi+nghi").content.decode()


def test_admin_documents_and_the_api_are_left_alone(admin_client, client, article):
    for response in (admin_client.get("/admin/"), client.get("/api/v2/pages/")):
        assert pages.STATUS_HEADER not in response


# --- what is never cached ----------------------------------------------------------------------


def test_signed_in_users_never_read_or_fill_the_cache(client, admin_client, article):
    admin_page = admin_client.get(article.url)
    assert state(admin_page) == pages.BYPASS
    assert admin_page["Cache-Control"] == "private, no-cache"
    assert "wagtail-userbar" in admin_page.content.decode()

    visitor = client.get(article.url)
    assert state(visitor) == pages.MISS
    assert "wagtail-userbar" not in visitor.content.decode()
    again = admin_client.get(article.url)
    assert state(again) == pages.BYPASS
    assert "wagtail-userbar" in again.content.decode()


def test_a_session_or_a_pending_message_bypasses_the_cache(article):
    assert state(Client().get(article.url)) == pages.MISS
    for cookie in ("sessionid", "messages"):
        visitor = Client()
        visitor.cookies[cookie] = "x"
        assert state(visitor.get(article.url)) == pages.BYPASS, cookie


def test_private_pages_are_never_cached(client, home_page, django_user_model):
    login = factories.StandardPageFactory(parent=home_page, title="Nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=login, restriction_type=PageViewRestriction.LOGIN)
    below = factories.StandardPageFactory(parent=login, title="Thông báo mật", slug="mat")
    secret = factories.StandardPageFactory(parent=home_page, title="Có mật khẩu", slug="mk")
    PageViewRestriction.objects.create(
        page=secret,
        restriction_type=PageViewRestriction.PASSWORD,
        password="bi-mat-123",  # noqa: S106
    )
    group = factories.StandardPageFactory(parent=home_page, title="Chỉ nhóm", slug="nhom")
    restriction = PageViewRestriction.objects.create(
        page=group, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Thành viên"))

    for page in (login, below, group):
        for _ in range(2):
            response = client.get(page.url)
            assert response.status_code == 302, page.url
            assert state(response) == pages.BYPASS
    form = client.get(secret.url)
    assert form.status_code == 200 and state(form) == pages.BYPASS  # its form has a CSRF token
    assert state(client.get(secret.url)) == pages.BYPASS

    # A signed-in member sees it; nothing of it is kept for visitors.
    member = django_user_model.objects.create_user(username="tv", password=None)
    member.groups.add(Group.objects.get(name="Thành viên"))
    signed_in = Client()
    signed_in.force_login(member)
    assert "Chỉ nhóm" in signed_in.get(group.url).content.decode()
    assert client.get(group.url).status_code == 302


def test_a_restricted_page_served_anyway_is_not_kept(rf, home_page):
    page = factories.StandardPageFactory(parent=home_page, title="Nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    request = rf.get(page.url)
    pages.mark_private(request, page)
    assert getattr(request, pages.PRIVATE_PAGE)


def test_drafts_and_previews_never_reach_visitors(client, admin_client, article, admin_edit_url):
    assert_served_from_cache(client, article.url)
    url = admin_edit_url(article)
    data = admin_form(
        admin_client,
        url,
        form_id="page-edit-form",
        title="Bản nháp chưa duyệt",
        body=nested_body("Nội dung nháp."),
    )
    assert admin_client.post(url, data).status_code == 302  # saved as a draft

    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    assert admin_client.post(preview_url, data).json()["is_valid"]
    preview = admin_client.get(preview_url)
    assert "Bản nháp chưa duyệt" in preview.content.decode()

    response, html = visit(client, article.url)
    assert state(response) == pages.HIT
    assert "Bản nháp chưa duyệt" not in html
    assert "Hội nghị tổng kết công tác năm" in html


def set_cookie(request, response):
    response.set_cookie("chon", "1")


def used_csrf_token(request, response):
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True


def private(request, response):
    response["Cache-Control"] = "private"


def no_store(request, response):
    response["Cache-Control"] = "no-store"


def varies_on_accept(request, response):
    response["Vary"] = "Accept"


def session_written(request, response):
    request.session["seen"] = True


def not_found(request, response):
    response.status_code = 404


@pytest.mark.parametrize(
    "spoil",
    [set_cookie, used_csrf_token, private, no_store, varies_on_accept, session_written, not_found],
)
def test_responses_for_one_visitor_are_not_kept(rf, article, spoil):
    def view(request):
        request.resolver_match = resolve(request.path_info)
        response = HttpResponse("trang")
        spoil(request, response)
        return response

    def plain_view(request):
        request.resolver_match = resolve(request.path_info)
        return HttpResponse("trang")

    def request():
        request = rf.get(article.url)
        request.user = AnonymousUser()
        request.session = SessionStore()
        return request

    response = PageCacheMiddleware(view)(request())
    assert state(response) == pages.BYPASS
    assert state(PageCacheMiddleware(plain_view)(request())) == pages.MISS


# --- never stale: changes made in the admin ------------------------------------------------------


def test_publishing_in_the_admin_shows_at_once(
    client, post_page_form, admin_edit_url, article, news_index, home_page
):
    for url in (home_page.url, news_index.url, article.url):
        assert_served_from_cache(client, url)

    response = post_page_form(
        admin_edit_url(article),
        {"title": "Hội nghị lần thứ hai (đã sửa)", "body": nested_body("Nội dung đã sửa.")},
        "action-publish",
    )
    assert response.status_code == 302

    for url in (home_page.url, news_index.url, article.url):
        response, html = visit(client, url)
        assert state(response) == pages.MISS, url
        assert "Hội nghị lần thứ hai (đã sửa)" in html, url


def test_a_new_page_published_in_the_admin_shows_in_its_listings(
    client, post_page_form, admin_add_url, news_index, home_page, article
):
    assert_served_from_cache(client, news_index.url)
    fields = {
        "title": "Tin mới đăng",
        "slug": "tin-moi-dang",
        "date": "2026-01-02 08:00",
        "sapo": "Tóm tắt.",
        "body": nested_body("Nội dung tin mới."),
    }
    response = post_page_form(admin_add_url(NewsArticlePage, news_index), fields, "action-publish")
    assert response.status_code == 302, response.content.decode()[:3000]
    for url in (news_index.url, home_page.url):
        assert "Tin mới đăng" in visit(client, url)[1], url


def nested_body(text):
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


def test_unpublishing_in_the_admin_removes_the_page_at_once(
    client, admin_client, article, news_index
):
    assert_served_from_cache(client, article.url)
    assert_served_from_cache(client, news_index.url)
    url = reverse("wagtailadmin_pages:unpublish", args=[article.pk])
    # "Gỡ hẳn": no notice at the address (notices: tests/test_withdrawals.py).
    data = {"reason": "Thông tin chưa chính xác.", "remove_entirely": "on"}
    assert admin_client.post(url, data).status_code == 302
    assert client.get(article.url).status_code == 404
    assert article.title not in visit(client, news_index.url)[1]


def test_moving_in_the_admin_changes_the_urls_at_once(client, admin_client, article, home_page):
    other = factories.NewsIndexPageFactory(parent=home_page, title="Tin khác", slug="chuyen")
    old_url = article.url
    assert_served_from_cache(client, old_url)
    url = reverse("wagtailadmin_pages:move_confirm", args=[article.pk, other.pk])
    assert admin_client.post(url).status_code == 302
    article.refresh_from_db()
    assert article.url.startswith("/chuyen/")
    # Wagtail leaves a redirect from the old URL, which no longer serves the cached page.
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == article.url
    assert client.get(article.url).status_code == 200


def test_deleting_in_the_admin_removes_the_page_at_once(client, admin_client, article, news_index):
    assert_served_from_cache(client, article.url)
    assert_served_from_cache(client, news_index.url)
    url = reverse("wagtailadmin_pages:delete", args=[article.pk])
    assert admin_client.post(url).status_code == 302
    assert not Page.objects.filter(pk=article.pk).exists()
    assert client.get(article.url).status_code == 404
    assert article.title not in visit(client, news_index.url)[1]


def test_a_snippet_with_drafts_published_in_the_admin_shows_at_once(
    client, admin_client, news_index
):
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    article = factories.NewsArticlePageFactory(parent=news_index, title="Tin chuyên mục")
    article.categories.add(category)
    article.save_revision().publish()
    assert_served_from_cache(client, article.url)
    assert "Xây dựng Đảng" in visit(client, article.url)[1]

    url = reverse("wagtailsnippets_news_newscategory:edit", args=[category.pk])
    data = admin_form(admin_client, url, form_id="w-editor-form", name="Công tác Đảng")
    draft = admin_client.post(url, data)
    assert draft.status_code == 302
    assert "Công tác Đảng" not in visit(client, article.url)[1]  # a draft: not shown

    data["action-publish"] = "1"
    assert admin_client.post(url, data).status_code == 302
    html = visit(client, article.url)[1]
    assert "Công tác Đảng" in html and "Xây dựng Đảng" not in html


def test_a_person_published_in_the_admin_shows_on_the_unit_page(client, admin_client, org_chart):
    unit = factories.OrgUnitPageFactory(parent=org_chart, title="Ban Tổ chức", slug="ban-to-chuc")
    person = factories.PersonFactory(full_name="Nguyễn Văn Bình")
    factories.OrgMembershipFactory(unit=unit, person=person, position="Trưởng ban")
    unit.save_revision().publish()
    assert_served_from_cache(client, unit.url)
    assert "Nguyễn Văn Bình" in visit(client, unit.url)[1]

    url = reverse("wagtailsnippets_org_structure_person:edit", args=[person.pk])
    data = admin_form(admin_client, url, form_id="w-editor-form", full_name="Trần Thị Bình")
    data["action-publish"] = "1"
    assert admin_client.post(url, data).status_code == 302
    assert "Trần Thị Bình" in visit(client, unit.url)[1]


def test_reference_tables_changed_in_the_admin_show_at_once(
    client, admin_client, document_index, document_type, issuer
):
    document = factories.LegalDocumentPageFactory(
        parent=document_index, document_type=document_type, issuer=issuer
    )
    assert_served_from_cache(client, document.url)
    for viewset, obj, fields in (
        ("legal_docs_issuingbody", issuer, {"name": "Ban Thường vụ Tỉnh ủy"}),
        ("legal_docs_documenttype", document_type, {"name": "Nghị quyết chuyên đề"}),
    ):
        url = reverse(f"wagtailsnippets_{viewset}:edit", args=[obj.pk])
        data = admin_form(admin_client, url, form_id="w-editor-form", **fields)
        assert admin_client.post(url, data).status_code == 302, viewset
        assert fields["name"] in visit(client, document.url)[1], viewset


def test_portal_settings_changed_in_the_admin_show_on_every_page(
    client, admin_client, site, article
):
    PortalSettings.objects.update_or_create(site=site, defaults={"portal_name": "Cổng cũ"})
    for url in (site.root_page.url, article.url):
        assert_served_from_cache(client, url)
        assert "Cổng cũ" in visit(client, url)[1]
    url = reverse("wagtailsettings:edit", args=["site_core", "portalsettings", site.pk])
    data = admin_form(
        admin_client,
        url,
        form_id="w-editor-form",
        portal_name="Cổng mới",
        footer_text=rich_text("<p>Chân trang.</p>"),
        related_links=streamfield([]),
        social_links=streamfield([]),
    )
    assert admin_client.post(url, data).status_code == 302
    for url in (site.root_page.url, article.url):
        html = visit(client, url)[1]
        assert "Cổng mới" in html and "Cổng cũ" not in html, url


def test_an_image_changed_in_the_admin_shows_at_once(client, admin_client, news_index):
    image = factories.ImageFactory(title="Ảnh", description="Quang cảnh hội nghị")
    article = factories.NewsArticlePageFactory(parent=news_index, featured_image=image)
    assert_served_from_cache(client, article.url)
    assert "Quang cảnh hội nghị" in visit(client, article.url)[1]
    url = reverse("wagtailimages:edit", args=[image.pk])
    data = admin_form(
        admin_client, url, form_id="w-editor-form", description="Toàn cảnh phiên bế mạc"
    )
    data.pop("file", None)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Toàn cảnh phiên bế mạc" in visit(client, article.url)[1]


def test_a_document_changed_in_the_admin_shows_at_once(client, admin_client, document_index):
    page = factories.LegalDocumentPageFactory(parent=document_index)
    document = factories.DocumentFactory(title="Toàn văn nghị quyết")
    factories.LegalDocumentAttachmentFactory(page=page, document=document, title="")
    assert_served_from_cache(client, page.url)
    url = reverse("wagtaildocs:edit", args=[document.pk])
    data = admin_form(admin_client, url, form_id="w-editor-form", title="Toàn văn nghị quyết số 9")
    data.pop("file", None)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Toàn văn nghị quyết số 9" in visit(client, page.url)[1]


def test_a_view_restriction_set_in_the_admin_applies_at_once(client, admin_client, article):
    assert_served_from_cache(client, article.url)
    url = reverse("wagtailadmin_pages:set_privacy", args=[article.pk])
    response = admin_client.post(url, {"restriction_type": "login"})
    assert response.status_code == 200 and response.json()["step"] == "set_privacy_done"
    assert client.get(article.url).status_code == 302


def test_a_site_changed_in_the_admin_applies_at_once(client, admin_client, site, article):
    assert_served_from_cache(client, article.url)
    other_home = factories.StandardPageFactory(parent=Page.get_first_root_node(), slug="khac")
    url = reverse("wagtailsites:edit", args=[site.pk])
    data = admin_form(admin_client, url, form_id="w-editor-form", root_page=other_home.pk)
    assert admin_client.post(url, data).status_code == 302
    assert client.get(article.url).status_code == 404


def test_a_redirect_added_in_the_admin_applies_at_once(client, admin_client, article, site):
    assert client.get("/tin-cu/").status_code == 404
    response = admin_client.post(
        reverse("wagtailredirects:add"),
        {
            "old_path": "/tin-cu/",
            "site": site.pk,
            "is_permanent": "on",
            "redirect_page": article.pk,
            "redirect_link": "",
        },
    )
    assert response.status_code == 302
    moved = client.get("/tin-cu/")
    assert moved.status_code == 301 and moved["Location"].endswith(article.url)


def test_a_live_page_saved_by_a_script_shows_at_once(client, article, news_index):
    assert_served_from_cache(client, news_index.url)
    factories.NewsArticlePageFactory(parent=news_index, title="Tin nhập từ hệ thống cũ")
    assert "Tin nhập từ hệ thống cũ" in visit(client, news_index.url)[1]


def test_editorial_saves_keep_the_cache(client, article):
    assert_served_from_cache(client, article.url)
    article.save_revision()  # a draft revision
    article.save(update_fields=["locked"])
    assert state(client.get(article.url)) == pages.HIT


def test_the_version_is_renewed_again_when_the_change_commits(
    article, django_capture_on_commit_callbacks
):
    before = navigation.navigation_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.save_revision().publish()
    during = navigation.navigation_version()
    assert during != before
    for callback in callbacks:
        callback()
    assert navigation.navigation_version() not in (before, during)


# --- the cache server down -----------------------------------------------------------------------


def dead_redis():
    return override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{DEAD_REDIS_PORT}/0"))


def test_pages_are_rendered_while_redis_is_down(client, article, news_index):
    with dead_redis():
        for url in (news_index.url, article.url, news_index.url):
            response = client.get(url)
            assert response.status_code == 200, url
            assert state(response) == pages.MISS


def test_a_change_made_while_redis_was_down_is_seen_once_it_is_back(client, article):
    assert_served_from_cache(client, article.url)
    with dead_redis():
        article.title = "Sửa trong lúc Redis ngừng"
        article.save_revision().publish()
        assert "Sửa trong lúc Redis ngừng" in visit(client, article.url)[1]
    response, html = visit(client, article.url)
    assert state(response) == pages.MISS
    assert "Sửa trong lúc Redis ngừng" in html


# --- the frontend cache --------------------------------------------------------------------------


class RecordingBackend(BaseBackend):
    """A frontend cache that notes what it is told to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def frontend(settings):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend.purged


def test_with_a_frontend_cache_pages_are_kept_there(client, frontend, article):
    response = client.get(article.url)
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=300"
    assert client.get(reverse("search") + "?q=x")["Cache-Control"] == "private, no-cache"


def test_publishing_purges_the_page_its_listings_and_the_homes(
    frontend,
    post_page_form,
    admin_edit_url,
    article,
    news_index,
    home_page,
    django_capture_on_commit_callbacks,
):
    english_home = home_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english_home.save_revision().publish()
    frontend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_page_form(
            admin_edit_url(article),
            {"title": "Tin đã sửa", "body": nested_body("Nội dung.")},
            "action-publish",
        )
    assert response.status_code == 302
    root = "http://localhost"
    assert {
        root + article.url,
        root + news_index.url,
        root + home_page.url,
        root + english_home.url,
        root + reverse("feed_news_rss"),
        root + "/en" + reverse("feed_news_rss"),
        root + reverse("events_ics"),
    } <= set(frontend)
    assert len(frontend) == len(set(frontend))  # one purge per URL


def test_a_change_shown_everywhere_purges_every_page(
    frontend, article, news_index, standard_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.NewsCategoryFactory(name="Chuyên mục mới")
    root = "http://localhost"
    expected = {root + page.url for page in (article, news_index, standard_page)}
    assert expected <= set(frontend)


def test_with_a_wildcard_backend_every_change_purges_the_whole_site(
    frontend, settings, article, django_capture_on_commit_callbacks
):
    settings.PORTAL_FRONTEND_CACHE_WILDCARD = True
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
        factories.NewsCategoryFactory(name="Chuyên mục mới")
    assert frontend == [f"{Site.objects.get(is_default_site=True).root_url}/*"]


def test_nothing_is_purged_before_the_change_commits(
    frontend, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.save_revision().publish()
    assert frontend == []
    assert callbacks


def test_the_release_digest_reads_translations_kept_outside_the_checkout(tmp_path):
    """A LOCALE_PATHS folder outside BASE_DIR (a deployment's own catalogues, or the
    marker catalogues of the admin translation walk) joins the digest; it does not fail."""
    catalogue = tmp_path / "vi" / "LC_MESSAGES" / "django.mo"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_bytes(b"first")
    navigation.code_release.cache_clear()
    try:
        with override_settings(LOCALE_PATHS=[tmp_path], PORTAL_RELEASE=""):
            outside = navigation.code_release()
            navigation.code_release.cache_clear()
            catalogue.write_bytes(b"second")
            changed = navigation.code_release()
    finally:
        navigation.code_release.cache_clear()
    assert len(outside) == 8
    assert changed != outside
