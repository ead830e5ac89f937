"""`manage.py backup`: database dump plus media archive, with SHA-256 checksums.

    manage.py backup [--dir /var/backups/portal] [--keep 14]

See site_core/operations/backup.py for the layout and docs/backup.md for cron/systemd and off-site
copies.
"""

from django.core.management.base import BaseCommand, CommandError

from site_core.operations import backup


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và thư mục media vào một thư mục có dấu thời gian trong "
        "BACKUP_DIR, kèm mã kiểm tra SHA-256; chỉ giữ các bản mới nhất."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", dest="directory", help="Thư mục chứa bản sao lưu (mặc định: BACKUP_DIR)"
        )
        parser.add_argument(
            "--keep",
            type=int,
            help="Số bản sao lưu mới nhất được giữ lại (mặc định: BACKUP_KEEP; 0 = giữ tất cả)",
        )

    def handle(self, *args, directory=None, keep=None, **options):
        if keep is not None and keep < 0:
            raise CommandError("--keep phải là số không âm.")
        progress = self.stdout.write if options["verbosity"] else None
        try:
            path = backup.create_backup(directory=directory, keep=keep, progress=progress)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Sao lưu xong: {path}"))
