"""`make bench`: throughput and latency of every page type on the production stack.

For each size of BENCH_SIZES (articles; documents are a tenth of that):

1. A PostgreSQL database of that size on 127.0.0.1 (BENCH_DATABASE_URL with the size
   appended to its name: portal_bench_1000, portal_bench_100000): migrate, setup_portal,
   seed_demo, then `manage.py seed_bulk` up to the size. A table `bench_size` in it records
   the size once the build is complete, so BENCH_REUSE_DB=1 reuses a database built for
   the same size and rebuilds any other.
2. A redis-server of the tool's own (BENCH_REDIS_PORT) and gunicorn with the production
   settings and deploy/gunicorn.conf.py, BENCH_WORKERS sync workers, serving
   tools/bench_wsgi.py: the portal plus one static file (the physical limit of the same
   server; nginx serves /static/ in production).
3. Two passes, gunicorn restarted between them: uncached (PORTAL_PAGE_CACHE=0) and cached
   (PORTAL_PAGE_CACHE=1). In each, every page type and the static file are driven by
   BENCH_CLIENTS concurrent clients (tools/loadgen.py) for BENCH_DURATION seconds, one URL
   at a time. The X-Page-Cache header proves each pass: no HIT in the uncached pass, only
   HITs for the cached page types in the cached one; otherwise the tool fails.
4. In the uncached pass, the search URLs are also requested by a single client, for the
   latency a visitor sees without queueing behind other requests (the search target).
5. In the cached pass, an article shown on the home page is published with a new title
   (`manage.py shell` under the same settings) and the article and the home page are
   requested at once: the seconds until the new title shows are the staleness.
6. docs/benchmarks.md gets the figures between its stack-bench markers (BENCH_WRITE=0:
   print only).

Nothing listens on or connects to anything but 127.0.0.1; the shared Redis on 6379 and the
PostgreSQL cluster are never stopped. Environment (all optional): BENCH_SIZES ("1000,100000"),
BENCH_DURATION (20 s per URL and pass), BENCH_CLIENTS (8), BENCH_WORKERS (2),
BENCH_REUSE_DB=1, BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/portal_bench),
BENCH_PORT (8095), BENCH_REDIS_PORT (6395), BENCH_WRITE=0, BENCH_WORKDIR (/tmp/portal-bench).
"""

import argparse
import asyncio
import json
import math
import os
import platform
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

if __package__ in (None, ""):  # run as a script: python tools/bench.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import loadgen, stack  # noqa: E402

ROOT = stack.ROOT
PYTHON = stack.PYTHON
HOST = stack.HOST
REPORT = ROOT / "docs" / "benchmarks.md"
MARK_START, MARK_END = "<!-- stack-bench:start -->", "<!-- stack-bench:end -->"
HEADER = "X-Page-Cache"
APP = "tools.bench_wsgi:application"
# The static file tools/bench_wsgi.py answers without Django.
STATIC_PATH = "/__bench_static__/portal.css"
# The sizes the targets are stated for; a run without them is a development run.
FULL_SIZES = (1000, 100000)
FULL_DURATION = 20
# Search words: common in every size, rare (a few pages), and two words.
SEARCH_COMMON = "tỉnh"
SEARCH_RARE = "voọc"
SEARCH_TWO = "nghị quyết"
# Deep listing page: this page number, or the last page when there are fewer.
DEEP_PAGE = 500
# Shares of the static file's throughput (issue 11, "Targets for the benchmark").
TARGET_HOME = 0.02
TARGET_PAGE = 0.04
TARGET_CACHED = 0.50
TARGET_SEARCH_P50_MS = 50
TARGET_SEARCH_P95_MS = 150
TARGET_GROWTH = 1.5
# A cached page type may miss on an expired entry during a run, never more than this.
MAX_CACHED_MISS_SHARE = 0.01

say = stack.sayer("bench")


@dataclass
class Config:
    sizes: list
    duration: float
    clients: int
    workers: int
    reuse_db: bool
    database_url: str
    port: int
    redis_port: int
    write: bool
    work: Path


