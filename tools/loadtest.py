"""`make loadtest`: the production stack under load, with the cache server and the database
failing in the middle. Writes docs/reliability.md.

What it does (docs/reliability.md, "Method"):

1. A dedicated PostgreSQL database (portal_loadtest) is created, migrated and seeded with the
   demo portal (seed_demo under the dev settings, which refuses to run under production
   settings), then `setup_portal` and `collectstatic` run under the production settings.
2. A dedicated redis-server on its own port (6391) and gunicorn with the production settings
   and deploy/gunicorn.conf.py on 127.0.0.1:8071 are started. The machine's shared Redis
   (6379) and PostgreSQL cluster are never stopped.
3. Three runs of N concurrent clients (64) for D seconds (120) each, over a mix of visitor
   pages: a baseline; the cache server stopped for 30 s in the middle; every connection of
   the loadtest database terminated once in the middle (pg_terminate_backend, what the app
   sees of a database restart, without restarting the shared cluster).
4. Requests, errors by kind and p50/p99 go to docs/reliability.md; everything started is
   stopped.

The load generator is a small asyncio HTTP/1.1 client from the standard library. It only
ever connects to 127.0.0.1 and stops at the deadline or after LOADTEST_MAX_REQUESTS.

Environment (all optional): LOADTEST_DURATION (s, per run), LOADTEST_CLIENTS,
LOADTEST_OUTAGE (s the cache is down), LOADTEST_PORT, LOADTEST_REDIS_PORT,
LOADTEST_WORKERS (gunicorn), LOADTEST_DATABASE_URL (postgres://.../portal_loadtest),
LOADTEST_REUSE_DB=1 (keep an already seeded database), LOADTEST_MAX_REQUESTS,
LOADTEST_TIMEOUT (s per request), LOADTEST_WRITE=0 (do not write docs/reliability.md).
Options override them: --duration, --clients, --outage, --workers, --reuse-db, --no-write
(`python tools/loadtest.py --help`).
"""

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import datetime
from html import unescape
from pathlib import Path
from urllib.parse import quote

if __package__ in (None, ""):  # run as a script: python tools/loadtest.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import loadgen, stack  # noqa: E402

ROOT = stack.ROOT
PYTHON = stack.PYTHON
HOST = stack.HOST  # the only address this tool ever sends traffic to

DURATION = float(os.environ.get("LOADTEST_DURATION", "120"))
CLIENTS = int(os.environ.get("LOADTEST_CLIENTS", "64"))
OUTAGE = float(os.environ.get("LOADTEST_OUTAGE", "30"))
PORT = int(os.environ.get("LOADTEST_PORT", "8071"))
REDIS_PORT = int(os.environ.get("LOADTEST_REDIS_PORT", "6391"))
WORKERS = int(os.environ.get("LOADTEST_WORKERS", "5"))
DATABASE_URL = os.environ.get(
    "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_loadtest"
)
REUSE_DB = os.environ.get("LOADTEST_REUSE_DB", "") == "1"
MAX_REQUESTS = int(os.environ.get("LOADTEST_MAX_REQUESTS", "500000"))
# As nginx in front would wait (proxy_read_timeout 60 s, deploy/nginx/portal.conf).
TIMEOUT = float(os.environ.get("LOADTEST_TIMEOUT", "60"))
WRITE = os.environ.get("LOADTEST_WRITE", "1") != "0"
WORK = Path(os.environ.get("LOADTEST_WORKDIR", "/tmp/portal-loadtest"))  # noqa: S108 - own name, scratch only
REPORT = ROOT / "docs" / "reliability.md"


# --- the stack (tools/stack.py) and the load generator (tools/loadgen.py) -----------------

say = stack.sayer("loadtest")
kind = loadgen.kind
percentile = loadgen.percentile
port_is_free = stack.port_is_free
RedisServer = stack.RedisServer


def database_name():
    return stack.database_name(DATABASE_URL)


def database_exists():
    return stack.database_exists(DATABASE_URL)


