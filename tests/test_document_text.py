"""Documents' full text (legal_docs/text_extraction.py, document_text.py, text_report.py).

Real files made here: PDFs with a text layer (fpdf2, DejaVu), a scanned PDF (a Pillow
image of Vietnamese text, no text layer) read by the real tesseract with its `vie` model,
DOCX (python-docx), ODT (zip + XML), a password-protected PDF and broken files. The
worker is Django's own: `db_worker --batch` on the "background" alias.
"""

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from unittest import mock

import docx
import pytest
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

from legal_docs import document_text
from legal_docs.models import DocumentText, LegalDocumentPage
from legal_docs.text_extraction import (
    METHOD_OCR,
    METHOD_TEXT,
    ExtractionError,
    extract_text,
    tesseract_path,
)
from site_core.cache import pages
from site_core.editorial.setup import BOARD, EDITORS, setup_portal
from tests import factories

FONT = next(
    (
        path
        for path in (
            Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
            Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        )
        if path.is_file()
    ),
    None,
)
needs_font = pytest.mark.skipif(FONT is None, reason="no DejaVu font with Vietnamese letters")


def tesseract_has_vietnamese():
    if tesseract_path() is None:
        return False
    listed = subprocess.run(  # noqa: S603
        [tesseract_path(), "--list-langs"], capture_output=True, text=True, check=False
    )
    return "vie" in listed.stdout.split()


needs_ocr = pytest.mark.skipif(
    not tesseract_has_vietnamese(),
    reason="tesseract with the Vietnamese model is not installed (make ocr-deps installs it)",
)

INSIDE_PHRASE = "phát triển kinh tế biển bền vững gắn với bảo đảm quốc phòng"
INSIDE_FOLDED = "phat trien kinh te bien ben vung gan voi bao dam quoc phong"
SCANNED_LINES = ["Chương trình hành động", "xây dựng nông thôn mới", "kiểu mẫu đến năm 2030"]


# --- files ------------------------------------------------------------------------------


def text_pdf(*paragraphs):
    pdf = FPDF()
    pdf.add_font("Body", "", str(FONT))
    pdf.add_page()
    pdf.set_font("Body", "", 12)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 7, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def protected_pdf():
    pdf = FPDF()
    pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")  # noqa: S106
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 10, "Noi dung mat")
    return bytes(pdf.output())


