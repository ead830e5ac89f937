"""Import of a legacy document register (sổ văn bản) from a CSV or Excel file.

parse → rows → validate → plan → apply:

- `read_register(name, data)` reads the header row and the data rows of a .csv (UTF-8,
  with or without BOM, comma or semicolon) or .xlsx file. Headers are matched as the
  registers write them (Số, Ký hiệu, Loại văn bản, ...), case and diacritics ignored.
- `plan_import(rows, register, files_dir)` checks every row against the portal's rules
  (the number-symbol grammar of legal_docs/numbers.py, the known types and issuing
  bodies by the names the portal shows, dates in order, the uniqueness of a number per
  type, issuer and term, duplicates inside the file) and says for each row whether it
  creates a document, updates one, changes nothing or is refused, with the reasons in
  Vietnamese. Nothing is written.
- `apply_plan(plan, user)` writes the plan: new documents are added as DRAFTS (never
  live) under the register with a first revision, so they go through the publishing
  workflow like any page an editor adds; a changed document gets a new draft revision
  (its live version, if any, stays until the workflow publishes the change).

An existing document is the one with the same type, issuer, number and term (the key of
the register's unique constraint: numbers restart each term). It is compared with its
latest revision, so a second run of the same file reports every row unchanged.
"""

import csv
import datetime
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Collection

from site_core.text import fold, vietnamese_slugify

from .models import (
    ATTACHMENT_EXTENSIONS,
    DocumentType,
    IssuingBody,
    LegalDocumentAttachment,
    LegalDocumentPage,
    normalise_term,
)
from .numbers import abbreviation_key

COLLECTION_NAME = "Văn bản nhập từ sổ"
MAX_ROWS = 20000
MAX_NUMBER = 999_999

# Field name -> the header as registers write it.
COLUMNS = {
    "number": "Số",
    "symbol": "Ký hiệu",
    "document_type": "Loại văn bản",
    "issuer": "Cơ quan ban hành",
    "term": "Nhiệm kỳ",
    "date_issued": "Ngày ban hành",
    "date_effective": "Ngày hiệu lực",
    "signer": "Người ký",
    "summary": "Trích yếu",
    "file": "Tệp",
}
REQUIRED = ("number", "symbol", "document_type", "issuer", "term", "date_issued", "summary")
# Other spellings seen in registers, folded.
HEADER_ALIASES = {"ngay co hieu luc": "date_effective", "so van ban": "number"}
DATE_RE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
# "NQ/TU", "09-NQ/TU", "09 - NQ/TU", "05-QC/BTCTU-BDVTU".
SYMBOL_RE = re.compile(
    r"^\s*(?:(?P<number>\d{1,6})\s*[-–—]\s*)?(?P<type>[^\W\d_]{1,6})\s*/\s*"
    r"(?P<issuer>[^\W\d_]{1,12}(?:\s*-\s*[^\W\d_]{1,12})*)\s*$"
)

# The model's limits (LegalDocumentPage.signer), checked before anything is written.
LENGTH_LIMITS = {"signer": 255}

CREATE, UPDATE, UNCHANGED, REFUSED = "create", "update", "unchanged", "refused"
ACTION_LABELS = {
    CREATE: "Tạo mới",
    UPDATE: "Cập nhật",
    UNCHANGED: "Không đổi",
    REFUSED: "Từ chối",
}


class RegisterFileError(Exception):
    """The file as a whole cannot be read (format, headers); its message is Vietnamese."""