def env_config(environ=None):
    environ = os.environ if environ is None else environ
    return Config(
        sizes=parse_sizes(environ.get("BENCH_SIZES", "1000,100000")),
        duration=float(environ.get("BENCH_DURATION", str(FULL_DURATION))),
        clients=int(environ.get("BENCH_CLIENTS", "8")),
        workers=int(environ.get("BENCH_WORKERS", "2")),
        reuse_db=environ.get("BENCH_REUSE_DB", "") == "1",
        database_url=environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"
        ),
        port=int(environ.get("BENCH_PORT", "8095")),
        redis_port=int(environ.get("BENCH_REDIS_PORT", "6395")),
        write=environ.get("BENCH_WRITE", "1") != "0",
        work=Path(environ.get("BENCH_WORKDIR", "/tmp/portal-bench")),  # noqa: S108 - scratch
    )


def parse_sizes(text):
    sizes = [int(part.replace("_", "")) for part in str(text).split(",") if part.strip()]
    if not sizes or any(size < 1 for size in sizes):
        raise ValueError(f"BENCH_SIZES needs positive article counts, not {text!r}")
    return sorted(set(sizes))


def parse_args(argv=None, environ=None):
    config = env_config(environ)
    parser = argparse.ArgumentParser(
        prog="tools/bench.py",
        description="make bench: req/s, p50 and p99 of every page type on the production "
        "stack (gunicorn, PostgreSQL, Redis), uncached and cached, against a static file; "
        "writes docs/benchmarks.md. Options override the BENCH_* environment variables.",
    )
    parser.add_argument("--sizes", default=",".join(map(str, config.sizes)), help="BENCH_SIZES")
    parser.add_argument("--duration", type=float, default=config.duration, help="BENCH_DURATION")
    parser.add_argument("--clients", type=int, default=config.clients, help="BENCH_CLIENTS")
    parser.add_argument("--workers", type=int, default=config.workers, help="BENCH_WORKERS")
    parser.add_argument(
        "--reuse-db", action="store_true", default=config.reuse_db, help="BENCH_REUSE_DB=1"
    )
    parser.add_argument("--no-write", action="store_true", help="BENCH_WRITE=0")
    args = parser.parse_args(argv)
    config.sizes = parse_sizes(args.sizes)
    config.duration = args.duration
    config.clients = args.clients
    config.workers = args.workers
    config.reuse_db = args.reuse_db
    config.write = config.write and not args.no_write
    return config


def sized_database_url(database_url, size):
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_{size}"))


