"""What visitors get: the demo portal in Chromium, page by page, at phone, tablet and desktop
widths, with axe-core, the main menu, search, the document register and the keyboard.

Each test starts from the demo portal: the live server needs a transactional database,
which is emptied after every test, so `demo` loads it again each time (seeded once per
session, then copied back: tests/demo_snapshot.py). The Vietnamese walk is one test and
the English one another. Page problems (axe violations, horizontal scroll) are
collected over the whole walk and reported together. Screenshots are kept in
artifacts/screenshots as visitor-<page>-<width>.png.
"""

import re
import time
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest

from django.conf import settings as django_settings
from django.core.cache import caches

from wagtail.models import Locale, Site

from history.models import HistoryIndexPage, HistoryPeriodPage
from home.models import HomePage
from legal_docs.models import DocumentType, LegalDocumentIndexPage, LegalDocumentPage
from news.models import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage
from org_structure.models import OrgChartPage, OrgUnitPage
from site_core.models import StandardPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (360, 768, 1280)
HEIGHT = 800


@pytest.fixture
def demo(transactional_db, settings, tmp_path, demo_snapshot):
    """The demo portal, its media in a temporary folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    demo_snapshot.load()
    for cache in caches.all(initialized_only=True):
        cache.clear()
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def visitor(page, live_server, demo):
    """The browser tab, with the seeded media served (live_server serves only static files)."""

    def serve_media(route):
        name = unquote(urlsplit(route.request.url).path)[len(django_settings.MEDIA_URL) :]
        file = (demo / name).resolve()
        if file.is_relative_to(demo.resolve()) and file.is_file():
            route.fulfill(path=file)
        else:
            route.fulfill(status=404)

    page.route(f"{live_server.url}{django_settings.MEDIA_URL}**", serve_media)
    page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
    return page


def live(model, language="vi", **filters):
    """The province's live pages of `model` (the demo's sub-portals have their own)."""
    pages = (
        model.objects.live()
        .public()
        .filter(locale=Locale.objects.get(language_code=language), **filters)
        .order_by("path")
    )
    for site in Site.objects.filter(is_default_site=False).select_related("root_page"):
        pages = pages.not_descendant_of(site.root_page, inclusive=True)
    return pages


def wait_until(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the page did not change in time"
        time.sleep(0.05)


def path(page):
    """The page's path: with sub-portals beside the province Wagtail's `url` is absolute."""
    return urlsplit(page.url).path


def vietnamese_pages():
    """{name: (url, expected status)} for every page type and route a visitor meets."""
    news = live(NewsIndexPage).get()
    article = live(NewsArticlePage).order_by("-date").first()
    tagged = live(NewsArticlePage).filter(tags__isnull=False).order_by("-date").first()
    tag = tagged.tags.first()
    return {
        "home": (path(live(HomePage).get()), 200),
        "history-index": (path(live(HistoryIndexPage).get()), 200),
        "history-period": (path(live(HistoryPeriodPage).first()), 200),
        "org-chart": (path(live(OrgChartPage).get()), 200),
        "org-unit": (path(live(OrgUnitPage).first()), 200),
        "news-index": (path(news), 200),
        "news-article": (path(article), 200),
        "news-year": (f"{path(news)}nam/{article.date.year}/", 200),
        "news-tag": (f"{path(news)}the/{quote(tag.slug)}/", 200),
        "event-index": (path(live(EventIndexPage).get()), 200),
        "event": (path(live(EventPage).first()), 200),
        "document-register": (path(live(LegalDocumentIndexPage).get()), 200),
        "document": (path(live(LegalDocumentPage).first()), 200),
        "standard-page": (path(live(StandardPage).first()), 200),
        "search-results": ("/tim-kiem/?q=nghi+quyet", 200),
        "not-found": ("/trang-khong-ton-tai/", 404),
    }


def walk(tab, pages, axe, screenshot):
    """Open each page; axe, screenshots at every width, no sideways scroll on a phone.

    Returns the problems found, one line each, so that one run reports every page.
    """
    problems = []
    for name, (url, status) in pages.items():
        tab.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
        response = tab.goto(url)
        if response.status != status:
            problems.append(f"{name} {url}: HTTP {response.status}, expected {status}")
            continue
        if not tab.locator("h1").first.inner_text().strip():
            problems.append(f"{name} {url}: no h1")
        # A full-page screenshot does not scroll, so lazy images below the fold would stay blank.
        tab.evaluate(LOAD_LAZY_IMAGES)
        for width in WIDTHS:
            tab.set_viewport_size({"width": width, "height": HEIGHT})
            if width == WIDTHS[0]:
                scroll, inner = tab.evaluate(
                    "[document.documentElement.scrollWidth, window.innerWidth]"
                )
                if scroll > inner:
                    wide = tab.evaluate(WIDEST_ELEMENTS)
                    problems.append(
                        f"{name} {url}: scrolls sideways at {width}px ({scroll} > {inner}): {wide}"
                    )
                violations = axe(tab)
                if violations:
                    problems.append(f"{name} {url} at {width}px:\n{axe.format(violations)}")
            screenshot(tab, f"visitor-{name}-{width}")
        violations = axe(tab)  # and once more at desktop width, where the layout differs
        if violations:
            problems.append(f"{name} {url} at {WIDTHS[-1]}px:\n{axe.format(violations)}")
    return problems


LOAD_LAZY_IMAGES = """async () => {
    const images = [...document.images];
    images.forEach((img) => { img.loading = "eager"; });
    const loaded = Promise.all(images.filter((img) => !img.complete).map(
        (img) => new Promise((done) => { img.onload = img.onerror = done; })));
    await Promise.race([loaded, new Promise((done) => setTimeout(done, 5000))]);
}"""

# The elements sticking out to the right, for the failure message.
WIDEST_ELEMENTS = """() => [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`)"""


def h1(tab):
    return tab.locator("h1").first.inner_text().strip()


def walk_main_menu(tab):
    """Click every main-menu link from the home page: each section answers with its h1."""
    home = tab.url
    links = tab.locator("nav.main-nav a.main-nav__link")
    names = [text.strip() for text in links.all_inner_texts()]
    assert len(names) >= 2, names
    for name in names[1:]:  # the first is the home page itself
        tab.goto(home)
        open_menu(tab)
        with tab.expect_navigation() as navigation:
            tab.locator("nav.main-nav").get_by_role("link", name=name, exact=True).click()
        assert navigation.value.status == 200, name
        assert h1(tab).startswith(name), name  # the chart adds its term ("... nhiệm kỳ 2025–2030")
        current = tab.locator("nav.main-nav a[aria-current]")
        assert current.count() == 1 and current.inner_text().strip() == name
    return names


def open_menu(tab):
    """On a phone the main menu is folded behind the menu button: open it."""
    toggle = tab.locator("button.menu-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()


def header_search(tab, query):
    """Type `query` in the header search box and submit with Enter: result titles."""
    tab.goto("/")
    box = tab.locator("#site-search")
    box.fill(query)
    with tab.expect_navigation():
        box.press("Enter")
    assert urlsplit(tab.url).path == "/tim-kiem/"
    assert parse_qs(urlsplit(tab.url).query)["q"] == [query]
    assert tab.locator("#search-q").input_value() == query
    return [
        re.sub(r"\s+", " ", title).strip()
        for title in tab.locator(".search-result__title").all_inner_texts()
    ]


def test_visitor_walks_the_vietnamese_portal(visitor, axe, screenshot):
    tab = visitor
    pages = vietnamese_pages()

    # 1. Home -> main menu -> every section, on a phone.
    tab.goto("/")
    sections = walk_main_menu(tab)
    assert sections[1:] == [
        "Lịch sử",
        "Cơ cấu tổ chức",
        "Tin hoạt động",
        "Sự kiện",
        "Văn bản",
        "Giới thiệu",
        "Liên hệ",
    ]

    # 2. Every page type: axe, screenshots at 360/768/1280, no sideways scroll at 360.
    problems = walk(tab, pages, axe, screenshot)
    assert problems == [], "\n".join(problems)

    # 3. Search from the header, with and without diacritics, and by document number.
    tab.set_viewport_size({"width": 1280, "height": HEIGHT})
    with_marks = header_search(tab, "nghị quyết")
    without_marks = header_search(tab, "nghi quyet")
    assert len(with_marks) >= 5
    assert with_marks[:5] == without_marks[:5]
    by_number = header_search(tab, "9-nq/tu")
    assert by_number[0].startswith("09-NQ/TU "), by_number[:3]
    screenshot(tab, "visitor-search-by-number-1280")

    # 4. The register's filter form: type and status, kept in the URL, obeyed by every row.
    register_url, _ = pages["document-register"]
    resolution = DocumentType.objects.get(name="Nghị quyết")
    tab.goto(register_url)
    tab.select_option("#id_type", label=f"{resolution.name} ({resolution.abbreviation})")
    tab.select_option("#id_status", label="Còn hiệu lực")
    with tab.expect_navigation():
        tab.get_by_role("button", name="Tra cứu").click()
    query = parse_qs(urlsplit(tab.url).query)
    assert query["type"] == [str(resolution.pk)]
    assert query["status"] == [LegalDocumentPage.STATUS_IN_FORCE]
    assert tab.locator("#id_type").input_value() == str(resolution.pk)
    assert tab.locator("#id_status").input_value() == LegalDocumentPage.STATUS_IN_FORCE
    resolutions = {doc.number_symbol for doc in live(LegalDocumentPage, document_type=resolution)}
    rows = tab.locator(".register-table tbody tr")
    shown = [text.strip() for text in rows.locator("th .doc-number").all_inner_texts()]
    assert shown, "the filter found no resolution in force"
    assert set(shown) <= resolutions, shown
    assert all(re.search(r"-NQ/", number) for number in shown), shown
    statuses = {text.strip() for text in rows.locator(".status").all_inner_texts()}
    assert statuses == {"Còn hiệu lực"}
    assert tab.locator(".filter-status").inner_text().startswith(f"Tìm thấy {len(shown)} ")
    screenshot(tab, "visitor-register-filtered-1280")

    # 5. Keyboard: the first Tab reaches the skip link, Enter moves focus to <main>,
    #    and a focused link shows an outline.
    tab.goto("/")
    tab.keyboard.press("Tab")
    skip = tab.evaluate(
        "(() => { const el = document.activeElement; const box = el.getBoundingClientRect();"
        " return {cls: el.className, href: el.getAttribute('href'), top: box.top,"
        " height: box.height}; })()"
    )
    assert skip["cls"] == "skip-link"
    assert skip["href"] == "#main-content"
    assert skip["top"] >= 0 and skip["height"] > 0  # visible once focused
    assert_focus_outline(tab)
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main-content"
    assert tab.evaluate("document.activeElement.tagName") == "MAIN"
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('main') !== null")
    assert tab.evaluate("document.activeElement.tagName") == "A"
    assert_focus_outline(tab)
    screenshot(tab, "visitor-keyboard-focus-1280")


def assert_focus_outline(tab):
    style = tab.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return {style: s.outlineStyle, width: parseFloat(s.outlineWidth),"
        " color: s.outlineColor}; })()"
    )
    assert style["style"] not in ("none", "hidden"), style
    assert style["width"] >= 2, style
    assert style["color"] not in ("transparent", "rgba(0, 0, 0, 0)"), style


def test_visitor_walks_the_english_portal(visitor, axe, screenshot):
    tab = visitor
    home = live(HomePage, "en").get()
    unit = live(OrgUnitPage, "en").first()
    assert path(home) == "/en/"

    tab.set_viewport_size({"width": 1280, "height": HEIGHT})
    tab.goto(path(home))
    assert tab.locator("html").get_attribute("lang") == "en"
    sections = walk_main_menu(tab)
    assert sections == [
        "Home",
        "History",
        "Organisation structure",
        "News",
        "Events",
        "Documents",
        "Introduction",
        "Contact",
    ]

    pages = {
        "en-home": (path(home), 200),
        "en-history-index": ("/en/history/", 200),
        "en-news-index": ("/en/news/", 200),
        "en-event-index": ("/en/events/", 200),
        "en-document-register": ("/en/documents/", 200),
        "en-org-unit": (path(unit), 200),
    }
    problems = walk(tab, pages, axe, screenshot)
    assert problems == [], "\n".join(problems)
    assert h1(tab).startswith(unit.title)


PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": HEIGHT}

# Top and bottom of the first element matching each selector, in CSS pixels from the top.
BOXES = """(selectors) => selectors.map((selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return [box.top + window.scrollY, box.bottom + window.scrollY];
})"""

# For a <select>: the widest option's text and the room the box gives it (its inner width
# less the arrow), measured with the select's own font.
SELECT_ROOM = """(select) => {
    const style = getComputedStyle(select);
    const canvas = document.createElement("canvas").getContext("2d");
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const widest = Math.max(...[...select.options].map((o) => canvas.measureText(o.text).width));
    const room = select.clientWidth - parseFloat(style.paddingLeft)
        - parseFloat(style.paddingRight) - 20;
    const box = select.getBoundingClientRect();
    return {widest, room, right: box.right, viewport: window.innerWidth};
}"""


def first_screen(tab, url, h1_selector, first_selector):
    """[h1 bottom, first result's top] of `url` at 360 × 740, scrolled to the top."""
    tab.set_viewport_size(PHONE)
    tab.goto(url)
    return tab.evaluate(BOXES, [h1_selector, first_selector])


def test_visitor_on_a_phone(visitor, browser, live_server, screenshot):
    """Issue 13: at 360 × 740 the header folds, the register's filters fold, and the first
    content of every listing and page is on the first screen; the details visitors saw
    twice (summaries, titles, the governing body) are shown once."""
    tab = visitor
    pages = vietnamese_pages()
    tab.set_viewport_size(PHONE)

    # 1. The menu button: a real button that folds the search box and the main menu.
    tab.goto(pages["news-article"][0])
    toggle = tab.get_by_role("button", name="Menu", exact=True)
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == "site-search-form main-menu"
    assert not tab.locator("#main-menu").is_visible()
    assert not tab.locator("#site-search").is_visible()
    header_height = tab.evaluate("document.querySelector('.site-header').offsetHeight")
    assert header_height <= 200, header_height  # was 420 px with the menu always open
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert tab.locator("#main-menu").is_visible() and tab.locator("#site-search").is_visible()
    screenshot(tab, "phone-menu-open-360")
    tab.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not tab.locator("#main-menu").is_visible()
    assert tab.evaluate("document.activeElement.classList.contains('menu-toggle')")
    # On a wide screen there is no button: the menu and search are always shown.
    tab.set_viewport_size(DESKTOP)
    assert not toggle.is_visible()
    assert tab.locator("#main-menu").is_visible() and tab.locator("#site-search").is_visible()

    # Without JavaScript the button stays hidden and the menu open.
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        no_js = context.new_page()
        no_js.goto(live_server.url + pages["news-article"][0])
        assert not no_js.locator("button.menu-toggle").is_visible()
        assert no_js.locator("#main-menu").is_visible()
        assert no_js.locator("#main-menu a").first.is_visible()
    finally:
        context.close()

    # 2. The first content is within the first screen (740 px) on a phone.
    checks = {
        "news-index": ("h1", ".site-main .card"),
        "news-article": ("h1", ".site-main h1"),
        "document-register": ("h1", ".register-table tbody tr"),
        "document": ("h1", ".site-main h1"),
        "event": ("h1", ".site-main h1"),
    }
    for name, (heading, first) in checks.items():
        h1_box, first_box = first_screen(tab, pages[name][0], heading, first)
        assert h1_box and first_box, name
        assert h1_box[1] <= PHONE["height"], f"{name}: h1 ends at {h1_box[1]} px"
        assert first_box[0] < PHONE["height"] - 40, f"{name}: first content at {first_box[0]} px"
        screenshot(tab, f"phone-first-screen-{name}-360")

    # 3. The register's filters: folded on a phone, open on a wide screen and when in use.
    register = pages["document-register"][0]
    filters = tab.locator("details.register-filters-box")
    tab.set_viewport_size(PHONE)
    tab.goto(register)
    assert filters.get_attribute("open") is None
    assert tab.locator("#id_type").is_hidden()
    tab.locator("summary.register-filters-box__summary").click()
    assert tab.locator("#id_type").is_visible()
    tab.goto(f"{register}?q=nghi+quyet")
    assert filters.get_attribute("open") is not None
    assert tab.locator("#id_q").input_value() == "nghi quyet"
    tab.set_viewport_size(DESKTOP)
    tab.goto(register)
    assert filters.get_attribute("open") is not None
    # Across the breakpoint (a tablet turned, a window resized) the same rule applies.
    # (Polled from Python: wait_for_function evaluates a string, which the CSP forbids.)
    tab.set_viewport_size(PHONE)
    wait_until(lambda: filters.get_attribute("open") is None)
    tab.set_viewport_size(DESKTOP)
    wait_until(lambda: filters.get_attribute("open") is not None)

    # 4. The sort box shows its whole choice at both widths.
    for size in (PHONE, DESKTOP):
        tab.set_viewport_size(size)
        tab.goto(register)
        if filters.get_attribute("open") is None:
            tab.locator("summary.register-filters-box__summary").click()
        room = tab.locator("#id_sort").evaluate(SELECT_ROOM)
        assert room["widest"] <= room["room"], (size, room)
        assert room["right"] <= room["viewport"], (size, room)

    # 5. Each register row gives its summary (trích yếu) once.
    summaries = {path(document): document.summary for document in live(LegalDocumentPage)}
    rows = tab.locator(".register-table tbody tr").all()
    assert rows
    for row in rows:
        summary = summaries[urlsplit(row.locator("th a").get_attribute("href")).path]
        assert summary and row.inner_text().lower().count(summary.lower()) == 1, row.inner_text()

    # 6. An event does not repeat its summary as its first paragraph.
    for event in live(EventPage):
        tab.goto(path(event))
        first_paragraph = tab.locator(".stream p").first
        if first_paragraph.count():
            assert first_paragraph.inner_text().strip() != event.summary.strip(), event.title

    # 7. One governing body in the footer; the home title is not doubled; a favicon.
    tab.goto(pages["home"][0])
    footer = tab.locator(".site-footer").inner_text()
    assert footer.count("Cơ quan chủ quản") == 1, footer
    portal_name = tab.locator(".brand__name").text_content().strip()
    assert tab.title() == portal_name, tab.title()
    icon = tab.locator("link[rel='icon']").get_attribute("href")
    response = tab.request.get(icon)
    assert response.status == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "<polygon" not in response.text()  # the emblem, not a generic star
