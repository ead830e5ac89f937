"""What a visitor sees at a withdrawn article's address and through a review link
(issue 14, parts 7 and 5): readable at phone and desktop widths, no serious axe finding."""

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from site_core.editorial.models import PageWithdrawal
from site_core.editorial.review_links import create_link
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PUBLIC_REASON = "Bài có thông tin chưa chính xác, Ban biên tập gỡ để đính chính."


@pytest.fixture
def news_index(browser_site):
    return factories.NewsIndexPageFactory(parent=browser_site)


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_withdrawn_article_notice(page, news_index, axe, screenshot, viewport):
    article = factories.NewsArticlePageFactory(
        parent=news_index, title="Hội nghị tổng kết công tác tuyên giáo năm 2026"
    )
    article.save_revision().publish()
    url = article.url
    article.unpublish()
    PageWithdrawal.objects.create(
        page=article,
        title=article.title,
        public_reason=PUBLIC_REASON,
        withdrawn_at=timezone.now(),
    )
    response = page.goto(url)
    assert response.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.locator(".withdrawn-notice")).to_contain_text("Đã gỡ bỏ ngày")
    expect(page.locator(".withdrawn-notice")).to_contain_text(PUBLIC_REASON)
    assert page.blocked_requests == []
    screenshot(page, f"withdrawn-notice-{viewport}")
    violations = axe(page)
    assert violations == [], axe.format(violations)


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_review_link_banner(page, news_index, axe, screenshot, viewport):
    draft = factories.NewsArticlePageFactory(
        parent=news_index, title="Bài phát biểu của đồng chí Bí thư (chờ duyệt)", live=False
    )
    draft.save_revision()
    _link, token = create_link(draft, None, "Đồng chí Phó Bí thư", 3)
    response = page.goto(f"/xem-duyet/{token}/")
    assert response.status == 200
    expect(page.locator(".review-banner")).to_contain_text("BẢN NHÁP, CHƯA ĐĂNG")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bài phát biểu")
    screenshot(page, f"review-link-{viewport}")
    violations = axe(page)
    assert violations == [], axe.format(violations)