def documents_for(articles):
    return max(1, articles // 10)


# --- figures -------------------------------------------------------------------------------


percentile = loadgen.percentile


def summarise(rows, elapsed):
    """Figures of one URL's run; rows as tools/loadgen.py's drive() gives them."""
    ok = [row for row in rows if row[2] == "ok"]
    ms = [row[3] * 1000 for row in ok]
    cache = [row[5] for row in rows]
    return {
        "requests": len(rows),
        "ok": len(ok),
        "errors": len(rows) - len(ok),
        "statuses": sorted({str(row[4]) for row in rows if row[2] != "ok"}),
        "rps": len(ok) / elapsed if elapsed > 0 else 0.0,
        "p50": percentile(ms, 0.50),
        "p95": percentile(ms, 0.95),
        "p99": percentile(ms, 0.99),
        "hit": cache.count("HIT"),
        "miss": cache.count("MISS"),
        "bypass": cache.count("BYPASS"),
        "no_header": cache.count(None),
    }


def cache_problem(target, figures, cached_pass):
    """Why this run does not show what the pass claims, or None."""
    if target.static:
        return None
    if not cached_pass:
        if figures["hit"] or figures["miss"]:
            return f"{figures['hit'] + figures['miss']} answers used the page cache (HIT/MISS)"
        if figures["bypass"] != figures["requests"]:
            return f"{figures['requests'] - figures['bypass']} answers without {HEADER}: BYPASS"
        return None
    if not target.page_cached:
        if figures["hit"]:
            return f"{figures['hit']} HITs for a URL the page cache never keeps"
        return None
    if not figures["requests"] or figures["hit"] < figures["requests"] * (
        1 - MAX_CACHED_MISS_SHARE
    ):
        return f"only {figures['hit']} of {figures['requests']} answers were HITs"
    return None


def fraction(value, static):
    return value / static if static else float("nan")


def ratio(big, small):
    return big / small if small else float("nan")


# --- the URLs ------------------------------------------------------------------------------


@dataclass
class Target:
    key: str
    label: str
    path: str
    group: str = ""  # home, article, listing, register, search: the target it counts for
    page_cached: bool = True  # the page cache keeps it (not search, sitemap, static)
    static: bool = False


DISCOVER = """
import json
from home.models import HomePage
from legal_docs.models import LegalDocumentIndexPage, LegalDocumentPage
from news.models import EventIndexPage, EventPage, NewsArticlePage, NewsCategory, NewsIndexPage

def live(model):
    return model.objects.live().public().filter(locale__language_code="vi")

def url(page):
    return page.get_url_parts()[2] if page else None

def first(model):
    return url(live(model).order_by("path").first())

news = live(NewsIndexPage).order_by("path").first()
articles = live(NewsArticlePage).child_of(news) if news else live(NewsArticlePage).none()
category = None
if news:
    for candidate in NewsCategory.objects.filter(locale_id=news.locale_id, live=True):
        if articles.filter(categories=candidate).exists():
            category = candidate.slug
            break
print(json.dumps({
    "home": first(HomePage), "news": url(news), "per_page": news.per_page if news else 12,
    "articles": articles.count(), "category": category,
    "newest": [
        {"id": page.pk, "url": url(page), "title": page.title}
        for page in articles.order_by("-date", "-pk")[:10]
    ],
    "register": first(LegalDocumentIndexPage), "document": first(LegalDocumentPage),
    "documents": live(LegalDocumentPage).count(),
    "events": first(EventIndexPage), "event": first(EventPage),
}))
"""


def discover_pages(env):
    output = stack.manage(env, "shell", "-c", DISCOVER, capture=True)
    return json.loads(output.strip().splitlines()[-1])


def deep_page(articles, per_page):
    return max(1, min(DEEP_PAGE, math.ceil(articles / max(1, min(per_page, 100)))))


def build_targets(pages, register_filter):
    """The URLs of one size, from discover_pages() and the register's first filter value."""
    missing = [
        name
        for name in ("home", "news", "category", "register", "document", "events", "event")
        if not pages.get(name)
    ] + ([] if pages.get("newest") else ["newest"])
    if missing:
        raise RuntimeError(f"the portal has no live page for: {', '.join(missing)}")
    if not register_filter:
        raise RuntimeError("the register shows no filter value (select name=type)")
    news = pages["news"]
    deep = deep_page(pages["articles"], pages["per_page"])
    article = pages["article"] if pages.get("article") else pages["newest"][0]["url"]
    name, value = register_filter
    return [
        Target("static", "Tệp tĩnh (portal.css)", STATIC_PATH, page_cached=False, static=True),
        Target("home", "Trang chủ", pages["home"], "home"),
        Target("article", "Bài tin", article, "article"),
        Target("news", "Tin hoạt động, trang 1", news, "listing"),
        Target("news_deep", f"Tin hoạt động, trang {deep}", f"{news}?page={deep}", "listing"),
        Target(
            "category", "Tin theo chuyên mục", f"{news}chuyen-muc/{pages['category']}/", "listing"
        ),
        Target("register", "Sổ văn bản", pages["register"], "register"),
        Target(
            "register_filter",
            "Sổ văn bản, lọc",
            f"{pages['register']}?{name}={quote(value)}",
            "register",
        ),
        Target("events", "Sự kiện", pages["events"]),
        Target("event", "Một sự kiện", pages["event"]),
        Target("document", "Một văn bản", pages["document"]),
        Target(
            "search_common",
            f"Tìm «{SEARCH_COMMON}»",
            "/tim-kiem/?q=" + quote(SEARCH_COMMON),
            "search",
            False,
        ),
        Target(
            "search_rare",
            f"Tìm «{SEARCH_RARE}»",
            "/tim-kiem/?q=" + quote(SEARCH_RARE),
            "search",
            False,
        ),
        Target(
            "search_two",
            f"Tìm «{SEARCH_TWO}»",
            "/tim-kiem/?q=" + quote(SEARCH_TWO),
            "search",
            False,
        ),
        Target("sitemap", "sitemap.xml", "/sitemap.xml", page_cached=False),
    ]


# --- the database --------------------------------------------------------------------------

SIZE_TABLE = "bench_size"


def recorded_size(database_url):
    """(articles, documents) recorded by a complete build, or None."""
    if not stack.database_exists(database_url):
        return None
    connection = stack.admin_connection(database_url, stack.database_name(database_url))
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s)", [SIZE_TABLE])
            if cursor.fetchone()[0] is None:
                return None
            cursor.execute(f"SELECT articles, documents FROM {SIZE_TABLE} LIMIT 1")  # noqa: S608
            row = cursor.fetchone()
            return tuple(row) if row else None
    finally:
        connection.close()


