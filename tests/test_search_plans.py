"""Search at scale: the plans of the search queries, and what the bounded ranking shows.

The plans: every statement that rendering /tim-kiem/?q=... sends is explained again with
sequential scans disabled in the transaction, so that a query with no index to use shows a
Seq Scan even on the small test tables. None may scan a page table or the search index
(wagtailsearch_indexentry), or sort a whole page table (a sort above a page table read
without an index condition).

The behaviour (site_core/search/query.py, bounded_search): at most PORTAL_SEARCH_MAX_RANKED
of the newest matches are ranked, with the newest title matches beside them; more matches
are counted approximately ("khoảng ... kết quả").
"""

import datetime
import json
import re

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page, get_page_models
from wagtail.search.query import PlainText

from legal_docs.models import DocumentType
from site_core.search.query import (
    NEWEST_PAGE_ID_KEY,
    NEWEST_PAGE_ID_SECONDS,
    matching_entries,
    newest_matches,
    title_and_body,
)
from site_core.search.views import CombinedResults
from tests import factories

SEARCH_URL = "/tim-kiem/"
SEARCH_INDEX_TABLE = "wagtailsearch_indexentry"
SCAN_NODES = {"Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan"}
# Wagtail's lookup of the request's site reads the few Site rows and joins their root pages
# by key; on a fresh, unanalysed test database the planner may merge-join it along the whole
# page key, a plan it never picks once the tables have statistics. It is not a page query.
SITE_TABLE = "wagtailcore_site"


def main_table(sql):
    """The first table after FROM: what a statement is about."""
    match = re.search(r'\bFROM\s+"(\w+)"', sql)
    return match.group(1) if match else None


def page_tables():
    return {Page._meta.db_table} | {model._meta.db_table for model in get_page_models()}


def plan_nodes(node):
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)


def reads_whole_table(node):
    """A scan with nothing that narrows it in the index: every row of the table."""
    return node["Node Type"] in SCAN_NODES and not (
        node.get("Index Cond") or node.get("Recheck Cond")
    )


def plan_problems(plan, tables):
    problems = []
    for node in plan_nodes(plan):
        relation = node.get("Relation Name")
        if node["Node Type"] == "Seq Scan" and relation in tables | {SEARCH_INDEX_TABLE}:
            problems.append(f"Seq Scan on {relation}")
        if node["Node Type"] in ("Sort", "Incremental Sort"):
            for below in plan_nodes(node):
                if below.get("Relation Name") in tables and reads_whole_table(below):
                    problems.append(f"Sort of all of {below['Relation Name']}")
    return problems


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        (document,) = cursor.fetchone()
    plan = document if isinstance(document, list) else json.loads(document)
    return plan[0]["Plan"]


def search_statements(client, query):
    """The SELECTs on pages or the search index that rendering the search sends."""
    tables = page_tables() | {SEARCH_INDEX_TABLE}
    with CaptureQueriesContext(connection) as captured:
        response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == 200
    statements = [
        entry["sql"]
        for entry in captured.captured_queries
        if entry["sql"].lstrip().upper().startswith("SELECT")
        and any(f'"{table}"' in entry["sql"] for table in tables)
        and main_table(entry["sql"]) != SITE_TABLE
    ]
    return response, statements


@pytest.fixture
def many_matches(home_page, news_index, document_index, settings):
    """More matches than are ranked, so that every pass of bounded_search runs."""
    settings.PORTAL_SEARCH_MAX_RANKED = 3
    settings.PORTAL_SEARCH_TITLE_CANDIDATES = 2
    # The windows of the newest pages too, although PostgreSQL expects few matches here.
    # (Their last pass, all the matching entries, is planned from the pages' key at scale;
    # on these unanalysed tables the planner prefers the tree path's index instead.)
    settings.PORTAL_SEARCH_WINDOW_MIN_ESTIMATE = 0
    nq = DocumentType.objects.get(abbreviation="NQ", locale=Locale.get_default())
    issuer = factories.IssuingBodyFactory(name="Tỉnh ủy", abbreviation="TU")
    document = factories.LegalDocumentPageFactory(
        parent=document_index,
        number=15,
        document_type=nq,
        issuer=issuer,
        term="2020–2025",
        title="Nghị quyết về phát triển kinh tế biển",
        summary="Phát triển kinh tế biển của tỉnh đến năm 2030.",
        date_issued=datetime.date(2022, 3, 1),
    )
    for number in range(8):
        factories.NewsArticlePageFactory(
            parent=news_index,
            title=f"Hội nghị của Tỉnh ủy số {number}",
            sapo="Tỉnh ủy quán triệt Nghị quyết 15-NQ/TU về kinh tế biển.",
        )
    return document


QUERIES = ["tỉnh", "kinh tế biển", "15-NQ/TU"]


