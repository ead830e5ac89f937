"""The site search (/tim-kiem/) and its suggestions while typing (/tim-kiem/goi-y/)."""

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from legal_docs.models import LegalDocumentPage
from site_core.models import paginate
from site_core.search.backend import (
    MAX_QUERY_LENGTH,
    SEARCH_TYPES,
    build_search_query,
    clean_query,
    number_symbol_q,
    parse_query_numbers,
    search_scope,
    search_terms,
    search_type_models,
    search_type_of,
)

RESULTS_PER_PAGE = 10
# JSON that a browser could be tricked into reading as HTML still shows no raw markup.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
MAX_NUMBER_MATCHES = 20
MAX_SUGGESTIONS = 8


class SafeJSONEncoder(DjangoJSONEncoder):
    def encode(self, o):
        return super().encode(o).translate(JSON_ESCAPES)


class CombinedResults:
    """Documents found by their number first, then the full-text results; for Paginator."""

    def __init__(self, first, rest):
        self.first = list(first)
        self.rest = rest

    def count(self):
        return len(self.first) + (self.rest.count() if self.rest is not None else 0)

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
            items += list(self.rest[rest_start:rest_stop])
        return items


def _number_matches(scope, symbols):
    """Legal documents whose number, type and issuer match what was typed, newest first."""
    if not symbols:
        return []
    return list(
        LegalDocumentPage.objects.filter(number_symbol_q(symbols), pk__in=scope.values("pk"))
        .select_related("document_type", "issuer")
        .prefetch_related("co_issuers")
        .defer_streamfields()
        .order_by("-date_issued", "-pk")[:MAX_NUMBER_MATCHES]
    )


def _decorate(results):
    """Type label, summary and date for the template; number-symbol data in two queries."""
    documents = [
        page
        for page in results
        if isinstance(page, LegalDocumentPage) and "document_type" not in page._state.fields_cache
    ]
    if documents:
        prefetch_related_objects(documents, "document_type", "issuer", "co_issuers")
    for page in results:
        page.search_type, page.search_type_label = search_type_of(page)
        page.search_summary = (
            getattr(page, "summary", "")
            or getattr(page, "sapo", "")
            or page.listing_summary
            or page.search_description
        )
        page.search_date = (
            getattr(page, "date_issued", None)
            or getattr(page, "date", None)
            or getattr(page, "start", None)
        )
    return results


def site_search(request, query, type_slug=""):
    """A page of results for `query` in the current site and language (see site_core.search.backend)."""
    scope = search_scope(request)
    if type_slug:
        scope = scope.type(*search_type_models(type_slug))
    symbols, remainder = parse_query_numbers(query)
    terms = search_terms(remainder)
    first = []
    if symbols and type_slug in ("", "van-ban"):
        first = _number_matches(scope, symbols)
    search_query = build_search_query(terms, symbols)
    rest = None
    if search_query is not None:
        pages = scope.specific().defer_streamfields()
        if first:
            pages = pages.exclude(pk__in=[doc.pk for doc in first])
        rest = pages.search(search_query)
    page = paginate(request, CombinedResults(first, rest), per_page=RESULTS_PER_PAGE)
    page.object_list = _decorate(list(page.object_list))
    return page, len(first)


@require_safe
def search(request):
    query = clean_query(request.GET.get("q"))
    type_slug = request.GET.get("type", "")
    if type_slug not in SEARCH_TYPES:
        type_slug = ""
    results, number_matches = (None, 0)
    if query:
        results, number_matches = site_search(request, query, type_slug)
    return render(
        request,
        "site_core/search_results.html",
        {
            "query": query,
            "search_type": type_slug,
            "search_type_label": SEARCH_TYPES[type_slug][0] if type_slug else "",
            "search_types": [(slug, label) for slug, (label, _models) in SEARCH_TYPES.items()],
            "results": results,
            "number_matches": number_matches,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )


@require_safe
def search_suggestions(request):
    """JSON suggestions while typing: documents by number, then titles (autocomplete)."""
    query = clean_query(request.GET.get("q"))
    suggestions = []
    if len(query) >= 2:
        scope = search_scope(request)
        symbols, remainder = parse_query_numbers(query)
        pages = _number_matches(scope, symbols)[:3]
        terms = search_terms(remainder)
        if terms:
            seen = [page.pk for page in pages]
            pages += list(
                scope.exclude(pk__in=seen).autocomplete(" ".join(terms))[:MAX_SUGGESTIONS]
            )
        for page in pages[:MAX_SUGGESTIONS]:
            slug, label = search_type_of(page.specific_class or type(page))
            suggestions.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "type": slug,
                    "type_label": label,
                    "number_symbol": getattr(page, "number_symbol", ""),
                }
            )
    response = JsonResponse({"query": query, "suggestions": suggestions}, encoder=SafeJSONEncoder)
    response["Cache-Control"] = "public, max-age=300"
    return response
