"""Vietnamese search: a diacritic-insensitive backend and the helpers that clean visitor queries.

Why two strategies behind one backend path (`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] =
"site_core.search.backend"`):

- PostgreSQL (production, tests): real full-text search with the `vi_unaccent` text search
  configuration (created by site_core migration 0005): `unaccent` then `simple`, so the
  index keeps the original text and "nghi quyet", "NGHỊ QUYẾT" and "Nghị quyết" all become
  the lexemes `nghi` `quyet`. Autocomplete uses the same configuration (modelsearch
  hard-codes `simple` there).
- SQLite (quick start): FTS5's unicode61 tokenizer cannot fold Vietnamese (đ has no
  decomposition, letters with two marks are not folded). The backend stores an
  anyascii-folded copy of the title, body and autocomplete text in the index and folds
  every query the same way. Folding in the backend, rather than in an extra `search_text`
  field on every page model, keeps the title in its own (boosted) column, needs no model or
  migration change and also serves the admin's search.

Visitor input never reaches a query parser as typed: `clean_query` bounds and cleans it and
`search_terms` keeps only letters and digits, so tsquery / FTS5 operators are plain text.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from anyascii import anyascii
from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database import SearchBackend as database_search_backend
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText, SearchQuery
from modelsearch.utils import get_content_type_pk

from django.db import connection
from django.db.models import F
from django.db.models.fields import FloatField
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_TERM_LENGTH = 50
DEFAULT_SEARCH_CONFIG = "vi_unaccent"
# FTS5 columns are (autocomplete, body, title): a title hit weighs ten body hits.
SQLITE_COLUMN_WEIGHTS = (1.0, 1.0, 10.0)

WORD_RE = re.compile(r"[^\W_]+")
# "09-NQ/TU", "9-nq/tu", "09 NQ TU", "797-QĐ/TU", "05-QC/BTCTU-BDVTU", "09-NQ" (issuer optional).
NUMBER_SYMBOL_RE = re.compile(
    r"(?<![^\W_])(?P<number>\d{1,6})\s*[-–—\s]\s*(?P<type>[^\W\d_]{1,6})"
    r"(?:(?P<issuer_sep>\s*[/\s]\s*)(?P<issuer>[^\W\d_]{1,12}(?:-[^\W\d_]{1,12})*))?"
    r"(?![^\W_])"
)


# --- visitor input ---------------------------------------------------------------------


def clean_query(raw, max_length=MAX_QUERY_LENGTH):
    """Visitor input: NFC, no control/format characters, single-spaced, bounded in length."""
    if not isinstance(raw, str):
        return ""
    # Bound the work before normalising: NFC can grow a string, 10,000 characters is enough.
    text = unicodedata.normalize("NFC", raw[: max_length * 10])
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join(text.split())[:max_length].strip()


def fold(text):
    """'Đảng bộ Hội nghị' -> 'dang bo hoi nghi': the accent-free, lower-case form."""
    return anyascii(unicodedata.normalize("NFC", text or "")).lower()


def search_terms(text, limit=MAX_TERMS):
    """Words of the query (letters and digits only): operators and punctuation drop out."""
    return [term[:MAX_TERM_LENGTH] for term in WORD_RE.findall(text or "")][:limit]


def folded_terms_text(text):
    return " ".join(search_terms(fold(text), limit=MAX_TERMS * 2))


# --- document numbers ------------------------------------------------------------------


def abbreviation_key(value):
    """'QĐ' -> 'QD', 'qđi' -> 'QDI': how typed and stored abbreviations are compared."""
    return fold(value).upper().replace(" ", "")


@dataclass
class NumberSymbol:
    number: int
    type_ids: list
    issuer_ids: list = field(default_factory=list)
    canonical: str = ""


def parse_number_symbols(query, type_abbreviations, issuer_abbreviations):
    """Find document numbers in `query`; returns ([NumberSymbol], remaining text).

    `type_abbreviations` / `issuer_abbreviations` are iterables of (id, abbreviation).
    A candidate counts only when its type abbreviation is a known one, so "2020 hội nghị"
    stays text; an unknown issuer part is left in the text ("09 NQ về ..." -> 09-NQ + "về").
    """
    if not query or not any(ch.isdigit() for ch in query):
        return [], query
    types, issuers = {}, {}
    for pk, abbr in type_abbreviations:
        types.setdefault(abbreviation_key(abbr), []).append((pk, abbr))
    for pk, abbr in issuer_abbreviations:
        issuers.setdefault(abbreviation_key(abbr), []).append((pk, abbr))

    found, remainder, position = [], [], 0
    for match in NUMBER_SYMBOL_RE.finditer(query):
        type_matches = types.get(abbreviation_key(match.group("type")))
        number = int(match.group("number"))
        if not type_matches or number < 1:
            continue
        end = match.end("type")
        issuer_ids, issuer_symbol = [], ""
        if match.group("issuer"):
            parts = match.group("issuer").split("-")
            issuer_matches = issuers.get(abbreviation_key(parts[0]))
            if issuer_matches:
                issuer_ids = sorted({pk for pk, _abbr in issuer_matches})
                issuer_symbol = "-".join(
                    [issuer_matches[0][1]]
                    + [
                        (issuers.get(abbreviation_key(p)) or [(None, p.upper())])[0][1]
                        for p in parts[1:]
                    ]
                )
                end = match.end("issuer")
        canonical = f"{number:02d}-{type_matches[0][1]}"
        if issuer_symbol:
            canonical += f"/{issuer_symbol}"
        found.append(
            NumberSymbol(
                number=number,
                type_ids=sorted({pk for pk, _abbr in type_matches}),
                issuer_ids=issuer_ids,
                canonical=canonical,
            )
        )
        remainder.append(query[position : match.start()])
        position = end
    remainder.append(query[position:])
    return found, " ".join(" ".join(remainder).split())


def number_symbol_q(symbols):
    """A Q object over LegalDocumentPage fields matching any of the parsed numbers."""
    from django.db.models import Q

    condition = Q(pk__in=[])
    for symbol in symbols:
        part = Q(number=symbol.number, document_type_id__in=symbol.type_ids)
        if symbol.issuer_ids:
            part &= Q(issuer_id__in=symbol.issuer_ids)
        condition |= part
    return condition


def build_search_query(terms, symbols=()):
    """The backend query: all words (AND); a parsed number also as a phrase in any text."""
    phrases = [Phrase(symbol.canonical) for symbol in symbols if symbol.canonical]
    plain = PlainText(" ".join(terms), operator="and") if terms else None
    if phrases:
        number_query = phrases[0] if len(phrases) == 1 else Or(phrases)
        return And([plain, number_query]) if plain else number_query
    return plain


def search_ids(queryset, query):
    """Primary keys of `queryset` rows matching `query`, as a subquery when the backend allows.

    The database backends filter the queryset itself, so the ids stay one SQL statement
    (`pk__in=<subquery>`); other backends (Elasticsearch) give a bounded list.
    """
    results = queryset.search(query, order_by_relevance=False)
    get_queryset = getattr(results, "get_queryset", None)
    if callable(get_queryset):
        return get_queryset().order_by().values("pk")
    return [obj.pk for obj in results[:1000]]


# --- backends --------------------------------------------------------------------------


def _clean_text(text, fold_it):
    if fold_it:
        return folded_terms_text(text)
    return " ".join(search_terms(text, limit=MAX_TERMS * 2))


def _fold_query(query, *, strip_phrases):
    """Keep only words in plain-text queries; on SQLite also fold them (and phrases)."""
    if isinstance(query, str):
        return _clean_text(query, strip_phrases)
    if isinstance(query, PlainText):
        return PlainText(
            _clean_text(query.query_string, strip_phrases),
            operator=query.operator,
            boost=query.boost,
        )
    if isinstance(query, Phrase):
        return Phrase(folded_terms_text(query.query_string)) if strip_phrases else query
    if isinstance(query, Boost):
        return Boost(_fold_query(query.subquery, strip_phrases=strip_phrases), query.boost)
    if isinstance(query, Not):
        return Not(_fold_query(query.subquery, strip_phrases=strip_phrases))
    if isinstance(query, (And, Or)):
        return type(query)(
            [_fold_query(sub, strip_phrases=strip_phrases) for sub in query.subqueries]
        )
    return query


def _is_empty(query):
    if isinstance(query, str):
        return not query.strip()
    if isinstance(query, (PlainText, Phrase)):
        return not query.query_string.strip()
    if isinstance(query, (Boost, Not)):
        return _is_empty(query.subquery)
    if isinstance(query, (And, Or)):
        return any(_is_empty(sub) for sub in query.subqueries)
    return False


class CleanQueryMixin:
    """Clean (and on SQLite fold) every query; an empty one returns no results, not an error."""

    strip_phrases = False

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, (str, SearchQuery)):
            query = _fold_query(query, strip_phrases=self.strip_phrases)
            if _is_empty(query):
                return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


@functools.cache
def _postgres_backend_class():
    # Imported lazily: the PostgreSQL backend module needs django.contrib.postgres.
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    class VietnamesePostgresSearchBackend(CleanQueryMixin, PostgresSearchBackend):
        """PostgreSQL FTS with `vi_unaccent` for search and autocomplete alike."""

        def __init__(self, params):
            params = {"SEARCH_CONFIG": DEFAULT_SEARCH_CONFIG, **params}
            super().__init__(params)
            self.autocomplete_config = self.config

    return VietnamesePostgresSearchBackend


@functools.cache
def _sqlite_backend_class():
    # Imported lazily: modelsearch defines its FTS5 model only when the database is SQLite.
    from modelsearch.backends.database.sqlite.query import BM25
    from modelsearch.backends.database.sqlite.sqlite import (
        IndexEntry,
        SQLiteAutocompleteQueryCompiler,
        SQLiteFTSIndexEntry,
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.backends.database.sqlite.sqlite import (
        ObjectIndexer as SQLiteObjectIndexer,
    )

    class FoldingObjectIndexer(SQLiteObjectIndexer):
        @property
        def title(self):
            return fold(super().title)

        @property
        def body(self):
            return fold(super().body)

        @property
        def autocomplete(self):
            return fold(super().autocomplete)

    class FoldingSQLiteIndex(SQLiteIndex):
        """SQLiteIndex.add_items with folded text (upstream has no hook for its indexer class)."""

        def add_items(self, model, objs):
            if not model.get_search_fields():
                return
            indexers = [FoldingObjectIndexer(obj, self.backend) for obj in objs]
            if not indexers:
                return
            content_type_pk = get_content_type_pk(model)
            data = {
                indexer.id: (indexer.title, indexer.autocomplete, indexer.body)
                for indexer in indexers
            }
            entries = self.entries.filter(content_type_id=content_type_pk)
            existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
            for object_id in existing:
                title, autocomplete, body = data[object_id]
                entries.filter(object_id=object_id).update(
                    title=title, autocomplete=autocomplete, body=body
                )
            self.entries.bulk_create(
                IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            )
            self._refresh_title_norms()

    class TitleWeightedBM25(BM25):
        output_field = FloatField()

        def as_sql(self, compiler, connection, function=None, template=None):
            weights = ", ".join(str(w) for w in SQLITE_COLUMN_WEIGHTS)
            return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []

    class TitleWeightedSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
        def get_index_vectors(self):
            # One rank per row: bm25 with a heavy title column. Upstream adds a second term
            # multiplied by the title-length norm, which lifts short titles that do not match.
            return [(F("index_entry__title"), 1.0)]

        def build_tsrank(self, vector, query, config=None, boost=1.0):
            if isinstance(query, (Phrase, PlainText, Not)):
                rank = TitleWeightedBM25()
                return rank * boost if boost != 1.0 else rank
            return super().build_tsrank(vector, query, config=config, boost=boost)

    class VietnameseSQLiteSearchBackend(CleanQueryMixin, SQLiteSearchBackend):
        """SQLite FTS5 over accent-folded text; queries are folded the same way."""

        strip_phrases = True
        index_class = FoldingSQLiteIndex
        query_compiler_class = TitleWeightedSQLiteQueryCompiler
        autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler

    return VietnameseSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    """Pick the portal's backend for the default database, like modelsearch's database one."""
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    backend = database_search_backend(params)
    if connection.vendor == "sqlite" and backend.__class__.__name__ == "SQLiteSearchBackend":
        return _sqlite_backend_class()(params)
    # MySQL or SQLite without FTS5: the stock backend (accent-sensitive, documented).
    return backend


# --- the site search: scope, page types, number lookup -----------------------------------

# ?type= values: a fixed whitelist, anything else means "all types".
SEARCH_TYPES = {
    "tin": (_("Tin hoạt động"), ("news.NewsArticlePage",)),
    "su-kien": (_("Sự kiện"), ("news.EventPage",)),
    "van-ban": (_("Văn bản"), ("legal_docs.LegalDocumentPage",)),
    "lich-su": (_("Lịch sử"), ("history.HistoryIndexPage", "history.HistoryPeriodPage")),
    "to-chuc": (_("Tổ chức"), ("org_structure.OrgChartPage", "org_structure.OrgUnitPage")),
    "trang": (
        _("Trang thông tin"),
        (
            "site_core.StandardPage",
            "home.HomePage",
            "news.NewsIndexPage",
            "news.EventIndexPage",
            "legal_docs.LegalDocumentIndexPage",
        ),
    ),
}


def search_type_models(slug):
    from django.apps import apps

    _label, model_labels = SEARCH_TYPES[slug]
    return [apps.get_model(label) for label in model_labels]


def search_type_of(page):
    """(slug, label) of the ?type= group a page belongs to."""
    label = page._meta.label
    for slug, (type_label, model_labels) in SEARCH_TYPES.items():
        if label in model_labels:
            return slug, type_label
    return "trang", SEARCH_TYPES["trang"][0]


def search_root(request):
    """The current site's root page in the active language, or None."""
    from wagtail.models import Locale, Site

    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    locale = Locale.get_active()
    if root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale)
    return root


def search_scope(request):
    """Live, public pages of the current site's tree in the active language."""
    from wagtail.models import Page

    root = search_root(request)
    if root is None:
        return Page.objects.none()
    return Page.objects.live().public().descendant_of(root, inclusive=True)


def known_abbreviations():
    """(id, abbreviation) of document types and issuers: small tables, two queries."""
    from legal_docs.models import DocumentType, IssuingBody

    return (
        list(DocumentType.objects.values_list("pk", "abbreviation")),
        list(IssuingBody.objects.values_list("pk", "abbreviation")),
    )


def parse_query_numbers(query):
    """parse_number_symbols against the database, querying only when a number is typed."""
    if not NUMBER_SYMBOL_RE.search(query or ""):
        return [], query
    types, issuers = known_abbreviations()
    return parse_number_symbols(query, types, issuers)
