"""The subscribe page (site_core/alerts) in Chromium at 375 px and 1280 px: it fits the
screen, axe finds nothing serious, and a visitor subscribes with the keyboard and mouse.
Screenshots go to the artifacts folder (alerts-subscribe-mobile.png, -desktop.png)."""

import pytest

from legal_docs.models import LegalDocumentIndexPage
from news.models import NewsCategory, NewsIndexPage
from site_core.alerts.models import SubscriptionRequest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_a_visitor_subscribes(page, live_server, browser_site, screenshot, axe, viewport):
    browser_site.add_child(instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban"))
    browser_site.add_child(instance=NewsIndexPage(title="Tin hoạt động", slug="tin-hoat-dong"))
    for number, name in enumerate(["Xây dựng Đảng", "Kinh tế – Xã hội", "Quốc phòng – An ninh"]):
        NewsCategory.objects.create(name=name, slug=f"chuyen-muc-{number}", live=True)

    page.goto(f"{live_server.url}/van-ban/")
    page.get_by_role("link", name="Nhận thư báo khi có văn bản mới").click()
    page.wait_for_url("**/dang-ky-nhan-tin/")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport_width(page)
    screenshot(page, f"alerts-subscribe-{viewport}")
    violations = axe(page)
    assert not violations, axe.format(violations)

    page.get_by_label("Địa chỉ thư điện tử").fill("nguoi.doc@example.vn")
    page.get_by_label("Xây dựng Đảng").check()
    page.get_by_role("button", name="Đăng ký").click()
    page.get_by_role("heading", name="Kiểm tra hộp thư của bạn").wait_for()
    assert SubscriptionRequest.objects.count() == 1
    assert "nguoi.doc@example.vn" not in page.content()


def viewport_width(page):
    return page.evaluate("document.documentElement.clientWidth")