def record_size(database_url, articles, documents):
    connection = stack.admin_connection(database_url, stack.database_name(database_url))
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {SIZE_TABLE} "
                "(articles integer NOT NULL, documents integer NOT NULL, built_at timestamptz NOT NULL)"
            )
            cursor.execute(f"DELETE FROM {SIZE_TABLE}")  # noqa: S608
            cursor.execute(
                f"INSERT INTO {SIZE_TABLE} VALUES (%s, %s, now())",  # noqa: S608
                [articles, documents],
            )
    finally:
        connection.close()


COUNT = """
from legal_docs.models import LegalDocumentPage
from news.models import NewsArticlePage
print(NewsArticlePage.objects.count(), LegalDocumentPage.objects.count())
"""


def build_database(config, size, database_url, dev_env, prod_env):
    """The database of `size` articles; the seconds its build took (None: reused)."""
    documents = documents_for(size)
    if config.reuse_db and recorded_size(database_url) == (size, documents):
        say(f"Reusing {stack.database_name(database_url)} ({size} articles, BENCH_REUSE_DB=1).")
        built = None
    else:
        started = time.monotonic()
        say(f"Building {stack.database_name(database_url)}: migrate, setup_portal, seed_demo.")
        stack.recreate_database(database_url, "bench")
        shutil.rmtree(config.work / "media", ignore_errors=True)
        stack.manage(dev_env, "migrate", "--noinput", "--verbosity", "0")
        stack.manage(dev_env, "setup_portal", "--verbosity", "0")
        stack.manage(dev_env, "seed_demo", "--verbosity", "0")
        have_articles, have_documents = map(
            int, stack.manage(dev_env, "shell", "-c", COUNT, capture=True).split()[-2:]
        )
        more_articles = max(0, size - have_articles)
        more_documents = max(0, documents - have_documents)
        if more_articles or more_documents:
            say(f"seed_bulk --articles {more_articles} --documents {more_documents}.")
            stack.manage(
                dev_env,
                "seed_bulk",
                "--articles",
                str(more_articles),
                "--documents",
                str(more_documents),
            )
        built = time.monotonic() - started
        record_size(database_url, size, documents)
        say(f"Database built in {built:.0f} s.")
    stack.manage(prod_env, "migrate", "--noinput", "--verbosity", "0")
    stack.manage(prod_env, "setup_portal", "--verbosity", "0")
    stack.manage(prod_env, "collectstatic", "--noinput", "--verbosity", "0")
    return built


# --- staleness -----------------------------------------------------------------------------

PUBLISH = """
import json, time
from news.models import NewsArticlePage
page = NewsArticlePage.objects.get(pk={pk})
page.title = {title}
page.save_revision(log_action=True).publish()
print(json.dumps({{"published": time.time()}}))
"""


def publish_title(env, pk, title):
    """Publish a new revision of article `pk` with `title`; the wall-clock time it returned."""
    script = PUBLISH.format(pk=int(pk), title=json.dumps(title, ensure_ascii=False))
    output = stack.manage(env, "shell", "-c", script, capture=True)
    return json.loads(output.strip().splitlines()[-1])["published"]


def shows_change(html, present, absent=None):
    """The page shows `present` and not `absent` (both as Django escapes them)."""
    return escape(present) in html and (absent is None or escape(absent) not in html)


async def shows(port, path, present, absent=None):
    """(whether the answer shows the change, its X-Page-Cache header)."""
    status, _, body, headers = await loadgen.fetch(port, path)
    html = body.decode("utf-8", "replace")
    return status == 200 and shows_change(html, present, absent), headers.get(HEADER.lower())


