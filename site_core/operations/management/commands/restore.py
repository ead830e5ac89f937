"""`manage.py restore`: put a backup made by `manage.py backup` back in place.

    manage.py restore portal-20260315-023000      (a name under BACKUP_DIR, or a path)
    manage.py restore --latest --noinput

Every checksum is verified before anything is touched; the media archive is unpacked
aside, then the database is replaced in one transaction (PostgreSQL), and only then the
media directory.
"""

import shutil

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from site_core.operations import backup as backups


class Command(BaseCommand):
    help = (
        "Khôi phục cơ sở dữ liệu và thư mục media từ một bản sao lưu, sau khi kiểm tra mã "
        "SHA-256 của mọi tệp. Dữ liệu hiện tại bị thay thế."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "name",
            nargs="?",
            metavar="backup",
            help="Tên bản sao lưu trong BACKUP_DIR hoặc đường dẫn thư mục",
        )
        parser.add_argument("--latest", action="store_true", help="Dùng bản sao lưu mới nhất")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Không hỏi xác nhận",
        )

    def handle(self, *args, name=None, latest=False, interactive=True, **options):
        say = self.stdout.write if options["verbosity"] else None
        if bool(name) == bool(latest):
            raise CommandError("Chỉ rõ một bản sao lưu (tên hoặc đường dẫn), hoặc --latest.")
        try:
            path = backups.latest() if latest else backups.resolve(name)
            manifest = backups.verify(path, progress=say)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error

        if interactive and not self.confirmed(manifest):
            raise CommandError("Đã hủy, không thay đổi gì.")

        staging = None
        try:
            staging = backups.unpack_media(path, manifest, progress=say)
            backups.restore_database(path, manifest, progress=say)
            if staging is not None:
                backups.replace_media(staging, progress=say)
                staging = None
            backups.forget_runtime_state(progress=say)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
        if say:
            for note in backups.migration_notes(manifest):
                say(self.style.WARNING(note))
            say(
                self.style.SUCCESS(
                    f"Khôi phục xong từ {path}. Khởi động lại các tiến trình ứng dụng "
                    "(gunicorn) để chúng không giữ dữ liệu cũ trong bộ nhớ."
                )
            )

    def confirmed(self, manifest):
        database = settings.DATABASES["default"]["NAME"]
        try:
            answer = input(
                f"Khôi phục {backups.describe(manifest)}.\n"
                f"Toàn bộ dữ liệu hiện tại của cơ sở dữ liệu “{database}” và thư mục media "
                f"“{settings.MEDIA_ROOT}” sẽ bị thay thế.\n"
                "Gõ “yes” để tiếp tục, phím khác để hủy: "
            )
        except EOFError:  # no terminal (cron, pipe) and no --noinput
            return False
        return answer.strip().lower() == "yes"
