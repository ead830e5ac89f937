"""Share links on an article: accessible names, no third-party requests, copy button."""

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def article(browser_site):
    news_index = factories.NewsIndexPageFactory(parent=browser_site)
    return factories.NewsArticlePageFactory(
        parent=news_index, title="Hội nghị Ban Chấp hành Đảng bộ tỉnh"
    )


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_share_links_on_an_article(page, article, axe, screenshot, live_server, viewport):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(article.url)

    share = page.locator(".share-links")
    for name in ("Facebook", "Zalo", "X (Twitter)", "thư điện tử"):
        link = share.get_by_role("link", name=name)
        assert link.count() == 1, name
    facebook = share.get_by_role("link", name="Facebook").get_attribute("href")
    assert facebook.startswith("https://www.facebook.com/sharer/sharer.php?u=http")
    assert page.blocked_requests == []

    copy = share.get_by_role("button", name="Sao chép liên kết")
    copy.click()
    expect(page.locator("[data-copy-status]")).to_have_text("Đã sao chép liên kết.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(article.url)

    screenshot(page, f"share-links-{viewport}")
    violations = axe(page)
    assert violations == [], axe.format(violations)
