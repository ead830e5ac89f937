"""Print where to log in and the demo accounts that exist."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from wagtail.models import Site

from site_core.demo.second_factor import demo_second_factor_lines
from site_core.demo.users import DEMO_LOGINS, all_demo_usernames, demo_password, subportal_logins


class Command(BaseCommand):
    help = "In địa chỉ trang quản trị và các tài khoản demo hiện có."

    def handle(self, *args, **options):
        # The address the server runs at (the Makefile sets it from HOST and PORT).
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        users = {
            user.username: user
            for user in get_user_model().objects.filter(
                username__in=all_demo_usernames(), is_active=True
            )
        }
        self.stdout.write(f"Cổng thông tin: {base_url}/")
        self.stdout.write(f"Trang quản trị: {base_url}/admin/")
        if not users:
            self.stdout.write("Chưa có tài khoản demo nào. Chạy: python manage.py seed_demo")
            return
        password = demo_password()
        self.stdout.write("Tài khoản demo:")
        self.write_accounts(DEMO_LOGINS, users, password)
        port = urlsplit(base_url).port
        for slug, name, logins in subportal_logins():
            site = Site.objects.filter(subportal__slug=slug).first()
            if site is None or not any(username in users for username in logins):
                continue
            address = f"http://{site.hostname}" + (f":{port}" if port else "")
            self.stdout.write(f"Cổng trực thuộc {name}: {address}/  (quản trị: {address}/admin/)")
            self.write_accounts(logins, users, password)
        self.stdout.write(f"Mật khẩu chung: {password}")
        if getattr(settings, "PORTAL_ALLOW_DEMO", False):
            self.stdout.write(
                "Xác thực hai bước: sau mật khẩu, nhập mã 6 chữ số từ ứng dụng xác thực đã "
                "thêm khoá TOTP ở trên (hoặc `manage.py demo_logins` lại để xem mã lúc này), "
                "hoặc một mã khôi phục (mỗi mã dùng một lần)."
            )

    def write_accounts(self, logins, users, password):
        for username, role in logins.items():
            user = users.get(username)
            if user is None:
                continue
            note = "" if user.check_password(password) else "  (mật khẩu đã được đổi)"
            self.stdout.write(f"  {username:<8}{role}{note}")
            if getattr(settings, "PORTAL_ALLOW_DEMO", False):
                for line in demo_second_factor_lines(user):
                    self.stdout.write(line)
