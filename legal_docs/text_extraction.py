"""The text inside a document's file: PDF (text layer, else OCR), DOCX and ODT.

No Django model here: `extract_text(data, extension)` takes the file's bytes and returns an
`Extraction` (the text, how it was read, how many pages), or raises `ExtractionError` with a
message in Vietnamese for the board (legal_docs/document_text.py records it).

- PDF: PDFium (pypdfium2) reads each page's text layer. A page without one (a scan) is
  rendered at OCR_DPI and read by tesseract with the Vietnamese model (`vie`, Debian's
  tesseract-ocr-vie), in a subprocess with a time limit. A password-protected or broken
  PDF is refused with a clear message.
- DOCX: python-docx, paragraphs and tables in document order.
- ODT: the standard library (zip + XML): content.xml's headings, paragraphs and list items.
  Office files are zip archives: their declared uncompressed size is bounded first.

This runs only in the background worker (legal_docs/tasks.py), never in a request.
"""

import io
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

import docx
import pypdfium2 as pdfium
from docx.table import Table
from docx.text.paragraph import Paragraph

from django.conf import settings

METHOD_TEXT = "text"
METHOD_OCR = "ocr"
METHOD_MIXED = "text+ocr"

SUPPORTED_EXTENSIONS = ("pdf", "docx", "odt")
# A page whose text layer has fewer letters than this is treated as a scan.
MIN_PAGE_LETTERS = 20
OCR_DPI = 300
OCR_LANGUAGE = "vie"
TESSERACT = "tesseract"
# Bounds: a scanned register of hundreds of pages is read up to this many pages (each
# costs a few seconds of CPU), each page within OCR_PAGE_TIMEOUT seconds.
OCR_MAX_PAGES = 200
OCR_PAGE_TIMEOUT = 180
# Office archives: at most this many bytes once unzipped (a zip bomb is refused).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
# The stored text (what the reading view shows) is cut here.
MAX_TEXT_CHARS = 2_000_000

ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_BLOCKS = {f"{{{ODF_TEXT}}}h", f"{{{ODF_TEXT}}}p"}
ODF_SPACE, ODF_TAB, ODF_BREAK = (f"{{{ODF_TEXT}}}{name}" for name in ("s", "tab", "line-break"))


class ExtractionError(Exception):
    """The file could not be read; the message (Vietnamese) says why, for the board."""


@dataclass
class Extraction:
    text: str
    method: str
    pages: int = 0
    ocr_pages: int = 0


def setting(name, default):
    return getattr(settings, f"PORTAL_DOCUMENT_TEXT_{name}", default)


def extract_text(data, extension):
    """The Extraction of a file's `data` (bytes) of type `extension` ("pdf", "docx", "odt")."""
    extension = (extension or "").lower().lstrip(".")
    if extension == "pdf":
        result = pdf_text(data)
    elif extension == "docx":
        result = Extraction(docx_text(data), METHOD_TEXT)
    elif extension == "odt":
        result = Extraction(odt_text(data), METHOD_TEXT)
    else:
        raise ExtractionError(
            f"Chưa đọc được toàn văn tệp .{extension}: hãy tải lên bản PDF, DOCX hoặc ODT."
        )
    result.text = tidy(result.text)[: setting("MAX_CHARS", MAX_TEXT_CHARS)]
    return result


def tidy(text):
    """NFC, one blank line between paragraphs, no trailing spaces, no control characters."""
    text = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n\n").replace("\x00", "")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def letters(text):
    return sum(1 for ch in text if ch.isalpha())


# --- PDF -------------------------------------------------------------------------------------


def open_pdf(data):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ExtractionError(
                "Tệp PDF có mật khẩu: không đọc được nội dung. Hãy tải lên bản không đặt mật khẩu."
            ) from error
        raise ExtractionError("Tệp PDF bị hỏng hoặc không đúng định dạng.") from error


