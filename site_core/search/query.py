"""Visitor queries: cleaning, accent folding, exact matches and the backend query.

Diacritic-free search uses the stock database backend only (settings WAGTAILSEARCH_BACKENDS),
with an accent-folded copy of the page text ("Nghị quyết Đảng bộ" -> "nghi quyet dang bo")
indexed through ordinary search fields (BasePage.folded_search_text and
folded_autocomplete_text, built by `folded_field_text`) wherever the database cannot fold:

- Search on PostgreSQL: SEARCH_CONFIG "vi_unaccent" (site_core migration 0005) folds the
  original text and the query itself, so the index keeps only the original text and the
  query goes as typed (minus operators): ranking and number phrases ("09-NQ/TU" has its
  own tokens there) stay PostgreSQL's own.
- Search on SQLite: FTS5 cannot fold đ or letters with two marks, so the pages index the
  folded copy and `build_search_query` folds the visitor's words the same way.
- Autocomplete, on both: the backend runs PostgreSQL's autocomplete with the `simple`
  configuration, which does not fold, so the folded copy is always indexed and
  `autocomplete_words` always folds. The original text stays indexed beside it, so the
  admin's page search (an autocomplete) finds marked and unmarked words alike.

Visitor input never reaches a query parser as typed: `clean_query` bounds and cleans it,
`search_terms` keeps only letters and digits, so tsquery / FTS5 operators are plain text,
and an empty query builds no query at all (no results, never an error).
"""

import hashlib
import json
import math
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchVectorField
from django.core.cache import cache
from django.db import connections
from django.db.models import BooleanField, F, Func, IntegerField
from django.db.models.expressions import CombinedExpression

from wagtail import hooks
from wagtail.models import Page, get_page_models
from wagtail.search.models import IndexEntry
from wagtail.search.query import And, Or, Phrase, PlainText

from site_core.text import WORD_RE, database_folds_accents, folded_words

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_TERM_LENGTH = 50
# Folding may split a word ("Œuvre" -> "oeuvre" stays one, a CJK word becomes several).
MAX_FOLDED_WORDS = MAX_TERMS * 2
EXACT_MATCHES_HOOK = "portal_search_exact_matches"


# --- visitor input ---------------------------------------------------------------------


def clean_query(raw, max_length=MAX_QUERY_LENGTH):
    """Visitor input: NFC, no control/format characters, single-spaced, bounded in length."""
    if not isinstance(raw, str):
        return ""
    # Bound the work before normalising: NFC can grow a string, 10,000 characters is enough.
    text = unicodedata.normalize("NFC", raw[: max_length * 10])
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join(text.split())[:max_length].strip()


def search_terms(text, limit=MAX_TERMS):
    """Words of the query (letters and digits only): operators and punctuation drop out."""
    return [term[:MAX_TERM_LENGTH] for term in WORD_RE.findall(text or "")][:limit]


# --- the backend query -----------------------------------------------------------------


def build_search_query(terms, phrases=()):
    """All the words (AND); with `phrases`, any of them as a phrase too. None if empty.

    Folded like the index's folded copy, unless the database folds by itself.
    """
    if database_folds_accents():
        words, phrases = " ".join(terms), [text for text in phrases if text.strip()]
    else:
        words = folded_words(" ".join(terms), limit=MAX_FOLDED_WORDS)
        phrases = [text for text in map(folded_words, phrases) if text]
    plain = PlainText(words, operator="and") if words else None
    phrase_queries = [Phrase(text) for text in phrases]
    if not phrase_queries:
        return plain
    phrase_query = phrase_queries[0] if len(phrase_queries) == 1 else Or(phrase_queries)
    return And([plain, phrase_query]) if plain else phrase_query


def autocomplete_words(terms):
    """The folded words to complete (the last one as a prefix), or "" when there are none."""
    return folded_words(" ".join(terms), limit=MAX_FOLDED_WORDS)


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


# --- bounded ranking (PostgreSQL) ------------------------------------------------------------

