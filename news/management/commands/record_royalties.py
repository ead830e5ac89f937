"""Write the ledger lines (“Sổ nhuận bút”) of articles published before the ledger existed.

    manage.py record_royalties [--dry-run]

Every article published at least once (live or withdrawn since) that has no line yet gets
them as at its first publication: its credits (or its owner or byline), its kind and grade
as they are now, the rate table in force on the day of its first publication
(news/royalties.py). Articles with lines are left alone, so a second run writes nothing.
Shows a progress bar on stderr.
"""

from tqdm import tqdm

from django.core.management.base import BaseCommand

from news.models import NewsArticlePage
from news.royalties import record_publication, unrecorded_articles


class RawOutput:
    """Django's OutputWrapper ends every write with a new line; tqdm needs raw writes."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text):
        self.wrapper.write(text, ending="")

    def flush(self):
        self.wrapper.flush()


class Command(BaseCommand):
    help = (
        "Ghi sổ nhuận bút cho các bài đã đăng trước khi có sổ (theo ngày đăng lần đầu). "
        "Chạy lại lần hai không ghi thêm gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm số bài sẽ được ghi sổ.")

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        pending = unrecorded_articles(NewsArticlePage).defer_streamfields()
        total = pending.count()
        if options["dry_run"]:
            self.stdout.write(f"{total} bài đã đăng chưa có trong sổ nhuận bút.")
            return
        lines = recorded = 0
        with tqdm(
            total=total,
            desc="Ghi sổ nhuận bút",
            unit=" bài",
            file=RawOutput(self.stderr),
            disable=verbosity < 1,
        ) as bar:
            for article in pending.select_related("owner", "source_unit").iterator(chunk_size=200):
                written = len(record_publication(article))  # 0 for a translation recorded
                lines += written
                recorded += bool(written)
                bar.update(1)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(f"Đã ghi sổ {recorded} bài ({lines} dòng nhuận bút).")
            )
