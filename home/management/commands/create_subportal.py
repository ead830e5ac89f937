"""manage.py create_subportal phuong-tran-bien "Đảng bộ phường Trấn Biên" --unit dang-bo-phuong-tran-bien

Idempotent: a second run with the same arguments changes nothing and says so.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from home.subportals import DEFAULT_HOSTNAME, affiliated_units, create_subportal


class Command(BaseCommand):
    help = (
        "Tạo cổng thông tin của một đảng bộ trực thuộc: trang web với tên miền riêng, trang "
        "chủ và các mục, nhóm biên tập, quy trình đăng tin, thư mục ảnh và tài liệu, thiết "
        "lập cổng và liên kết với sơ đồ tổ chức của tỉnh. Chạy lại không thay đổi gì thêm."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Mã cổng, chữ thường không dấu: phuong-tran-bien.")
        parser.add_argument("name", help="Tên đảng bộ: “Đảng bộ phường Trấn Biên”.")
        parser.add_argument(
            "--hostname",
            help=f"Tên miền (mặc định {DEFAULT_HOSTNAME}, mở được trong trình duyệt).",
        )
        parser.add_argument("--port", type=int, default=80, help="Cổng (mặc định 80).")
        parser.add_argument(
            "--unit",
            help="Đơn vị trong sơ đồ tổ chức của tỉnh: mã trang (slug) hoặc số hiệu (id).",
        )

    def handle(self, *args, **options):
        unit = None
        if options["unit"]:
            units = affiliated_units()
            value = options["unit"]
            unit = (
                units.filter(pk=int(value)).first() if value.isdigit() else None
            ) or units.filter(slug=value).first()
            if unit is None:
                raise CommandError(
                    f"Không có đơn vị “{value}” trong sơ đồ tổ chức của tỉnh "
                    "(cho mã trang hoặc số hiệu của một trang đơn vị)."
                )
        try:
            result = create_subportal(
                options["slug"],
                options["name"],
                hostname=options["hostname"],
                port=options["port"],
                unit=unit,
            )
        except ValidationError as error:
            raise CommandError(
                "; ".join(
                    message for messages in error.message_dict.values() for message in messages
                )
            ) from error
        verbosity = options["verbosity"]
        site = result.site
        if not result.changed:
            if verbosity:
                self.stdout.write(
                    f"Cổng “{site.site_name}” ({site.root_url}) đã đủ; không có gì thay đổi."
                )
            return
        if verbosity >= 2:
            for change in result.changes:
                self.stdout.write(f"  + {change}")
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã tạo hoặc bổ sung cổng “{site.site_name}” ({site.root_url}): "
                    f"{len(result.changes)} thay đổi."
                )
            )
