"""The whole-page cache for visitors (what it keeps: site_core/cache/pages.py).

Two middleware:

- PageCacheMiddleware, after the session, locale, CSRF and authentication middleware, so
  that it knows the visitor and the language, and before the message middleware, so that
  a page that sets a message cookie is seen doing so. A hit skips everything further in:
  the session limits, the redirects, the view and its queries. A miss it may keep is
  noted on the response.
- PageCacheStoreMiddleware, first in MIDDLEWARE: stores a noted response once every
  middleware has added its headers (security headers, the Content-Security-Policy,
  Content-Language, Vary: Accept-Language), so that an entry is exactly what the visitor
  got and the fast path (site_core/cache/fastpath.py) can send it without Django; and
  answers conditional requests (If-None-Match) for pages any visitor may get, on the
  complete response, as the fast path does.

Most hits never reach Django: site_core/wsgi.py serves them from the fast path. Django's
hit path below serves what the fast path leaves to it (runserver, the test client, a
version that must be renewed first).

A cache that does not answer (Redis down: django-redis answers "miss" and drops writes,
IGNORE_EXCEPTIONS in settings) makes every request a miss rendered from the database.
"""

from django.core.cache import cache
from django.utils.cache import get_conditional_response, set_response_etag

from site_core.cache import pages


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not pages.handles(request):
            return self.get_response(request)
        if not pages.visitor_may_share(request):
            return pages.mark_unshared(self.get_response(request))

        # The version is read before rendering: a change published while this page renders
        # renews the version, so what the render read is never kept as the new one's.
        key = pages.cache_key(request)
        version, entry = pages.lookup(cache, key)
        if entry is not None:
            return pages.mark_shared(pages.response_from(entry), pages.HIT)
        response = self.get_response(request)
        if not pages.may_keep(request, response):
            return pages.mark_unshared(response)
        if not response.has_header("ETag"):
            set_response_etag(response)
        pages.note_keepable(request, response, key, version)
        return pages.mark_shared(response, pages.MISS)


class PageCacheStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        kept = pages.keepable(request, response)
        if kept is not None:
            key, version = kept
            cache.set(key, pages.entry_from(version, response), pages.timeout())
        if response.get(pages.STATUS_HEADER) in (pages.HIT, pages.MISS):
            return get_conditional_response(request, etag=response.get("ETag"), response=response)
        return response
