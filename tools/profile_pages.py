"""CPU per uncached request, in-process: `python tools/profile_pages.py` (by hand, not in
`make test` or `make bench`; docs/benchmarks.md "CPU per uncached request, profiled").

The load runs of `make bench` measure throughput, which on a shared 2-core machine moves
with whatever else runs there. This tool measures what a page costs the app server itself,
deterministically enough to compare two versions of the code: each URL is requested
through the portal's WSGI application (site_core.wsgi, the production middleware stack)
with the production settings, Redis for the cache and the whole-page cache off
(PORTAL_PAGE_CACHE=0, every answer must say X-Page-Cache: BYPASS), and for each URL it
reports

- CPU ms: the median over --requests requests of this process's CPU time
  (time.process_time: Python, templates, the database driver; not PostgreSQL's or Redis's
  own CPU, which run in other processes);
- wall ms: the median wall-clock time of the same requests (it includes waiting for
  PostgreSQL and Redis and moves with the machine's load);
- Python calls: the number of function calls of one request under cProfile (the same for
  every run of the same code and data);
- queries: the SQL queries of that request.

The database is any built portal (migrate, setup_portal, seed_demo, `seed_bulk`; queries
use indexes, so 10,000 articles cost the app server what 100,000 do). Pages are found as
`make bench` finds them (tools/bench.py): home, the newest article, the news listing's
first and deep page, a category, the register unfiltered and filtered by its first type,
and the three searches.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_x \\
    REDIS_URL=redis://127.0.0.1:6379/5 python tools/profile_pages.py [--requests 30]
        [--only article,search_common] [--top 25] [--sort cumulative|tottime]

--top N prints, per URL, the N most expensive functions of one profiled request. The
static files are collected once into --static-root (the production settings read the
manifest). Nothing is written to the database; the Redis database given is used as the
cache (use one of your own: the tool writes the chrome fragments into it).
"""

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

if __package__ in (None, ""):  # run as a script: python tools/profile_pages.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HOST = "127.0.0.1"


def configure_environment(args):
    """The production settings on loopback, the page cache off."""
    if "DATABASE_URL" not in os.environ:
        sys.exit("DATABASE_URL must name a built portal database.")
    redis_url = args.redis_url or os.environ.get("REDIS_URL") or os.environ.get("TEST_REDIS_URL")
    if not redis_url:
        sys.exit("REDIS_URL (or --redis-url) must name a Redis database of your own.")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="site_core.settings.production",
        REDIS_URL=redis_url,
        PORTAL_PAGE_CACHE="0",
        SECURE_SSL_REDIRECT="False",
        ALLOWED_HOSTS=f"{HOST},localhost,testserver",
        STATIC_ROOT=str(args.static_root),
        MEDIA_ROOT=os.environ.get("MEDIA_ROOT", str(args.static_root.parent / "profile-media")),
        LOG_LEVEL="ERROR",
    )
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))


def collect_static(static_root):
    if (static_root / "staticfiles.json").exists():
        return
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)


def discover():
    """The page URLs `make bench` drives, found the same way (tools/bench.py DISCOVER)."""
    from tools import bench

    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(bench.DISCOVER, {})  # noqa: S102 - the benchmark's own discovery code
    return json.loads(output.getvalue().strip().splitlines()[-1]), bench


def targets(app):
    pages, bench = discover()
    news = pages["news"]
    deep = bench.deep_page(pages["articles"], pages["per_page"])
    register_html = request(app, pages["register"])[2].decode()
    from tools import loadgen

    kind = loadgen.first_option(register_html, "type")
    unit, year, number = listing_extras(pages)
    return [
        ("home", pages["home"]),
        ("article", pages["newest"][0]["url"]),
        ("news", news),
        ("news_deep", f"{news}?page={deep}"),
        ("category", f"{news}chuyen-muc/{pages['category']}/"),
        ("unit", f"{news}don-vi/{unit}/" if unit else None),
        ("year", f"{news}nam/{year}/" if year else None),
        ("register", pages["register"]),
        ("register_filter", f"{pages['register']}?type={quote(kind)}"),
        ("register_query", f"{pages['register']}?type={quote(kind)}&q=" + quote("chuyển đổi số")),
        ("search_common", "/tim-kiem/?q=" + quote(bench.SEARCH_COMMON)),
        ("search_rare", "/tim-kiem/?q=" + quote(bench.SEARCH_RARE)),
        ("search_two", "/tim-kiem/?q=" + quote(bench.SEARCH_TWO)),
        ("search_number", "/tim-kiem/?q=" + quote(number) if number else None),
    ]