def recreate_database():
    stack.recreate_database(DATABASE_URL, "loadtest")


def terminate_database_backends():
    return stack.terminate_database_backends(DATABASE_URL)


def base_env(settings):
    return stack.base_env(settings, DATABASE_URL, WORK)


def production_env():
    return stack.production_env(DATABASE_URL, WORK, PORT, REDIS_PORT, WORKERS)


def manage(settings, *args, env=None):
    stack.manage(env or base_env(settings), *args)


def prepare_database(env):
    if REUSE_DB and database_exists():
        say(f"Reusing database {database_name()} (LOADTEST_REUSE_DB=1).")
    else:
        say(f"Creating database {database_name()} and the demo portal (seed_demo, about a minute).")
        recreate_database()
        shutil.rmtree(WORK / "media", ignore_errors=True)
        manage("dev", "migrate", "--noinput", "--verbosity", "0")
        manage("dev", "seed_demo", "--verbosity", "0")
    manage("production", "migrate", "--noinput", "--verbosity", "0", env=env)
    manage("production", "setup_portal", "--verbosity", "0", env=env)
    manage("production", "collectstatic", "--noinput", "--verbosity", "0", env=env)


def start_gunicorn(env):
    return stack.start_gunicorn(env, PORT, WORK / "gunicorn.log")


stop_process = stack.stop_process


async def fetch(path, timeout=TIMEOUT):
    """GET http://127.0.0.1:PORT<path>; returns (status or error kind, seconds, body)."""
    status, seconds, body, _ = await loadgen.fetch(PORT, path, timeout)
    return status, seconds, body


async def drive(mix, duration, events=()):
    """CLIENTS clients request pages of `mix` (label, path, weight) until the deadline.
    `events` are (second, coroutine function) run during the run (the faults)."""
    return await loadgen.drive(
        mix,
        duration,
        port=PORT,
        clients=CLIENTS,
        timeout=TIMEOUT,
        max_requests=MAX_REQUESTS,
        events=events,
    )


# --- the visitor pages ---------------------------------------------------------------------

DISCOVER = """
import json
from history.models import HistoryIndexPage
from home.models import HomePage
from legal_docs.models import LegalDocumentIndexPage, LegalDocumentPage
from news.models import NewsArticlePage, NewsIndexPage
from org_structure.models import OrgChartPage

def path(model):
    page = model.objects.live().public().filter(locale__language_code="vi").order_by("path").first()
    return page.get_url_parts()[2] if page else None

print(json.dumps({
    "home": path(HomePage), "news": path(NewsIndexPage), "article": path(NewsArticlePage),
    "register": path(LegalDocumentIndexPage), "legal": path(LegalDocumentPage),
    "orgchart": path(OrgChartPage), "history": path(HistoryIndexPage),
}))
"""


