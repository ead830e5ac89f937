"""Demo logins: who they are and the password they share.

The sub-portals' role accounts (data/subportals.json) are listed by `subportal_logins`.

`seed_demo` creates `admin`; the role accounts (ctv, btv, bbt) are created by the step that
sets up the editorial groups. `demo_logins` lists the ones that exist.
"""

import os

from django.contrib.auth import get_user_model

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


def ensure_account(username, first_name, last_name):
    """The demo account `username` named (given name, family and middle names) as
    site_core.models.User orders them: (user, created). An account of an earlier demo that
    stored the family and middle names as the given name is renamed."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@dongnai.example",
            password=demo_password(),
            first_name=first_name,
            last_name=last_name,
        )
        return user, True
    if (user.first_name, user.last_name) != (first_name, last_name):
        user.first_name, user.last_name = first_name, last_name
        user.save(update_fields=["first_name", "last_name"])
    return user, False