@pytest.mark.parametrize("query", QUERIES)
def test_search_queries_use_indexes(client, many_matches, query):
    response, statements = search_statements(client, query)
    assert response.context["results"].object_list
    assert statements
    tables = page_tables()
    problems = {}
    for sql in statements:
        found = plan_problems(explain(sql), tables)
        if found:
            problems[sql] = found
    assert not problems


def test_the_plan_check_sees_a_scan_and_a_sort(db):
    """The check itself: an unindexed filter and a sort of a whole page table fail it."""
    tables = page_tables()
    scan = explain("SELECT id FROM wagtailcore_page WHERE title = 'x'")
    assert plan_problems(scan, tables)
    sort = explain("SELECT id FROM wagtailcore_page ORDER BY title")
    assert "Sort of all of wagtailcore_page" in plan_problems(sort, tables)
    index = explain("SELECT id FROM wagtailcore_page WHERE id = 1")
    assert plan_problems(index, tables) == []


# --- behaviour -------------------------------------------------------------------------


def titles(response):
    return [page.title for page in response.context["results"].object_list]


def test_a_large_match_set_is_counted_approximately(client, many_matches):
    response = client.get(SEARCH_URL, {"q": "tinh uy"})

    assert response.context["approximate"] is True
    html = response.content.decode()
    assert "Tìm thấy khoảng" in html
    assert "Hiển thị" in html  # how many of them can be browsed


def test_a_small_match_set_is_counted_exactly(client, many_matches, settings):
    settings.PORTAL_SEARCH_MAX_RANKED = 300

    response = client.get(SEARCH_URL, {"q": "tinh uy"})

    assert response.context["approximate"] is False
    assert "Tìm thấy 8 kết quả" in response.content.decode()
    assert "khoảng" not in response.content.decode()


def test_results_of_a_bounded_search_are_paged(client, home_page, settings):
    settings.PORTAL_SEARCH_MAX_RANKED = 12
    settings.PORTAL_SEARCH_TITLE_CANDIDATES = 2
    for number in range(15):
        factories.StandardPageFactory(parent=home_page, title=f"Biển đảo quê hương {number}")

    first = client.get(SEARCH_URL, {"q": "bien dao"})
    second = client.get(SEARCH_URL, {"q": "bien dao", "page": "2"})

    assert first.context["approximate"] is True
    assert first.context["results"].paginator.count == 12
    assert len(titles(first)) == 10 and len(titles(second)) == 2
    assert not set(titles(first)) & set(titles(second))


def test_diacritic_free_words_find_marked_titles_in_a_bounded_search(client, many_matches):
    assert many_matches.title in titles(client.get(SEARCH_URL, {"q": "nghi quyet"}))


def test_a_document_number_finds_its_document_first(client, many_matches):
    found = titles(client.get(SEARCH_URL, {"q": "15-NQ/TU"}))

    assert found[0] == many_matches.title
    assert any(title.startswith("Hội nghị của Tỉnh ủy") for title in found[1:])


def test_an_old_title_match_beats_newer_body_matches(client, home_page, settings):
    settings.PORTAL_SEARCH_MAX_RANKED = 3
    settings.PORTAL_SEARCH_TITLE_CANDIDATES = 2
    in_title = factories.StandardPageFactory(
        parent=home_page, title="Tuyên truyền biển đảo", listing_summary="Kế hoạch năm."
    )
    for number in range(5):  # newer, and more than are ranked
        factories.StandardPageFactory(
            parent=home_page,
            title=f"Thông báo chung {number}",
            listing_summary="Tổng kết công tác tuyên truyền về biển đảo trong năm.",
        )

    response = client.get(SEARCH_URL, {"q": "tuyen truyen bien dao"})

    assert response.context["approximate"] is True
    assert titles(response)[0] == in_title.title


def test_combined_results_count_once(home_page, django_assert_num_queries):
    """The SQLite path's results are a queryset: the total and the paginator share a count."""
    rest = Page.objects.filter(depth__gte=2)
    with django_assert_num_queries(1):
        combined = CombinedResults([home_page], rest)
        assert combined.count() == len(combined) == combined.total


# --- the newest matches, in a window of the newest pages (site_core.search, newest_matches) ---


def newest_entries(query):
    scope = Page.objects.live().public()
    results = scope.search(PlainText(query), order_by_relevance=False)
    return scope, matching_entries(scope, results, vector=title_and_body())


