"""The home page's hierarchy in Chromium at 360 and 1280 px (issue 13): a lead story with
its picture, the documents within the first screens of a phone, no story twice, columns of
about the same height on a wide screen, no empty block (the English home, a home with
nothing yet), and the header's top band on one line on a phone.

The demo portal is seeded once for the province's, a sub-portal's and the English home.
"""

from urllib.parse import urlsplit

import pytest

from wagtail.models import Site

from tests.browser import test_visitor

# The visitor walk's fixtures: the seeded demo portal, its media served to the tab.
demo = test_visitor.demo
visitor = test_visitor.visitor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# At 360 px the newest documents start within this many pixels: two and a half screens
# (they started at 6,159 px, after every news list).
DOCUMENTS_WITHIN = 1850
# At 1280 px the two columns of the top end within this many pixels of each other (the
# right one ended 2,700 px above the left).
COLUMNS_WITHIN = 400

# What a home shows, read in the browser: the links of every story (visible titles of
# cards in <main>, as path@host), the top of the documents and the latest news, the bottoms
# of the two columns' contents, and the blocks that show nothing but their heading.
LAYOUT = """() => {
    const main = document.querySelector("main");
    const top = (selector) => {
        const el = document.querySelector(selector);
        return el ? el.getBoundingClientRect().top + window.scrollY : null;
    };
    // The bottom of what `selector` holds: its blocks are stretched by the grid, their
    // contents are not.
    const contentBottom = (selectors) => {
        let bottom = null;
        for (const selector of selectors) {
            for (const el of document.querySelectorAll(`${selector} *`)) {
                const box = el.getBoundingClientRect();
                if (box.height > 0) bottom = Math.max(bottom ?? 0, box.bottom + window.scrollY);
            }
        }
        return bottom;
    };
    const visible = (el) => el.getClientRects().length > 0;
    const stories = [...main.querySelectorAll(".card__title a")].filter(visible)
        .map((a) => new URL(a.href).pathname + "@" + new URL(a.href).host);
    // The welcome is the page's h1: a heading alone is what it is.
    const empty = [...main.querySelectorAll("section:not(:has(h1))")].filter((section) => {
        const heading = section.querySelector("h2");
        const text = section.innerText.replace(heading ? heading.innerText : "", "").trim();
        return !text;
    }).map((section) => section.getAttribute("aria-labelledby") || section.className);
    const band = document.querySelector(".site-header__top-inner");
    return {
        stories,
        empty,
        emptyNotes: [...main.querySelectorAll(".empty")].map((el) => el.innerText),
        documents: top("#documents-heading"),
        latest: top("#latest-heading"),
        left: contentBottom([".home-top__lead", ".home-top__latest"]),
        right: contentBottom([".home-top__side", ".home-top__linked"]),
        leadPicture: [...document.querySelectorAll(".card--lead .card__media img")]
            .filter((img) => img.complete && img.naturalWidth > 0).length,
        categoryPictures: [...document.querySelectorAll(".category-block")].map(
            (block) => !!block.querySelector("li:first-child .card__media img")),
        bandHeight: band ? band.getBoundingClientRect().height : null,
        bandItems: band ? [...band.children].map((el) => el.getBoundingClientRect().top) : [],
        scrollWidth: document.documentElement.scrollWidth,
    };
}"""


def layout(tab, url, size):
    tab.set_viewport_size(size)
    response = tab.goto(url)
    assert response.status == 200, url
    tab.evaluate(test_visitor.LOAD_LAZY_IMAGES)
    return tab.evaluate(LAYOUT)


def repeated(stories):
    return sorted({story for story in stories if stories.count(story) > 1})


def assert_home(tab, url, axe, screenshot, name):
    """The rules every home keeps at both widths; returns the layouts {width: layout}."""
    found = {}
    for size in (PHONE, DESKTOP):
        shown = found[size["width"]] = layout(tab, url, size)
        where = f"{name} at {size['width']} px"
        assert repeated(shown["stories"]) == [], where
        assert shown["empty"] == [] and shown["emptyNotes"] == [], (where, shown)
        assert shown["scrollWidth"] <= size["width"], where
        # The header's top band: the organisation and the languages on one line.
        tops = shown["bandItems"]
        assert not tops or max(tops) - min(tops) < 8, (where, tops)
        assert shown["bandHeight"] <= 40, (where, shown["bandHeight"])
        violations = axe(tab)
        assert violations == [], f"{where}:\n{axe.format(violations)}"
        screenshot(tab, f"home-layout-{name}-{size['width']}")
    return found


def test_the_homes_hierarchy_at_360_and_1280(visitor, live_server, axe, screenshot):
    tab = visitor

    # The province: a lead story with its picture, the documents early on a phone, the
    # columns even on a wide screen, every category block led by a picture.
    province = assert_home(tab, "/", axe, screenshot, "province")
    phone, desktop = province[360], province[1280]
    assert len(phone["stories"]) >= 20, phone["stories"]  # headlines, latest, categories
    assert set(phone["stories"]) == set(desktop["stories"])
    assert phone["leadPicture"] == 1 and desktop["leadPicture"] == 1
    assert phone["documents"] is not None and phone["documents"] < DOCUMENTS_WITHIN, phone
    assert phone["documents"] < phone["latest"]
    assert desktop["categoryPictures"] and all(desktop["categoryPictures"]), desktop
    assert abs(desktop["left"] - desktop["right"]) <= COLUMNS_WITHIN, desktop

    # A sub-portal: its own stories once, and the province's beside them.
    ward = Site.objects.get(hostname="phuong-tran-bien.localhost")
    port = urlsplit(live_server.url).port
    # The tab's context lets only the live server's host through: a new one for this host
    # (pictures are not served there: the layout, not the media).
    context = tab.context.browser.new_context(base_url=f"http://{ward.hostname}:{port}")
    try:
        ward_tab = context.new_page()
        ward_home = assert_home(ward_tab, "/", axe, screenshot, "sub-portal")
        hosts = {story.split("@")[1] for story in ward_home[1280]["stories"]}
        assert hosts == {f"{ward.hostname}:{port}", f"localhost:{port}"}, hosts
        desktop = ward_home[1280]
        assert abs(desktop["left"] - desktop["right"]) <= 2 * COLUMNS_WITHIN, desktop
    finally:
        context.close()

    # The demo's English home lists its own English documents and news (checked above for
    # repeats and empty blocks like the others); a home without any is the next test.
    english = assert_home(tab, "/en/", axe, screenshot, "english")
    assert english[1280]["documents"] is not None


def test_a_home_with_nothing_yet_shows_no_empty_block(page, browser_site, axe, screenshot):
    for size in (PHONE, DESKTOP):
        shown = layout(page, "/", size)
        assert shown["stories"] == [] and shown["empty"] == [] and shown["emptyNotes"] == []
        assert page.locator("main section").count() == 1  # the welcome alone
        assert axe(page) == []
        screenshot(page, f"home-layout-empty-{size['width']}")
