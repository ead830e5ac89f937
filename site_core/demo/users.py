"""Demo logins: who they are and the password they share.

The sub-portals' role accounts (data/subportals.json) are listed by `subportal_logins`.

`seed_demo` creates `admin`; the role accounts (ctv, btv, bbt) are created by the step that
sets up the editorial groups. `demo_logins` lists the ones that exist.
"""

import os

from . import content

DEFAULT_PASSWORD = "dongnai-demo-2026"  # noqa: S105 - a documented demo password

# username -> what the account may do, in the order demo_logins prints them.
DEMO_LOGINS = {
    "admin": "Quản trị hệ thống (toàn quyền)",
    "ctv": "Cộng tác viên: viết tin, gửi duyệt",
    "btv": "Biên tập viên: duyệt bước 1",
    "bbt": "Ban biên tập: duyệt bước 2 và xuất bản",
}


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD


def subportal_logins():
    """[(slug, name, {username: role})] of the demo's sub-portals, in the file's order."""
    return [
        (
            portal["slug"],
            portal["name"],
            {username: spec[3] for username, spec in portal["accounts"].items()},
        )
        for portal in content.subportals()["subportals"]
    ]


def all_demo_usernames():
    return [*DEMO_LOGINS, *(name for _s, _n, logins in subportal_logins() for name in logins)]
