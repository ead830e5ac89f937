"""Visitor pages read only the rows they show: EXPLAIN of every query that touches a page.

Each page is requested twice by an anonymous visitor, with the cache cleared before the
first request. The queries of the second request are what every later visitor costs (the
per-publish work, cached under the navigation version, is done by then: list counts, seek
page boundaries, the register's filter choices). Each SELECT that reads a page table (the
table of a Page model: wagtailcore_page, news_newsarticlepage, legal_docs_legaldocumentpage...,
or of a page's many-to-many relation such as news_newsarticlepage_categories) is explained with `EXPLAIN (FORMAT JSON)` in the test's transaction after
`SET LOCAL enable_seqscan = off`, so that a missing index shows on these small tables.

The rule, on the plan tree:

- a Seq Scan of a page table fails, in every query (the first request's too);
- a *full scan* is a Seq Scan, Index Scan or Index Only Scan of a page table without an
  Index Cond: it reads the whole table unless a LIMIT stops it;
- a Sort, Incremental Sort, Aggregate, WindowAgg, Hash, Unique or SetOp node fails when a
  full scan feeds it without a Limit node in between: that node would read (rank, count,
  sort, hash) the whole table on every request;
- merge and hash joins are switched off as well (see PLANNER_SWITCHES): on these tiny,
  often unanalysed tables they let the planner walk a whole primary key to join a few rows. A Sort above a Limit of a few rows, and any
  node above an index scan with an Index Cond (a bounded range), are fine.

The first request's queries (once per publish) are held to the first rule only; they may
read the whole list once (the count, the boundaries of seek pages).
"""

import datetime
import json
import re

import pytest

from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from wagtail.models import Page

from news.models import NewsArticlePage
from tests import factories

BLOCKING_NODES = {
    "Sort",
    "Incremental Sort",
    "Aggregate",
    "WindowAgg",
    "Hash",
    "Unique",
    "SetOp",
}
SCAN_NODES = {"Seq Scan", "Index Scan", "Index Only Scan"}
# Sequential scans off, so that a missing index shows on small tables; merge and hash joins
# off too: on a fresh test database without statistics the planner may join a handful of
# pages by walking a whole primary key (a merge join), a plan it never picks at scale. With
# nested loops only, every join shows whether an index reaches the joined rows.
PLANNER_SWITCHES = ("enable_seqscan", "enable_mergejoin", "enable_hashjoin")


def page_tables():
    """Tables of Page models and of their many-to-many relations (article categories...)."""
    tables = set()
    for model in apps.get_models():
        if issubclass(model, Page):
            tables.add(model._meta.db_table)
            tables.update(
                field.remote_field.through._meta.db_table
                for field in model._meta.local_many_to_many
            )
    return tables