def header_key(value):
    """'Ngày  ban hành', 'NGAY BAN HANH', 'ngày ban hành:' -> 'ngay ban hanh'."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(str(value or ""))))


HEADERS = {header_key(label): name for name, label in COLUMNS.items()} | HEADER_ALIASES


# --- reading ------------------------------------------------------------------------


@dataclass
class SourceRow:
    line: int  # the row number a person sees in the spreadsheet (header = 1)
    values: dict


def read_register(name, data):
    """[SourceRow] of a .csv or .xlsx file given as bytes; RegisterFileError if unreadable."""
    extension = os.path.splitext(name or "")[1].lower()
    if extension == ".csv":
        table = _csv_table(data)
    elif extension == ".xlsx":
        table = _xlsx_table(data)
    else:
        raise RegisterFileError("Chỉ nhận sổ văn bản dạng CSV (.csv) hoặc Excel (.xlsx).")
    return _rows(table)


def _csv_table(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegisterFileError(
            "Tệp CSV phải lưu với mã UTF-8 (trong Excel: Lưu thành → CSV UTF-8)."
        ) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:  # a field over the size limit, a broken quote
        raise RegisterFileError("Tệp CSV hỏng, không đọc được: " + str(error) + ".") from error


def _xlsx_table(data):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            return [list(row) for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 1)]
        finally:
            workbook.close()
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise RegisterFileError(
            "Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx."
        ) from error


def _rows(table):
    if not table:
        raise RegisterFileError("Tệp không có dòng nào.")
    columns = {}
    for position, header in enumerate(table[0]):
        name = HEADERS.get(header_key(header))
        if name and name not in columns:
            columns[name] = position
    missing = [COLUMNS[name] for name in REQUIRED if name not in columns]
    if missing:
        raise RegisterFileError(
            "Dòng đầu của tệp thiếu cột: "
            + ", ".join(missing)
            + ". Các cột của sổ: "
            + ", ".join(COLUMNS.values())
            + "."
        )
    if len(table) - 1 > MAX_ROWS:
        raise RegisterFileError(f"Mỗi lần nhập tối đa {MAX_ROWS} dòng.")
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        values = {
            name: cells[position] if position < len(cells) else None
            for name, position in columns.items()
        }
        if all(value in (None, "") or str(value).strip() == "" for value in values.values()):
            continue  # blank lines between blocks of a register
        rows.append(SourceRow(line, values))
    return rows


# --- validating -----------------------------------------------------------------------


@dataclass
class PlannedRow:
    line: int
    symbol: str = ""
    summary: str = ""
    action: str = REFUSED
    reasons: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # labels of the fields that change
    fields: dict = field(default_factory=dict)
    co_issuers: list = field(default_factory=list)
    file_path: Path | None = None
    existing: LegalDocumentPage | None = None

    @property
    def action_label(self):
        return ACTION_LABELS[self.action]


@dataclass
class ImportPlan:
    register: object
    rows: list

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self):
        return {action: self.count(action) for action in ACTION_LABELS}

    @property
    def has_changes(self):
        return any(row.action in (CREATE, UPDATE) for row in self.rows)


def text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def parse_date(value):
    """A date from a dd/mm/yyyy text or an Excel date (cell or serial number); else None."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return from_excel(value).date() if 1 <= value < 2958466 else None
        except (ValueError, OverflowError):
            return None
    match = DATE_RE.match(str(value or ""))
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return datetime.date(year, month, day)
        except ValueError:
            return None
    return None


class Lookup:
    """The register's types and issuing bodies by the names the portal shows, folded."""

    def __init__(self, locale):
        self.types = self._index(DocumentType.objects.filter(locale=locale))
        self.issuers = self._index(IssuingBody.objects.filter(locale=locale))
        self.issuers_by_abbreviation = {}
        for body in IssuingBody.objects.filter(locale=locale):
            self.issuers_by_abbreviation.setdefault(abbreviation_key(body.abbreviation), []).append(
                body
            )

    @staticmethod
    def _index(queryset):
        # "Nghị quyết" and "Nghị quyết (NQ)" (the name as the admin lists it) both count.
        names = {}
        for obj in queryset:
            for name in (obj.name, str(obj)):
                names.setdefault(header_key(name), obj)
        return names


