"""Import a legacy document register (CSV or Excel) as draft documents.

    manage.py import_documents so-van-ban.xlsx --files tep-van-ban/ [--dry-run] [--parent ID]

Prints what each row would do (create, update, unchanged, refused and why), then writes
the new and changed documents as drafts that go through the publishing workflow
(legal_docs/importer.py). With --dry-run nothing is written. Running it twice changes
nothing. The register is the only one of the portal unless --parent names it (page id or
URL path such as /van-ban/).
"""

from pathlib import Path

from tqdm import tqdm

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from legal_docs.importer import (
    CREATE,
    REFUSED,
    UNCHANGED,
    UPDATE,
    RegisterFileError,
    apply_plan,
    plan_import,
    read_register,
)
from legal_docs.models import LegalDocumentIndexPage


class RawOutput:
    """The command's stderr for tqdm: Django's OutputWrapper ends every write with a new
    line, which would print each refresh of the bar on a line of its own."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text):
        self.wrapper.write(text, ending="")

    def flush(self):
        self.wrapper.flush()


class Command(BaseCommand):
    help = (
        "Nhập sổ văn bản cũ (CSV hoặc Excel) thành các văn bản nháp đi qua quy trình duyệt. "
        "Chạy lại lần hai không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp sổ văn bản .csv (UTF-8) hoặc .xlsx.")
        parser.add_argument("--files", help="Thư mục chứa các tệp văn bản mà cột “Tệp” ghi.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ in báo cáo, không ghi gì vào cổng."
        )
        parser.add_argument(
            "--parent", help="Sổ văn bản nhận các văn bản: id trang hoặc đường dẫn (/van-ban/)."
        )
        parser.add_argument("--user", help="Tên đăng nhập ghi vào lịch sử các bản nháp.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        if options["files"] and not Path(options["files"]).is_dir():
            raise CommandError(f"Không tìm thấy thư mục tệp {options['files']}.")
        register = self.register(options["parent"])
        user = self.user(options["user"])
        try:
            source_rows = read_register(path.name, path.read_bytes())
        except RegisterFileError as error:
            raise CommandError(str(error)) from error
        verbosity = options["verbosity"]

        with self.progress(len(source_rows), "Kiểm tra", verbosity) as bar:
            plan = plan_import(source_rows, register, options["files"], progress=bar.update)
        self.report(plan, verbosity)
        if options["dry_run"]:
            self.stdout.write("Chạy thử (--dry-run): không ghi gì vào cổng.")
            return
        with self.progress(len(plan.rows), "Ghi", verbosity) as bar:
            written = apply_plan(plan, user, progress=bar.update)
        refused_late = [row for row in plan.rows if row.action == REFUSED]
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã tạo {written[CREATE]} văn bản nháp, cập nhật {written[UPDATE]} văn bản "
                f"(bản nháp mới); {len(refused_late)} dòng bị từ chối."
            )
        )

    def progress(self, total, label, verbosity):
        return tqdm(
            total=total,
            desc=label,
            unit=" dòng",
            file=RawOutput(self.stderr),
            disable=verbosity < 1,
        )

    def register(self, parent):
        registers = LegalDocumentIndexPage.objects.all()
        if parent:
            if parent.isdigit():
                register = registers.filter(pk=int(parent)).first()
            else:
                register = self.register_by_path(registers, parent)
            if register is None:
                raise CommandError(f"Không có sổ văn bản “{parent}”.")
            return register
        found = list(registers[:2])
        if len(found) != 1:
            raise CommandError(
                "Cổng có nhiều sổ văn bản hoặc chưa có: chỉ rõ bằng --parent (id hoặc đường dẫn)."
                if found
                else "Cổng chưa có trang danh mục văn bản để nhận các văn bản."
            )
        return found[0]

    def register_by_path(self, registers, url_path):
        wanted = "/" + url_path.strip("/") + "/"
        for register in registers:
            if register.url_path.endswith(wanted) or register.get_url() == wanted:
                return register
        return None

    def user(self, username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}”.")
        return user

    def report(self, plan, verbosity):
        if verbosity < 1:
            return
        for row in plan.rows:
            line = f"Dòng {row.line}: {row.action_label}"
            if row.symbol:
                line += f" {row.symbol}"
            if row.changes:
                line += " (thay đổi: " + ", ".join(row.changes) + ")"
            if row.reasons:
                line += " — " + " ".join(row.reasons)
            style = self.style.ERROR if row.action == REFUSED else (lambda text: text)
            self.stdout.write(style(line))
        counts = plan.counts
        self.stdout.write(
            f"Tổng cộng {len(plan.rows)} dòng: {counts[CREATE]} tạo mới, {counts[UPDATE]} cập nhật, "
            f"{counts[UNCHANGED]} không đổi, {counts[REFUSED]} từ chối."
        )
