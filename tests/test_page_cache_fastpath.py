"""The fast path (site_core/cache/fastpath.py): kept pages served in front of Django.

The WSGI application is called directly with environ dicts, as gunicorn calls it. A
recording wrapper around Django's handler tells whether Django saw the request: a hit
served by the fast path never reaches it, and carries exactly the headers and body Django
gave; everything the fast path is not sure of reaches Django unchanged.
"""

import io
import os
from urllib.parse import unquote_to_bytes

import pytest
from django_redis import get_redis_connection

from django.core.cache import cache, caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from site_core.cache import pages
from site_core.cache.fastpath import PageCacheFastPath, path_language
from site_core.navigation import NAVIGATION_VERSION_KEY
from site_core.settings.base import redis_caches
from tests import factories

pytestmark = pytest.mark.django_db

# A Redis database of the tests' own (flushed by cache.clear()); TEST_REDIS_URL overrides.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
DEAD_REDIS_URL = "redis://127.0.0.1:6390/0"


@pytest.fixture(autouse=True)
def redis_page_cache(settings):
    """The page cache on, in Redis as in production."""
    settings.PORTAL_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {}
    with override_settings(CACHES=redis_caches(REDIS_URL, prefix="portal-test-fastpath")):
        if not caches["default"].set("portal-test-fastpath-probe", 1):
            pytest.skip(f"no Redis server at {REDIS_URL}")
        for each in caches.all():
            each.clear()
        yield
        for each in caches.all():
            each.clear()


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Django's handler closes the database connection between requests, which would end
    the test's transaction; the test client does the same as this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


