"""Query counts and render times of the admin and the homes with 2 and with 100 sub-portals.

Run by hand (not part of `make test`; tests/test_subportal_scale.py asserts the counts):

    python tools/subportal_scale.py [--subportals 100] [--repeat 7] [--keep-db] [--write]

Builds a scratch PostgreSQL database (DATABASE_URL's name + "_subportals"): migrate,
setup_portal, seed_demo (the province and its two demo sub-portals), then measures every
page of PAGES; adds numbered sub-portals until there are --subportals
(`seed_bulk --subportals`, site_core/demo/bulk_subportals.py) and measures again. Prints a
Markdown table: queries with 2 and with N sub-portals, and the median render time of
--repeat requests through Django's test client (after one warm-up request); --write puts
it in docs/benchmarks.md between the subportal-scale markers.

The pages (PAGES) and the way they are measured (measure_pages) are shared with the test.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROVINCE_HOST = "localhost"

# (key, what is measured, who asks, url(ctx), host(ctx), cold): `cold` pages are measured
# right after the navigation version is renewed (as after any publish: nothing of the
# home's lists kept), the others as the second request of the same visitor.
PAGES = [
    ("explorer_root", "Trình duyệt trang: gốc (mọi trang chủ)", "superuser",
     lambda c: f"/admin/pages/{c['root'].pk}/", None, False),
    ("explorer_province", "Trình duyệt trang: trang chủ tỉnh", "superuser",
     lambda c: f"/admin/pages/{c['province_home'].pk}/", None, False),
    ("explorer_subportal", "Trình duyệt trang: trang chủ cổng trực thuộc", "superuser",
     lambda c: f"/admin/pages/{c['subportal_home'].pk}/", None, False),
    ("explorer_subportal_editor", "Trình duyệt trang: trang chủ cổng (BTV cổng)",
     "subportal_editor", lambda c: f"/admin/pages/{c['subportal_home'].pk}/", None, False),
    ("dashboard_superuser", "Bảng điều khiển (quản trị tối cao)", "superuser",
     lambda c: "/admin/", None, False),
    ("dashboard_province_editor", "Bảng điều khiển (BTV tỉnh)", "province_editor",
     lambda c: "/admin/", None, False),
    ("dashboard_subportal_editor", "Bảng điều khiển (BTV cổng)", "subportal_editor",
     lambda c: "/admin/", None, False),
    ("chooser_superuser", "Chọn trang (quản trị tối cao)", "superuser",
     lambda c: "/admin/choose-page/", None, False),
    ("chooser_subportal_editor", "Chọn trang (BTV cổng)", "subportal_editor",
     lambda c: "/admin/choose-page/", None, False),
    ("sites", "Danh sách trang web (Sites)", "superuser", lambda c: "/admin/sites/", None, False),
    ("users", "Danh sách người dùng", "superuser", lambda c: "/admin/users/", None, False),
    ("groups", "Danh sách nhóm", "superuser", lambda c: "/admin/groups/", None, False),
    ("workflows", "Danh sách quy trình", "superuser",
     lambda c: "/admin/workflows/list/", None, False),
    ("subportals", "Danh sách cổng trực thuộc", "superuser",
     lambda c: "/admin/subportals/", None, False),
    ("report_locked", "Báo cáo: trang bị khóa", "superuser",
     lambda c: "/admin/reports/locked/", None, False),
    ("report_workflow", "Báo cáo: quy trình", "superuser",
     lambda c: "/admin/reports/workflow/", None, False),
    ("report_workflow_editor", "Báo cáo: quy trình (BTV cổng)", "subportal_editor",
     lambda c: "/admin/reports/workflow/", None, False),
    ("report_site_history", "Báo cáo: lịch sử trang", "superuser",
     lambda c: "/admin/reports/site-history/", None, False),
    ("home_province_cold", "Trang chủ tỉnh (vừa đăng bài)", "anonymous",
     lambda c: "/", lambda c: PROVINCE_HOST, True),
    ("home_province_warm", "Trang chủ tỉnh", "anonymous",
     lambda c: "/", lambda c: PROVINCE_HOST, False),
    ("home_subportal_cold", "Trang chủ cổng trực thuộc (vừa đăng bài)", "anonymous",
     lambda c: "/", lambda c: c["subportal_host"], True),
    ("home_subportal_warm", "Trang chủ cổng trực thuộc", "anonymous",
     lambda c: "/", lambda c: c["subportal_host"], False),
    ("search_province", "Tìm kiếm trên cổng tỉnh", "anonymous",
     lambda c: "/tim-kiem/?q=tin", lambda c: PROVINCE_HOST, False),
    ("search_subportal", "Tìm kiếm trên cổng trực thuộc", "anonymous",
     lambda c: "/tim-kiem/?q=tin", lambda c: c["subportal_host"], False),
]  # fmt: skip


def role_users(subportal):
    """A superuser, a provincial editor and an editor of `subportal` (home.SubPortal)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from site_core.editorial.setup import EDITORS, group_names

    User = get_user_model()
    superuser = User.objects.filter(username="scale-root").first() or User.objects.create_superuser(
        "scale-root", "scale-root@example.invalid", None
    )
    users = {"superuser": superuser}
    for role, group in (
        ("province_editor", EDITORS),
        ("subportal_editor", group_names(subportal.site)["editor"]),
    ):
        user, _ = User.objects.get_or_create(username=f"scale-{role.replace('_', '-')}")
        user.groups.set([Group.objects.get(name=group)])
        users[role] = user
    return users


