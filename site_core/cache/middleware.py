"""The whole-page cache for visitors (what it keeps: site_core/cache/pages.py).

In MIDDLEWARE after the session, locale, CSRF and authentication middleware, so that it
knows the visitor and the language, and before the message middleware, so that a page
that sets a message cookie is seen doing so. A hit skips everything further in: the
session limits, the redirects, the view and its queries. What outer middleware adds
(security headers, the Content-Security-Policy, Content-Language, Vary: Accept-Language)
is added to hits and misses alike.

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
            response = pages.mark_shared(pages.response_from(entry), pages.HIT)
        else:
            response = self.get_response(request)
            if not pages.may_keep(request, response):
                return pages.mark_unshared(response)
            if not response.has_header("ETag"):
                set_response_etag(response)
            if request.method == "GET":
                cache.set(key, pages.entry_from(version, response), pages.timeout())
            response = pages.mark_shared(response, pages.MISS)
        return get_conditional_response(request, etag=response["ETag"], response=response)
