from django.core.management.base import BaseCommand

from site_core.editorial.setup import setup_portal


class Command(BaseCommand):
    help = (
        "Tạo hoặc sửa các nhóm quyền, bộ sưu tập và quy trình đăng tin cho mọi cổng thông tin "
        "(chạy lại nhiều lần không thay đổi gì thêm)."
    )

    def handle(self, *args, **options):
        result = setup_portal()
        for site_id, parts in result["sites"].items():
            self.stdout.write(
                f"Site {site_id}: nhóm {parts['collaborators'].name}, {parts['editors'].name}, "
                f"{parts['board'].name}; quy trình “{parts['workflow'].name}”."
            )
        self.stdout.write(self.style.SUCCESS("Đã thiết lập quyền và quy trình đăng tin."))