# At most this many of the newest matches are ranked; when more match, the count is the
# planner's estimate (settings.PORTAL_SEARCH_MAX_RANKED).
MAX_RANKED = 300
# At most this many of the newest title matches join them, however old
# (settings.PORTAL_SEARCH_TITLE_CANDIDATES).
TITLE_CANDIDATES = 100
# The title pass is skipped when PostgreSQL expects more than this many times as many title
# matches: they are common enough to be among the newest matches already.
TITLE_SCAN_FACTOR = 10
# The newest matches are looked for among the newest pages first: in a window of page ids
# expected to hold WINDOW_SLACK times as many matches as wanted, WINDOW_GROWTH times wider
# when it holds fewer, at most WINDOW_PASSES times before the whole index. The first window
# spans at most WINDOW_SPREAD * WINDOW_SLACK times as many pages as matches wanted.
WINDOW_SLACK = 2
WINDOW_GROWTH = 8
WINDOW_PASSES = 3
WINDOW_SPREAD = 16
# Below this many expected matches, reading every matching entry (a bitmap of its GIN
# index, about a millisecond per thousand) costs less than a statement per window: a word
# whose matches are too few and too spread out for a window ("voọc" in 204 titles of
# 100,000 pages: a window of the 3,200 newest pages expects 6 of them) ran every window
# and then the whole index, three statements instead of one
# (settings.PORTAL_SEARCH_WINDOW_MIN_ESTIMATE).
WINDOW_MIN_ESTIMATE = 1000


def max_ranked():
    return getattr(settings, "PORTAL_SEARCH_MAX_RANKED", MAX_RANKED)


def window_min_estimate():
    return getattr(settings, "PORTAL_SEARCH_WINDOW_MIN_ESTIMATE", WINDOW_MIN_ESTIMATE)


def title_candidates():
    return getattr(settings, "PORTAL_SEARCH_TITLE_CANDIDATES", TITLE_CANDIDATES)


@dataclass
class RankedMatches:
    """The best `ids` of a search, in rank order, and how many pages match in all.

    `total` is exact when `approximate` is False; otherwise it is PostgreSQL's estimate
    (never below the number of ids), shown as "khoảng ...".
    """

    ids: list
    total: int
    approximate: bool = False
    # {id: content type id} of the ids: their pages are read one query per type.
    types: dict = field(default_factory=dict)


def ranks_in_database(queryset):
    """Whether `bounded_search` can rank this queryset (the PostgreSQL database backend)."""
    return connections[queryset.db].vendor == "postgresql"


def bounded_search(queryset, query, limit=None, title_limit=None, page_types=None):
    """Rank only a bounded set of the best candidates for `query`, and count the matches.

    Ranking every match reads every matching index entry's vectors (4,714 rows for "tỉnh"
    at 20,000 articles), and counting them costs as much again; so does walking the pages
    newest first and testing each one's entry (its vectors are read and decompressed).
    Instead, bounded statements driven by the search index entries:

    1. candidates (`newest_matches`): the newest `limit` + 1 matching pages in scope (live,
       public, site, language), by the page id kept in the entry (`page_id_expression`, in
       a GIN index with the vectors: site_core.search migration 0001), looked for among the
       newest pages first, one statement per pass;
    2. the newest `title_limit` pages whose title matches, the same way through the stock
       GIN index on the entries' title: an old page named by the query still ranks first, however
       many newer pages only mention the words (skipped when the planner expects the
       words in thousands of titles: those are among the newest matches anyway);
    3. if there are more than `limit` matches, the total is the planner's estimate of the
       matching entries (EXPLAIN, no rows read), otherwise the number of matches, exactly;
    4. the stock backend ranks those candidates only (their ids are the filter), finding
       each one's entry through the btree on object_id (site_core.search migration 0002).

    `page_types` (page models; None: every subclass of the queryset's model) narrows the
    index entries read to those types' content types, as the scope is narrowed (?type=).
    """
    limit = max_ranked() if limit is None else limit
    title_limit = title_candidates() if title_limit is None else title_limit
    results = queryset.search(query, order_by_relevance=False)
    entries = matching_entries(queryset, results, title_and_body(), page_types)
    estimate = estimated_rows(entries)
    candidates = newest_matches(queryset, entries, limit + 1, estimate)
    total, approximate = len(candidates), False
    if total > limit:
        candidates = candidates[:limit]
        total, approximate = max(limit + 1, estimate), True
        newest = set(candidates)
        titles = title_matches(queryset, results, title_limit, page_types)
        candidates += [pk for pk in titles if pk not in newest]
    if not candidates:
        return RankedMatches(ids=[], total=0)
    ranked = queryset.model.objects.filter(pk__in=candidates).search(query).get_queryset()
    rows = list(ranked.values_list("pk", "content_type_id"))
    return RankedMatches(
        ids=[pk for pk, _type in rows],
        total=total,
        approximate=approximate,
        types=dict(rows),
    )


