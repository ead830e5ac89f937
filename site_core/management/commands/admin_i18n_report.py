"""How many admin strings on the collaborator → editor → board path are still untranslated.

The walk runs in a transaction that is rolled back: nothing is left in the database.
See site_core/i18n_report.py.
"""

from django.core.management.base import BaseCommand, CommandError

from site_core.i18n_report import run_report


class Command(BaseCommand):
    help = (
        "Đếm các chuỗi giao diện quản trị chưa dịch trên đường đi cộng tác viên → biên tập "
        "viên → ban biên tập (Count untranslated admin strings on the editorial path)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", default="vi", help="Ngôn ngữ kiểm tra (mặc định vi).")
        parser.add_argument(
            "--list", action="store_true", help="Liệt kê từng chuỗi chưa dịch và màn hình."
        )
        parser.add_argument(
            "--po",
            metavar="FILE",
            help="Ghi các chuỗi chưa dịch ra tệp .po (msgstr trống) để dịch.",
        )
        parser.add_argument(
            "--fail-on-untranslated",
            action="store_true",
            help="Thoát với mã lỗi khác 0 nếu còn chuỗi chưa dịch hoặc màn hình lỗi.",
        )

    def handle(self, *args, **options):
        report = run_report(language=options["language"])
        out = self.stdout
        if options["list"]:
            for message in sorted(report.missing, key=str):
                screens = report.missing[message]
                more = f" (+{len(screens) - 3})" if len(screens) > 3 else ""
                out.write(f"  {message}\n      ← {', '.join(screens[:3])}{more}")
            for message in sorted(report.missing_js, key=str):
                out.write(f"  {message}\n      ← JavaScript (djangojs)")
        if options["po"]:
            with open(options["po"], "w", encoding="utf-8") as po_file:
                po_file.write(report.as_po())
            out.write(f"Đã ghi {report.count} chuỗi vào {options['po']}")
        for screen in report.failed_screens:
            reason = screen.error or f"HTTP {screen.status}"
            self.stderr.write(f"Màn hình lỗi: {screen.name} {screen.url}: {reason}")
        for label, screens in sorted(report.derived_labels.items()):
            self.stderr.write(
                f"Nhãn tiếng Anh tạo từ tên trường (không dịch được bằng tệp .po): "
                f"“{label}” ← {', '.join(screens[:3])}"
            )
        if report.uncovered_page_types:
            self.stderr.write(
                "Loại trang chưa có trong báo cáo: " + ", ".join(report.uncovered_page_types)
            )
        out.write(
            f"Màn hình đã kiểm tra: {len(report.screens)}. "
            f"Chuỗi chưa dịch ({report.language}): {report.count} "
            f"(máy chủ {len(report.missing)}, JavaScript {len(report.missing_js)})."
        )
        if options["fail_on_untranslated"] and (report.count or report.failed_screens):
            raise CommandError(
                f"Còn {report.count} chuỗi chưa dịch, {len(report.failed_screens)} màn hình lỗi."
            )