async def staleness(env, port, home, article, title, present, absent=None, limit=30.0):
    """Publish `article` as `title`; seconds until home and article show `present` and
    no longer `absent`.

    Both pages are requested a few times first, so that they are cached before the change."""
    for path in (home, article["url"]):
        for _ in range(3):
            await loadgen.fetch(port, path)
    before = {}
    for path in (home, article["url"]):
        found, before[path] = await shows(port, path, present, absent)
        if found:
            raise RuntimeError(f"{path} shows the change before it is published")
    published = await asyncio.to_thread(publish_title, env, article["id"], title)
    seen = {}
    first_answer = {}
    while len(seen) < 2 and time.time() - published < limit:
        for path in (home, article["url"]):
            if path in seen:
                continue
            found, state = await shows(port, path, present, absent)
            first_answer.setdefault(path, (found, state))
            if found:
                seen[path] = max(0.0, time.time() - published)
        if len(seen) < 2:
            await asyncio.sleep(0.1)
    return {
        path: {
            "cached_before": before[path],
            "first_answer": first_answer.get(path, (False, None)),
            "seconds": seen.get(path),
        }
        for path in (home, article["url"])
    }


async def home_article(port, home, newest):
    """The newest article whose title the home page shows."""
    _, _, body, _ = await loadgen.fetch(port, home)
    html = body.decode("utf-8", "replace")
    for article in newest:
        if escape(article["title"]) in html:
            return article
    return None


# --- the runs ------------------------------------------------------------------------------


async def warm(port, target, cached_pass, attempts=5):
    """Requests until the answer is 200 (and a HIT where the cached pass expects one); the
    seconds of the first answer. A first build that fails (a sitemap or a page slower than
    gunicorn's timeout) is tried again a few times before the run stops."""
    first = None
    status = None
    for _ in range(attempts):
        status, seconds, _, headers = await loadgen.fetch(port, target.path, timeout=300)
        first = seconds if first is None else first
        if status != 200:
            await asyncio.sleep(2)
            continue
        if not (cached_pass and target.page_cached) or headers.get(HEADER.lower()) == "HIT":
            return first
    if status != 200:
        raise RuntimeError(f"{target.label} ({target.path}) answered {status}")
    raise RuntimeError(f"{target.label} ({target.path}) is never a page-cache HIT")


async def run_pass(config, targets, cached_pass):
    results = {}
    for target in targets:
        cold = await warm(config.port, target, cached_pass)
        rows, elapsed = await loadgen.drive(
            [(target.key, target.path, 1)],
            config.duration,
            port=config.port,
            clients=config.clients,
            header=HEADER,
        )
        figures = summarise(rows, elapsed)
        figures["cold_ms"] = cold * 1000
        results[target.key] = figures
        say(
            f"  {target.label:<28} {figures['rps']:8.1f} req/s  p50 {figures['p50']:7.1f} ms  "
            f"p99 {figures['p99']:7.1f} ms  HIT {figures['hit']}/{figures['requests']}"
        )
        problem = cache_problem(target, figures, cached_pass)
        if problem:
            raise RuntimeError(
                f"{'cached' if cached_pass else 'uncached'} pass, {target.label}: {problem}"
            )
        if figures["errors"]:
            raise RuntimeError(
                f"{target.label}: {figures['errors']} answers were not 200 "
                f"({', '.join(figures['statuses'])})"
            )
    if not cached_pass:
        for target in targets:
            if target.group != "search":
                continue
            rows, elapsed = await loadgen.drive(
                [(target.key, target.path, 1)],
                max(2.0, config.duration / 2),
                port=config.port,
                clients=1,
                header=HEADER,
            )
            figures = summarise(rows, elapsed)
            results[target.key]["single"] = figures
            say(
                f"  {target.label:<28} 1 client: p50 {figures['p50']:6.1f} ms, "
                f"p95 {figures['p95']:6.1f} ms"
            )
    return results


def gunicorn_env(config, database_url, cached):
    env = stack.production_env(
        database_url, config.work, config.port, config.redis_port, config.workers
    )
    env["PORTAL_PAGE_CACHE"] = "1" if cached else "0"
    return env