def discover_pages(env):
    output = subprocess.run(  # noqa: S603 - this project's manage.py, fixed arguments
        [PYTHON, "manage.py", "shell", "-c", DISCOVER],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


async def build_mix(env):
    pages = discover_pages(env)
    missing = [name for name, value in pages.items() if not value]
    if missing:
        raise RuntimeError(f"the demo portal has no live page for: {', '.join(missing)}")
    _, _, register_html = await fetch(pages["register"])
    register_html = register_html.decode("utf-8", "replace")
    filters = {name: loadgen.first_option(register_html, name) for name in ("type", "year")}
    query = "&".join(f"{name}={quote(value)}" for name, value in filters.items() if value)
    _, _, legal_html = await fetch(pages["legal"])
    documents = re.findall(r'href="(/documents/\d+/[^"]+)"', legal_html.decode("utf-8", "replace"))
    if not documents:
        raise RuntimeError(f"no document link on {pages['legal']}")
    # (label, path, weight): weights roughly as visitors spread over a party portal.
    return [
        ("Trang chủ", pages["home"], 20),
        ("Tin hoạt động", pages["news"], 12),
        ("Bài tin", pages["article"], 20),
        ("Sổ văn bản, lọc", f"{pages['register']}?{query}", 8),
        ("Một văn bản", pages["legal"], 6),
        ("Tệp văn bản", unescape(documents[0]), 5),
        ("Tìm kiếm", "/tim-kiem/?q=" + quote("nghị quyết"), 8),
        ("Sơ đồ tổ chức", pages["orgchart"], 5),
        ("Lịch sử", pages["history"], 5),
        ("RSS tin", "/rss/tin-hoat-dong/", 4),
        ("Atom văn bản", "/atom/van-ban/", 2),
        ("sitemap.xml", "/sitemap.xml", 2),
        ("Trang không có (404)", "/khong-co-trang-nay/", 3),
    ]


# --- figures -------------------------------------------------------------------------------


def summarise(results, elapsed, window=None):
    """Counts and latencies; `window` (start, end) adds the same for requests started in it."""

    def figures(rows):
        kinds = Counter(row[2] for row in rows)
        # The 404 row of the mix is expected: it counts as 4xx but is not an error.
        expected_404 = sum(1 for row in rows if row[1].endswith("(404)") and row[4] == 404)
        ms = [row[3] * 1000 for row in rows]
        return {
            "requests": len(rows),
            "ok": kinds["ok"],
            "5xx": kinds["5xx"],
            "4xx": kinds["4xx"],
            "4xx_unexpected": kinds["4xx"] - expected_404,
            "connection": kinds["connection"],
            "timeout": kinds["timeout"],
            "p50": percentile(ms, 0.50),
            "p99": percentile(ms, 0.99),
            "max": max(ms) if ms else float("nan"),
        }

    summary = figures(results)
    summary["rps"] = len(results) / elapsed if elapsed else 0
    summary["elapsed"] = elapsed
    if window:
        summary["window"] = figures([r for r in results if window[0] <= r[0] < window[1]])
    per_page = {}
    for label in dict.fromkeys(row[1] for row in results):
        rows = [row for row in results if row[1] == label]
        per_page[label] = figures(rows)
    summary["pages"] = per_page
    statuses = Counter(row[4] for row in results if kind(row[4]) not in {"ok"})
    summary["statuses"] = {str(k): v for k, v in statuses.most_common()}
    return summary


def logged_problems():
    """What the app logged: answers it turned into 500 ("Internal Server Error: /path"),
    cache errors django-redis ignored ("Exception ignored", pages then rendered uncached),
    workers gunicorn killed for hanging, reads retried after a lost database connection."""
    log = WORK / "gunicorn.log"
    found = Counter()
    if log.exists():
        for line in log.read_text(errors="replace").splitlines():
            if "Internal Server Error:" in line:
                found["500 logged by Django"] += 1
            elif line.startswith("Exception ignored"):
                found["cache error ignored (django-redis)"] += 1
            elif "WORKER TIMEOUT" in line:
                found["gunicorn worker timeout"] += 1
            elif "Database connection lost during" in line:
                found[
                    "read retried on a new database connection (site_core.operations.db_retry)"
                ] += 1
    return found


# --- the runs ------------------------------------------------------------------------------


async def run_all(env, redis):
    mix = await build_mix(env)
    say("Warm-up: each page once.")
    for label, path, _ in mix:
        status, seconds, _ = await fetch(path, timeout=120)
        say(f"  {status} {seconds * 1000:7.0f} ms  {label}: {path}")
        if kind(status) not in {"ok", "4xx"} or (kind(status) == "4xx" and "(404)" not in label):
            raise RuntimeError(f"{label} ({path}) answered {status} before any fault")

    middle = DURATION / 2
    runs = []

    say(f"Run 1/3: baseline, {CLIENTS} clients, {DURATION:.0f} s.")
    results, elapsed = await drive(mix, DURATION)
    runs.append(("Bình thường", summarise(results, elapsed), "—"))

    outage_start = max(0.0, middle - OUTAGE / 2)
    notes = {}

    async def stop_cache(offset):
        redis.stop()
        notes["stopped"] = offset
        say(f"  t={offset:.1f} s: cache server stopped")

    async def start_cache(offset):
        await asyncio.to_thread(redis.start)
        notes["started"] = offset
        say(f"  t={offset:.1f} s: cache server started again")

    say(f"Run 2/3: cache server stopped for {OUTAGE:.0f} s in the middle.")
    results, elapsed = await drive(
        mix, DURATION, events=[(outage_start, stop_cache), (outage_start + OUTAGE, start_cache)]
    )
    fault = (
        f"redis-server dừng ở giây {notes['stopped']:.0f}, chạy lại ở giây {notes['started']:.0f}"
    )
    runs.append(
        (
            "Máy chủ bộ nhớ đệm dừng",
            summarise(results, elapsed, (notes["stopped"], notes["started"])),
            fault,
        )
    )

    async def kill_connections(offset):
        count = await asyncio.to_thread(terminate_database_backends)
        notes["terminated"] = (offset, count)
        say(f"  t={offset:.1f} s: {count} database connections terminated")

    say("Run 3/3: every database connection terminated once in the middle.")
    results, elapsed = await drive(mix, DURATION, events=[(middle, kill_connections)])
    offset, count = notes["terminated"]
    fault = f"giây {offset:.0f}: ngắt {count} kết nối của CSDL (pg_terminate_backend)"
    runs.append(("CSDL khởi động lại", summarise(results, elapsed, (offset, offset + 10)), fault))
    return mix, runs


def fmt(value):
    return "—" if value != value else f"{value:.0f}"  # NaN -> dash


def report(mix, runs, exceptions):
    now = datetime.now().astimezone()
    lines = [
        "<!-- loadtest:start -->",
        f"Chạy lúc {now:%d/%m/%Y %H:%M %Z} trên {platform.node()} ({os.cpu_count()} lõi CPU, "
        f"dùng chung với các tiến trình khác), Python {platform.python_version()}: "
        f"{CLIENTS} máy khách đồng thời, {DURATION:.0f} s mỗi lượt, gunicorn {WORKERS} worker "
        f"đồng bộ, PostgreSQL và Redis trên cùng máy, không có nginx.",
        "",
        "| lượt | sự cố | yêu cầu | yêu cầu/s | 5xx | 4xx ngoài dự kiến | lỗi kết nối "
        "| quá hạn | p50 ms | p99 ms | tối đa ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, s, fault in runs:
        lines.append(
            f"| {name} | {fault} | {s['requests']} | {s['rps']:.1f} | {s['5xx']} "
            f"| {s['4xx_unexpected']} | {s['connection']} | {s['timeout']} | {fmt(s['p50'])} "
            f"| {fmt(s['p99'])} | {fmt(s['max'])} |"
        )
    lines += [
        "",
        "Trong lúc có sự cố (các yêu cầu bắt đầu trong khoảng đó: lượt 2 suốt thời gian Redis "
        "dừng, lượt 3 trong 10 giây sau khi ngắt kết nối CSDL):",
        "",
        "| lượt | yêu cầu | 5xx | 4xx ngoài dự kiến | lỗi kết nối | quá hạn | p50 ms | p99 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, s, _ in runs:
        w = s.get("window")
        if w:
            lines.append(
                f"| {name} | {w['requests']} | {w['5xx']} | {w['4xx_unexpected']} "
                f"| {w['connection']} | {w['timeout']} | {fmt(w['p50'])} | {fmt(w['p99'])} |"
            )
    lines += ["", "Theo trang, lượt bình thường (p50 / p99 ms, số yêu cầu):", ""]
    lines += ["| trang | đường dẫn | yêu cầu | mã trả về khác 2xx/3xx | p50 ms | p99 ms |"]
    lines += ["|---|---|---|---|---|---|"]
    paths = {label: path for label, path, _ in mix}
    for label, p in runs[0][1]["pages"].items():
        other = p["requests"] - p["ok"]
        lines.append(
            f"| {label} | `{paths[label]}` | {p['requests']} | {other} | {fmt(p['p50'])} "
            f"| {fmt(p['p99'])} |"
        )
    statuses = "; ".join(
        f"{name}: " + (", ".join(f"{k} × {v}" for k, v in s["statuses"].items()) or "không có")
        for name, s, _ in runs
    )
    lines += ["", f"Mã trả về ngoài 2xx/3xx (kể cả 404 dự kiến): {statuses}."]
    logged = (
        ", ".join(f"{name} × {count}" for name, count in exceptions.most_common()) or "không có"
    )
    lines += [f"Nhật ký của gunicorn (cả ba lượt): {logged}.", "<!-- loadtest:end -->"]
    return "\n".join(lines)


def write_report(block):
    text = (
        REPORT.read_text()
        if REPORT.exists()
        else "# Reliability\n\n<!-- loadtest:start -->\n<!-- loadtest:end -->\n"
    )
    start, end = "<!-- loadtest:start -->", "<!-- loadtest:end -->"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    REPORT.write_text(text)


def parse_args(argv=None):
    """Options mirroring the LOADTEST_* environment variables (which give their defaults)."""
    parser = argparse.ArgumentParser(
        prog="tools/loadtest.py",
        description="make loadtest: the production stack (gunicorn, PostgreSQL, Redis) under "
        "load, with the cache server and the database failing in the middle; writes "
        "docs/reliability.md. Options override the LOADTEST_* environment variables.",
    )
    parser.add_argument(
        "--duration", type=float, default=DURATION, help="seconds per run (LOADTEST_DURATION)"
    )
    parser.add_argument(
        "--clients", type=int, default=CLIENTS, help="concurrent clients (LOADTEST_CLIENTS)"
    )
    parser.add_argument(
        "--outage", type=float, default=OUTAGE, help="seconds the cache is down (LOADTEST_OUTAGE)"
    )
    parser.add_argument(
        "--workers", type=int, default=WORKERS, help="gunicorn workers (LOADTEST_WORKERS)"
    )
    parser.add_argument(
        "--reuse-db",
        action="store_true",
        default=REUSE_DB,
        help="keep an already seeded database (LOADTEST_REUSE_DB=1)",
    )
    parser.add_argument(
        "--no-write",
        action="store_true",
        default=not WRITE,
        help="do not write docs/reliability.md (LOADTEST_WRITE=0)",
    )
    return parser.parse_args(argv)


def main(argv=None):
    global DURATION, CLIENTS, OUTAGE, WORKERS, REUSE_DB, WRITE
    args = parse_args(argv)
    DURATION, CLIENTS, OUTAGE, WORKERS = args.duration, args.clients, args.outage, args.workers
    REUSE_DB, WRITE = args.reuse_db, not args.no_write
    for port in (PORT, REDIS_PORT):
        if not port_is_free(port):
            sys.exit(f"{HOST}:{port} is in use; set LOADTEST_PORT / LOADTEST_REDIS_PORT.")
    if not shutil.which("redis-server"):
        sys.exit("redis-server is needed (apt-get install redis-server).")
    WORK.mkdir(parents=True, exist_ok=True)
    env = production_env()
    prepare_database(env)
    redis = RedisServer(REDIS_PORT)
    gunicorn = None
    try:
        redis.start()
        gunicorn = start_gunicorn(env)
        mix, runs = asyncio.run(run_all(base_env("dev"), redis))
    finally:
        stop_process(gunicorn)
        redis.stop()
        say("gunicorn and the load test's redis-server stopped.")
    exceptions = logged_problems()
    block = report(mix, runs, exceptions)
    print(block)
    if WRITE:
        write_report(block)
        say(f"Figures written to {REPORT.relative_to(ROOT)}.")
    if any(s["5xx"] for _, s, _ in runs):
        say("5xx answers seen: see the table and /tmp/portal-loadtest/gunicorn.log.")
        sys.exit(1)


if __name__ == "__main__":
    main()
