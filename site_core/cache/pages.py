"""What the whole-page cache keeps, under which key, and what it tells other caches.

A visitor's page is kept when nothing about it belongs to one visitor (docs/caching.md):

- the request: GET (HEAD reads what a GET kept), from a visitor without a session cookie
  or pending messages, not signed in, not a preview;
- the view: one of PORTAL_PAGE_CACHE_VIEWS (Wagtail pages with their routable sub-pages,
  feeds, iCalendar, robots.txt); a page under a view restriction or not live never is;
- the response: 200, not streamed, no cookie set, no CSRF token or CSP nonce used while
  rendering (they are per visitor), no `Cache-Control: private`, `no-store` or `no-cache`
  of its own, no Vary beyond the language (in the key) and the cookie (visitors with a
  session never read or fill the cache).

An entry is what the visitor got from the full middleware stack, headers included, so
that the fast path in front of Django (site_core/cache/fastpath.py) sends it as it is.
The entry holds the navigation version (site_core/navigation.py) it was rendered under,
renewed by every change of content (site_core/signals.py); it is served only while that
is still the current version, so a change is seen at once on every app server that shares
the cache. The version and the entry are read in one round trip (`lookup`). The key holds
the local date, for what pages show by date (a document in force, current members). The
timeout bounds what changes with the clock within a day (upcoming events) and what a lost
renewal would leave behind.
"""

import fnmatch
import hashlib
from http.client import responses

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from site_core.navigation import (
    NAVIGATION_VERSION_KEY,
    navigation_version,
    remember_navigation_number,
    version_of_number,
)
from site_core.query import restricted_sections

KEY_PREFIX = "portal:page"
STATUS_HEADER = "X-Page-Cache"
HIT, MISS, BYPASS = "HIT", "MISS", "BYPASS"
# Request headers a response may vary on: the language is in the key, and requests with
# a cookie that matters never use the cache.
KEYED_VARY = frozenset({"accept-language", "cookie"})
UNSHARED_DIRECTIVES = frozenset({"private", "no-store", "no-cache"})
PRIVATE_PAGE = "portal_page_cache_private"


def enabled():
    return getattr(settings, "PORTAL_PAGE_CACHE", True)


def timeout():
    return getattr(settings, "PORTAL_PAGE_CACHE_TIMEOUT", 300)


def handles(request):
    """Paths of the public site; the admin, files and the API keep their own headers."""
    return not request.path_info.startswith(tuple(settings.PORTAL_PAGE_CACHE_SKIP_PREFIXES))


def cookies_may_share(cookies):
    """No session (a signed-in user, a page's password) and no pending messages."""
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