def bench_size(config, size):
    database_url = sized_database_url(config.database_url, size)
    dev_env = stack.base_env("dev", database_url, config.work)
    prod_env = gunicorn_env(config, database_url, cached=False)
    built = build_database(config, size, database_url, dev_env, prod_env)
    pages = discover_pages(dev_env)
    redis = stack.RedisServer(config.redis_port)
    outcome = {"size": size, "built_seconds": built, "pages": pages, "passes": {}}
    try:
        redis.start()
        for cached in (False, True):
            env = gunicorn_env(config, database_url, cached)
            name = "cached" if cached else "uncached"
            say(f"{size} articles, {name} pass (PORTAL_PAGE_CACHE={env['PORTAL_PAGE_CACHE']}).")
            gunicorn = stack.start_gunicorn(
                env, config.port, config.work / f"gunicorn-{size}-{name}.log", app=APP
            )
            try:
                targets, results, stale = asyncio.run(drive_pass(config, env, pages, cached))
            finally:
                stack.stop_process(gunicorn)
            outcome["targets"] = targets
            outcome["passes"][name] = results
            if stale is not None:
                outcome["staleness"] = stale
    finally:
        redis.stop()
    return outcome


async def drive_pass(config, env, pages, cached):
    _, _, register_html, _ = await loadgen.fetch(config.port, pages["register"], timeout=300)
    value = loadgen.first_option(register_html.decode("utf-8", "replace"), "type")
    targets = build_targets(pages, ("type", value) if value else None)
    results = await run_pass(config, targets, cached)
    stale = None
    if cached:
        stale = await measure_staleness(config, env, pages)
    return targets, results, stale


async def measure_staleness(config, env, pages):
    article = await home_article(config.port, pages["home"], pages["newest"])
    if article is None:
        raise RuntimeError("the home page shows none of the ten newest articles")
    marker = f"Bản sửa đo tải {time.strftime('%H%M%S')}"
    say(f"Staleness: publishing article {article['id']} as «{marker} …».")
    changed = await staleness(
        env, config.port, pages["home"], article, f"{marker} {article['title']}", marker
    )
    # Back to the title it had, measured the same way: the marker is gone again.
    restored = await staleness(
        env, config.port, pages["home"], article, article["title"], article["title"], marker
    )
    for label, result in (("publish", changed), ("restore", restored)):
        for path, figures in result.items():
            say(
                f"  {label} {path}: cached before {figures['cached_before']}, first answer "
                f"{figures['first_answer']}, seen after {figures['seconds']} s"
            )
    return {"article": article, "publish": changed, "restore": restored}


def staleness_seconds(stale):
    """The worst staleness measured (None when a page never showed the change)."""
    values = [
        figures["seconds"]
        for key in ("publish", "restore")
        for figures in stale.get(key, {}).values()
    ]
    if not values or any(value is None for value in values):
        return None
    firsts = [
        figures["first_answer"][0]
        for key in ("publish", "restore")
        for figures in stale.get(key, {}).values()
    ]
    return 0.0 if all(firsts) else max(values)


# --- the report ----------------------------------------------------------------------------


def fmt(value, digits=1):
    return "—" if value is None or value != value else f"{value:.{digits}f}"


def pct(value):
    return "—" if value is None or value != value else f"{value * 100:.1f} %"


def met(ok):
    return "đạt" if ok else "**chưa đạt**"


def targets_rows(outcome):
    """(target, measured, met) rows for one size's outcome."""
    targets = outcome["targets"]
    uncached = outcome["passes"]["uncached"]
    cached = outcome["passes"]["cached"]
    rows = []
    for name, passes, group_filter, share in (
        ("Không đệm: trang chủ ≥ 2 % tệp tĩnh", uncached, {"home"}, TARGET_HOME),
        (
            "Không đệm: bài tin, danh sách, sổ văn bản, tìm kiếm ≥ 4 % tệp tĩnh",
            uncached,
            {"article", "listing", "register", "search"},
            TARGET_PAGE,
        ),
    ):
        static = passes["static"]["rps"]
        for target in targets:
            if target.group in group_filter:
                value = fraction(passes[target.key]["rps"], static)
                rows.append((f"{name}: {target.label}", pct(value), met(value >= share)))
    static = cached["static"]["rps"]
    for target in targets:
        if target.page_cached:
            value = fraction(cached[target.key]["rps"], static)
            rows.append(
                (f"Có đệm ≥ 50 % tệp tĩnh: {target.label}", pct(value), met(value >= TARGET_CACHED))
            )
    stale = outcome.get("staleness")
    seconds = staleness_seconds(stale) if stale else None
    rows.append(
        (
            "0 giây cũ sau khi xuất bản (trang chủ và bài tin)",
            "không thấy thay đổi" if seconds is None else f"{seconds:.1f} s",
            met(seconds == 0.0),
        )
    )
    for target in targets:
        if target.group == "search":
            single = uncached[target.key].get("single", uncached[target.key])
            ok = single["p50"] < TARGET_SEARCH_P50_MS and single["p95"] < TARGET_SEARCH_P95_MS
            rows.append(
                (
                    f"Tìm kiếm p50 < 50 ms, p95 < 150 ms (1 máy khách): {target.label}",
                    f"{fmt(single['p50'])} / {fmt(single['p95'])} ms",
                    met(ok),
                )
            )
    return rows


