from django.core.cache import cache
from django.db.models import Q

from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from site_core.navigation import (
    READ_WITH_VERSION,
    navigation_version,
    prefetched_get,
    request_memo,
)

RESTRICTIONS_KEY = "portal:view-restrictions"
# Not forever: a version bump lost while Redis was down (django-redis ignores the error)
# would otherwise keep an outdated list of private sections once Redis is back.
RESTRICTIONS_TIMEOUT = 600
# Read with the navigation version, in the same round trip (site_core/navigation.py).
READ_WITH_VERSION.append(RESTRICTIONS_KEY)


def restricted_sections():
    """(path, depth) of every page with a view restriction, cached with the navigation
    version it was read under; that version changes whenever a restriction is saved or
    deleted (site_core/signals.py), and a list kept under another version is read again."""
    version = navigation_version()
    memo = request_memo()
    asked = memo.get(RESTRICTIONS_KEY) if memo is not None else None
    if asked is not None and asked[0] == version:  # asked several times by one request
        return asked[1]
    kept = prefetched_get(cache, RESTRICTIONS_KEY)
    if kept is not None and kept[0] == version:
        sections = kept[1]
    else:
        sections = list(PageViewRestriction.objects.values_list("page__path", "page__depth"))
        cache.set(RESTRICTIONS_KEY, (version, sections), timeout=RESTRICTIONS_TIMEOUT)
    if memo is not None:
        memo[RESTRICTIONS_KEY] = (version, sections)
    return sections


# The columns that keep a row read with `.only()` a page: its URL (path, depth, url_path,
# slug below the site's root), its title, whether it is live, its locale and specific class,
# its translations. A listing adds the columns its row shows (news ARTICLE_CARD_FIELDS,
# legal_docs REGISTER_ROW_FIELDS).
PAGE_ROW_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "slug",
    "title",
    "live",
    "locale_id",
    "content_type_id",
    "translation_key",
)


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