def listing_extras(pages):
    """The source unit of the newest article (its slug), the newest article's year, and the
    number of the document `make bench` requests (the search by number)."""
    from legal_docs.models import LegalDocumentPage
    from news.models import NewsArticlePage

    newest = NewsArticlePage.objects.filter(pk=pages["newest"][0]["id"]).first()
    with_unit = (
        NewsArticlePage.objects.live()
        .filter(source_unit__live=True)
        .order_by("-date", "-pk")
        .select_related("source_unit")
        .first()
    )
    document = (
        LegalDocumentPage.objects.live()
        .filter(url_path__endswith=pages["document"].rstrip("/").rsplit("/", 1)[-1] + "/")
        .first()
    )
    return (
        with_unit.source_unit.slug if with_unit else None,
        newest.date.year if newest else None,
        document.number_symbol if document else None,
    )


def environ_for(url):
    parts = urlsplit(url)
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        # WSGI carries the path as latin-1 of its UTF-8 bytes.
        "PATH_INFO": parts.path.encode().decode("iso-8859-1"),
        "QUERY_STRING": parts.query,
        "SERVER_NAME": HOST,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": HOST,
        "HTTP_ACCEPT": "text/html",
        "HTTP_USER_AGENT": "profile_pages",
        "REMOTE_ADDR": HOST,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def request(app, url):
    """(status line, headers, body) of one GET through the WSGI application."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    chunks = app(environ_for(url), start_response)
    try:
        body = b"".join(chunks)
    finally:
        if hasattr(chunks, "close"):
            chunks.close()
    return answer["status"], answer["headers"], body


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(app, name, url, requests, top, sort):
    from django.db import connection

    status, headers, _body = request(app, url)
    if not status.startswith("200") or headers.get("X-Page-Cache") != "BYPASS":
        raise SystemExit(f"{name} {url}: {status}, X-Page-Cache {headers.get('X-Page-Cache')}")
    for _ in range(2):  # warm: renditions, the chrome fragments, the query plans
        request(app, url)

    cpu, wall = [], []
    for _ in range(requests):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        request(app, url)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started_wall) * 1000)

    counter = QueryCounter()
    # CPU time, as the timed requests: waits for PostgreSQL and Redis are not this
    # process's cost.
    profile = cProfile.Profile(time.process_time)
    with connection.execute_wrapper(counter):
        profile.enable()
        request(app, url)
        profile.disable()
    stats = pstats.Stats(profile)
    row = {
        "name": name,
        "url": url,
        "cpu_ms": statistics.median(cpu),
        "wall_ms": statistics.median(wall),
        "calls": stats.total_calls,
        "queries": counter.count,
    }
    if top:
        out = io.StringIO()
        stats.stream = out
        stats.sort_stats(sort).print_stats(top)
        row["top"] = out.getvalue()
    return row


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="timed requests per URL")
    parser.add_argument("--only", default="", help="comma-separated names (home, article, ...)")
    parser.add_argument("--top", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    parser.add_argument("--redis-url", default="", help="default: REDIS_URL or TEST_REDIS_URL")
    parser.add_argument(
        "--static-root",
        type=Path,
        default=Path(tempfile.gettempdir()) / "portal-profile" / "static",
        help="collected",
    )
    parser.add_argument("--json", action="store_true", help="print the rows as JSON too")
    args = parser.parse_args(argv)

    configure_environment(args)
    from site_core.wsgi import application

    collect_static(args.static_root)
    only = {name for name in args.only.split(",") if name}
    rows = []
    for name, url in targets(application):
        if (only and name not in only) or url is None:
            continue
        row = measure(application, name, url, args.requests, args.top, args.sort)
        rows.append(row)
        print(
            f"{name:16} {row['cpu_ms']:7.1f} CPU ms {row['wall_ms']:7.1f} wall ms "
            f"{row['calls']:7d} calls {row['queries']:3d} queries  {url}",
            flush=True,
        )
        if args.top:
            print(row.pop("top"), flush=True)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))


if __name__ == "__main__":
    main()
