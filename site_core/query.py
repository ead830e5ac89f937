from django.core.cache import cache
from django.db.models import Q

from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from site_core.navigation import navigation_version, request_memo

RESTRICTIONS_KEY = "portal:view-restrictions:{version}"
# Not forever: a version bump lost while Redis was down (django-redis ignores the error)
# would otherwise keep an outdated list of private sections once Redis is back.
RESTRICTIONS_TIMEOUT = 600


def restricted_sections():
    """(path, depth) of every page with a view restriction, cached under the navigation
    version, which changes whenever a restriction is saved or deleted (site_core/signals.py)."""
    key = RESTRICTIONS_KEY.format(version=navigation_version())
    memo = request_memo()
    if memo is not None and key in memo:  # asked several times by one request
        return memo[key]
    sections = cache.get(key)
    if sections is None:
        sections = list(PageViewRestriction.objects.values_list("page__path", "page__depth"))
        cache.set(key, sections, timeout=RESTRICTIONS_TIMEOUT)
    if memo is not None:
        memo[key] = sections
    return sections


def cached_private_q():
    """Pages in a restricted section and below, from the cached list of restrictions."""
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])


class PortalPageQuerySet(PageQuerySet):
    """Wagtail's `.public()` asks the database for view restrictions on every call; a
    listing page calls it several times. Here the list comes from the shared cache."""

    def private_q(self):
        return cached_private_q()