def visitor_may_share(request):
    """A GET or HEAD from a visitor whose page is the same as anyone else's."""
    if not enabled() or request.method not in ("GET", "HEAD"):
        return False
    if not cookies_may_share(request.COOKIES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def cache_key(request):
    """Where the request's page is kept; the version is in the entry (`lookup`)."""
    return key_for(request.scheme, request.get_host(), get_language(), request.get_full_path())


def key_for(scheme, host, language, full_path):
    """The key of `cache_key`, from its parts: the fast path (site_core/cache/fastpath.py)
    computes them from the WSGI environ before Django runs."""
    path = hashlib.md5(full_path.encode(), usedforsecurity=False).hexdigest()
    return ":".join(
        (KEY_PREFIX, timezone.localdate().isoformat(), scheme, host, language or "-", path)
    )


def mark_private(request, page):
    """Called for every page Wagtail serves (site_core/cache/wagtail_hooks.py)."""
    if not enabled():
        return
    if not page.live or any(
        page.path.startswith(path) and page.depth >= depth for path, depth in restricted_sections()
    ):
        setattr(request, PRIVATE_PAGE, True)


def cached_view(request):
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else None
    return bool(name) and any(
        fnmatch.fnmatchcase(name, pattern) for pattern in settings.PORTAL_PAGE_CACHE_VIEWS
    )


def used_per_visitor_values(request):
    """A CSRF token or a CSP nonce was put into the page: it is this visitor's."""
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    # django-csp's lazy nonce is true once a template has asked for it.
    return bool(getattr(request, "csp_nonce", None))


def cache_control_directives(response):
    header = response.get("Cache-Control", "")
    return {part.split("=", 1)[0].strip().lower() for part in cc_delim_re.split(header) if part}


def varies_only_on_keyed_headers(response):
    vary = response.get("Vary", "")
    return {part.strip().lower() for part in cc_delim_re.split(vary) if part} <= KEYED_VARY


def may_keep(request, response):
    """True when `response` may be served to every visitor who asks for the same URL."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and cached_view(request)
        and not getattr(request, "is_preview", False)
        and not getattr(request, PRIVATE_PAGE, False)
        and not used_per_visitor_values(request)
        and not (cache_control_directives(response) & UNSHARED_DIRECTIVES)
        and varies_only_on_keyed_headers(response)
        and len(response.content) <= settings.PORTAL_PAGE_CACHE_MAX_SIZE
    )


# --- entries ------------------------------------------------------------------------------


def lookup(cache, key):
    """(version, entry): the current navigation version and the entry kept under `key` if
    it was rendered under that version, else None; one round trip to the cache.

    The version read here is the request's for everything it renders next
    (site_core/navigation.py): read before rendering, so that a change published while the
    page renders renews the version and what the render read is never kept as current.
    """
    number, entry = read(cache, key)
    remember_navigation_number(number)
    version = navigation_version()  # no round trip unless the version was missing
    if entry is None or entry[0] != version:
        return version, None
    return version, entry


def read(cache, key):
    """(version number, entry or None): the one round trip (MGET) of every lookup."""
    found = cache.get_many([NAVIGATION_VERSION_KEY, key])
    return found.get(NAVIGATION_VERSION_KEY), found.get(key)


def current_entry(cache, key):
    """The entry under `key` when it is certainly current, else None: `lookup` without
    anything that could write (a missing version, a renewal this process still owes are
    left to `lookup`). For the fast path, outside Django's request cycle."""
    number, entry = read(cache, key)
    version = version_of_number(number)
    if version is None or entry is None or entry[0] != version:
        return None
    return entry


# An entry is (version, status, headers, content): plain values, so that it never carries a
# response's internals. The headers are the ones the visitor got from the full middleware
# stack (security headers, the CSP, Content-Language, Vary, Content-Length, the ETag):
# PageCacheMiddleware notes a response it may keep (`note_keepable`), and
# PageCacheStoreMiddleware, first in MIDDLEWARE, stores it once every middleware has run.
KEEPABLE = "_portal_page_cache_keep"


def note_keepable(request, response, key, version):
    """`response` to a GET may be kept under `key` for `version` once it is complete."""
    if request.method == "GET":
        setattr(response, KEEPABLE, (key, version))


def keepable(request, response):
    """(key, version) under which the complete `response` is kept, or None: what
    PageCacheMiddleware allowed, still true after the outer middleware ran (no cookie set,
    no per-visitor value used, nothing new in Vary or Cache-Control)."""
    noted = getattr(response, KEEPABLE, None)
    if noted is None or response.status_code != 200 or response.streaming or response.cookies:
        return None
    if used_per_visitor_values(request) or not varies_only_on_keyed_headers(response):
        return None
    if cache_control_directives(response) & UNSHARED_DIRECTIVES:
        return None
    return noted


def entry_from(version, response):
    """The entry for a complete response: served as it was, marked as a hit."""
    headers = [(name, HIT if name == STATUS_HEADER else value) for name, value in response.items()]
    return (version, response.status_code, headers, response.content)


def response_from(entry):
    _version, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def wsgi_parts(entry):
    """(status line, headers, content) of an entry, for a WSGI server."""
    _version, status, headers, content = entry
    return f"{status} {responses.get(status, 'Unknown Status Code')}", list(headers), content


# --- headers for other caches -------------------------------------------------------------


def frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def patch_shared_cache_control(response):
    """Cache-Control for a response any visitor may get; the view's own header wins.

    With a frontend cache (a CDN or reverse proxy that the publish purges, see
    site_core/cache/frontend.py) it keeps the page PORTAL_FRONTEND_CACHE_MAX_AGE seconds;
    without one nothing outside the app may reuse a page without asking again (the ETag
    makes asking cheap), since nothing would tell it of a change. Views that keep their
    own copy (the sitemap) set it themselves.
    """
    if "Cache-Control" not in response:
        if frontend_cache_configured():
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=settings.PORTAL_FRONTEND_CACHE_MAX_AGE,
            )
        else:
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)


def mark_shared(response, status):
    """Cache-Control (`patch_shared_cache_control`) for a page any visitor may get."""
    patch_shared_cache_control(response)
    # The session middleware adds "Vary: Cookie" when the page looked at the visitor;
    # say it always, so that a frontend cache never gives a signed-in editor's page
    # (with its user bar) to a visitor, or the other way round.
    patch_vary_headers(response, ("Cookie",))
    response[STATUS_HEADER] = status
    return response


def mark_unshared(response):
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)
    response[STATUS_HEADER] = BYPASS
    return response
