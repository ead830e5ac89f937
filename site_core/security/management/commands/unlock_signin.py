"""Unlock sign-in for accounts or addresses locked by django-axes after repeated failures.

    manage.py unlock_signin ctv btv          # accounts
    manage.py unlock_signin --ip 203.0.113.7 # an address
    manage.py unlock_signin --all            # everything

It deletes the recorded failures (axes.utils.reset), as axes' own axes_reset_* commands do.
"""

import logging

from axes.utils import reset

from django.core.management.base import BaseCommand, CommandError

logger = logging.getLogger("portal.auth")


class Command(BaseCommand):
    help = "Mở khoá đăng nhập cho tài khoản hoặc địa chỉ IP bị tạm khoá do đăng nhập sai nhiều lần."

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="*", help="Tên đăng nhập cần mở khoá.")
        parser.add_argument(
            "--ip", action="append", default=[], help="Địa chỉ IP cần mở khoá (lặp lại được)."
        )
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="Mở khoá mọi tài khoản và địa chỉ.",
        )

    def handle(self, *args, usernames, ip, everything, **options):
        if not (usernames or ip or everything):
            raise CommandError(
                "Cho biết tên đăng nhập, --ip <địa chỉ> hoặc --all. "
                "Ví dụ: manage.py unlock_signin ctv"
            )
        if everything:
            count = reset()
            logger.info("unlocked: everything (%d attempt records)", count)
            self.stdout.write(f"Đã mở khoá tất cả ({count} bản ghi đăng nhập sai được xoá).")
            return
        for username in usernames:
            count = reset(username=username)
            logger.info("unlocked: user=%s (%d attempt records)", username, count)
            self.stdout.write(self.describe(f"tài khoản {username}", count))
        for address in ip:
            count = reset(ip=address)
            logger.info("unlocked: ip=%s (%d attempt records)", address, count)
            self.stdout.write(self.describe(f"địa chỉ {address}", count))

    @staticmethod
    def describe(target, count):
        if count:
            return f"Đã mở khoá {target} ({count} bản ghi đăng nhập sai được xoá)."
        return f"{target[0].upper()}{target[1:]} không bị khoá (không có lần đăng nhập sai nào)."
