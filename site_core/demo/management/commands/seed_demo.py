"""Build the demo portal (Đồng Nai provincial Party Committee), idempotently.

    manage.py seed_demo

Each entry of STEPS is a function taking the shared SeedContext; add a step by appending
a function (for example the demo role accounts) to the list. Everything runs in one
transaction, so a failed run leaves the database as it was.

It refuses to run unless the settings say `PORTAL_ALLOW_DEMO = True` (dev.py and test.py
only): the demo creates `admin` and role accounts with a published password.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from site_core.demo import english, ledger, second_factor, steps, subportals

STEPS = [
    steps.reference_tables,
    steps.admin_user,
    steps.home_and_site,
    steps.portal_settings,
    steps.sections,
    steps.history,
    steps.terms,
    steps.people,
    steps.org_structure,
    steps.news_categories,
    steps.documents,
    # The rate tables and the demo collaborator, so that each article is credited and
    # graded when it is published (its ledger lines are written then).
    ledger.royalty_rates,
    steps.news,
    steps.events,
    # Before the groups and the role accounts: their permissions and workflow cover each
    # section's translations too, so the English tree must exist on the first run.
    english.english_translations,
    steps.setup_portal,
    steps.role_users,
    subportals.subportals,
    second_factor.demo_second_factor,
    # Ledger lines of articles an older demo published before the ledger existed.
    ledger.royalty_ledger,
]


class Command(BaseCommand):
    help = "Tạo cổng thông tin demo (Đảng bộ tỉnh Đồng Nai). Chạy lại nhiều lần không tạo trùng."

    def handle(self, *args, **options):
        if not getattr(settings, "PORTAL_ALLOW_DEMO", False):
            raise CommandError(
                "seed_demo chỉ dùng cho máy phát triển và kiểm thử, không chạy với cấu hình "
                "production: lệnh này tạo tài khoản quản trị `admin` với mật khẩu demo công khai. "
                "Trên máy phát triển, dùng DJANGO_SETTINGS_MODULE=site_core.settings.dev."
            )
        verbosity = options["verbosity"]
        context = steps.SeedContext(stdout=self.stdout, verbosity=verbosity)
        started = time.monotonic()
        with transaction.atomic(), steps.batched_indexing():
            for step in STEPS:
                step_started = time.monotonic()
                step(context)
                context.say(f"  {step.__name__}: {time.monotonic() - step_started:.2f} s", level=2)
        if verbosity:
            steps.summary(context)
            context.say(self.style.SUCCESS(f"Xong sau {time.monotonic() - started:.1f} giây."))
