"""'Nhập sổ văn bản' in Chromium at 1280 px: an editor uploads an Excel register and its
files, reads the report (one row refused with its reason) and confirms; the documents are
drafts. A screenshot of the report goes to the artifacts folder
(docs/screenshots/admin-import-register.png keeps a copy)."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from legal_docs.models import LegalDocumentIndexPage, LegalDocumentPage
from site_core.editorial.setup import EDITORS, setup_portal
from tests.browser import admin
from tests.test_import_documents import BAD_ROWS, GOOD_ROW, PDF, SECOND_ROW, xlsx_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "nhap-so-2026"  # noqa: S105


def test_editor_imports_a_register_in_the_browser(
    browser, live_server, browser_site, screenshot, axe, tmp_path
):
    browser_site.add_child(instance=LegalDocumentIndexPage(title="Văn bản", slug="van-ban"))
    setup_portal()
    editor = get_user_model().objects.create_user(
        "btv", "btv@example.org", PASSWORD, first_name="Bình", last_name="Trần Thị"
    )
    editor.groups.add(Group.objects.get(name=EDITORS))
    register = tmp_path / "so-van-ban.xlsx"
    register.write_bytes(xlsx_bytes([GOOD_ROW, BAD_ROWS[2], SECOND_ROW]))
    (tmp_path / "nq-09.pdf").write_bytes(PDF)
    (tmp_path / "qd-797.pdf").write_bytes(PDF + b"%\n")

    tab = admin.log_in(browser, live_server, "btv", PASSWORD)
    tab.get_by_role("link", name="Nhập sổ văn bản").click()
    tab.wait_for_url("**/nhap-so-van-ban/")
    tab.set_input_files("#id_register_file", str(register))
    tab.set_input_files("#id_files", [str(tmp_path / "nq-09.pdf"), str(tmp_path / "qd-797.pdf")])
    tab.get_by_role("button", name="Kiểm tra sổ").click()
    tab.get_by_text("Báo cáo trước khi nhập").wait_for()
    report = tab.locator("table.listing").inner_text()
    assert "Ngày hiệu lực 01/10/2022 trước ngày ban hành 10/10/2022." in report
    assert report.count("Tạo mới") == 2 and report.count("Từ chối") == 1
    screenshot(tab, "admin-import-register")
    violations = axe(tab)
    assert not violations, axe.format(violations)

    tab.get_by_role("button", name="Nhập các văn bản (bản nháp)").click()
    tab.get_by_text("Đã tạo 2 văn bản nháp").wait_for()
    assert sorted(LegalDocumentPage.objects.values_list("number", "live")) == [
        (9, False),
        (797, False),
    ]
    tab.context.close()
