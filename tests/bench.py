"""`make bench`: query counts, response times and memory per page type.

Builds a throwaway PostgreSQL database (portal_bench by default) with the demo portal, measures
every page type as an anonymous visitor, then adds articles and documents and measures again, to
show that the number of queries does not grow with the content. Prints a Markdown table; with
--write it also replaces the table in docs/benchmarks.md.

    python -m tests.bench [--articles 2000] [--requests 30] [--write]
"""

import argparse
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")


def bench_database_url(base_url, name):
    parts = urlsplit(base_url)
    return urlunsplit(parts._replace(path="/" + name))


def recreate_database(url):
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(
        dbname="postgres",
        user=parts.username or "postgres",
        password=parts.password or None,
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def setup_django(url):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_core.settings.test")
    import logging

    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404 row is expected


def build_portal():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("setup_portal", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", verbosity=0)
    return time.perf_counter() - started


def add_content(articles, documents):
    """More live articles and documents, added the cheap way (no revisions needed to serve)."""
    from django.utils import timezone

    from legal_docs.models import (
        DocumentType,
        IssuingBody,
        LegalDocumentIndexPage,
        LegalDocumentPage,
    )
    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

    vi = {"locale__language_code": "vi"}
    news_index = NewsIndexPage.objects.filter(**vi).first()
    categories = list(NewsCategory.objects.filter(**vi)[:3])
    existing = NewsArticlePage.objects.count()
    for number in range(existing, articles):
        article = NewsArticlePage(
            title=f"Tin đo tải số {number}",
            slug=f"tin-do-tai-{number}",
            sapo="Bài viết thêm vào để đo tải trang danh sách.",
            body=[("paragraph", "<p>Nội dung đo tải.</p>")],
            date=timezone.now() - timezone.timedelta(hours=number),
            live=True,
        )
        news_index.add_child(instance=article)
        article.categories.set(categories)
    register = LegalDocumentIndexPage.objects.filter(**vi).first()
    doc_type = DocumentType.objects.get(abbreviation="KH", **vi)
    issuer = IssuingBody.objects.filter(abbreviation="BCĐ", **vi).first()
    existing = LegalDocumentPage.objects.count()
    for number in range(existing, documents):
        register.add_child(
            instance=LegalDocumentPage(
                title=f"Kế hoạch đo tải số {number}",
                slug=f"ke-hoach-do-tai-{number}",
                number=1000 + number,
                document_type=doc_type,
                issuer=issuer,
                term="2025–2030",
                date_issued=timezone.localdate(),
                summary="Văn bản thêm vào để đo tải sổ văn bản.",
                live=True,
            )
        )


def urls_to_measure():
    from wagtail.models import Page

    from history.models import HistoryIndexPage, HistoryPeriodPage
    from home.models import HomePage
    from legal_docs.models import LegalDocumentIndexPage, LegalDocumentPage
    from news.models import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage
    from org_structure.models import OrgChartPage, OrgUnitPage
    from site_core.models import StandardPage

    def first_url(model):
        page = model.objects.live().filter(locale__language_code="vi").order_by("path").first()
        # The path on its site: with sub-portals, `page.url` is absolute.
        return page.get_url_parts()[2] if page else None

    news = NewsIndexPage.objects.live().filter(locale__language_code="vi").first()
    urls = [
        ("Trang chủ", first_url(HomePage)),
        ("Lịch sử", first_url(HistoryIndexPage)),
        ("Giai đoạn lịch sử", first_url(HistoryPeriodPage)),
        ("Sơ đồ tổ chức", first_url(OrgChartPage)),
        ("Cơ quan, đơn vị", first_url(OrgUnitPage)),
        ("Tin hoạt động", first_url(NewsIndexPage)),
        ("Tin hoạt động ?page=5", first_url(NewsIndexPage) + "?page=5"),
        ("Tin theo năm", news.get_url_parts()[2] + "nam/2025/" if news else None),
        ("Bài tin", first_url(NewsArticlePage)),
        ("Sự kiện", first_url(EventIndexPage)),
        ("Một sự kiện", first_url(EventPage)),
        ("Sổ văn bản", first_url(LegalDocumentIndexPage)),
        (
            "Sổ văn bản, lọc",
            (first_url(LegalDocumentIndexPage) or "") + "?q=nghi+quyet&status=con-hieu-luc",
        ),
        ("Một văn bản", first_url(LegalDocumentPage)),
        ("Trang nội dung", first_url(StandardPage)),
        ("Tìm kiếm", "/tim-kiem/?q=dang+bo"),
        ("Tìm số hiệu", "/tim-kiem/?q=797-qd%2Ftu"),
        ("sitemap.xml", "/sitemap.xml"),
        ("404", "/khong-co-trang-nay/"),
    ]
    assert Page.objects.count()
    return [(name, url) for name, url in urls if url]


def measure(requests):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    rows = []
    for name, url in urls_to_measure():
        from django.core.cache import caches

        for cache in caches.all(initialized_only=True):
            cache.clear()
        # A full query log (it keeps at most 9,000 entries) would count nothing new.
        connection.queries_log.clear()
        tracemalloc.start()
        with CaptureQueriesContext(connection) as cold_queries:
            started = time.perf_counter()
            response = client.get(url)
            cold_ms = (time.perf_counter() - started) * 1000
        # len() slices the live query log: read it before the next request clears it.
        cold_count = len(cold_queries)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as warm_queries:
            client.get(url)
        warm_count = len(warm_queries)
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        rows.append(
            {
                "name": name,
                "url": url,
                "status": response.status_code,
                "cold_queries": cold_count,
                "warm_queries": warm_count,
                "cold_ms": cold_ms,
                "median_ms": statistics.median(timings),
                "p95_ms": timings[max(0, int(len(timings) * 0.95) - 1)],
                "peak_kib": peak / 1024,
                "bytes": len(response.content),
            }
        )
    return rows


def table(rows_small, rows_big, small_label, big_label):
    big = {row["name"]: row for row in rows_big}
    lines = [
        f"| trang | HTTP | truy vấn ({small_label}) | truy vấn ({big_label}) | lần đầu ms | "
        f"trung vị ms | p95 ms | bộ nhớ đỉnh KiB | KiB HTML |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows_small:
        other = big.get(row["name"], row)
        lines.append(
            f"| {row['name']} | {other['status']} | {row['cold_queries']} / {row['warm_queries']} | "
            f"{other['cold_queries']} / {other['warm_queries']} | {other['cold_ms']:.0f} | "
            f"{other['median_ms']:.1f} | {other['p95_ms']:.1f} | {other['peak_kib']:.0f} | "
            f"{other['bytes'] / 1024:.0f} |"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--database", default="portal_bench")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args(argv)

    url = bench_database_url(BASE_URL, args.database)
    recreate_database(url)
    setup_django(url)
    seed_seconds = build_portal()
    from news.models import NewsArticlePage

    small_count = NewsArticlePage.objects.count()
    rows_small = measure(args.requests)
    started = time.perf_counter()
    add_content(args.articles, args.documents)
    grow_seconds = time.perf_counter() - started
    rows_big = measure(args.requests)

    report = table(
        rows_small, rows_big, f"{small_count} tin", f"{args.articles} tin, {args.documents} văn bản"
    )
    summary = (
        f"seed_demo: {seed_seconds:.1f} s; thêm nội dung đo tải: {grow_seconds:.1f} s; "
        f"{args.requests} lượt mỗi trang; Python {sys.version.split()[0]}, PostgreSQL, "
        f"bộ nhớ đệm {os.environ.get('REDIS_URL') and 'Redis' or 'LocMem'}.\n"
        "Truy vấn: lần đầu (bộ nhớ đệm trống) / lần sau."
    )
    print(summary)
    print(report)
    if args.write:
        path = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        marker_start, marker_end = "<!-- bench:start -->", "<!-- bench:end -->"
        block = f"{marker_start}\n{summary}\n\n{report}\n{marker_end}"
        if marker_start in text:
            before = text.split(marker_start)[0]
            after = text.split(marker_end)[1]
            text = before + block + after
        else:
            text = text + "\n" + block + "\n"
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