def validate_row(source, lookup, files_dir):
    """A PlannedRow with the fields of the page, or the reasons it is refused."""
    values = source.values
    row = PlannedRow(line=source.line, summary=text(values.get("summary")))
    reasons = row.reasons

    for name in REQUIRED:
        if not text(values.get(name)):
            reasons.append(f"Thiếu “{COLUMNS[name]}”.")

    number = None
    raw_number = text(values.get("number"))
    if raw_number:
        # isdecimal(): the digits int() reads ("²" is a digit it refuses); six at most, as
        # in the number-symbol grammar (legal_docs/numbers.py) and within the column.
        if raw_number.isdecimal() and 1 <= int(raw_number) <= MAX_NUMBER:
            number = int(raw_number)
        else:
            reasons.append(f"Số “{raw_number}” không hợp lệ: chỉ ghi số nguyên dương, ví dụ 09.")

    document_type = issuer = None
    type_name = text(values.get("document_type"))
    if type_name:
        document_type = lookup.types.get(header_key(type_name))
        if document_type is None:
            reasons.append(f"Loại văn bản “{type_name}” không có trong danh mục của cổng.")
    issuer_name = text(values.get("issuer"))
    if issuer_name:
        issuer = lookup.issuers.get(header_key(issuer_name))
        if issuer is None:
            reasons.append(f"Cơ quan ban hành “{issuer_name}” không có trong danh mục của cổng.")

    symbol = text(values.get("symbol"))
    if symbol:
        row.co_issuers = _check_symbol(symbol, number, document_type, issuer, lookup, reasons)

    term = None
    raw_term = text(values.get("term"))
    if raw_term:
        term = normalise_term(raw_term)
        if term is None:
            reasons.append(
                f"Nhiệm kỳ “{raw_term}” không hợp lệ: ghi dạng 2020–2025 (năm đầu trước năm cuối)."
            )

    date_issued = _date(values, "date_issued", reasons)
    date_effective = _date(values, "date_effective", reasons)
    if date_issued and date_issued > timezone.localdate():
        reasons.append(f"Ngày ban hành {date_issued:%d/%m/%Y} sau ngày hôm nay.")
    if date_issued and date_effective and date_effective < date_issued:
        reasons.append(
            f"Ngày hiệu lực {date_effective:%d/%m/%Y} trước ngày ban hành {date_issued:%d/%m/%Y}."
        )

    for name, limit in LENGTH_LIMITS.items():
        if len(text(values.get(name))) > limit:
            reasons.append(f"“{COLUMNS[name]}” dài quá {limit} ký tự.")

    file_name = text(values.get("file"))
    if file_name:
        row.file_path = _find_file(file_name, files_dir, reasons)

    if number and document_type and issuer:
        issuer_symbol = "-".join(
            [issuer.abbreviation] + [body.abbreviation for body in row.co_issuers]
        )
        row.symbol = f"{number:02d}-{document_type.abbreviation}/{issuer_symbol}"
    else:
        row.symbol = symbol
    if reasons:
        return row
    row.fields = {
        "number": number,
        "document_type": document_type,
        "issuer": issuer,
        "term": term,
        "date_issued": date_issued,
        "date_effective": date_effective,
        "signer": text(values.get("signer")),
        "summary": row.summary,
    }
    return row


def _date(values, name, reasons):
    raw = values.get(name)
    if raw in (None, "") or text(raw) == "":
        return None
    value = parse_date(raw)
    if value is None:
        reasons.append(f"“{COLUMNS[name]}” “{text(raw)}” không phải ngày dạng dd/mm/yyyy.")
    return value


def _check_symbol(symbol, number, document_type, issuer, lookup, reasons):
    """The co-issuers the symbol names after the issuer; reasons when it disagrees."""
    match = SYMBOL_RE.match(symbol)
    if not match:
        reasons.append(
            f"Ký hiệu “{symbol}” sai dạng: ghi <loại>/<cơ quan>, ví dụ NQ/TU hoặc 09-NQ/TU."
        )
        return []
    if match.group("number") and number and int(match.group("number")) != number:
        reasons.append(f"Ký hiệu “{symbol}” ghi số khác với cột Số ({number:02d}).")
    if document_type and abbreviation_key(match.group("type")) != abbreviation_key(
        document_type.abbreviation
    ):
        reasons.append(
            f"Ký hiệu “{symbol}” không khớp loại văn bản {document_type.name} "
            f"({document_type.abbreviation})."
        )
    parts = [part.strip() for part in match.group("issuer").split("-")]
    if issuer and abbreviation_key(parts[0]) != abbreviation_key(issuer.abbreviation):
        reasons.append(
            f"Ký hiệu “{symbol}” không khớp cơ quan ban hành {issuer.name} ({issuer.abbreviation})."
        )
    co_issuers = []
    for part in parts[1:]:
        bodies = lookup.issuers_by_abbreviation.get(abbreviation_key(part), [])
        if len(bodies) != 1:
            reasons.append(
                f"Ký hiệu “{symbol}”: cơ quan phối hợp “{part}” "
                + ("không có trong danh mục." if not bodies else "trùng ký hiệu nhiều cơ quan.")
            )
        else:
            co_issuers.append(bodies[0])
    return co_issuers


