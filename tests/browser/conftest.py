"""Browser tests: Playwright driving the system Chromium against pytest-django's live_server.

- `browser` (session): headless Chromium from /usr/bin/chromium (`playwright install`
  cannot download browsers here). Tests marked `@pytest.mark.browser` are skipped, with
  the reason, only when that binary is missing (`make browser-deps` installs it).
- `page`: a fresh context and tab per test, sized by the `viewport` fixture ("mobile",
  "tablet", "desktop" or a {"width", "height"} dict); override it with
  `@pytest.mark.parametrize("viewport", ["mobile", "desktop"])`. Requests to any host
  other than the live server are aborted and listed in `page.blocked_requests`: the
  portal must not need third-party assets.
- `screenshot(page, name)`: saves a full-page PNG under $ARTIFACTS_DIR (default
  artifacts/screenshots, git-ignored); a failing test saves one automatically.
- `axe(page)`: runs axe-core (node_modules/axe-core, `npm ci --no-audit --no-fund`) and
  returns the serious and critical violations.
- `browser_site`: a minimal portal (home page, default site, settings) for live_server.

live_server needs a transactional database: mark tests
`@pytest.mark.django_db(transaction=True, serialized_rollback=True)` (see `pytestmark`
in test_smoke.py) so that each starts from the rows the migrations created;
`restore_migrated_rows` puts them back after the last one, for the next --reuse-db run.
"""

import json
import os
import re
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse
# ORM calls made by the test while a browser is open.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
VIEWPORTS = {
    "mobile": {"width": 375, "height": 812},
    "tablet": {"width": 768, "height": 1024},
    "desktop": {"width": 1280, "height": 800},
}
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_IMPACTS = ("serious", "critical")
ALLOWED_SCHEMES = ("data", "blob", "about")


def artifacts_dir():
    path = Path(os.environ.get("ARTIFACTS_DIR", REPO_ROOT / "artifacts" / "screenshots"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"Chromium không có tại {CHROMIUM}: chạy `make browser-deps` để cài."
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the item so that `page` can screenshot failures.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def content_types_first(serialized):
    """Content types before the rows that look them up while loading (Wagtail tasks)."""
    rows = json.loads(serialized)
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    return json.dumps(rows)


@pytest.fixture(scope="session", autouse=True)
def restore_migrated_rows(django_db_setup, django_db_blocker):
    """Put back what the migrations created once the browser tests are done.

    A transactional test ends with a flush, and serialized_rollback only reloads the
    rows at the start of the next such test. With --reuse-db the next session would
    otherwise start from an empty database (no root page, locales or site).
    """
    yield
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connections

    from wagtail.models import Locale

    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            contents = getattr(connection, "_test_serialized_contents", None)
            if not contents or Locale.objects.using(connection.alias).exists():
                continue
            # Start from empty tables: code run after the last flush may have added rows.
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                database=connection.alias,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(content_types_first(contents))
            # The rows came back with their ids: move the sequences past them.
            statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


def wait_for_live_server_requests(timeout=10.0):
    """Wait until no live-server thread is still answering a request."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = [t for t in threading.enumerate() if "process_request_thread" in t.name]
        if not busy:
            return
        time.sleep(0.05)


@pytest.fixture(autouse=True)
def settle_before_flush(request):
    """Close every browser page and let the live server go quiet before the test's flush.

    A request still running (an admin autosave, a late image) holds table locks that
    deadlock with the TRUNCATE of the transactional test's teardown.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")  # set up first, so torn down after us
    yield
    if "browser" in request.fixturenames:
        for context in list(request.getfixturevalue("browser").contexts):
            context.close()
    wait_for_live_server_requests()


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from playwright.sync_api import sync_playwright

    from django.db import connections

    # Playwright's sync API runs an asyncio loop in this thread; from then on asgiref keeps
    # Django's connections per context, and the tests get new connection objects without
    # the migrated rows that serialized_rollback reloads before each test. Carry them over.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def viewport():
    return "desktop"


def _block_foreign_hosts(live_host, blocked):
    def handle(route):
        url = route.request.url
        scheme = url.split(":", 1)[0]
        if scheme in ALLOWED_SCHEMES or urlsplit(url).netloc == live_host:
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    return handle


@pytest.fixture
def page(request, browser, viewport, live_server):
    size = VIEWPORTS[viewport] if isinstance(viewport, str) else viewport
    context = browser.new_context(
        viewport=size,
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        base_url=live_server.url,
        service_workers="block",
    )
    blocked = []
    context.route("**/*", _block_foreign_hosts(urlsplit(live_server.url).netloc, blocked))
    tab = context.new_page()
    tab.blocked_requests = blocked  # URLs on other hosts the page tried to load
    tab.set_default_timeout(15_000)
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        save_screenshot(tab, f"FAILED-{request.node.nodeid}")
    context.close()


def save_screenshot(tab, name):
    filename = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")[:150] or "screenshot"
    path = artifacts_dir() / f"{filename}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def screenshot(request):
    """screenshot(page, "name") -> Path of a full-page PNG in the artifacts folder."""

    def take(tab, name=None):
        return save_screenshot(tab, name or request.node.name)

    return take


class Axe:
    """axe(page) -> serious and critical violations; axe.format(violations) for messages."""

    def __init__(self, script):
        self.script = script

    def __call__(self, tab, context=None, options=None):
        # Loaded as a file from the page's own origin: the Content-Security-Policy allows no
        # inline script, which add_script_tag(path=...) would insert.
        url = f"{urlsplit(tab.url).scheme}://{urlsplit(tab.url).netloc}/__axe__/axe.min.js"
        if getattr(tab, "axe_url", None) != url:
            tab.route(
                url,
                lambda route: route.fulfill(path=str(self.script), content_type="text/javascript"),
            )
            tab.axe_url = url
        tab.add_script_tag(url=url)
        result = tab.evaluate(
            "async ([context, options]) => await axe.run(context || document, options || {})",
            [context, options],
        )
        return [item for item in result["violations"] if item["impact"] in AXE_IMPACTS]

    @staticmethod
    def format(violations):
        lines = []
        for violation in violations:
            lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
            lines += [f"    {node['target']}" for node in violation["nodes"][:5]]
        return "\n".join(lines)


@pytest.fixture
def axe():
    if not AXE_SCRIPT.exists():
        pytest.fail(
            f"Thiếu {AXE_SCRIPT.relative_to(REPO_ROOT)}: chạy `npm ci --no-audit --no-fund`."
        )
    return Axe(AXE_SCRIPT)


@pytest.fixture
def browser_site(transactional_db):
    """A minimal portal on the default Site, whatever an earlier flush left behind.

    A transactional test starts from the migrated rows, or from an empty database when
    another transactional test without serialized_rollback ran before it.
    """
    from django.core.cache import caches

    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from site_core.models import PortalSettings

    Locale.objects.get_or_create(language_code="vi")
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", locale=Locale.get_default()))
    home = root.add_child(
        instance=HomePage(
            title="Trang chủ",
            # Unique: rows left by an interrupted run must not clash (the slug is not in URLs).
            slug=f"trang-chu-{uuid.uuid4().hex[:8]}",
            hero_heading="Cổng thông tin điện tử Đảng bộ tỉnh",
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Cổng thông tin điện tử Đảng bộ tỉnh"
    site.save()
    settings, _ = PortalSettings.objects.get_or_create(site=site)
    settings.portal_name = "Cổng thông tin điện tử Đảng bộ tỉnh"
    settings.save()
    for cache in caches.all(initialized_only=True):
        cache.clear()
    return home
