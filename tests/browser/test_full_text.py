"""The reading view of a document's full text (toan-van/) in Chromium, at phone and desktop
widths: reached from the link beside the file on the document page, headings and
paragraphs in Vietnamese, no serious accessibility violation. A screenshot goes to the
artifacts folder (docs/screenshots/document-full-text.png keeps a copy)."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from legal_docs import document_text
from legal_docs.models import LegalDocumentIndexPage
from site_core.editorial.setup import BOARD, setup_portal
from tests import factories
from tests.browser import admin
from tests.test_document_text import docx_file

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "ban-bien-tap-2026"  # noqa: S105
PARAGRAPHS = [
    "NGHỊ QUYẾT",
    "về phát triển kinh tế biển bền vững đến năm 2030, tầm nhìn đến năm 2045",
    "Điều 1. Tập trung lãnh đạo phát triển kinh tế biển bền vững gắn với bảo đảm quốc "
    "phòng, an ninh; phát huy tiềm năng, lợi thế của tỉnh về cảng biển, du lịch biển và "
    "nuôi trồng, khai thác thủy sản.",
    "Điều 2. Các cấp ủy, tổ chức đảng, chính quyền các cấp xây dựng chương trình, kế hoạch "
    "thực hiện Nghị quyết; định kỳ hằng năm báo cáo Ban Thường vụ Tỉnh ủy.",
    "Điều 3. Nghị quyết có hiệu lực kể từ ngày ký.",
]


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_reading_view_from_the_document_page(
    page, live_server, browser_site, screenshot, axe, viewport
):
    register = browser_site.add_child(
        instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban")
    )
    document_page = factories.LegalDocumentPageFactory(
        parent=register,
        title="Nghị quyết về phát triển kinh tế biển bền vững",
        summary="Về phát triển kinh tế biển bền vững đến năm 2030, tầm nhìn đến năm 2045.",
    )
    document = factories.DocumentFactory(
        title="Nghị quyết 09-NQ/TU", content=docx_file(*PARAGRAPHS), filename="nq-09.docx"
    )
    factories.LegalDocumentAttachmentFactory(
        page=document_page, document=document, title="Toàn văn nghị quyết"
    )
    document_text.run(document.pk)

    page.goto(live_server.url + document_page.url)
    screenshot(page, f"document-page-full-text-link-{viewport}")
    page.get_by_role("link", name="Đọc toàn văn trên trang").click()
    page.wait_for_url("**/toan-van/**")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert "Nghị quyết về phát triển kinh tế biển" in page.locator("h1").inner_text()
    assert page.locator("h2", has_text="Toàn văn nghị quyết").count() == 1
    body = page.locator(".full-text__body p")
    assert body.count() == len(PARAGRAPHS)
    assert body.nth(2).inner_text().startswith("Điều 1. Tập trung lãnh đạo")
    screenshot(page, f"document-full-text-{viewport}")
    violations = axe(page)
    assert not violations, axe.format(violations)


def test_board_reads_the_failures_report(browser, live_server, browser_site, screenshot, axe):
    register = browser_site.add_child(
        instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban")
    )
    document_page = factories.LegalDocumentPageFactory(
        parent=register, title="Quyết định về công tác cán bộ"
    )
    broken = factories.DocumentFactory(
        title="Quyết định 12-QĐ/TU (bản lỗi)", content=b"%PDF-1.7 hong", filename="qd-12.pdf"
    )
    factories.LegalDocumentAttachmentFactory(page=document_page, document=broken)
    document_text.run(broken.pk)
    setup_portal()
    board = get_user_model().objects.create_user("bbt", "bbt@example.org", PASSWORD)
    board.groups.add(Group.objects.get(name=BOARD))

    tab = admin.log_in(browser, live_server, "bbt", PASSWORD)
    tab.get_by_text("Tệp văn bản chưa đọc được toàn văn").wait_for()
    assert "Có 1 tệp văn bản chưa đọc được nội dung" in " ".join(
        tab.locator("body").inner_text().split()
    )
    tab.get_by_role("link", name="Xem danh sách và đọc lại").click()
    tab.wait_for_url("**/reports/toan-van-tep/")
    table = tab.locator("table.listing").inner_text()
    assert "Quyết định 12-QĐ/TU (bản lỗi)" in table and "bị hỏng" in table
    screenshot(tab, "admin-document-text-failures")
    violations = axe(tab)
    assert not violations, axe.format(violations)
    tab.get_by_role("button", name="Đọc lại Quyết định 12-QĐ/TU (bản lỗi)").click()
    tab.get_by_text("Đã xếp tệp vào hàng đợi").wait_for()
    tab.context.close()