def _find_file(name, files_dir, reasons):
    """The file a row names ('nq09.pdf', '/uploads/2019/nq09.pdf') inside `files_dir`."""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in ATTACHMENT_EXTENSIONS:
        reasons.append(f"Tệp “{name}”: chỉ nhận tệp PDF, DOC, DOCX hoặc ODT.")
        return None
    if not files_dir:
        reasons.append(f"Tệp “{name}”: chưa cho biết thư mục chứa các tệp văn bản.")
        return None
    folder = Path(files_dir).resolve()
    relative = name.replace("\\", "/").lstrip("/")
    # The whole path first (a URL path kept beside the register), then the bare name.
    for candidate in (folder / relative, folder / os.path.basename(relative)):
        path = candidate.resolve()
        # Never a file outside the folder ("../../etc/passwd.pdf").
        if path.is_relative_to(folder) and path.is_file():
            return path
    reasons.append(f"Không tìm thấy tệp “{name}” trong thư mục tệp.")
    return None


# --- planning -------------------------------------------------------------------------


CHANGE_LABELS = {
    "date_issued": "ngày ban hành",
    "date_effective": "ngày hiệu lực",
    "signer": "người ký",
    "summary": "trích yếu",
    "co_issuers": "cơ quan phối hợp",
    "file": "tệp",
}


def document_key(fields):
    return (fields["document_type"].pk, fields["issuer"].pk, fields["number"], fields["term"])


def plan_import(source_rows, register, files_dir=None, progress=None):
    """An ImportPlan: what each row would do. Queries; writes nothing."""
    lookup = Lookup(register.locale_id)
    rows, valid, seen = [], [], {}
    for source in source_rows:
        row = validate_row(source, lookup, files_dir)
        if not row.reasons:
            key = document_key(row.fields)
            if key in seen:
                row.reasons.append(
                    f"Trùng với dòng {seen[key]}: cùng số, loại, cơ quan ban hành và nhiệm kỳ."
                )
            else:
                seen[key] = row.line
                valid.append(row)
        rows.append(row)
        if progress:
            progress(1)
    existing = _existing_documents(seen)
    for row in valid:
        _compare_with_existing(row, existing.get(document_key(row.fields)), register)
    return ImportPlan(register=register, rows=rows)


def _existing_documents(keys):
    """{(type, issuer, number, term): page} of the documents the rows name, in one query
    (a superset is read, then narrowed to the exact keys)."""
    if not keys:
        return {}
    candidates = (
        LegalDocumentPage.objects.filter(
            document_type_id__in={key[0] for key in keys},
            issuer_id__in={key[1] for key in keys},
            number__in={key[2] for key in keys},
            term__in={key[3] for key in keys},
        )
        .select_related("latest_revision")
        .defer_streamfields()
    )
    found = {}
    for page in candidates:
        key = (page.document_type_id, page.issuer_id, page.number, page.term)
        if key in keys:
            found[key] = page
    return found


def _compare_with_existing(row, existing, register):
    if existing is None:
        row.action = CREATE
        return
    if not (existing.depth == register.depth + 1 and existing.path.startswith(register.path)):
        row.action = REFUSED
        row.reasons.append(f"Văn bản {row.symbol} đã có trong sổ khác (“{existing.title}”).")
        return
    row.existing = existing
    # The latest revision: what the last import or an editor saved, published or not.
    latest = existing.latest_revision.as_object() if existing.latest_revision else existing
    fields = row.fields
    changes = [
        label
        for name, label in CHANGE_LABELS.items()
        if name not in ("co_issuers", "file") and getattr(latest, name) != fields[name]
    ]
    current_co_issuers = sorted(body.pk for body in latest.co_issuers.all())
    if current_co_issuers != sorted(body.pk for body in row.co_issuers):
        changes.append(CHANGE_LABELS["co_issuers"])
    if row.file_path and not _has_file(latest, file_hash(row.file_path)):
        changes.append(CHANGE_LABELS["file"])
    row.changes = changes
    row.action = UPDATE if changes else UNCHANGED