def growth_rows(small, big):
    """p50 at the big size within 1.5x of the small size's, uncached."""
    rows = []
    for target in big["targets"]:
        if target.static or target.key not in small["passes"]["uncached"]:
            continue
        value = ratio(
            big["passes"]["uncached"][target.key]["p50"],
            small["passes"]["uncached"][target.key]["p50"],
        )
        rows.append(
            (
                f"p50 không đệm {big['size']} / {small['size']} tin ≤ 1,5×: {target.label}",
                f"{fmt(value, 2)}×",
                met(value <= TARGET_GROWTH),
            )
        )
    return rows


def size_table(outcome):
    lines = [
        "| trang | đường dẫn | không đệm req/s | p50 ms | p99 ms | % tệp tĩnh "
        "| có đệm req/s | p50 ms | p99 ms | % tệp tĩnh | HIT có đệm |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    uncached = outcome["passes"]["uncached"]
    cached = outcome["passes"]["cached"]
    for target in outcome["targets"]:
        u, c = uncached[target.key], cached[target.key]
        hits = "—" if not target.page_cached else f"{c['hit']}/{c['requests']}"
        lines.append(
            f"| {target.label} | `{target.path}` | {fmt(u['rps'])} | {fmt(u['p50'])} "
            f"| {fmt(u['p99'])} | {pct(fraction(u['rps'], uncached['static']['rps']))} "
            f"| {fmt(c['rps'])} | {fmt(c['p50'])} | {fmt(c['p99'])} "
            f"| {pct(fraction(c['rps'], cached['static']['rps']))} | {hits} |"
        )
    return lines


def search_lines(outcome):
    uncached = outcome["passes"]["uncached"]
    parts = [
        f"{target.label} p50 {fmt(uncached[target.key]['single']['p50'])} ms, "
        f"p95 {fmt(uncached[target.key]['single']['p95'])} ms"
        for target in outcome["targets"]
        if target.group == "search" and "single" in uncached[target.key]
    ]
    if not parts:
        return []
    return [
        "Tìm kiếm với một máy khách (không xếp hàng sau yêu cầu khác): " + "; ".join(parts) + ".",
        "",
    ]


def staleness_lines(outcome):
    stale = outcome.get("staleness")
    if not stale:
        return []
    article = stale["article"]
    parts = []
    for key, action in (("publish", "đổi tiêu đề"), ("restore", "trả lại tiêu đề cũ")):
        for path, figures in stale[key].items():
            shown, state = figures["first_answer"]
            if shown:
                seen = f"yêu cầu đầu tiên sau khi xuất bản đã thấy thay đổi ({state})"
            elif figures["seconds"] is None:
                seen = "không thấy thay đổi trong 30 s"
            else:
                seen = f"thấy thay đổi sau {figures['seconds']:.1f} s"
            parts.append(f"{action}, `{path}` (trước đó {figures['cached_before']}): {seen}")
    return [
        f"Độ cũ sau khi xuất bản (bài {article['id']}, lượt có đệm): " + "; ".join(parts) + ".",
        "",
    ]


def ratio_table(small, big):
    lines = [
        f"| trang | req/s không đệm {big['size']}/{small['size']} | p50 không đệm "
        f"| req/s có đệm | p50 có đệm |",
        "|---|---|---|---|---|",
    ]
    for target in big["targets"]:
        cells = []
        for name in ("uncached", "cached"):
            b = big["passes"][name][target.key]
            s = small["passes"][name].get(target.key)
            cells += (
                [fmt(ratio(b["rps"], s["rps"]), 2) + "×", fmt(ratio(b["p50"], s["p50"]), 2) + "×"]
                if s
                else ["—", "—"]
            )
        lines.append(f"| {target.label} | " + " | ".join(cells) + " |")
    return lines


def machine_line(config, postgres_version, now=None, load=None):
    now = now or datetime.now().astimezone()
    busy = (
        ""
        if load is None
        else f"tải trung bình của máy lúc bắt đầu / kết thúc {load[0]:.1f} / {load[1]:.1f}, "
    )
    return (
        f"Chạy lúc {now:%d/%m/%Y %H:%M %Z} trên {platform.node()}: {os.cpu_count()} lõi CPU "
        f"(dùng chung với máy khách tải và các tiến trình khác), Python "
        f"{platform.python_version()}, PostgreSQL {postgres_version}, Redis riêng; gunicorn "
        f"{config.workers} worker đồng bộ (deploy/gunicorn.conf.py, cấu hình production), "
        f"{config.clients} máy khách đồng thời, {config.duration:g} s mỗi đường dẫn và lượt, "
        f"{busy}không có nginx."
    )


def development_run(config):
    return not set(FULL_SIZES) <= set(config.sizes) or config.duration < FULL_DURATION


def render(config, outcomes, postgres_version, now=None, load=None):
    lines = [MARK_START]
    if development_run(config):
        lines += [
            f"**Lượt chạy phát triển** (BENCH_SIZES={','.join(map(str, config.sizes))}, "
            f"BENCH_DURATION={config.duration:g}): chỉ để chứng minh công cụ chạy được; các "
            "chỉ tiêu của issue 11 tính ở 100.000 tin với 20 s mỗi đường dẫn.",
            "",
        ]
    lines += [machine_line(config, postgres_version, now, load), ""]
    for outcome in outcomes:
        documents = outcome["pages"].get("documents", documents_for(outcome["size"]))
        built = outcome["built_seconds"]
        lines += [
            f"### {outcome['size']} tin, {documents} văn bản",
            "",
            f"Cơ sở dữ liệu: {outcome['pages'].get('articles')} tin trong danh sách; "
            + ("dùng lại (BENCH_REUSE_DB=1)." if built is None else f"dựng trong {built:.0f} s."),
            "",
            *size_table(outcome),
            "",
            *search_lines(outcome),
            *staleness_lines(outcome),
        ]
    if len(outcomes) > 1:
        small, big = outcomes[0], outcomes[-1]
        lines += [
            f"### Tỉ lệ {big['size']} / {small['size']} tin",
            "",
            *ratio_table(small, big),
            "",
        ]
    largest = outcomes[-1]
    rows = targets_rows(largest)
    if len(outcomes) > 1:
        rows += growth_rows(outcomes[0], largest)
    lines += [
        f"### Chỉ tiêu (ở {largest['size']} tin)",
        "",
        "| chỉ tiêu | đo được | kết quả |",
        "|---|---|---|",
        *[f"| {name} | {value} | {verdict} |" for name, value, verdict in rows],
        "",
        MARK_END,
    ]
    return "\n".join(lines)


def write_report(block, path=REPORT):
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if MARK_START in text and MARK_END in text:
        text = text[: text.index(MARK_START)] + block + text[text.index(MARK_END) + len(MARK_END) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv=None):
    config = parse_args(argv)
    for port in (config.port, config.redis_port):
        if not stack.port_is_free(port):
            sys.exit(f"{HOST}:{port} is in use; set BENCH_PORT / BENCH_REDIS_PORT.")
    stack.require_programs()
    stack.exit_on_sigterm()
    config.work.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    outcomes = [bench_size(config, size) for size in config.sizes]
    load = (load_before, os.getloadavg()[0])
    block = render(config, outcomes, stack.server_version(config.database_url), load=load)
    print(block)
    if config.write:
        write_report(block)
        say(f"Figures written to {REPORT.relative_to(ROOT)}.")


if __name__ == "__main__":
    main()
