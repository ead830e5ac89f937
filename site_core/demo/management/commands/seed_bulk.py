"""Add many news articles and Party documents to the demo portal, for tests at scale.

    manage.py seed_bulk --articles 100000 --documents 10000
    manage.py seed_bulk --subportals 100

`--subportals N` adds full sub-portals (home.subportals.create_subportal, each with a few
articles, `--subportal-articles`) until there are N in all: a second run adds none
(site_core/demo/bulk_subportals.py).

Run after `manage.py seed_demo`: the articles go under its news index, spread over its
categories, units and pictures; the documents under its register, numbered after the
highest number of each symbol and term. Every run adds more pages (nothing is replaced),
one transaction per batch (`--batch-size`, 2,000 by default): an interrupted run keeps
the batches it finished, each complete. To start again from the demo alone, rebuild the
database (`dropdb`, `migrate`, `seed_demo`). The rows of each batch are built in child
processes (`--workers`, 2 by default; 0 builds them in this process). `-v 2` tells
whether Python or the database held the run back.

How the pages are written (tree, revisions, log, relations, search and reference index)
is described in site_core/demo/bulk.py.
"""

import sys
import time

from tqdm import tqdm

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from site_core.demo.bulk import BulkSeed, BulkSeedError
from site_core.demo.bulk_subportals import ensure_subportals


class Command(BaseCommand):
    help = (
        "Thêm hàng loạt tin hoạt động và văn bản vào cổng demo (chạy sau seed_demo), "
        "để thử tải và tìm kiếm với dữ liệu lớn. Mỗi lần chạy thêm trang mới."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=0, help="Số tin hoạt động thêm vào.")
        parser.add_argument("--documents", type=int, default=0, help="Số văn bản thêm vào.")
        parser.add_argument(
            "--batch-size", type=int, default=2000, help="Số trang ghi vào cơ sở dữ liệu mỗi lượt."
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=2,
            help="Số tiến trình con dựng dữ liệu trang song song (0: dựng ngay trong tiến trình này).",
        )
        parser.add_argument(
            "--subportals",
            type=int,
            default=0,
            help="Tổng số cổng trực thuộc cần có (thêm cổng đánh số cho đến đủ số này).",
        )
        parser.add_argument(
            "--subportal-articles",
            type=int,
            default=2,
            help="Số tin hoạt động đăng sẵn trong mỗi cổng trực thuộc thêm vào (mặc định 2).",
        )
        parser.add_argument(
            "--seed", type=int, default=None, help="Hạt giống ngẫu nhiên, để tạo lại đúng dữ liệu."
        )

    def handle(self, *args, **options):
        if not getattr(settings, "PORTAL_ALLOW_DEMO", False):
            raise CommandError(
                "seed_bulk chỉ dùng cho máy phát triển và kiểm thử, không chạy với cấu hình "
                "production. Trên máy phát triển, dùng DJANGO_SETTINGS_MODULE=site_core.settings.dev."
            )
        articles, documents = options["articles"], options["documents"]
        subportals = options["subportals"]
        if (
            min(articles, documents, subportals, options["subportal_articles"]) < 0
            or options["batch_size"] < 1
            or options["workers"] < 0
        ):
            raise CommandError("Số trang phải là số không âm và cỡ lượt ghi phải từ 1 trở lên.")
        if not (articles or documents or subportals):
            raise CommandError(
                "Cho biết số trang cần thêm: --articles N và/hoặc --documents M, "
                "hoặc số cổng trực thuộc: --subportals K."
            )
        verbosity = options["verbosity"]
        if subportals:
            self.add_subportals(subportals, options["subportal_articles"], verbosity)
        if articles or documents:
            self.add_pages(articles, documents, options, verbosity)

    def add_subportals(self, total, articles, verbosity):
        started = time.monotonic()
        with tqdm(
            desc="Cổng trực thuộc", unit=" cổng", file=sys.stderr, disable=verbosity < 1
        ) as bar:
            added = ensure_subportals(total, articles=articles, progress=bar)
        if verbosity:
            elapsed = time.monotonic() - started
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã thêm {added} cổng trực thuộc sau {elapsed:.1f} giây; nay có {total} cổng."
                    if added
                    else f"Đã có đủ {total} cổng trực thuộc; không thêm cổng nào."
                )
            )

    def add_pages(self, articles, documents, options, verbosity):
        def progress(total, label):
            return tqdm(
                total=total, desc=label, unit=" trang", file=sys.stderr, disable=verbosity < 1
            )

        seed = BulkSeed(
            articles=articles,
            documents=documents,
            batch_size=options["batch_size"],
            seed=options["seed"],
            workers=options["workers"],
            progress=progress,
        )
        started = time.monotonic()
        try:
            created = seed.run()
        except BulkSeedError as error:
            raise CommandError(str(error)) from error
        if verbosity:
            elapsed = time.monotonic() - started
            parts = []
            if created.get("NewsArticlePage"):
                parts.append(f"{created['NewsArticlePage']} tin")
            if created.get("LegalDocumentPage"):
                parts.append(f"{created['LegalDocumentPage']} văn bản")
            self.stdout.write(
                self.style.SUCCESS(f"Đã thêm {' và '.join(parts)} sau {elapsed:.1f} giây.")
            )
        if verbosity >= 2:
            waits = seed.executor.waits
            self.stdout.write(
                f"Phần dựng trang (Python) chờ phần ghi {waits['builder_idle']:.1f} giây; "
                f"phần ghi (cơ sở dữ liệu) chờ phần dựng {waits['writer_idle']:.1f} giây."
            )
