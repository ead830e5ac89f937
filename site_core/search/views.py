"""The site search (/tim-kiem/) and its suggestions while typing (/tim-kiem/goi-y/).

A search request, top to bottom in `search` and `site_search`:

1. the visitor's text is cleaned (`clean_query`) and ?type= checked against the page
   types' own `search_type` groups (`search_types`);
2. the scope is the live, public pages of the current site in the active language
   (`search_scope`), narrowed to the chosen type;
3. pages named exactly come first: page types register them through the
   `portal_search_exact_matches` hook (legal_docs finds documents by their number);
4. the remaining words, folded, go to the stock search backend (`build_search_query`);
   on PostgreSQL only a bounded set of the best candidates is ranked, and a large match
   set is counted approximately (`bounded_search`: "khoảng 4.700 kết quả");
5. one page of results, each page type fetching what its result shows
   (`BasePage.prefetch_for_listing`); the template reads the page interface
   (`search_type`, `get_summary`, `get_listing_date`).

Cleaning, folding and the exact-match hook are in site_core/search/query.py.
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from wagtail.models import Page, get_page_models

from site_core import navigation
from site_core.cards import keep_rows_when_cards_kept
from site_core.models import BasePage, SearchType, paginate
from site_core.paging import PageRows, RowRef
from site_core.query import cached_private_q
from site_core.search.query import (
    MAX_QUERY_LENGTH,
    autocomplete_words,
    bounded_search,
    build_search_query,
    clean_query,
    find_exact_matches,
    ranks_in_database,
    round_estimate,
    search_terms,
)

RESULTS_PER_PAGE = 10
MAX_EXACT_MATCHES = 20
MAX_EXACT_SUGGESTIONS = 3
MAX_SUGGESTIONS = 8
# JSON that a browser could be tricked into reading as HTML still shows no raw markup.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


class SearchTypeGroup(NamedTuple):
    """A ?type= value: its SearchType and the page models that declare it."""

    search_type: SearchType
    models: list


def search_types():
    """{slug: SearchTypeGroup} of every portal page type, in the groups' order."""
    groups = {}
    for model in get_page_models():
        if issubclass(model, BasePage):
            slug = model.search_type.slug
            groups.setdefault(slug, SearchTypeGroup(model.search_type, []))
            groups[slug].models.append(model)
    return dict(sorted(groups.items(), key=lambda item: item[1].search_type.order))


def search_scope(request):
    """Live, public pages of the current site's tree in the active language."""
    root = navigation.localized_home(request)
    if root is None:
        return Page.objects.none()
    # `.public()` as the portal's page querysets compute it: from the cached list of view
    # restrictions (site_core/query.py), not one query per search.
    return Page.objects.live().exclude(cached_private_q()).descendant_of(root, inclusive=True)


class RankedPages:
    """Pages by id, in the given order, for the slice asked: their ids and types at once,
    the pages themselves (specific, with what their results show) when first needed
    (`ResultRows`)."""

    def __init__(self, queryset, ids, types=None):
        self.queryset = queryset
        self.ids = ids
        self.types = types or {}

    def count(self):
        return len(self.ids)

    def __getitem__(self, key):
        ids = self.ids[key]
        return ResultRows(ids, SpecificPages(self.queryset, ids, self.types), ref=self.ref)

    def ref(self, pk, rows):
        return ResultRef(pk, rows, page_model(self.types.get(pk)))


def page_model(content_type_id):
    """The page class of a content type id (Django caches content types: no query)."""
    if content_type_id is None:
        return None
    return ContentType.objects.get_for_id(content_type_id).model_class()


class SpecificPages:
    """Iterates the specific pages of `ids`, in that order, with what their results show
    (`prefetch_for_listing`): one query per page type when the types are known, else
    Wagtail's `.specific()` (one more)."""

    def __init__(self, queryset, ids, types):
        self.queryset = queryset
        self.ids = ids
        self.types = types

    def __iter__(self):
        ids = list(self.ids)
        if ids and all(pk in self.types for pk in ids):
            by_type = defaultdict(list)
            for pk in ids:
                by_type[self.types[pk]].append(pk)
            pages = {}
            for content_type_id, pks in by_type.items():
                model = page_model(content_type_id) or self.queryset.model
                pages.update(model.objects.filter(pk__in=pks).defer_streamfields().in_bulk())
        else:
            pages = self.queryset.filter(pk__in=ids).specific().defer_streamfields().in_bulk()
        found = [pages[pk] for pk in ids if pk in pages]
        prefetch_for_listing(found)
        return iter(found)


class ResultRef(RowRef):
    """A ranked result known by its id and page type: its result's type line needs no row."""

    __slots__ = ("model",)

    def __init__(self, pk, rows, model):
        super().__init__(pk, rows)
        self.model = model

    @property
    def search_type(self):
        if self.model is None:
            return self._rows.row(self.pk).search_type
        return self.model.search_type


class ResultRows(PageRows):
    """A slice of the ranked results (`PageRows`): the pages are read only when a result's
    card is not kept (site_core/cards.py)."""

    def __init__(self, ids, pages, ref):
        super().__init__(list(ids), pages)
        self.ref = ref

    def refs(self):
        return [self.ref(pk, self) for pk in self.ids]