def pdf_text(data):
    document = open_pdf(data)
    try:
        count = len(document)
        pages, scanned = [], []
        for number in range(count):
            page = document[number]
            try:
                textpage = page.get_textpage()
                text = textpage.get_text_bounded()
                textpage.close()
            finally:
                page.close()
            pages.append(text)
            if letters(text) < MIN_PAGE_LETTERS:
                scanned.append(number)
        ocr_pages = 0
        if scanned:
            limit = setting("OCR_MAX_PAGES", OCR_MAX_PAGES)
            for number in scanned[:limit]:
                pages[number] = ocr_pdf_page(document, number)
                ocr_pages += 1
    finally:
        document.close()
    if not ocr_pages:
        method = METHOD_TEXT
    elif ocr_pages == count:
        method = METHOD_OCR
    else:
        method = METHOD_MIXED
    return Extraction("\n\n".join(pages), method, pages=count, ocr_pages=ocr_pages)


def tesseract_path():
    return shutil.which(setting("TESSERACT", TESSERACT))


def ocr_pdf_page(document, number):
    """The text tesseract reads on page `number` (0-based), rendered at OCR_DPI."""
    page = document[number]
    try:
        bitmap = page.render(scale=setting("OCR_DPI", OCR_DPI) / 72, grayscale=True)
        image = bitmap.to_pil()
    finally:
        page.close()
    png = io.BytesIO()
    image.save(png, "PNG")
    return ocr_image(png.getvalue(), page_label=number + 1)


def ocr_image(png, page_label=1):
    """tesseract on one image (PNG bytes), Vietnamese model; ExtractionError if it fails."""
    program = tesseract_path()
    if program is None:
        raise ExtractionError(
            "Tệp là bản quét (không có lớp chữ) nhưng máy chủ chưa cài tesseract để nhận dạng "
            "chữ (OCR). Cài gói tesseract-ocr và tesseract-ocr-vie (make ocr-deps), rồi thử lại."
        )
    command = [program, "stdin", "stdout", "-l", OCR_LANGUAGE, "--psm", "3"]
    try:
        result = subprocess.run(  # noqa: S603 - a fixed program, the file only on stdin
            command,
            input=png,
            capture_output=True,
            timeout=setting("OCR_PAGE_TIMEOUT", OCR_PAGE_TIMEOUT),
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ExtractionError(
            f"Nhận dạng chữ (OCR) trang {page_label} quá thời gian cho phép."
        ) from error
    except OSError as error:
        raise ExtractionError(f"Không chạy được tesseract ({error}).") from error
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"mã lỗi {result.returncode}"
        if "vie" in reason and ("traineddata" in reason or "language" in reason.lower()):
            reason = "thiếu dữ liệu tiếng Việt (gói tesseract-ocr-vie)"
        raise ExtractionError(f"Nhận dạng chữ (OCR) trang {page_label} không thành công: {reason}.")
    return result.stdout.decode("utf-8", "replace")


# --- Office files ------------------------------------------------------------------------------


def open_zip(data, kind):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        raise ExtractionError(f"Tệp {kind} bị hỏng hoặc không đúng định dạng.") from error
    if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
        raise ExtractionError(f"Tệp {kind} quá lớn khi giải nén: không đọc.")
    return archive


def docx_text(data):
    open_zip(data, "DOCX").close()
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds on bad files
        raise ExtractionError("Tệp DOCX bị hỏng hoặc không đúng định dạng.") from error
    blocks = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            blocks.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    if cell.text not in cells:  # merged cells repeat their text
                        cells.append(cell.text)
                blocks.append(" | ".join(text.strip() for text in cells))
    return "\n\n".join(blocks)


def odf_block_text(element):
    """Text of a text:p / text:h with its spans, spaces, tabs and line breaks."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == ODF_SPACE:
            parts.append(" " * int(child.get(f"{{{ODF_TEXT}}}c", "1") or 1))
        elif child.tag == ODF_TAB:
            parts.append("\t")
        elif child.tag == ODF_BREAK:
            parts.append("\n")
        elif child.tag not in ODF_BLOCKS:
            parts.append(odf_block_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def odt_text(data):
    archive = open_zip(data, "ODT")
    try:
        with archive:
            content = archive.read("content.xml")
        root = ET.fromstring(content)  # noqa: S314 - expat: no external entities, bounded expansion
    except (KeyError, zipfile.BadZipFile, ET.ParseError) as error:
        raise ExtractionError("Tệp ODT bị hỏng hoặc không đúng định dạng.") from error
    return "\n\n".join(
        odf_block_text(element) for element in root.iter() if element.tag in ODF_BLOCKS
    )
