"""Listing cards kept until the next change: the `{% wagtailcache %}` fragment of a card,
a register row or a search result, per page (docs/caching.md, "Data kept until the next
change").

A card's HTML is kept in the shared cache per page and kind of card under the navigation
version (`navigation.card_cache_key`), so that the cards a list shows are rendered once per
change, not per view. A view names the cards its page shows in the context, as
`listing_cards`: [(kind, rows)]; base.html's `{% prefetch_chrome %}` reads them with the
chrome in one round trip, before the list renders.

A seek-paged list knows its rows' ids without reading the rows (site_core/paging.py,
`PageRows`): `keep_rows_when_cards_kept` lets such a page render from the kept cards alone
when the prefetch found every one of them, so that the rows (and what a view reads for
them: pictures, files) are read only when a card has to be rendered.
"""

from django.core.cache.utils import make_template_fragment_key

from site_core import navigation
from site_core.paging import PageRows

# The fragment name of `{% wagtailcache 3600 portal_card key %}` in the templates.
CARD_FRAGMENT = "portal_card"


def card_fragment_key(request, kind, page):
    """The cache key of the card `kind` of `page` (anything with a `pk`)."""
    return make_template_fragment_key(
        CARD_FRAGMENT, [navigation.card_cache_key(request, kind, page)]
    )


def card_fragment_keys(request, listing_cards):
    """The keys of the cards a view names; rows read lazily (`refs()`) are not read."""
    return [
        card_fragment_key(request, kind, page)
        for kind, pages in listing_cards or ()
        for page in (pages.refs() if hasattr(pages, "refs") else pages)
    ]


def cards_kept(request, kind, ids):
    """Whether this request's prefetch found the card `kind` of every id in `ids`."""
    return all(navigation.prefetched_found(card_fragment_key(request, kind, _Id(pk))) for pk in ids)


class _Id:
    __slots__ = ("pk",)

    def __init__(self, pk):
        self.pk = pk


def keep_rows_when_cards_kept(request, kind, rows):
    """When `rows` is a page's `PageRows`, let it give only the rows' ids when every card
    `kind` of them was found by the prefetch (the template then reads no row)."""
    if isinstance(rows, PageRows):
        rows.kept = lambda ids: cards_kept(request, kind, ids)
    return rows