def scanned_pdf(lines=SCANNED_LINES):
    """A page of Vietnamese text as an image only: what a scanner gives (no text layer)."""
    font = ImageFont.truetype(str(FONT), 56)
    image = Image.new("L", (1700, 160 + 110 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(lines):
        draw.text((80, 80 + 110 * number), line, font=font, fill=0)
    out = io.BytesIO()
    image.save(out, "PDF", resolution=200)
    return out.getvalue()


def docx_file(*paragraphs, table=()):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_file(*paragraphs, heading="Quyết định"):
    ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    ns += 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    body = f'<text:h text:outline-level="1">{heading}</text:h>'
    body += "".join(
        f"<text:p>{text.replace('  ', ' <text:s/>')}<text:span> </text:span></text:p>"
        for text in paragraphs
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return out.getvalue()


# --- helpers ----------------------------------------------------------------------------


def run_worker():
    """`manage.py db_worker --batch`: runs every queued task, then stops.

    The worker checks its connection between tasks (close_old_connections), which closes a
    connection inside a test's transaction; that check alone is left out here.
    """
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        call_command(
            "db_worker", "--backend", "background", "--batch", "--no-startup-delay", verbosity=0
        )


def document_page(parent, content, filename, live=True, **kwargs):
    """A document page attaching one file; published through a revision when `live`."""
    page = factories.LegalDocumentPageFactory(parent=parent, live=False, **kwargs)
    document = factories.DocumentFactory(content=content, filename=filename)
    factories.LegalDocumentAttachmentFactory(page=page, document=document, title="Toàn văn")
    page.refresh_from_db()
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page, document


def text_of(document):
    return DocumentText.objects.get(document=document)


def found_in_search(client, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    return [page.pk for page in response.context["results"].object_list]


def found_in_register(client, register, query):
    response = client.get(register.url, {"q": query})
    assert response.status_code == 200
    return [page.pk for page in response.context["documents"].object_list]


def make_user(username, *groups, **fields):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", **fields)
    user.groups.add(*groups)
    return user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


# --- extraction ---------------------------------------------------------------------------


@needs_font
def test_pdf_text_layer_is_read_as_it_is():
    result = extract_text(text_pdf("Nghị quyết về " + INSIDE_PHRASE, "Đảng bộ tỉnh"), "pdf")
    assert result.method == METHOD_TEXT
    assert result.pages == 1 and result.ocr_pages == 0
    assert INSIDE_PHRASE in " ".join(result.text.split())
    assert "Đảng bộ tỉnh" in result.text


def test_docx_paragraphs_and_tables_in_order():
    data = docx_file(
        "Điều 1. " + INSIDE_PHRASE,
        "Điều 2. Giao Ban Thường vụ tổ chức thực hiện.",
        table=[["Nơi nhận", "Ghi chú"], ["Các huyện ủy", "Để thực hiện"]],
    )
    result = extract_text(data, "docx")
    assert result.method == METHOD_TEXT
    assert result.text.index("Điều 1.") < result.text.index("Điều 2.")
    assert "Các huyện ủy | Để thực hiện" in result.text


def test_odt_headings_paragraphs_and_spaces():
    result = extract_text(odt_file("Điều 1. " + INSIDE_PHRASE, "Hai  khoảng"), "odt")
    assert result.text.startswith("Quyết định")
    assert INSIDE_PHRASE in result.text
    assert "Hai khoảng" in result.text  # text:s is a space, then tidied


@pytest.mark.parametrize(
    ("data", "extension", "reason"),
    [
        (b"%PDF-1.4 garbage", "pdf", "hỏng"),
        (b"not a zip", "docx", "DOCX bị hỏng"),
        (b"PK\x03\x04 broken", "odt", "ODT bị hỏng"),
        (b"\xd0\xcf\x11\xe0", "doc", "PDF, DOCX hoặc ODT"),
    ],
)
def test_broken_and_unsupported_files_say_why(data, extension, reason):
    with pytest.raises(ExtractionError, match=reason):
        extract_text(data, extension)


def test_password_protected_pdf_says_so():
    with pytest.raises(ExtractionError, match="mật khẩu"):
        extract_text(protected_pdf(), "pdf")


@needs_font
def test_scanned_pdf_without_tesseract_fails_clearly(settings):
    settings.PORTAL_DOCUMENT_TEXT_TESSERACT = "tesseract-khong-co"
    with pytest.raises(ExtractionError, match="chưa cài tesseract"):
        extract_text(scanned_pdf(), "pdf")


@needs_font
@needs_ocr
def test_scanned_pdf_is_read_by_ocr_in_vietnamese():
    result = extract_text(scanned_pdf(), "pdf")
    assert result.method == METHOD_OCR
    assert result.ocr_pages == 1
    words = " ".join(result.text.split()).lower()
    assert "xây dựng nông thôn mới" in words


# --- the background reading, search and the register -------------------------------------


@needs_font
def test_publishing_enqueues_and_the_worker_makes_the_file_findable(
    client, document_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page, document = document_page(
            document_index,
            text_pdf("Điều 1. Tập trung " + INSIDE_PHRASE + "."),
            "nghi-quyet-bien.pdf",
            title="Nghị quyết về kinh tế",
            summary="Về phát triển kinh tế.",
        )
    # Nothing was read in the request: the file waits for the worker.
    assert text_of(document).status == DocumentText.STATUS_PENDING
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    assert found_in_search(client, INSIDE_FOLDED) == []

    run_worker()

    record = text_of(document)
    assert record.status == DocumentText.STATUS_DONE, record.error
    assert record.method == METHOD_TEXT and record.file_hash
    for query in (INSIDE_PHRASE, INSIDE_FOLDED, INSIDE_FOLDED.upper()):
        assert found_in_search(client, query) == [page.pk], query
        assert found_in_register(client, document_index, query) == [page.pk], query
    # A phrase nowhere in the portal still finds nothing.
    assert found_in_search(client, "tau vu tru sao hoa") == []


@needs_font
@needs_ocr
def test_scanned_document_is_ocrd_in_the_background_and_found(
    client, document_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page, document = document_page(document_index, scanned_pdf(), "ban-quet.pdf")
    run_worker()
    record = text_of(document)
    assert record.status == DocumentText.STATUS_DONE, record.error
    assert record.method == METHOD_OCR
    assert found_in_search(client, "nong thon moi kieu mau") == [page.pk]
    assert found_in_register(client, document_index, "nông thôn mới kiểu mẫu") == [page.pk]


@needs_font
def test_saving_the_same_file_again_reads_nothing_again(
    document_index, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        page, document = document_page(document_index, text_pdf(INSIDE_PHRASE), "a.pdf")
    run_worker()
    assert text_of(document).attempts == 1

    calls = []
    monkeypatch.setattr(
        document_text, "extract_text", lambda *args: calls.append(args) or pytest.fail()
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Nghị quyết (sửa tiêu đề)"
        page.save_revision().publish()
    run_worker()
    # Run directly too (a backfill without --all): the same bytes are not read again.
    assert document_text.run(document.pk) == DocumentText.STATUS_DONE
    assert calls == []
    assert text_of(document).attempts == 1

    # The same bytes uploaded as another document lend their text: no second reading.
    twin = factories.DocumentFactory(content=document.file.open("rb").read(), filename="b.pdf")
    assert document_text.run(twin.pk) == DocumentText.STATUS_DONE
    assert calls == [] and INSIDE_PHRASE in " ".join(text_of(twin).text.split())


@needs_font
def test_docx_and_odt_documents_are_found_too(
    client, document_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        docx_page, _ = document_page(
            document_index, docx_file("Chỉ thị về công tác phòng chống thiên tai"), "ct.docx"
        )
        odt_page, _ = document_page(
            document_index, odt_file("Quy chế làm việc của Ban Tuyên giáo"), "qc.odt"
        )
    run_worker()
    assert found_in_search(client, "phong chong thien tai") == [docx_page.pk]
    assert found_in_register(client, document_index, "quy che lam viec") == [odt_page.pk]


def test_a_draft_is_read_but_never_found(
    client, document_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page, document = document_page(
            document_index, docx_file("Dự thảo kế hoạch tuyệt đối riêng"), "d.docx", live=False
        )
    run_worker()
    assert text_of(document).status == DocumentText.STATUS_DONE
    assert found_in_search(client, "du thao ke hoach tuyet doi rieng") == []
    assert found_in_register(client, document_index, "du thao ke hoach") == []
    assert client.get(page.url + "toan-van/").status_code == 404


def test_failures_are_recorded_never_raised(document_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _page, broken = document_page(document_index, b"%PDF-1.7 hong", "hong.pdf")
        _page, locked = document_page(document_index, protected_pdf(), "khoa.pdf")
    run_worker()
    assert text_of(broken).status == DocumentText.STATUS_FAILED
    assert "hỏng" in text_of(broken).error
    assert "mật khẩu" in text_of(locked).error
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2


# --- the reading view ----------------------------------------------------------------------


@pytest.fixture
def read_document(document_index):
    page, document = document_page(
        document_index,
        docx_file("Điều 1. " + INSIDE_PHRASE, "Điều 2. <script>alert(1)</script>"),
        "toan-van.docx",
        title="Quyết định về kinh tế biển",
    )
    document_text.run(document.pk)
    return page, document


def test_reading_view_shows_the_text_with_headings_and_paragraphs(client, read_document):
    page, document = read_document
    detail = client.get(page.url)
    assert detail.status_code == 200
    link = f'href="{page.url}toan-van/#full-text-file-'
    assert link in detail.content.decode()
    assert "Đọc toàn văn trên trang" in detail.content.decode()

    response = client.get(page.url + "toan-van/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert '<h1 id="full-text-title"' in html and "<h2 " in html
    assert f"<p>Điều 1. {INSIDE_PHRASE}</p>" in html
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert document.url in html


def test_cached_pages_show_the_text_once_it_is_read(client, document_index, settings):
    settings.PORTAL_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {}
    cache.clear()
    page, document = document_page(document_index, docx_file("Điều 1. " + INSIDE_PHRASE), "c.docx")
    first = client.get(page.url)
    assert "Đọc toàn văn trên trang" not in first.content.decode()
    assert client.get(page.url)[pages.STATUS_HEADER] == pages.HIT

    document_text.run(document.pk)  # what the worker does

    again = client.get(page.url)
    assert again[pages.STATUS_HEADER] == pages.MISS
    html = again.content.decode()
    assert "Đọc toàn văn trên trang" in html
    assert f'<a href="{page.url}toan-van/">đọc ngay trên trang</a>' in html
    reading = client.get(page.url + "toan-van/")
    assert reading.status_code == 200
    assert client.get(page.url + "toan-van/")[pages.STATUS_HEADER] == pages.HIT


def test_reading_view_404s_in_vietnamese_without_text(client, document_index):
    page, _document = document_page(document_index, b"%PDF-1.7 hong", "hong.pdf")
    document_text.run(_document.pk)
    assert "Đọc toàn văn trên trang" not in client.get(page.url).content.decode()
    response = client.get(page.url + "toan-van/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_reading_view_follows_the_files_rules(client, read_document, document_index):
    page, document = read_document
    assert client.get(page.url + "toan-van/").status_code == 200
    assert client.get(document.url).status_code == 200

    # Under a view restriction the file is not public, so neither is its text.
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=PageViewRestriction.PASSWORD,
        password="mk",  # noqa: S106
    )
    assert client.get(document.url).status_code == 404
    behind = client.get(page.url + "toan-van/")
    assert INSIDE_PHRASE not in behind.content.decode()  # Wagtail's password form instead
    with_password = client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": "mk", "return_url": page.url + "toan-van/"},
    )
    assert with_password.status_code == 302
    # The password opens the page, not its file: the file stays private, and so its text.
    assert client.get(document.url).status_code == 404
    assert client.get(page.url + "toan-van/").status_code == 404
    client.cookies.clear()
    restriction.delete()

    # A secrecy level in a draft closes the file, and the text with it.
    page.secrecy_level = "mat"
    page.save_revision(clean=False)
    assert client.get(document.url).status_code == 404
    assert client.get(page.url + "toan-van/").status_code == 404
    # Signed in without rights: 403, as for the file.
    stranger = signed_in(make_user("nguoi-la", password="mk-2026-dai"))  # noqa: S106
    assert stranger.get(document.url).status_code == 403
    assert stranger.get(page.url + "toan-van/").status_code == 403
    # The board, who may open the file, may read its text (never cached for others).
    setup_portal()
    board = signed_in(make_user("bbt", Group.objects.get(name=BOARD)))
    response = board.get(page.url + "toan-van/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]

    # Unpublished: 404 for everybody's visitors' URL.
    LegalDocumentPage.objects.get(pk=page.pk).unpublish()
    assert client.get(page.url + "toan-van/").status_code == 404


def test_a_file_added_in_a_draft_of_a_live_page_is_not_read_to_visitors(client, read_document):
    page, _document = read_document
    secret = factories.DocumentFactory(
        content=docx_file("Phụ lục chưa công bố về nhân sự"), filename="phu-luc.docx"
    )
    document_text.run(secret.pk)
    draft = LegalDocumentPage.objects.get(pk=page.pk)
    draft.attachments.add(factories.LegalDocumentAttachmentFactory.build(document=secret))
    draft.save_revision()
    assert client.get(secret.url).status_code == 404
    html = client.get(page.url + "toan-van/").content.decode()
    assert "Phụ lục chưa công bố" not in html
    assert found_in_search(client, "phu luc chua cong bo") == []


# --- the board's report --------------------------------------------------------------------


@pytest.fixture
def board_and_editor(home_page):
    setup_portal()
    return (
        make_user("bbt", Group.objects.get(name=BOARD)),
        make_user("btv", Group.objects.get(name=EDITORS)),
    )


def test_failures_are_listed_to_the_board_with_a_retry(
    document_index, board_and_editor, django_capture_on_commit_callbacks
):
    board, editor = board_and_editor
    page, broken = document_page(document_index, b"%PDF-1.7 hong", "hong.pdf")
    document_text.run(broken.pk)

    report = reverse("legal_docs_text_failures")
    assert signed_in(editor).get(report).status_code in (302, 403)
    board_client = signed_in(board)
    response = board_client.get(report)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tệp văn bản chưa đọc được" in html
    assert broken.title in html and page.title in html and "hỏng" in html

    dashboard = board_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tệp văn bản chưa đọc được toàn văn" in dashboard
    assert (
        "Tệp văn bản chưa đọc được toàn văn"
        not in signed_in(editor).get(reverse("wagtailadmin_home")).content.decode()
    )

    # Only the board may ask for a file to be read again.
    retry = reverse("legal_docs_text_retry", args=[broken.pk])
    assert signed_in(editor).post(retry).status_code in (302, 403)
    assert text_of(broken).attempts == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = board_client.post(retry)
    assert response.status_code == 302
    assert text_of(broken).status == DocumentText.STATUS_PENDING
    run_worker()
    assert text_of(broken).status == DocumentText.STATUS_FAILED
    assert text_of(broken).attempts == 2


@needs_font
@needs_ocr
def test_a_scan_read_before_tesseract_was_installed_is_read_on_retry(
    client, document_index, board_and_editor, settings, django_capture_on_commit_callbacks
):
    board, _editor = board_and_editor
    settings.PORTAL_DOCUMENT_TEXT_TESSERACT = "tesseract-khong-co"
    page, scan = document_page(document_index, scanned_pdf(), "quet.pdf")
    document_text.run(scan.pk)
    assert "chưa cài tesseract" in text_of(scan).error

    settings.PORTAL_DOCUMENT_TEXT_TESSERACT = "tesseract"
    board_client = signed_in(board)
    with django_capture_on_commit_callbacks(execute=True):
        board_client.post(reverse("legal_docs_text_retry_all"))
    run_worker()
    assert text_of(scan).status == DocumentText.STATUS_DONE
    assert found_in_search(client, "nong thon moi") == [page.pk]
    assert scan.title not in board_client.get(reverse("legal_docs_text_failures")).content.decode()


def test_the_report_refuses_get_on_retry_and_never_500s(board_and_editor):
    board, _editor = board_and_editor
    board_client = signed_in(board)
    assert board_client.get(reverse("legal_docs_text_retry", args=[999999])).status_code == 405
    response = board_client.post(reverse("legal_docs_text_retry", args=[999999]))
    assert response.status_code == 302


# --- the command ------------------------------------------------------------------------------


@needs_font
def test_command_backfills_with_a_progress_bar(
    client, document_index, capsys, django_capture_on_commit_callbacks
):
    page, document = document_page(document_index, text_pdf(INSIDE_PHRASE), "cu.pdf")
    DocumentText.objects.all().delete()  # a document from before the feature

    call_command("extract_document_text", "--now")
    out, err = capsys.readouterr()
    assert "Đọc toàn văn" in err and "1/1" in err
    assert "Đã đọc 1 tệp" in out
    assert found_in_search(client, INSIDE_FOLDED) == [page.pk]

    call_command("extract_document_text")
    assert "Không có tệp nào cần đọc" in capsys.readouterr()[0]

    with django_capture_on_commit_callbacks(execute=True):
        call_command("extract_document_text", "--all")
    assert "Đã xếp 1 tệp" in capsys.readouterr()[0]
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    run_worker()
    assert text_of(document).attempts == 2


def test_command_failed_reads_only_failures(document_index):
    _page, broken = document_page(document_index, b"%PDF-1.7 hong", "hong.pdf")
    document_text.run(broken.pk)
    out = io.StringIO()
    call_command("extract_document_text", "--failed", "--now", stdout=out, stderr=io.StringIO())
    assert "1 tệp lỗi" in out.getvalue()
    assert text_of(broken).attempts == 2


def test_tesseract_is_installed_in_ci():
    """CI installs it (make ocr-deps in .ci/run): the OCR tests must not be skipped there.
    Elsewhere they skip, saying why, where tesseract is genuinely missing."""
    if not os.environ.get("CI") or shutil.which("apt-get") is None:
        pytest.skip("only checked in CI (CI=true), which runs `make ocr-deps`")
    assert tesseract_has_vietnamese(), "run `make ocr-deps` (tesseract-ocr, tesseract-ocr-vie)"
