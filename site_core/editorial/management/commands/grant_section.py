from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from site_core.editorial.setup import grant_section


class Command(BaseCommand):
    help = (
        "Giao cho một nhóm cộng tác viên một chuyên mục (một nhánh trang): nhóm chỉ thêm và sửa "
        "trang trong nhánh đó; ảnh và tài liệu vào bộ sưu tập cùng tên."
    )

    def add_arguments(self, parser):
        parser.add_argument("page", help="ID trang hoặc đường dẫn, ví dụ /tin-hoat-dong/")
        parser.add_argument("--group", help="Tên nhóm (mặc định: “Cộng tác viên · <tên trang>”)")
        parser.add_argument("--user", action="append", default=[], help="Thêm người dùng vào nhóm")

    def handle(self, *args, page, group=None, user=(), **options):
        target = self.find_page(page)
        section_group = grant_section(target, group)
        for username in user:
            account = get_user_model().objects.filter(username=username).first()
            if account is None:
                raise CommandError(f"Không có người dùng “{username}”.")
            account.groups.add(section_group)
        self.stdout.write(
            self.style.SUCCESS(f"Nhóm “{section_group.name}” được giao nhánh “{target.title}”.")
        )

    def find_page(self, value):
        if value.isdigit():
            page = Page.objects.filter(pk=int(value)).first()
        else:
            path = "/" + value.strip("/") + "/"
            page = Page.objects.filter(url_path__endswith=path, depth__gt=2).first()
        if page is None:
            raise CommandError(f"Không tìm thấy trang “{value}”.")
        return page