def context(subportal):
    """What the URLs of PAGES need: the tree root, the province's and `subportal`'s homes."""
    from wagtail.models import Page, Site

    province = Site.objects.get(is_default_site=True)
    return {
        "root": Page.get_first_root_node(),
        "province_home": province.root_page,
        "subportal_home": subportal.site.root_page,
        "subportal_host": subportal.site.hostname,
    }


def measure_pages(client, ctx, users, repeat=1, pages=PAGES):
    """{key: (queries, median ms)} of every page, each asked once before it is measured."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from site_core import navigation

    results = {}
    for key, _label, role, url, host, cold in pages:
        if role == "anonymous":
            client.logout()
        else:
            client.force_login(users[role])
        path = url(ctx)
        extra = {"HTTP_HOST": host(ctx) if host else PROVINCE_HOST}
        response = client.get(path, **extra)
        assert response.status_code == 200, (key, path, response.status_code)
        timings = []
        for _ in range(repeat):
            if cold:
                navigation.renew_navigation_version()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path, **extra)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (key, path, response.status_code)
        results[key] = (len(queries.captured_queries), statistics.median(timings))
    client.logout()
    return results


def table(small, large, counts):
    """Markdown rows: page, queries with counts[0] and counts[1] sub-portals, ms each;
    ⚠ marks a count that differs."""
    first, second = counts
    lines = [
        f"| trang | truy vấn, {first} cổng | truy vấn, {second} cổng | ms, {first} cổng "
        f"| ms, {second} cổng |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, label, *_ in PAGES:
        (q1, ms1), (q2, ms2) = small[key], large[key]
        mark = "" if q1 == q2 else " ⚠"
        lines.append(f"| {label} | {q1} | {q2}{mark} | {ms1:.0f} | {ms2:.0f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subportals", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep-db", action="store_true", help="reuse the scratch database")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from tests.bench import BASE_URL, bench_database_url, recreate_database, setup_django

    url = bench_database_url(BASE_URL, Path(BASE_URL).name + "_subportals")
    if not args.keep_db:
        recreate_database(url)
    setup_django(url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_core.settings.test")

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from home.models import SubPortal

    settings.ALLOWED_HOSTS = ["*"]
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("setup_portal", verbosity=0)
    call_command("seed_demo", verbosity=0)
    print(f"demo built in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    subportal = SubPortal.objects.select_related("site__root_page").order_by("pk").first()
    ctx, users = context(subportal), role_users(subportal)
    client = Client()
    counts = [SubPortal.objects.count()]
    small = measure_pages(client, ctx, users, args.repeat)

    started = time.perf_counter()
    call_command("seed_bulk", subportals=args.subportals, verbosity=1)
    built = time.perf_counter() - started
    counts.append(SubPortal.objects.count())
    large = measure_pages(client, ctx, users, args.repeat)
    text = (
        f"{counts[1] - counts[0]} cổng trực thuộc thêm vào sau {built:.0f} giây; "
        f"{args.repeat} lượt mỗi trang (trung vị ms).\n\n" + table(small, large, counts)
    )
    print(text)
    if args.write:
        write(text)


def write(text, path=ROOT / "docs" / "benchmarks.md"):
    """Replace what is between the subportal-scale markers of docs/benchmarks.md."""
    start, end = "<!-- subportal-scale:start -->", "<!-- subportal-scale:end -->"
    doc = path.read_text()
    head, rest = doc.split(start, 1)
    path.write_text(f"{head}{start}\n{text}\n{end}{rest.split(end, 1)[1]}")


if __name__ == "__main__":
    main()
