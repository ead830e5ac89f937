"""Print where to log in and the demo accounts that exist."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from site_core.demo.second_factor import demo_second_factor_lines
from site_core.demo.users import DEMO_LOGINS, demo_password


class Command(BaseCommand):
    help = "In địa chỉ trang quản trị và các tài khoản demo hiện có."

    def handle(self, *args, **options):
        # The address the server runs at (the Makefile sets it from HOST and PORT).
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        users = {
            user.username: user
            for user in get_user_model().objects.filter(username__in=DEMO_LOGINS, is_active=True)
        }
        self.stdout.write(f"Cổng thông tin: {base_url}/")
        self.stdout.write(f"Trang quản trị: {base_url}/admin/")
        if not users:
            self.stdout.write("Chưa có tài khoản demo nào. Chạy: python manage.py seed_demo")
            return
        password = demo_password()
        self.stdout.write("Tài khoản demo:")
        for username, role in DEMO_LOGINS.items():
            user = users.get(username)
            if user is None:
                continue
            note = "" if user.check_password(password) else "  (mật khẩu đã được đổi)"
            self.stdout.write(f"  {username:<8}{role}{note}")
            if getattr(settings, "PORTAL_ALLOW_DEMO", False):
                for line in demo_second_factor_lines(user):
                    self.stdout.write(line)
        self.stdout.write(f"Mật khẩu chung: {password}")
        if getattr(settings, "PORTAL_ALLOW_DEMO", False):
            self.stdout.write(
                "Xác thực hai bước: sau mật khẩu, nhập mã 6 chữ số từ ứng dụng xác thực đã "
                "thêm khoá TOTP ở trên (hoặc `manage.py demo_logins` lại để xem mã lúc này), "
                "hoặc một mã khôi phục (mỗi mã dùng một lần)."
            )