class ResultPage(Sequence):
    """One page of results: the pages named exactly (read already), then the ranked ones
    (`ResultRows`, read only when needed)."""

    def __init__(self, first, rest=None):
        self.first = list(first)
        self.rest = rest

    def items(self):
        return self.first + (list(self.rest) if self.rest is not None else [])

    def refs(self):
        return self.first + (self.rest.refs() if self.rest is not None else [])

    def __iter__(self):
        return iter(self.items())

    def __len__(self):
        return len(self.first) + (len(self.rest) if self.rest is not None else 0)

    def __getitem__(self, index):
        return self.items()[index]


class CombinedResults:
    """Pages named exactly first, then the full-text results; for Paginator.

    `total` is what the status line says: with a bounded ranking (`bounded_search`) more
    pages may match than can be browsed, and `approximate` says the total is an estimate.
    """

    def __init__(self, first, rest, total=None, approximate=False):
        self.first = list(first)
        self.rest = rest
        self.approximate = approximate
        self._count = None
        self.total = self.count() if total is None else len(self.first) + total

    def count(self):
        """Counted once: the paginator asks again (on SQLite the count is a query)."""
        if self._count is None:
            self._count = len(self.first) + (self.rest.count() if self.rest is not None else 0)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop
        items = self.first[start:stop]
        if self.rest is None:
            return items
        offset = len(self.first)
        rest_start = max(0, start - offset)
        rest_stop = None if stop is None else max(0, stop - offset)
        if rest_stop is None or rest_stop > rest_start:
            rest = self.rest[rest_start:rest_stop]
            if isinstance(rest, ResultRows):
                # Read when first needed (the template), or never (kept cards).
                return ResultPage(items, rest)
            items += list(rest)
        return items


def prefetch_for_listing(pages):
    """Let each page type fetch, in a few queries, what its results show (a number symbol)."""
    by_type = defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page)
    for page_type, group in by_type.items():
        page_type.prefetch_for_listing(group)


def site_search(request, query, group=None):
    """A page of results for `query` in the current site and language, and how many came first."""
    scope = search_scope(request)
    page_types = None
    if group is not None:
        page_types = group.models
        scope = scope.type(*page_types)
    exact = find_exact_matches(query, scope, limit=MAX_EXACT_MATCHES, page_types=page_types)
    first = exact.pages
    search_query = build_search_query(search_terms(exact.remainder), exact.phrases)
    combined = CombinedResults(first, None)
    if search_query is not None:
        pages = scope.exclude(pk__in=[page.pk for page in first]) if first else scope
        if ranks_in_database(pages):
            ranked = bounded_search(pages, search_query, page_types=page_types)
            rest = RankedPages(Page.objects.all(), ranked.ids, ranked.types)
            combined = CombinedResults(first, rest, ranked.total, ranked.approximate)
        else:
            # SQLite (the quick start): the backend ranks and counts every match.
            rest = pages.specific().defer_streamfields().search(search_query)
            combined = CombinedResults(first, rest)
    results = paginate(request, combined, per_page=RESULTS_PER_PAGE)
    if isinstance(results.object_list, ResultPage):
        # The ranked pages are read (with what their results show) when the template first
        # needs them, and not at all when every result's card is kept (site_core/cards.py).
        keep_rows_when_cards_kept(request, RESULT_CARDS, results.object_list.rest)
    else:
        results.object_list = list(results.object_list)
        prefetch_for_listing(results.object_list)
    return results, len(first)


RESULT_CARDS = "search-result"


@require_safe
def search(request):
    query = clean_query(request.GET.get("q"))
    groups = search_types()
    group = groups.get(request.GET.get("type", ""))
    results, number_matches, total, approximate = (None, 0, 0, False)
    if query:
        results, number_matches = site_search(request, query, group)
        combined = results.paginator.object_list
        total, approximate = combined.total, combined.approximate
        if approximate:
            total = round_estimate(total)
    return render(
        request,
        "site_core/search_results.html",
        {
            "query": query,
            "search_type": group.search_type.slug if group else "",
            "search_type_label": group.search_type.label if group else "",
            "search_types": [each.search_type for each in groups.values()],
            "results": results,
            "total": total,
            "approximate": approximate,
            "number_matches": number_matches,
            "max_query_length": MAX_QUERY_LENGTH,
            # Each result's title, date and summary are kept per page until the next change
            # (site_core/templatetags/portal_tags.py, listing cards).
            "listing_cards": [(RESULT_CARDS, results.object_list)] if results else [],
        },
    )


class SafeJSONEncoder(DjangoJSONEncoder):
    def encode(self, o):
        return super().encode(o).translate(JSON_ESCAPES)


def suggestion(request, page, label=""):
    search_type = (page.specific_class or type(page)).search_type
    return {
        "title": page.title,
        "url": page.get_url(request),
        "type": search_type.slug,
        "type_label": search_type.label,
        "number_symbol": label,
    }


@require_safe
def search_suggestions(request):
    """JSON suggestions while typing: pages named exactly (by number), then title completions."""
    query = clean_query(request.GET.get("q"))
    suggestions = []
    if len(query) >= 2:
        scope = search_scope(request)
        exact = find_exact_matches(query, scope, limit=MAX_EXACT_SUGGESTIONS)
        suggestions = [suggestion(request, match.page, match.label) for match in exact.matches]
        words = autocomplete_words(search_terms(exact.remainder))
        if words:
            completions = scope.exclude(pk__in=[page.pk for page in exact.pages]).autocomplete(
                words
            )
            suggestions += [
                suggestion(request, page)
                for page in completions[: MAX_SUGGESTIONS - len(suggestions)]
            ]
    response = JsonResponse({"query": query, "suggestions": suggestions}, encoder=SafeJSONEncoder)
    response["Cache-Control"] = "public, max-age=300"
    return response