class Recorder:
    """connection.execute_wrapper that keeps each query's SQL and params apart."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        if not many:
            self.queries.append((sql, params))
        return execute(sql, params, many, context)


def explain(sql, params):
    with connection.cursor() as cursor:
        for switch in PLANNER_SWITCHES:
            cursor.execute(f"SET LOCAL {switch} = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
        for switch in PLANNER_SWITCHES:
            cursor.execute(f"SET LOCAL {switch} = on")
    if isinstance(plan, str):
        plan = json.loads(plan)
    return plan[0]["Plan"]


def is_full_scan(node, tables):
    return (
        node["Node Type"] in SCAN_NODES
        and node.get("Relation Name") in tables
        and "Index Cond" not in node
    )


def full_scans_below(node, tables):
    """Full scans of page tables that feed `node` with no Limit in between."""
    found = []
    for child in node.get("Plans", []):
        if child["Node Type"] == "Limit":
            continue
        if is_full_scan(child, tables):
            found.append(child)
        found += full_scans_below(child, tables)
    return found


def plan_problems(plan, tables, per_request=True):
    problems = []

    def walk(node):
        if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in tables:
            problems.append(f"Seq Scan on {node['Relation Name']}")
        if per_request and node["Node Type"] in BLOCKING_NODES:
            for scan in full_scans_below(node, tables):
                problems.append(
                    f"{node['Node Type']} over a full {scan['Node Type']} of "
                    f"{scan['Relation Name']}"
                )
        for child in node.get("Plans", []):
            walk(child)

    walk(plan)
    return problems


def reads_pages(sql, tables):
    """A SELECT that reads a page table. Wagtail's lookup of the request's site is left out:
    it reads the few Site rows and joins their root pages by key, and on a fresh, unanalysed
    test database the planner may merge-join it along the whole page key, a plan it never
    picks once the tables have statistics."""
    head = sql.lstrip("( ").upper()
    main = re.search(r'\bFROM\s+"(\w+)"', sql)
    return (
        head.startswith("SELECT")
        and not (main and main.group(1) == "wagtailcore_site")
        and any(f'"{table}"' in sql for table in tables)
    )


def check_plans(client, url):
    """Request `url` cold then warm; fail with the SQL and plan of any query breaking the
    rule. Returns the number of queries of the warm request."""
    tables = page_tables()
    cache.clear()
    runs = []
    for _ in range(2):
        recorder = Recorder()
        with connection.execute_wrapper(recorder):
            response = client.get(url)
        assert response.status_code == 200, url
        runs.append(recorder.queries)
    failures = []
    explained = 0
    for run, per_request in ((runs[0], False), (runs[1], True)):
        for sql, params in run:
            if not reads_pages(sql, tables):
                continue
            plan = explain(sql, params)
            explained += 1
            problems = plan_problems(plan, tables, per_request=per_request)
            if problems:
                failures.append(
                    f"{url}: {'; '.join(problems)}\n{sql}\n{params}\n{json.dumps(plan, indent=1)}"
                )
    assert explained, f"{url}: no query read a page table"
    assert not failures, "\n\n".join(failures)
    return len(runs[1])


@pytest.fixture
def content(home_page, news_index, event_index, document_index, site):
    news_index.per_page = 3
    news_index.save_revision().publish()
    first, second = (
        factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang"),
        factories.NewsCategoryFactory(name="Dân vận", slug="dan-van"),
    )
    now = timezone.now()
    articles = []
    for number in range(14):
        article = factories.NewsArticlePageFactory(
            parent=news_index,
            title=f"Hội nghị tỉnh ủy lần thứ {number}",
            date=now - datetime.timedelta(days=number),
            is_featured=number % 5 == 0,
        )
        article.categories.set([first if number % 2 else second])
        article.tags.add("đại hội")
        article.save_revision().publish()
        articles.append(article)
    for number in range(4):
        factories.EventPageFactory(
            parent=event_index,
            title=f"Hội nghị sự kiện {number}",
            start=now + datetime.timedelta(days=10 * (number - 2)),
        )
    nq = factories.DocumentTypeFactory(name="Nghị quyết", abbreviation="NQ")
    ct = factories.DocumentTypeFactory(name="Chỉ thị", abbreviation="CT")
    for number in range(1, 24):
        issued = datetime.date(2020 + number % 4, 1 + number % 12, 1)
        factories.LegalDocumentPageFactory(
            parent=document_index,
            number=number,
            document_type=nq if number % 3 else ct,
            date_issued=issued,
            date_effective=issued,
            summary=f"Về hội nghị tỉnh ủy số {number}",
        )
    return {"articles": articles, "category": first, "type": nq}


def test_visitor_pages_use_indexes_and_never_scan_a_whole_page_table(client, content):
    news = "/tin-hoat-dong/"
    register = "/van-ban/"
    urls = [
        "/",
        news,
        f"{news}?page=4",
        f"{news}chuyen-muc/{content['category'].slug}/",
        f"{news}chuyen-muc/{content['category'].slug}/?page=2",
        register,
        f"{register}?page=2",
        f"{register}?type={content['type'].pk}",
        f"{register}?type={content['type'].pk}&page=2",
        f"{register}?sort=cu-nhat&page=2",
        content["articles"][3].url,
        "/su-kien/",
        "/tim-kiem/?q=hoi+nghi",
    ]
    for url in urls:
        check_plans(client, url)


def test_a_deep_list_page_costs_what_the_first_costs(client, content):
    news = content["articles"][0].get_parent().url
    first = check_plans(client, news)
    deep = check_plans(client, f"{news}?page=5")
    assert deep <= first


def plan_of(queryset):
    sql, params = queryset.query.sql_with_params()
    return explain(sql, params)


def test_the_rule_catches_work_on_a_whole_page_table(content):
    tables = page_tables()
    by_title = NewsArticlePage.objects.live().order_by("title")[:5]
    counted = NewsArticlePage.objects.live().values("source_unit").annotate(n=Count("pk"))
    for queryset in (by_title, counted):
        plan = plan_of(queryset)
        assert plan_problems(plan, tables), json.dumps(plan, indent=1)
    newest = NewsArticlePage.objects.live().order_by("-date", "-pk")[:5]
    assert not plan_problems(plan_of(newest), tables)
