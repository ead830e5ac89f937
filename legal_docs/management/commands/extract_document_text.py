"""Read the text of document pages' files: backfill, or read again.

    manage.py extract_document_text            files never read (or never finished)
    manage.py extract_document_text --failed   files whose reading failed, read again
    manage.py extract_document_text --all      every attached file, read again
    ... --now                                  read here, with a progress bar, instead of
                                               queueing for the worker (db_worker)

Files are those attached to document pages (LegalDocumentAttachment), drafts included: a
page is found by its text as soon as it is published (legal_docs/document_text.py).
"""

from tqdm import tqdm

from django.core.management.base import BaseCommand
from django.db import transaction

from legal_docs import document_text
from legal_docs.management.commands.import_documents import RawOutput
from legal_docs.models import DocumentText, LegalDocumentAttachment


class Command(BaseCommand):
    help = (
        "Đọc toàn văn các tệp của văn bản (PDF, DOCX, ODT; bản quét bằng OCR tiếng Việt) để "
        "tìm kiếm: mặc định các tệp chưa đọc; --failed các tệp đọc lỗi; --all mọi tệp."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--all", action="store_true", help="Đọc lại mọi tệp đính kèm.")
        which.add_argument("--failed", action="store_true", help="Đọc lại các tệp đọc lỗi.")
        parser.add_argument(
            "--now",
            action="store_true",
            help="Đọc ngay trong lệnh này (có thanh tiến trình), không xếp hàng cho trình chạy nền.",
        )

    def handle(self, *args, **options):
        attached = LegalDocumentAttachment.objects.values_list("document_id", flat=True)
        force = options["all"] or options["failed"]
        if options["all"]:
            ids = set(attached)
        elif options["failed"]:
            ids = set(
                DocumentText.objects.filter(
                    status=DocumentText.STATUS_FAILED, document_id__in=attached
                ).values_list("document_id", flat=True)
            )
        else:
            settled = DocumentText.objects.filter(
                status__in=[DocumentText.STATUS_DONE, DocumentText.STATUS_FAILED]
            ).values("document_id")
            ids = set(attached.exclude(document_id__in=settled))
        ids = sorted(ids)
        if not ids:
            self.stdout.write("Không có tệp nào cần đọc.")
            return
        if options["now"]:
            self.read_now(ids, force, options["verbosity"])
        else:
            with transaction.atomic():
                queued = document_text.schedule(ids, force=force, requeue=True)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã xếp {len(queued)} tệp vào hàng đợi; trình chạy nền (manage.py db_worker "
                    "--backend background) sẽ đọc."
                )
            )

    def read_now(self, ids, force, verbosity):
        outcomes = {}
        bar = tqdm(
            ids,
            desc="Đọc toàn văn",
            unit=" tệp",
            file=RawOutput(self.stderr),
            disable=verbosity < 1,
        )
        for document_id in bar:
            status = document_text.run(document_id, force=force)
            outcomes[status] = outcomes.get(status, 0) + 1
        done = outcomes.get(DocumentText.STATUS_DONE, 0)
        failed = outcomes.get(DocumentText.STATUS_FAILED, 0)
        message = f"Đã đọc {done} tệp; {failed} tệp lỗi."
        if failed:
            message += " Danh sách lỗi: Báo cáo → “Tệp văn bản chưa đọc được” trong trang quản trị."
        self.stdout.write(
            self.style.SUCCESS(message) if not failed else self.style.WARNING(message)
        )