def file_hash(path):
    # Wagtail's Document.file_hash is the SHA-1 of the content (wagtail.utils.file).
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()  # noqa: S324


def _has_file(page, digest):
    document_ids = [attachment.document_id for attachment in page.attachments.all()]
    return (
        bool(document_ids)
        and get_document_model().objects.filter(pk__in=document_ids, file_hash=digest).exists()
    )


# --- applying -------------------------------------------------------------------------


def apply_plan(plan, user=None, progress=None):
    """Write the rows to create or update, as drafts with a revision each; returns counts."""
    done = {CREATE: 0, UPDATE: 0}
    for row in plan.rows:
        if row.action in done:
            try:
                with transaction.atomic():
                    write = _create if row.action == CREATE else _update
                    write(row, plan.register, user)
            except ValidationError as error:
                # A rule of the model the plan did not foresee: the row is refused, the
                # others go on.
                row.action = REFUSED
                row.reasons.extend(error.messages)
            else:
                done[row.action] += 1
        if progress:
            progress(1)
    return done


def _title(row):
    fields = row.fields
    summary = fields["summary"]
    lead = summary[:1].lower() + summary[1:]
    return f"{fields['document_type'].name} số {row.symbol} {lead}"[:255]


def _free_slug(register, base):
    taken = set(
        register.get_children().filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def _set_fields(page, row):
    for name, value in row.fields.items():
        setattr(page, name, value)
    page.title = _title(row)
    page.listing_summary = row.fields["summary"]
    page.co_issuers = row.co_issuers


def _create(row, register, user):
    fields = row.fields
    page = LegalDocumentPage(
        slug=_free_slug(
            register,
            vietnamese_slugify(
                f"{fields['number']:02d}-{fields['document_type'].abbreviation}-"
                f"{row.symbol.split('/', 1)[1]}-{fields['term']}"
            ),
        ),
        live=False,
        owner=user,
    )
    _set_fields(page, row)
    if row.file_path:
        page.attachments = [_attachment(row, user)]
    register.add_child(instance=page)  # Page.save() runs the model's clean()
    log(instance=page, action="wagtail.create", user=user, content_changed=True)
    page.save_revision(user=user)
    return page


def _update(row, register, user):
    """A new draft revision of the existing document; its live version stays as it is."""
    page = row.existing.get_latest_revision_as_object()
    _set_fields(page, row)
    if row.file_path and not _has_file(page, file_hash(row.file_path)):
        page.attachments = [_attachment(row, user)]
    page.save_revision(user=user, log_action=True, changed=True)  # cleans the page
    return page


def _attachment(row, user):
    return LegalDocumentAttachment(
        document=_stored_document(row, user), title="Toàn văn", sort_order=0
    )


def _collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION_NAME).first() or root.add_child(
        name=COLLECTION_NAME
    )


def _stored_document(row, user):
    """The wagtaildocs Document of the row's file; the same content is stored only once."""
    data = row.file_path.read_bytes()
    digest = hashlib.sha1(data).hexdigest()  # noqa: S324
    model = get_document_model()
    existing = model.objects.filter(file_hash=digest).first()
    if existing:
        return existing
    document = model(
        title=f"Toàn văn {row.symbol} (nhiệm kỳ {row.fields['term']})",
        collection=_collection(),
        file=ContentFile(data, name=row.file_path.name),
        file_size=len(data),
        file_hash=digest,
        uploaded_by_user=user,
    )
    document.save()
    return document


def import_register(name, data, register, files_dir=None, user=None, dry_run=False):
    """read_register + plan_import (+ apply_plan unless dry_run): the plan and counts."""
    rows = read_register(name, data)
    plan = plan_import(rows, register, files_dir)
    written = {CREATE: 0, UPDATE: 0} if dry_run else apply_plan(plan, user)
    return plan, written