def test_a_window_of_the_newest_pages_finds_the_newest_matches(home_page):
    pages = [
        factories.StandardPageFactory(parent=home_page, title=f"Biển đảo quê hương {number}")
        for number in range(6)
    ]
    pages[-1].unpublish()  # the newest match is a draft: the scope drops it
    scope, entries = newest_entries("bien dao")

    # An estimate far above the matches: the first window (of the newest few pages) is
    # too narrow, the wider ones and then the whole index find them.
    with CaptureQueriesContext(connection) as captured:
        found = newest_matches(scope, entries, 3, estimate=10_000)

    assert found == [page.pk for page in reversed(pages[2:5])]
    windowed = [q["sql"] for q in captured.captured_queries if "portal_search_page_id" in q["sql"]]
    assert any(" > " in sql for sql in windowed)
    for sql in windowed:
        assert not plan_problems(explain(sql), page_tables())


def test_the_newest_matches_without_a_window_and_every_one_in_scope(home_page):
    pages = [
        factories.StandardPageFactory(parent=home_page, title=f"Tuyên truyền biển đảo {number}")
        for number in range(4)
    ]
    pages[-1].unpublish()
    pages[-2].unpublish()
    scope, entries = newest_entries("tuyen truyen")

    assert newest_matches(scope, entries, 2, estimate=1) == [pages[1].pk, pages[0].pk]
    assert newest_matches(scope, entries, 5, estimate=1) == [pages[1].pk, pages[0].pk]


def test_a_type_reads_only_its_own_index_entries(client, many_matches):
    """?type=van-ban: the newest matching entries are documents' only, so the articles
    (newer, and more than are ranked) leave room for the document."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(SEARCH_URL, {"q": "kinh te bien", "type": "van-ban"})

    assert titles(response) == [many_matches.title]
    document_type = ContentType.objects.get_for_model(type(many_matches)).pk
    entry_reads = [
        q["sql"] for q in captured.captured_queries if "portal_search_page_id" in q["sql"]
    ]
    assert entry_reads
    assert all(f"IN ({document_type})" in sql for sql in entry_reads)


def test_each_pass_of_the_newest_matches_is_one_statement_in_scope(home_page):
    """The scope (here: live pages) is applied inside the statement, before the limit: the
    newest matches in scope come back even when newer matches are drafts."""
    pages = [
        factories.StandardPageFactory(parent=home_page, title=f"Biển đảo quê hương {number}")
        for number in range(5)
    ]
    for page in pages[-3:]:
        page.unpublish()
    scope, entries = newest_entries("bien dao")

    with CaptureQueriesContext(connection) as captured:
        found = newest_matches(scope, entries, 2, estimate=1)

    assert found == [pages[1].pk, pages[0].pk]
    assert len(captured.captured_queries) == 1


def test_a_stale_newest_page_id_still_finds_newer_pages(home_page):
    """The window has only a lower edge: with a newest page id read before the newest pages
    were added (kept a minute in the cache), they are still found, newest first."""
    older = [
        factories.StandardPageFactory(parent=home_page, title=f"Biển đảo quê hương {number}")
        for number in range(3)
    ]
    cache.set(NEWEST_PAGE_ID_KEY, older[-1].pk, NEWEST_PAGE_ID_SECONDS)
    newer = [
        factories.StandardPageFactory(parent=home_page, title=f"Biển đảo mới {number}")
        for number in range(2)
    ]
    scope, entries = newest_entries("bien dao")

    found = newest_matches(scope, entries, 3, estimate=10_000)

    assert found == [newer[1].pk, newer[0].pk, older[2].pk]


def test_estimates_and_the_newest_page_id_are_read_once(client, many_matches):
    """A second search for the same words reuses the planner's estimates and the newest page
    id from the cache, and shows the same results and count."""
    first = client.get(SEARCH_URL, {"q": "tinh uy"})
    with CaptureQueriesContext(connection) as captured:
        second = client.get(SEARCH_URL, {"q": "tinh uy"})

    sql = [query["sql"] for query in captured.captured_queries]
    assert not [statement for statement in sql if statement.startswith("EXPLAIN")]
    assert not [
        statement for statement in sql if re.search(r"ORDER BY 1 DESC\s+LIMIT 1$", statement)
    ]
    assert titles(second) == titles(first)
    assert (second.context["total"], second.context["approximate"]) == (
        first.context["total"],
        first.context["approximate"],
    )
    assert first.context["approximate"] is True


def test_an_entry_is_found_by_its_object_id_alone(db):
    """The ranking joins each candidate page to its index entry on `object_id =
    page.id::varchar` with the content type any of the page types'. The stock unique index
    leads with the content type, so without site_core.search migration 0002's btree on
    object_id PostgreSQL descends it once per page content type for every candidate."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(
            "EXPLAIN (FORMAT JSON) SELECT id FROM wagtailsearch_indexentry WHERE object_id = %s",
            ["123"],
        )
        (document,) = cursor.fetchone()
    plan = document if isinstance(document, list) else json.loads(document)
    scan = plan[0]["Plan"]
    assert scan["Index Name"] == "portal_search_entry_object_id"
    assert "object_id" in scan["Index Cond"]
