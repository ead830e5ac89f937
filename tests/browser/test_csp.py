"""The Content-Security-Policy in Chromium: visitor pages and the admin's page editor work
under it, with no violation reported by the browser (a policy that blocked the portal's own
script, or Wagtail's, would show up here)."""

import pytest

from django.contrib.auth import get_user_model
from django.test import Client

from news.models import NewsArticlePage, NewsIndexPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `(${event.sourceFile || location.href}:${event.lineNumber})`
    );
});
"""


def watch(tab):
    console = []
    tab.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    tab.add_init_script(LISTEN)
    return console


def violations(tab, console):
    return console + tab.evaluate("window.__cspViolations || []")


@pytest.fixture
def news(browser_site):
    index = browser_site.add_child(
        instance=NewsIndexPage(title="Tin hoạt động", slug="tin-hoat-dong", show_in_menus=True)
    )
    article = index.add_child(
        instance=NewsArticlePage(
            title="Hội nghị Ban Chấp hành Đảng bộ tỉnh",
            slug="hoi-nghi-ban-chap-hanh",
            sapo="Sáng nay, Tỉnh ủy tổ chức hội nghị.",
            body=[{"type": "paragraph", "value": "<p>Toàn văn tin hoạt động.</p>"}],
        )
    )
    return {"index": index, "article": article}


def test_visitor_pages_run_under_the_csp(page, news):
    console = watch(page)
    for url in ("/", news["index"].url, news["article"].url, "/tim-kiem/?q=hội"):
        response = page.goto(url)
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        assert violations(page, console) == [], url

    # The search suggestions script (a static file) runs and may fetch from the portal.
    with page.expect_response(lambda response: "/tim-kiem/goi-y/" in response.url):
        page.fill("#search-q", "hội nghị")
    page.wait_for_load_state("networkidle")
    assert violations(page, console) == []
    assert page.blocked_requests == []


def test_admin_page_editor_runs_under_the_csp(browser, live_server, news):
    user = get_user_model().objects.create_superuser("quantri", "quantri@example.org", "x")
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    console = watch(tab)
    try:
        for url in ("/admin/", f"/admin/pages/{news['article'].pk}/edit/", "/admin/images/"):
            response = tab.goto(url)
            assert response.status == 200, url
            tab.wait_for_load_state("networkidle")
            assert violations(tab, console) == [], url
        # The editor's own scripts ran: Draftail drew the body and the side panels work.
        tab.goto(f"/admin/pages/{news['article'].pk}/edit/")
        tab.wait_for_selector(".Draftail-Editor")
        tab.get_by_role("button", name="Kiểm tra").first.click()
        # The checks run axe and the content metrics in the preview frame (Wagtail's own
        # scripts there, under the same policy): the word count fills in.
        tab.wait_for_function(
            "() => /\\d/.test(document.querySelector('[data-content-word-count]')?.textContent)"
        )
        assert violations(tab, console) == []
        for frame in tab.frames:
            assert frame.evaluate("window.__cspViolations || []") == [], frame.url
    finally:
        context.close()
