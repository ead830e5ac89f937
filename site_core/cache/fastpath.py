"""The fast path: cached pages served in front of Django (site_core/wsgi.py).

A visitor's page kept by the page cache (site_core/cache/pages.py) is stored with the
headers the full middleware stack gave it (PageCacheStoreMiddleware). Serving it again
needs none of that stack: this WSGI wrapper computes the same key as Django would (scheme
with SECURE_PROXY_SSL_HEADER, the host checked against ALLOWED_HOSTS, the language
LocaleMiddleware would activate for the path, the local date, the full path), reads the
navigation version and the entry in one round trip (the MGET of `pages.lookup`), and
answers from the entry when it was rendered under the current version.

Whenever it is not certain that Django would answer the same, it leaves the request to
Django unchanged, whose PageCacheMiddleware serves or renders it: anything but GET and
HEAD, a session or messages cookie (a signed-in user, a page's password, a pending
message), a path the cache leaves alone, a host Django would refuse, a language that
would not come from the path alone, a visitor Django would redirect or refuse first
(SECURE_SSL_REDIRECT, PREPEND_WWW, DISALLOWED_USER_AGENTS), a missing entry or version,
a renewal this process still owes, or a cache that does not answer (django-redis's
IGNORE_EXCEPTIONS turns an error or a timeout into "nothing found").

Conditional requests get what Django's get_conditional_response gives (304 for a matching
If-None-Match); a HEAD gets the headers without the body.
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language_from_path, to_language

from site_core.cache import pages

CONDITIONAL_HEADERS = (
    "HTTP_IF_MATCH",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def path_language(request):
    """The language LocaleMiddleware activates for `request`, when the path alone decides
    it (i18n_patterns without a prefix for the default language: site_core/urls.py),
    else None."""
    if is_language_prefix_patterns_used(settings.ROOT_URLCONF) != (True, False):
        return None
    return to_language(get_language_from_path(request.path_info) or settings.LANGUAGE_CODE)


def redirected_or_refused(request, host):
    """Django's outer middleware would answer this request itself before the cache."""
    return (
        (settings.SECURE_SSL_REDIRECT and not request.is_secure())
        or (settings.PREPEND_WWW and not host.startswith("www."))
        or bool(settings.DISALLOWED_USER_AGENTS)
    )


def cached_response(environ):
    """(status line, headers, body) of the kept page for this request, or None: Django's."""
    if not pages.enabled() or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    # A copy: WSGIRequest rewrites PATH_INFO, which Django must still read as the server
    # gave it.
    request = WSGIRequest(environ.copy())
    if not pages.handles(request) or not pages.cookies_may_share(request.COOKIES):
        return None
    language = path_language(request)
    if language is None:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    if redirected_or_refused(request, host):
        return None
    key = pages.key_for(request.scheme, host, language, request.get_full_path())
    entry = pages.current_entry(cache, key)
    if entry is None:
        return None
    if any(name in environ for name in CONDITIONAL_HEADERS):
        response = pages.response_from(entry)
        answer = get_conditional_response(request, etag=response.get("ETag"), response=response)
        if answer is not response:
            status = f"{answer.status_code} {answer.reason_phrase}"
            return status, list(answer.items()), b""
    status, headers, content = pages.wsgi_parts(entry)
    return status, headers, b"" if request.method == "HEAD" else content


class PageCacheFastPath:
    """WSGI: kept pages from the cache, everything else from `application` (Django)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        cached = cached_response(environ)
        if cached is None:
            return self.application(environ, start_response)
        status, headers, body = cached
        start_response(status, headers)
        return [body]
