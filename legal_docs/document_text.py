"""Reading the text of documents' files in the background, and what follows from it.

1. `schedule(document_ids)` (in the editor's request, from the receivers in
   legal_docs/signals.py): a DocumentText row per file is marked pending, and once the
   transaction commits the task `extract_document_text` is enqueued on the "background"
   alias (django-tasks-db: a row in the database, run by `manage.py db_worker`). A file
   already read (same hash, done or failed) is not read again unless forced (the board's
   "Đọc lại", `extract_document_text --all`).
2. `run(document_id)` (in the worker): reads the file, hashes it; a file of the same bytes
   read before lends its text (no second OCR); otherwise legal_docs/text_extraction.py
   reads it. Every failure is recorded with its reason for the board's report
   (legal_docs/admin_views.py), never raised.
3. `refresh_pages(document_id)`: the live document pages that attach the file are indexed
   again (their `file_text` search field) and the cached pages renewed
   (site_core/signals.py: navigation version, frontend cache purge).
"""

import hashlib
import logging
import os

from django_tasks import task

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.search import index

from site_core.signals import page_changed

from .models import DocumentText, LegalDocumentPage
from .text_extraction import ExtractionError, extract_text

logger = logging.getLogger(__name__)

WAITING = (DocumentText.STATUS_PENDING, DocumentText.STATUS_RUNNING)


def extension_of(document):
    return os.path.splitext(document.file.name)[1].lower().lstrip(".")


def needs_reading(record, document, force=False):
    """Whether `document` (its DocumentText `record`, or None) must be read (again)."""
    if force or record is None:
        return True
    if record.status in WAITING:
        return False  # already queued: the task reads the file as it is then
    # Settled: read again only when the file changed (Wagtail's hash of the upload; without
    # one, the task compares the bytes' hash itself and reads nothing if they are the same).
    return not (document.file_hash and document.file_hash == record.file_hash)


def schedule(document_ids, force=False, requeue=False):
    """Mark the files pending and enqueue their reading after the commit. The ids queued.

    `force`: read again even the same bytes; `requeue`: enqueue files already waiting too
    (a backfill after the worker lost its queue)."""
    document_ids = list(dict.fromkeys(pk for pk in document_ids if pk))
    if not document_ids:
        return []
    documents = get_document_model().objects.filter(pk__in=document_ids).only("pk", "file_hash")
    records = {
        record.document_id: record
        for record in DocumentText.objects.filter(document_id__in=document_ids).defer("text")
    }
    queued = []
    for document in documents:
        record = records.get(document.pk)
        waiting = record is not None and record.status in WAITING
        if not (needs_reading(record, document, force) or (requeue and waiting)):
            continue
        if record is None:
            # Two editors saving at once: the second insert is a no-op, never an error.
            DocumentText.objects.bulk_create(
                [DocumentText(document=document)], ignore_conflicts=True
            )
        elif record.status == DocumentText.STATUS_FAILED:
            DocumentText.objects.filter(pk=record.pk).update(
                status=DocumentText.STATUS_PENDING, updated_at=timezone.now()
            )
        # A text read before stays in search and the reading view until the new one
        # replaces it.
        queued.append(document.pk)
    for pk in queued:
        transaction.on_commit(lambda pk=pk: enqueue(pk, force))
    return queued


def enqueue(document_id, force=False):
    return extract_document_text.enqueue(document_id, force)


@task(backend=settings.BACKGROUND_TASKS)
def extract_document_text(document_id, force=False):
    """The background task: read one file's text (see `run`)."""
    return run(document_id, force=force)


def read_file(document):
    with document.file.open("rb") as handle:
        return handle.read()


def run(document_id, force=False):
    """Read the file of document `document_id` now; the DocumentText's status afterwards."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return None
    record, _created = DocumentText.objects.get_or_create(document=document)
    try:
        data = read_file(document)
    except (OSError, ValueError) as error:
        return finish(record, failed=f"Không mở được tệp trên máy chủ ({error}).")
    digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    if not document.file_hash:
        # Wagtail's own hash (SHA-1 of the content), filled by its upload forms but not by
        # scripts: kept, so that saving the page again compares hashes without a task.
        type(document).objects.filter(pk=document.pk).update(file_hash=digest)
    if not force and record.extracted_at and record.file_hash == digest:
        # The same bytes as last read (a page saved again): nothing to read, no second OCR;
        # the outcome of that reading stands, and the pages are indexed with it already.
        status = DocumentText.STATUS_DONE if record.text else DocumentText.STATUS_FAILED
        if record.status != status:
            DocumentText.objects.filter(pk=record.pk).update(status=status)
        return status
    twin = DocumentText.objects.readable().filter(file_hash=digest).exclude(pk=record.pk).first()
    record.file_hash = digest
    if twin is not None:
        # The same file uploaded again as another document: its text, no second OCR.
        record.text, record.method = twin.text, twin.method
        record.pages, record.ocr_pages = twin.pages, twin.ocr_pages
        return finish(record)
    if record.status != DocumentText.STATUS_DONE:
        # A text read before stays shown while its file is read again.
        record.status = DocumentText.STATUS_RUNNING
    record.attempts += 1
    record.save(update_fields=["status", "attempts", "file_hash", "updated_at"])
    try:
        result = extract_text(data, extension_of(document))
    except ExtractionError as error:
        return finish(record, failed=str(error))
    except Exception as error:  # noqa: BLE001 - any broken file is a failure to report
        logger.exception("Reading the text of document %s failed", document_id)
        return finish(
            record, failed=f"Lỗi không mong đợi khi đọc tệp ({type(error).__name__}: {error})."
        )
    record.text, record.method = result.text, result.method
    record.pages, record.ocr_pages = result.pages, result.ocr_pages
    if not record.text:
        return finish(
            record,
            failed="Không tìm thấy chữ nào trong tệp (kể cả khi nhận dạng chữ bằng OCR).",
        )
    return finish(record)


def finish(record, failed=None):
    """Save the outcome and refresh the pages that show the file."""
    if failed:
        record.status, record.error, record.text, record.method = (
            DocumentText.STATUS_FAILED,
            failed,
            "",
            "",
        )
    else:
        record.status, record.error = DocumentText.STATUS_DONE, ""
    record.extracted_at = timezone.now()
    record.save()
    refresh_pages(record.document_id)
    return record.status


def pages_using(document_id):
    """The live document pages (any language) that attach the file."""
    return (
        LegalDocumentPage.objects.live()
        .filter(attachments__document_id=document_id)
        .distinct()
        .order_by("pk")
    )


def refresh_pages(document_id):
    """Index again the live pages that attach the file, and renew their cached copies."""
    for page in pages_using(document_id):
        index.insert_or_update_object(page)
        page_changed(LegalDocumentPage, page)