class RecordingDjango:
    """Django's WSGI handler, noting every request it is given."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.seen = []

    def __call__(self, environ, start_response):
        self.seen.append(environ["PATH_INFO"])
        return self.handler(environ, start_response)


@pytest.fixture
def django_app():
    return RecordingDjango()


@pytest.fixture
def app(django_app):
    return PageCacheFastPath(django_app)


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body
        self.code = int(status.split()[0])

    def __getitem__(self, name):
        return dict(self.headers)[name]

    def get(self, name):
        return dict(self.headers).get(name)


def environ(url, method="GET", host="testserver", scheme="http", **headers):
    """What a WSGI server gives for `url` (PATH_INFO: the unquoted bytes as ISO-8859-1)."""
    path, _, query = url.partition("?")
    return {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(path).decode("iso-8859-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "443" if scheme == "https" else "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        **headers,
    }


def call(application, url, **options):
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=list(headers))

    result = application(environ(url, **options), start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return Answer(started["status"], started["headers"], body)


def fast_hit(app, django_app, url, **options):
    """The answer to `url`, asserting that the fast path gave it without Django."""
    seen = len(django_app.seen)
    answer = call(app, url, **options)
    assert len(django_app.seen) == seen, f"{url} reached Django"
    return answer


def through_django(app, django_app, url, **options):
    seen = len(django_app.seen)
    answer = call(app, url, **options)
    assert len(django_app.seen) == seen + 1, f"{url} did not reach Django"
    return answer


@pytest.fixture
def article(news_index):
    return factories.NewsArticlePageFactory(
        parent=news_index, title="Hội nghị tổng kết công tác năm", slug="hoi-nghi-tong-ket"
    )


def without_state(headers):
    return [(name, value) for name, value in headers if name != pages.STATUS_HEADER]


# --- hits -------------------------------------------------------------------------------------


def test_a_hit_is_what_django_served_with_every_header(app, django_app, article, news_index):
    for url in (article.url, news_index.url, news_index.url + "?page=2", reverse("robots_txt")):
        miss = through_django(app, django_app, url)
        assert miss.code == 200 and miss[pages.STATUS_HEADER] == pages.MISS, url
        hit = fast_hit(app, django_app, url)
        assert hit.status == "200 OK"
        assert hit.body == miss.body, url
        assert hit[pages.STATUS_HEADER] == pages.HIT
        assert without_state(hit.headers) == without_state(miss.headers), url
        # Django's own hit path (PageCacheMiddleware) answers the same.
        assert call(django_app.handler, url).headers == hit.headers, url

    hit = fast_hit(app, django_app, article.url)
    for name in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Frame-Options",
        "ETag",
    ):
        assert hit.get(name), name
    assert hit["Content-Language"] == "vi"
    assert hit["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert {part.strip() for part in hit["Vary"].split(",")} == {"Cookie", "Accept-Language"}
    assert hit["Content-Length"] == str(len(hit.body))
    assert "Hội nghị tổng kết công tác năm" in hit.body.decode()


def test_a_hit_is_one_round_trip_to_redis(app, django_app, article, monkeypatch):
    through_django(app, django_app, article.url)
    client = get_redis_connection("default")
    Redis = type(client)
    execute = Redis.execute_command
    sent = []

    def counting(self, *args, **options):
        sent.append(args[:1])
        return execute(self, *args, **options)

    monkeypatch.setattr(Redis, "execute_command", counting)
    fast_hit(app, django_app, article.url)
    assert sent == [("MGET",)]


def test_languages_hosts_and_schemes_are_kept_apart(
    app, django_app, home_page, news_index, settings
):
    english = home_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    for url in (home_page.url, english.url):
        through_django(app, django_app, url)
        assert fast_hit(app, django_app, url).body == call(django_app.handler, url).body
    assert fast_hit(app, django_app, english.url)["Content-Language"] == "en"
    assert fast_hit(app, django_app, home_page.url)["Content-Language"] == "vi"

    settings.ALLOWED_HOSTS = ["testserver", "other.example.org"]
    assert through_django(app, django_app, news_index.url, host="other.example.org").code == 200

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    through_django(app, django_app, news_index.url)
    secure = through_django(app, django_app, news_index.url, HTTP_X_FORWARDED_PROTO="https")
    assert secure[pages.STATUS_HEADER] == pages.MISS
    fast_hit(app, django_app, news_index.url, HTTP_X_FORWARDED_PROTO="https")


@pytest.mark.parametrize(
    "path", ["/", "/en/", "/en/tin-tuc/", "/vi/", "/en-us/", "/english/", "/robots.txt"]
)
def test_the_language_is_the_one_django_activates(path, settings):
    seen = {}

    def view(request):
        seen["language"] = translation.get_language()
        return HttpResponse()

    request = RequestFactory().get(path)
    with translation.override(None):
        LocaleMiddleware(view)(request)
    assert path_language(RequestFactory().get(path)) == seen["language"]


def test_a_page_with_a_vietnamese_address(app, django_app, home_page):
    page = factories.StandardPageFactory(parent=home_page, title="Giới thiệu", slug="giới-thiệu")
    url = page.url
    assert url == "/gi%E1%BB%9Bi-thi%E1%BB%87u/"
    miss = through_django(app, django_app, url)
    assert miss.code == 200 and miss[pages.STATUS_HEADER] == pages.MISS
    assert fast_hit(app, django_app, url).body == miss.body


# --- never stale ------------------------------------------------------------------------------


def test_a_publish_makes_the_next_request_a_miss(app, django_app, article, news_index):
    for url in (article.url, news_index.url):
        through_django(app, django_app, url)
        fast_hit(app, django_app, url)
    article.title = "Tiêu đề mới sau khi xuất bản"
    article.save_revision().publish()
    for url in (article.url, news_index.url):
        miss = through_django(app, django_app, url)
        assert miss[pages.STATUS_HEADER] == pages.MISS
        assert "Tiêu đề mới sau khi xuất bản" in miss.body.decode()
        assert fast_hit(app, django_app, url).body == miss.body


def test_a_missing_version_is_left_to_django(app, django_app, article):
    through_django(app, django_app, article.url)
    cache.delete(NAVIGATION_VERSION_KEY)
    assert through_django(app, django_app, article.url)[pages.STATUS_HEADER] == pages.MISS
    fast_hit(app, django_app, article.url)


# --- what is left to Django -------------------------------------------------------------------


def test_sessions_and_messages_are_left_to_django(app, django_app, article):
    through_django(app, django_app, article.url)
    for cookie in ("sessionid=abc", "messages=x", "csrftoken=a; sessionid=abc"):
        answer = through_django(app, django_app, article.url, HTTP_COOKIE=cookie)
        assert answer[pages.STATUS_HEADER] == pages.BYPASS, cookie
        assert answer["Cache-Control"] == "private, no-cache", cookie
    # Cookies Django does not read for the page share it.
    fast_hit(app, django_app, article.url, HTTP_COOKIE="csrftoken=a; _ga=b")


def test_a_signed_in_user_never_gets_a_kept_page(app, django_app, article, admin_user):
    through_django(app, django_app, article.url)
    editor = Client()
    editor.force_login(admin_user)
    cookie = f"sessionid={editor.cookies['sessionid'].value}"
    answer = through_django(app, django_app, article.url, HTTP_COOKIE=cookie)
    assert answer.code == 200
    assert answer[pages.STATUS_HEADER] == pages.BYPASS
    assert "wagtail-userbar" in answer.body.decode()
    # ...and the visitors' page did not take the editor's.
    assert "wagtail-userbar" not in fast_hit(app, django_app, article.url).body.decode()


def test_head_gets_the_headers_without_the_body(app, django_app, article):
    head = through_django(app, django_app, article.url, method="HEAD")
    assert head[pages.STATUS_HEADER] == pages.MISS
    # A HEAD keeps nothing: the GET after it is a miss too.
    get = through_django(app, django_app, article.url)
    assert get[pages.STATUS_HEADER] == pages.MISS
    head = fast_hit(app, django_app, article.url, method="HEAD")
    assert head.code == 200 and head.body == b""
    assert head.headers == fast_hit(app, django_app, article.url).headers
    assert head["Content-Length"] == str(len(get.body))


def test_conditional_requests_are_answered_as_django_answers_them(app, django_app, article):
    miss = through_django(app, django_app, article.url)
    etag = miss["ETag"]
    for method in ("GET", "HEAD"):
        unchanged = fast_hit(app, django_app, article.url, method=method, HTTP_IF_NONE_MATCH=etag)
        assert unchanged.status == "304 Not Modified" and unchanged.body == b""
        django = call(django_app.handler, article.url, method=method, HTTP_IF_NONE_MATCH=etag)
        assert django.code == 304
        assert unchanged.headers == django.headers
        assert unchanged["ETag"] == etag
    changed = fast_hit(app, django_app, article.url, HTTP_IF_NONE_MATCH='"autre"')
    assert changed.code == 200 and changed.body == miss.body
    failed = fast_hit(app, django_app, article.url, HTTP_IF_MATCH='"autre"')
    assert failed.code == 412
    assert failed.code == call(django_app.handler, article.url, HTTP_IF_MATCH='"autre"').code


def test_unknown_hosts_posts_and_skipped_paths_are_left_to_django(
    app, django_app, article, settings
):
    through_django(app, django_app, article.url)
    settings.ALLOWED_HOSTS = ["testserver"]
    assert through_django(app, django_app, article.url, host="evil.example").code == 400
    # A form post without a CSRF token: Django refuses it, as without the fast path.
    assert through_django(app, django_app, article.url, method="POST").code == 403
    assert through_django(app, django_app, "/admin/").code == 302
    assert pages.STATUS_HEADER not in dict(call(app, "/admin/").headers)
    settings.PORTAL_PAGE_CACHE = False
    assert through_django(app, django_app, article.url)[pages.STATUS_HEADER] == pages.BYPASS


def test_redis_down_is_never_an_error(app, django_app, article, news_index):
    through_django(app, django_app, article.url)
    with override_settings(CACHES=redis_caches(DEAD_REDIS_URL)):
        for url in (article.url, news_index.url, article.url):
            answer = through_django(app, django_app, url)
            assert answer.code == 200, url
            assert answer[pages.STATUS_HEADER] == pages.MISS, url
    # A change could have been made meanwhile: the process renews the version first
    # (site_core/navigation.py), which only Django's path does.
    assert through_django(app, django_app, article.url)[pages.STATUS_HEADER] == pages.MISS
    fast_hit(app, django_app, article.url)


def test_the_portal_application_has_the_fast_path():
    from site_core import wsgi

    assert isinstance(wsgi.application, PageCacheFastPath)
    assert isinstance(wsgi.application.application, WSGIHandler)