def page_id_expression():
    """The page id of an index entry (its object id, text, as an integer; NULL if not one).

    `portal_search_page_id` and its GIN index (with title || body) are made by
    site_core.search migration 0001, so that the newest pages' entries are found first.
    """
    return Func(F("object_id"), function="portal_search_page_id", output_field=IntegerField())


def title_and_body():
    """The vector the backend matches: the entry's title || body (GIN, site_core 0005)."""
    return CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())


def matching_entries(queryset, results, vector, page_types=None):
    """The index entries of pages of `queryset`'s model whose `vector` matches the search
    `results`' query (the backend's own tsquery), with their page ids as `page_key`."""
    compiler = results.query_compiler
    tsquery = compiler.build_tsquery(compiler.query, config=compiler.get_config(results.backend))
    return (
        IndexEntry.objects.filter(
            content_type_id__in=page_content_type_ids(*(page_types or [queryset.model]))
        )
        .annotate(_vector_=vector)
        .filter(_vector_=tsquery)
        .annotate(page_key=page_id_expression())
        .values("page_key")
    )


def newest_matches(queryset, entries, count, estimate):
    """Ids of the newest `count` pages of `queryset` among the matching `entries`, of which
    PostgreSQL expects `estimate`.

    One statement per pass: the pages of `queryset` (the scope's filters: live, public,
    site, language) whose ids are among the matching entries' page ids, newest first. The
    entries are read through the GIN index on (page id, title || body) of site_core.search
    migration 0001. When PostgreSQL expects more than twice `count` matches, first only
    among the newest pages (a window of page ids sized from the estimate to hold about twice
    `count` matches: a common word looks at a few hundred entries, a rarer word at more),
    wider when the window holds fewer than `count` pages in scope; otherwise, or finally,
    among all the matching entries (also when PostgreSQL expects fewer than
    WINDOW_MIN_ESTIMATE: one statement then reads them all for less than windows cost).
    The scope is applied before the limit, so the result
    is exactly the newest `count` matching pages in scope whichever pass finds them.
    """
    pages = queryset.order_by("-pk").values_list("pk", flat=True)

    def among(keys):
        # `id = ANY(ARRAY(<keys>))`: the keys are read once, then the page key index is
        # walked newest first for them, stopping at `count` (an `IN (<keys>)` semi-join
        # probes the pages one by one and sorts them: 3 to 8 times slower at 100,000).
        return pages.filter(EqualsAny(F("pk"), ArraySubquery(keys.order_by())))

    if estimate > max(count * WINDOW_SLACK, window_min_estimate()):
        top = newest_page_id()
        # At most WINDOW_SPREAD times the pages wanted at first: the planner multiplies
        # the words' shares, so it underestimates words that go together ("chuyển đổi số").
        window = math.ceil(count * WINDOW_SLACK * min(max(top, 1) / estimate, WINDOW_SPREAD))
        for _ in range(WINDOW_PASSES):
            if window >= top:
                break
            ids = list(among(entries.filter(page_key__gt=top - window))[:count])
            if len(ids) == count:
                return ids
            window *= WINDOW_GROWTH
    return list(among(entries)[:count])


class EqualsAny(Func):
    """`expression = ANY(array)` (PostgreSQL), a condition for `filter()`."""

    arg_joiner = " = ANY("
    template = "%(expressions)s)"
    output_field = BooleanField()


# How long PostgreSQL's estimate of a search's matches is kept in the cache (`estimated_rows`).
ESTIMATE_SECONDS = 600
# How long the newest page id is kept in the cache (`newest_page_id`).
NEWEST_PAGE_ID_SECONDS = 60
NEWEST_PAGE_ID_KEY = "portal_search:newest_page_id"


def newest_page_id():
    """The highest page id, read from the database at most once a minute (shared cache).

    Only the lower edge of `newest_matches`' windows depends on it, never an upper one, so
    a value read before newer pages were added still finds them: the window is only a
    little wider than planned until the value is read again.
    """
    top = cache.get(NEWEST_PAGE_ID_KEY)
    if top is None:
        top = Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        cache.set(NEWEST_PAGE_ID_KEY, top, NEWEST_PAGE_ID_SECONDS)
    return top


