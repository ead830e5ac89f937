"""Import of a legacy register (issue 14, part 2): manage.py import_documents and the
admin form read CSV and Excel registers, refuse bad rows with Vietnamese reasons, create
drafts that go through the workflow, and change nothing on a second run."""

import csv
import datetime
import io

import pytest
from openpyxl import Workbook

from django.core.management import CommandError, call_command
from django.urls import reverse

from legal_docs import admin_views
from legal_docs.importer import (
    CREATE,
    REFUSED,
    UNCHANGED,
    UPDATE,
    RegisterFileError,
    apply_plan,
    parse_date,
    plan_import,
    read_register,
)
from legal_docs.models import DocumentType, IssuingBody, LegalDocumentPage
from site_core.editorial.setup import COLLABORATORS, WORKFLOW_NAME, grant_section
from tests import factories
from tests.test_workflow import portal  # noqa: F401  (portal: the fixture)

HEADERS = [
    "Số",
    "Ký hiệu",
    "Loại văn bản",
    "Cơ quan ban hành",
    "Nhiệm kỳ",
    "Ngày ban hành",
    "Ngày hiệu lực",
    "Người ký",
    "Trích yếu",
    "Tệp",
]
# The same headers as some registers write them: upper case, no diacritics.
PLAIN_HEADERS = [
    "SO",
    "ky hieu",
    "Loai Van Ban",
    "CO QUAN BAN HANH",
    "nhiem ky",
    "Ngay ban hanh",
    "NGÀY HIỆU LỰC",
    "nguoi ky",
    "Trich yeu",
    "tep",
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

GOOD_ROW = [
    "9",
    "NQ/TU",
    "Nghị quyết",
    "Tỉnh ủy",
    "2020-2025",
    "29/09/2022",
    "09/10/2022",
    "Nguyễn Văn A",
    "Về tăng cường xây dựng, chỉnh đốn Đảng",
    "nq-09.pdf",
]
SECOND_ROW = [
    "797",
    "797-QĐ/TU",
    "quyet dinh",  # the portal's name, written without diacritics
    "Ban Thường vụ Tỉnh ủy",
    "2020–2025",
    "29/09/2022",
    "",
    "Trần Thị B",
    "Về việc thành lập Cổng thông tin điện tử Đảng bộ tỉnh",
    "/uploads/2022/qd-797.pdf",  # a URL path kept beside the register
]
BAD_ROWS = [
    # number-symbol: the symbol names another type
    ["10", "CT/TU", "Nghị quyết", "Tỉnh ủy", "2020-2025", "01/10/2022", "", "", "Về a", ""],
    # unknown type and unknown issuer
    ["11", "NQ/TU", "Sắc lệnh", "Hội đồng xã", "2020-2025", "01/10/2022", "", "", "Về b", ""],
    # effective before issued
    [
        "12",
        "NQ/TU",
        "Nghị quyết",
        "Tỉnh ủy",
        "2020-2025",
        "10/10/2022",
        "01/10/2022",
        "",
        "Về c",
        "",
    ],
    # a duplicate of the first good row (same number, type, issuer and term)
    ["09", "09-NQ/TU", "Nghị quyết", "Tỉnh ủy", "2020–2025", "29/09/2022", "", "", "Về d", ""],
    # a number that is not one, a date that is not one, a term upside down
    ["mười", "NQ/TU", "Nghị quyết", "Tỉnh ủy", "2025-2020", "31/02/2022", "", "", "Về e", ""],
]


@pytest.fixture
def register(portal, document_index):  # noqa: F811
    return document_index


@pytest.fixture
def files_dir(tmp_path):
    folder = tmp_path / "tep"
    (folder / "uploads" / "2022").mkdir(parents=True)
    (folder / "nq-09.pdf").write_bytes(PDF + b"% nq 09\n")
    (folder / "uploads" / "2022" / "qd-797.pdf").write_bytes(PDF + b"% qd 797\n")
    return folder


def csv_bytes(rows, headers=HEADERS):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows, headers=HEADERS, date_cells=True):
    """An Excel register as openpyxl writes it, the issue dates as real date cells."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        cells = list(row)
        if date_cells and cells[5]:
            day, month, year = (int(part) for part in cells[5].split("/"))
            cells[5] = datetime.datetime(year, month, day)
        cells[0] = int(cells[0]) if cells[0].isdigit() else cells[0]
        sheet.append(cells)
    sheet["F2"].number_format = "DD/MM/YYYY"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def run_import(register, name, data, files_dir=None):
    plan = plan_import(read_register(name, data), register, files_dir)
    return plan, apply_plan(plan)


def by_line(plan):
    return {row.line: row for row in plan.rows}


# --- reading -------------------------------------------------------------------------


def test_headers_in_any_case_and_without_diacritics_are_read(register, files_dir):
    rows = read_register("so.csv", csv_bytes([GOOD_ROW], PLAIN_HEADERS))
    assert rows[0].values["summary"] == GOOD_ROW[8]
    assert rows[0].values["date_issued"] == "29/09/2022"
    plan = plan_import(rows, register, files_dir)
    assert [row.action for row in plan.rows] == [CREATE], plan.rows[0].reasons


def test_missing_columns_and_unknown_formats_are_refused_whole():
    with pytest.raises(RegisterFileError, match="thiếu cột: Ký hiệu"):
        read_register("so.csv", "Số,Loại văn bản\n1,Nghị quyết\n".encode())
    with pytest.raises(RegisterFileError, match="CSV"):
        read_register("so.txt", b"x")
    with pytest.raises(RegisterFileError, match="Excel"):
        read_register("so.xlsx", b"not a zip")
    with pytest.raises(RegisterFileError, match="UTF-8"):
        read_register("so.csv", b"S\xf4;K\xfd hi\xea\xf1\n")  # Windows-1258 bytes


def test_excel_register_with_real_date_cells(register, files_dir):
    data = xlsx_bytes([GOOD_ROW, SECOND_ROW])
    rows = read_register("so.xlsx", data)
    assert isinstance(rows[0].values["date_issued"], datetime.datetime)
    plan, written = run_import(register, "so.xlsx", data, files_dir)
    assert [row.action for row in plan.rows] == [CREATE, CREATE], [r.reasons for r in plan.rows]
    assert written[CREATE] == 2
    document = LegalDocumentPage.objects.get(number=9)
    assert document.date_issued == datetime.date(2022, 9, 29)
    assert document.date_effective == datetime.date(2022, 10, 9)
    decision = LegalDocumentPage.objects.get(number=797)
    assert decision.number_symbol == "797-QĐ/TU"
    assert decision.issuer.name == "Ban Thường vụ Tỉnh ủy"


def test_semicolon_csv_and_dates_as_registers_write_them():
    data = "Số;Ký hiệu;Loại văn bản;Cơ quan ban hành;Nhiệm kỳ;Ngày ban hành;Trích yếu\n"
    data += "9;NQ/TU;Nghị quyết;Tỉnh ủy;2020-2025;29/09/2022;Về a\n\n;;;;;;\n"
    rows = read_register("so.csv", data.encode("utf-8"))
    assert len(rows) == 1  # blank lines are skipped
    assert rows[0].values["date_issued"] == "29/09/2022"
    assert parse_date("29/09/2022") == datetime.date(2022, 9, 29)
    assert parse_date("9.10.2022") == datetime.date(2022, 10, 9)
    assert parse_date(44833) == datetime.date(2022, 9, 29)  # an Excel serial, no date format
    assert parse_date(datetime.datetime(2022, 9, 29, 0, 0)) == datetime.date(2022, 9, 29)
    for bad in ("2022-09-29", "31/02/2022", "hôm qua", -5, None):
        assert parse_date(bad) is None, bad


# --- validating -----------------------------------------------------------------------


def test_bad_rows_are_refused_with_reasons_and_good_rows_go_on(register, files_dir):
    data = csv_bytes([GOOD_ROW, *BAD_ROWS, SECOND_ROW])
    plan, written = run_import(register, "so.csv", data, files_dir)
    rows = by_line(plan)
    assert rows[2].action == CREATE and rows[8].action == CREATE
    assert written == {CREATE: 2, UPDATE: 0}
    for line in range(3, 8):
        assert rows[line].action == REFUSED, line
    assert any("không khớp loại văn bản Nghị quyết" in r for r in rows[3].reasons)
    assert "Loại văn bản “Sắc lệnh” không có trong danh mục của cổng." in rows[4].reasons
    assert "Cơ quan ban hành “Hội đồng xã” không có trong danh mục của cổng." in rows[4].reasons
    assert "Ngày hiệu lực 01/10/2022 trước ngày ban hành 10/10/2022." in rows[5].reasons
    assert rows[6].reasons == ["Trùng với dòng 2: cùng số, loại, cơ quan ban hành và nhiệm kỳ."]
    reasons = " ".join(rows[7].reasons)
    assert "Số “mười” không hợp lệ" in reasons
    assert "Nhiệm kỳ “2025-2020” không hợp lệ" in reasons
    assert "“Ngày ban hành” “31/02/2022” không phải ngày dạng dd/mm/yyyy." in reasons
    # Only the good rows became documents.
    assert sorted(LegalDocumentPage.objects.values_list("number", flat=True)) == [9, 797]


@pytest.mark.parametrize(
    ("symbol", "reason"),
    [
        ("NQ TU", "Ký hiệu “NQ TU” sai dạng"),
        ("09-NQ/VPTU", "không khớp cơ quan ban hành Tỉnh ủy (TU)"),
        ("10-NQ/TU", "Ký hiệu “10-NQ/TU” ghi số khác với cột Số (09)"),
        ("NQ/TU-XYZ", "cơ quan phối hợp “XYZ” không có trong danh mục"),
        ("NQ/TU-TU", "cơ quan phối hợp “TU” trùng ký hiệu nhiều cơ quan"),
    ],
)
def test_bad_number_symbols_are_refused(register, files_dir, symbol, reason):
    row = GOOD_ROW[:1] + [symbol] + GOOD_ROW[2:]
    plan = plan_import(read_register("so.csv", csv_bytes([row])), register, files_dir)
    assert plan.rows[0].action == REFUSED
    assert reason in " ".join(plan.rows[0].reasons)


def test_a_joint_document_keeps_its_co_issuers(register, files_dir):
    row = [
        "5",
        "05-QC/BTCTU-BDVTU",
        "Quy chế",
        "Ban Tổ chức Tỉnh ủy",
        "2020-2025",
        "02/03/2023",
        "02/03/2023",
        "",
        "Phối hợp công tác cán bộ",
        "",
    ]
    plan, written = run_import(register, "so.csv", csv_bytes([row]), files_dir)
    assert written[CREATE] == 1, plan.rows[0].reasons
    document = LegalDocumentPage.objects.get(number=5)
    assert document.number_symbol == "05-QC/BTCTU-BDVTU"
    plan, _written = run_import(register, "so.csv", csv_bytes([row]), files_dir)
    assert plan.rows[0].action == UNCHANGED


@pytest.mark.parametrize("number", ["²", "9999999999", "0", "9.5", "-3"])
def test_numbers_that_are_not_document_numbers_are_refused(register, number):
    row = [number] + GOOD_ROW[1:9]
    plan = plan_import(read_register("so.csv", csv_bytes([row])), register, None)
    assert f"Số “{number}” không hợp lệ: chỉ ghi số nguyên dương, ví dụ 09." in plan.rows[0].reasons


def test_an_issue_date_in_the_future_is_refused(register):
    future = datetime.date.today() + datetime.timedelta(days=400)
    row = GOOD_ROW[:5] + [f"{future:%d/%m/%Y}", ""] + GOOD_ROW[7:9]
    plan = plan_import(read_register("so.csv", csv_bytes([row])), register, None)
    assert plan.rows[0].reasons == [f"Ngày ban hành {future:%d/%m/%Y} sau ngày hôm nay."]


def test_damaged_files_are_refused_with_a_message(register):
    with pytest.raises(RegisterFileError, match="CSV hỏng"):
        # A field over the csv module's limit (131,072 characters).
        read_register("so.csv", ("Số,Ký hiệu\n1," + "x" * 200_000 + "\n").encode())
    plan = plan_import(
        read_register("so.csv", csv_bytes([GOOD_ROW[:7] + ["A" * 300] + GOOD_ROW[8:9]])),
        register,
        None,
    )
    assert plan.rows[0].reasons == ["“Người ký” dài quá 255 ký tự."]


def test_missing_file_and_paths_outside_the_folder_are_refused(register, files_dir, tmp_path):
    (tmp_path / "secret.pdf").write_bytes(PDF)
    rows = [
        GOOD_ROW[:9] + ["khong-co.pdf"],
        SECOND_ROW[:9] + ["../secret.pdf"],
    ]
    plan = plan_import(read_register("so.csv", csv_bytes(rows)), register, files_dir)
    assert plan.rows[0].reasons == ["Không tìm thấy tệp “khong-co.pdf” trong thư mục tệp."]
    assert plan.rows[1].action == REFUSED
    plan = plan_import(read_register("so.csv", csv_bytes([GOOD_ROW])), register, None)
    assert plan.rows[0].reasons == ["Tệp “nq-09.pdf”: chưa cho biết thư mục chứa các tệp văn bản."]


def test_an_existing_document_is_matched_by_type_issuer_number_and_term(register, files_dir):
    existing = factories.LegalDocumentPageFactory(
        parent=register,
        number=9,
        document_type=DocumentType.objects.get(name="Nghị quyết", locale=register.locale),
        issuer=IssuingBody.objects.get(name="Tỉnh ủy", locale=register.locale),
        term="2020–2025",
        summary="Văn bản đã có",
    )
    plan = plan_import(read_register("so.csv", csv_bytes([GOOD_ROW])), register, files_dir)
    assert plan.rows[0].action == UPDATE
    assert plan.rows[0].existing.pk == existing.pk
    assert plan.rows[0].changes == ["trích yếu", "tệp"]  # same signer, dates
    # Another term is another document: numbering restarts each term.
    other_term = GOOD_ROW[:4] + ["2025-2030"] + GOOD_ROW[5:]
    plan = plan_import(read_register("so.csv", csv_bytes([other_term])), register, files_dir)
    assert plan.rows[0].action == CREATE


def test_a_document_of_another_portals_register_is_refused(register, root_page, files_dir):
    other_home = factories.HomePageFactory(parent=root_page, title="Cổng khác", slug="cong-khac")
    other_register = factories.LegalDocumentIndexPageFactory(parent=other_home)
    factories.LegalDocumentPageFactory(
        parent=other_register,
        number=9,
        document_type=DocumentType.objects.get(name="Nghị quyết", locale=register.locale),
        issuer=IssuingBody.objects.get(name="Tỉnh ủy", locale=register.locale),
        term="2020–2025",
    )
    plan = plan_import(read_register("so.csv", csv_bytes([GOOD_ROW])), register, files_dir)
    assert plan.rows[0].action == REFUSED
    assert plan.rows[0].reasons[0].startswith("Văn bản 09-NQ/TU đã có trong sổ khác")


# --- applying -------------------------------------------------------------------------


def test_created_documents_are_drafts_with_a_revision_and_their_file(register, files_dir):
    run_import(register, "so.csv", csv_bytes([GOOD_ROW, SECOND_ROW]), files_dir)
    document = LegalDocumentPage.objects.get(number=9)
    assert not document.live
    assert document.get_parent().pk == register.pk
    assert document.latest_revision is not None
    assert document.title == ("Nghị quyết số 09-NQ/TU về tăng cường xây dựng, chỉnh đốn Đảng")
    assert document.term == "2020–2025"
    attachment = document.attachments.get()
    assert attachment.document.file.read() == PDF + b"% nq 09\n"
    decision = LegalDocumentPage.objects.get(number=797)
    assert decision.attachments.get().document.file.read() == PDF + b"% qd 797\n"
    assert not LegalDocumentPage.objects.live().exists()


def test_a_collaborator_cannot_publish_an_imported_draft(register, portal, files_dir):  # noqa: F811
    assert portal["ctv"].groups.filter(name=COLLABORATORS).exists()
    portal["ctv"].groups.add(grant_section(register))
    run_import(register, "so.csv", csv_bytes([GOOD_ROW]), files_dir)
    document = LegalDocumentPage.objects.get(number=9)
    permissions = document.permissions_for_user(portal["ctv"])
    assert permissions.can_edit()  # the collaborator of the section may work on it...
    assert not permissions.can_publish()  # ...but only the workflow publishes it
    # What publishes it is the portal's workflow, started by submitting the draft.
    assert document.get_workflow().name == WORKFLOW_NAME


def test_a_second_run_changes_nothing(register, files_dir):
    data = xlsx_bytes([GOOD_ROW, SECOND_ROW, BAD_ROWS[0]])
    run_import(register, "so.xlsx", data, files_dir)
    revisions = sorted(
        (page.pk, page.latest_revision_id) for page in LegalDocumentPage.objects.all()
    )
    from wagtail.documents import get_document_model

    files = get_document_model().objects.count()
    plan, written = run_import(register, "so.xlsx", data, files_dir)
    assert [row.action for row in plan.rows] == [UNCHANGED, UNCHANGED, REFUSED]
    assert written == {CREATE: 0, UPDATE: 0}
    assert (
        sorted((page.pk, page.latest_revision_id) for page in LegalDocumentPage.objects.all())
        == revisions
    )
    assert get_document_model().objects.count() == files


def test_a_changed_row_updates_the_draft_and_then_is_unchanged(register, files_dir):
    run_import(register, "so.csv", csv_bytes([GOOD_ROW]), files_dir)
    changed = GOOD_ROW[:7] + ["Trần Văn C"] + GOOD_ROW[8:]
    plan, written = run_import(register, "so.csv", csv_bytes([changed]), files_dir)
    assert plan.rows[0].action == UPDATE and plan.rows[0].changes == ["người ký"]
    assert written[UPDATE] == 1
    document = LegalDocumentPage.objects.get(number=9)
    assert document.get_latest_revision_as_object().signer == "Trần Văn C"
    assert not document.live
    plan, _written = run_import(register, "so.csv", csv_bytes([changed]), files_dir)
    assert plan.rows[0].action == UNCHANGED


# --- the command ------------------------------------------------------------------------


def test_command_prints_the_report_and_dry_run_writes_nothing(register, files_dir, tmp_path):
    path = tmp_path / "so.csv"
    path.write_bytes(csv_bytes([GOOD_ROW, BAD_ROWS[2]]))
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_documents",
        str(path),
        "--files",
        str(files_dir),
        "--dry-run",
        stdout=out,
        stderr=err,
    )
    report = out.getvalue()
    assert "Dòng 2: Tạo mới 09-NQ/TU" in report
    assert "Dòng 3: Từ chối 12-NQ/TU — Ngày hiệu lực 01/10/2022 trước ngày ban hành" in report
    assert "Tổng cộng 2 dòng: 1 tạo mới, 0 cập nhật, 0 không đổi, 1 từ chối." in report
    assert "Kiểm tra" in err.getvalue()  # the progress bar
    assert not LegalDocumentPage.objects.exists()

    out = io.StringIO()
    call_command("import_documents", str(path), "--files", str(files_dir), stdout=out, stderr=err)
    assert "Đã tạo 1 văn bản nháp" in out.getvalue()
    assert LegalDocumentPage.objects.filter(live=False).count() == 1

    out = io.StringIO()
    call_command(
        "import_documents",
        str(path),
        "--files",
        str(files_dir),
        f"--parent={register.pk}",
        stdout=out,
        stderr=err,
    )
    assert "1 không đổi" in out.getvalue() and "Đã tạo 0 văn bản nháp" in out.getvalue()


def test_command_refuses_a_bad_file_with_a_message(register, tmp_path):
    path = tmp_path / "so.csv"
    path.write_bytes("Số\n1\n".encode())
    with pytest.raises(CommandError, match="thiếu cột"):
        call_command("import_documents", str(path), stdout=io.StringIO())
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import_documents", str(tmp_path / "khong.csv"))
    with pytest.raises(CommandError, match="Không có sổ văn bản"):
        call_command("import_documents", str(path), "--parent", "99999")


# --- the admin form ---------------------------------------------------------------------


@pytest.fixture
def uploads(tmp_path, monkeypatch):
    """The folder where previewed uploads wait, private to the test."""
    folder = tmp_path / "uploads"
    monkeypatch.setattr(admin_views, "UPLOAD_ROOT", folder)
    return folder


def upload(client, register, data, name="so.csv", files=()):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("legal_docs_import"),
        {
            "register": str(register.pk),
            "register_file": SimpleUploadedFile(name, data),
            "files": [SimpleUploadedFile(file_name, content) for file_name, content in files],
        },
    )


def test_editor_previews_then_confirms_an_import(client, register, portal, uploads):  # noqa: F811
    client.force_login(portal["btv"])
    home = client.get(reverse("wagtailadmin_home"))
    # The sidebar's menu is JSON in the page: the item's address is there as is.
    assert reverse("legal_docs_import") in home.content.decode()
    page = client.get(reverse("legal_docs_import"))
    assert page.status_code == 200
    assert "Tải sổ văn bản lên" in page.content.decode()

    data = xlsx_bytes([GOOD_ROW, BAD_ROWS[1], SECOND_ROW])
    files = [("nq-09.pdf", PDF + b"% 9\n"), ("qd-797.pdf", PDF + b"% 797\n")]
    preview = upload(client, register, data, "so.xlsx", files)
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Báo cáo trước khi nhập" in html
    assert "3 dòng:" in html and "2 tạo mới" in html and "1 từ chối" in html
    assert "Loại văn bản “Sắc lệnh” không có trong danh mục của cổng." in html
    assert not LegalDocumentPage.objects.exists()  # nothing written before confirming

    token = client.session["legal_docs_import"]["token"]
    assert sorted(p.name for p in (uploads / token / "tep").iterdir()) == [
        "nq-09.pdf",
        "qd-797.pdf",
    ]
    done = client.post(reverse("legal_docs_import"), {"confirm": "1", "token": token})
    assert done.status_code == 200
    assert "Đã tạo 2 văn bản nháp" in done.content.decode()
    documents = LegalDocumentPage.objects.order_by("number")
    assert [(d.number, d.live) for d in documents] == [(9, False), (797, False)]
    assert documents[0].attachments.get().document.file.read() == PDF + b"% 9\n"
    assert documents[0].latest_revision.user == portal["btv"]
    assert not (uploads / token).exists()  # the upload is removed once written

    # Confirming again (a second click, the back button) writes nothing more.
    again = client.post(reverse("legal_docs_import"), {"confirm": "1", "token": token})
    assert again.status_code == 302
    assert LegalDocumentPage.objects.count() == 2
    # And the same file uploaded again is reported unchanged.
    second = upload(client, register, data, "so.xlsx", files)
    assert "2 không đổi" in second.content.decode()
    assert "Không có văn bản nào cần tạo hoặc cập nhật." in second.content.decode()


def test_admin_form_reports_an_unreadable_file(client, register, portal, uploads):  # noqa: F811
    client.force_login(portal["bbt"])
    response = upload(client, register, "Số\n1\n".encode(), "so.csv")
    assert response.status_code == 200
    assert "Dòng đầu của tệp thiếu cột" in response.content.decode()
    response = upload(client, register, b"x", "so.pdf")
    assert "Chỉ nhận sổ văn bản dạng CSV" in response.content.decode()
    response = client.post(reverse("legal_docs_import"), {"confirm": "1", "token": "../x"})
    assert response.status_code == 302
    # A refused upload leaves nothing behind.
    assert list(uploads.iterdir()) == []


def test_admin_form_is_refused_to_collaborators_and_anonymous(client, register, portal):  # noqa: F811
    portal["ctv"].groups.add(grant_section(register))
    client.force_login(portal["ctv"])
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert reverse("legal_docs_import") not in home.content.decode()
    assert client.get(reverse("legal_docs_import")).status_code in (302, 403)
    response = upload(client, register, csv_bytes([GOOD_ROW]))
    assert response.status_code in (302, 403)
    assert not LegalDocumentPage.objects.exists()
    client.logout()
    response = client.get(reverse("legal_docs_import"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_change_to_a_live_document_waits_as_a_draft(register, files_dir):
    live = factories.LegalDocumentPageFactory(
        parent=register,
        number=9,
        document_type=DocumentType.objects.get(name="Nghị quyết", locale=register.locale),
        issuer=IssuingBody.objects.get(name="Tỉnh ủy", locale=register.locale),
        term="2020–2025",
        summary="Trích yếu đang đăng",
    )
    live.save_revision().publish()
    plan, written = run_import(register, "so.csv", csv_bytes([GOOD_ROW]), files_dir)
    assert written[UPDATE] == 1
    live.refresh_from_db()
    assert live.live and live.has_unpublished_changes
    assert live.summary == "Trích yếu đang đăng"  # visitors still see the published text
    draft = live.get_latest_revision_as_object()
    assert draft.summary == GOOD_ROW[8]
    assert draft.attachments.get().document.file.read() == PDF + b"% nq 09\n"