def title_matches(queryset, results, limit, page_types=None):
    """Ids of the newest `limit` pages of `queryset` whose indexed title matches the
    search `results`' query (the backend's own tsquery).

    Driven by the index entries (`newest_matches`): their GIN index on the title (and the
    page-id one, for a window of the newest pages) finds the entries, whose page ids are the
    pages' keys.
    Joining from the pages instead (the backend's generic relation compares
    `page.id::varchar`) cannot use the page key and reads every page.
    """
    if limit <= 0:
        return []
    entries = matching_entries(queryset, results, F("title"), page_types)
    # A word in thousands of titles ("tỉnh") would have every one of them read; such
    # titles are among the newest candidates anyway.
    estimate = estimated_rows(entries)
    if estimate > limit * TITLE_SCAN_FACTOR:
        return []
    return newest_matches(queryset, entries, limit, estimate)


def page_content_type_ids(*page_types):
    """Content types under which the search index keeps pages of `page_types` and their
    subclasses (cached by Django)."""
    models = [model for model in get_page_models() if issubclass(model, tuple(page_types))]
    return sorted(
        content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()
    )


def estimated_rows(queryset):
    """PostgreSQL's estimate of how many rows `queryset` returns (EXPLAIN, reads no rows),
    kept in the cache for ESTIMATE_SECONDS.

    The estimate comes from the table statistics only, which change when the table is
    analysed (autovacuum, after many changes), not with each new page: a few minutes old,
    it is the estimate PostgreSQL would give now, and one request in many asks again.
    """
    sql, params = queryset.query.sql_with_params()
    digest = hashlib.sha256(repr((queryset.db, sql, params)).encode()).hexdigest()
    key = f"portal_search:estimate:{digest}"
    rows = cache.get(key)
    if rows is None:
        plan = json.loads(queryset.explain(format="json"))
        rows = int(plan[0]["Plan"]["Plan Rows"])
        cache.set(key, rows, ESTIMATE_SECONDS)
    return rows


def round_estimate(number):
    """An estimate to two significant digits: 4,714 -> 4,700; 987 -> 990; 12 -> 12."""
    digits = len(str(number))
    if digits <= 2:
        return number
    scale = 10 ** (digits - 2)
    return round(number / scale) * scale


# --- exact matches: the extension point for page types --------------------------------------


@dataclass
class ExactMatch:
    """A page that the visitor named exactly, and the identity it is known by ("09-NQ/TU")."""

    page: object
    label: str = ""


@dataclass
class ExactMatches:
    """What the hooks found: pages to list first, the words left over, phrases to look for."""

    remainder: str
    matches: list = field(default_factory=list)
    # Text that other pages may quote (an article citing "09-NQ/TU"), searched as phrases.
    phrases: list = field(default_factory=list)

    @property
    def pages(self):
        return [match.page for match in self.matches]


def find_exact_matches(query, scope, limit, page_types=None):
    """Pages named exactly by `query`, found by the `portal_search_exact_matches` hooks.

    The site search lists them before the full-text results, the suggestions before the
    title completions. A domain app registers a function in its wagtail_hooks.py:

        @hooks.register("portal_search_exact_matches")
        def documents_by_number(query, scope, limit, page_types):
            ...
            return ExactMatches(remainder=..., matches=[ExactMatch(page, label)], phrases=[...])

    It receives the cleaned query; `scope`, the live, public pages of the current site and
    language, already narrowed to the chosen ?type=; the most matches wanted; and
    `page_types`, the page models of that ?type= (None: all), so that it can skip its
    lookup when its pages cannot be in the scope. It returns None when the query names
    nothing it knows. Each hook sees the words the previous ones left; the full-text search
    runs on what remains, plus the phrases.
    """
    found = ExactMatches(remainder=query)
    for hook in hooks.get_hooks(EXACT_MATCHES_HOOK):
        result = hook(found.remainder, scope, limit, page_types)
        if result is None:
            continue
        seen = {match.page.pk for match in found.matches}
        found.matches += [match for match in result.matches if match.page.pk not in seen]
        found.phrases += result.phrases
        found.remainder = result.remainder
    found.matches = found.matches[:limit]
    return found
