"""Staff sign-in (issue 10, item 1): second factor, lockout, logging, passwords, sessions.

Everything goes through the real sign-in form (/admin/login/) and the admin's views.
The test settings turn the second-factor requirement off (PORTAL_2FA_REQUIRED = False)
for the rest of the suite, which signs in with force_login; the `two_factor` fixture turns
it back on, as base/dev/production settings have it.
"""

import logging
import time

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from site_core.security.signin import SEEN_KEY, STARTED_KEY

PASSWORD = "kiem-thu-dang-nhap-2026"  # noqa: S105
LOGIN = "/admin/login/"
ENROLL = "/admin/xac-thuc-hai-buoc/thiet-lap/"
VERIFY = "/admin/xac-thuc-hai-buoc/"
LOCKED = "tạm khoá"


@pytest.fixture
def two_factor(settings, site):
    settings.PORTAL_2FA_REQUIRED = True
    return settings


@pytest.fixture
def staff(site):
    return get_user_model().objects.create_superuser("quantri", "qt@example.org", PASSWORD)


@pytest.fixture
def editor(site):
    """A non-superuser who reaches the admin through a group permission."""
    group = Group.objects.create(name="Biên tập thử")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("bientap", "bt@example.org", PASSWORD)
    user.groups.add(group)
    return user


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def current_code(device):
    return str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift)).zfill(
        device.digits
    )


def wrong_code(device):
    return str((int(current_code(device)) + 1) % 10**device.digits).zfill(device.digits)


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)


# --- Second factor ------------------------------------------------------------------


@pytest.mark.parametrize("who", ["staff", "editor"])
def test_every_staff_account_is_sent_to_enrollment_before_any_admin_page(
    two_factor, client, request, who
):
    user = request.getfixturevalue(who)
    assert sign_in(client, user.username).status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/images/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(ENROLL), url

    page = client.get(ENROLL)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Thiết lập xác thực hai bước" in text
    assert "Kích hoạt" in text
    # The public site stays open to the same session (only the admin is guarded).
    assert client.get("/").status_code == 200


def test_enrolling_with_a_totp_code_shows_recovery_codes_and_opens_the_admin(
    two_factor, client, staff
):
    sign_in(client, staff.username)
    page = client.get(ENROLL).content.decode()  # makes the key the QR code shows
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert "<svg" in page
    assert device.config_url.split("secret=")[1].split("&")[0] in page
    # Reloading the page keeps the same key (the phone may already have scanned it).
    client.get(ENROLL)
    assert TOTPDevice.objects.get(user=staff, confirmed=False).pk == device.pk

    response = client.post(ENROLL, {"otp_token": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = list(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert len(codes) == 10
    text = response.content.decode()
    assert "Đã kích hoạt xác thực hai bước" in text
    assert all(code in text for code in codes)
    assert 'href="/admin/pages/"' in text
    assert client.get("/admin/pages/").status_code == 200


def test_enrollment_refuses_a_wrong_code(two_factor, client, staff):
    sign_in(client, staff.username)
    client.get(ENROLL)
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    response = client.post(ENROLL, {"otp_token": wrong_code(device)})
    assert response.status_code == 200
    assert "Mã không đúng" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()
    assert client.get("/admin/")["Location"].startswith(ENROLL)


def test_an_enrolled_account_cannot_enroll_again_without_its_code(two_factor, client, staff):
    enrolled(staff)
    sign_in(client, staff.username)
    response = client.get(ENROLL)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_enrolled_account_must_give_its_code_and_a_wrong_one_is_refused(
    two_factor, client, staff, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no back-off pause between the two tries here
    device = enrolled(staff)
    sign_in(client, staff.username)
    response = client.get("/admin/pages/?ordering=title&p=1")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F%3Fordering%3Dtitle%26p%3D1"

    refused = client.post(VERIFY, {"otp_token": wrong_code(device), "next": "/admin/pages/"})
    assert refused.status_code == 200
    assert "Mã không đúng" in refused.content.decode()
    assert client.get("/admin/pages/")["Location"].startswith(VERIFY)

    accepted = client.post(VERIFY, {"otp_token": current_code(device), "next": "/admin/pages/"})
    assert accepted.status_code == 302
    assert accepted["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_recovery_codes_are_made_in_the_admin_and_each_works_once(two_factor, client, staff):
    device = enrolled(staff)
    sign_in(client, staff.username)
    client.post(VERIFY, {"otp_token": current_code(device), "next": "/admin/"})
    assert client.get("/admin/xac-thuc-hai-buoc/ma-khoi-phuc/").status_code == 200
    page = client.post("/admin/xac-thuc-hai-buoc/ma-khoi-phuc/")
    assert page.status_code == 200
    codes = list(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in page.content.decode() for code in codes)
    client.post("/admin/logout/")

    sign_in(client, staff.username)
    response = client.post(VERIFY, {"otp_token": codes[0], "next": "/admin/"})
    assert response.status_code == 302
    assert "còn 9 mã" in client.get("/admin/").content.decode()
    client.post("/admin/logout/")

    sign_in(client, staff.username)
    reused = client.post(VERIFY, {"otp_token": codes[0], "next": "/admin/"})
    assert reused.status_code == 200
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    assert StaticToken.objects.filter(device__user=staff).count() == 9


# --- Lockout ------------------------------------------------------------------------


def test_repeated_wrong_passwords_lock_the_account_in_vietnamese(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, staff.username, "sai-mat-khau").status_code == 200
    locked = sign_in(client, staff.username, "sai-mat-khau")
    assert locked.status_code == 403
    assert LOCKED in locked.content.decode()

    # The right password, even from another address, is refused while locked.
    right = sign_in(client, staff.username, REMOTE_ADDR="198.51.100.20")
    assert right.status_code == 403
    assert LOCKED in right.content.decode()
    assert client.get("/admin/")["Location"].startswith(LOGIN)


def test_repeated_failures_from_one_address_lock_that_address(client, site, settings):
    User = get_user_model()
    for i in range(settings.AXES_FAILURE_LIMIT):
        User.objects.create_superuser(f"nguoi{i}", f"n{i}@example.org", PASSWORD)
        sign_in(client, f"nguoi{i}", "sai-mat-khau", REMOTE_ADDR="203.0.113.7")
    User.objects.create_superuser("khac", "khac@example.org", PASSWORD)

    from_there = sign_in(client, "khac", REMOTE_ADDR="203.0.113.7")
    assert from_there.status_code == 403
    assert LOCKED in from_there.content.decode()

    from_elsewhere = sign_in(client, "khac", REMOTE_ADDR="198.51.100.20")
    assert from_elsewhere.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_unlock_command_lets_the_account_sign_in_again(client, staff, settings, capsys):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, staff.username, "sai-mat-khau")
    assert sign_in(client, staff.username).status_code == 403

    call_command("unlock_signin", staff.username)
    assert "Đã mở khoá tài khoản quantri" in capsys.readouterr().out

    assert sign_in(client, staff.username).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_sign_ins_failures_and_lockouts_are_logged(client, staff, settings, caplog):
    caplog.set_level(logging.INFO, logger="portal.auth")
    sign_in(client, staff.username)
    client.post("/admin/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, staff.username, "sai-mat-khau")

    messages = [r.getMessage() for r in caplog.records if r.name == "portal.auth"]
    assert "sign-in: user=quantri ip=127.0.0.1" in messages
    assert (
        messages.count("sign-in failed: user=quantri ip=127.0.0.1") == settings.AXES_FAILURE_LIMIT
    )
    assert any(m.startswith("locked out: user=quantri") for m in messages)
    assert "sai-mat-khau" not in caplog.text


def test_a_refused_second_factor_is_logged(two_factor, client, staff, caplog):
    device = enrolled(staff)
    sign_in(client, staff.username)
    caplog.set_level(logging.INFO, logger="portal.auth")
    client.post(VERIFY, {"otp_token": wrong_code(device), "next": "/admin/"})
    assert "second factor refused: user=quantri ip=127.0.0.1" in [
        r.getMessage() for r in caplog.records
    ]


# --- Passwords ----------------------------------------------------------------------


def add_user(client, password):
    return client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "moi",
            "email": "moi@example.org",
            "first_name": "Mới",
            "last_name": "Người",
            "password1": password,
            "password2": password,
        },
    )


def test_passwords_need_12_characters_and_must_not_be_common(client, staff):
    client.force_login(staff)
    for password, code in [
        ("Hn7#kq2!Zp4", "password_too_short"),  # 11 characters
        ("password1234", "password_too_common"),
    ]:
        response = add_user(client, password)
        assert response.status_code == 200
        errors = response.context["form"].errors.as_data()
        assert code in [error.code for error in errors.get("password2", [])], password
        assert not get_user_model().objects.filter(username="moi").exists()

    good = "Hn7#kq2!Zp4w"  # 12 characters, not a common password
    assert add_user(client, good).status_code == 302
    assert get_user_model().objects.get(username="moi").check_password(good)


# --- Sessions -----------------------------------------------------------------------


def age_session(client, **seconds_ago):
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_an_admin_session_idle_for_more_than_30_minutes_is_signed_out(client, staff):
    assert sign_in(client, staff.username).status_code == 302
    age_session(client, **{SEEN_KEY: 29 * 60})
    assert client.get("/admin/").status_code == 200  # still within the idle limit

    age_session(client, **{SEEN_KEY: 31 * 60})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    login_page = client.get(response["Location"]).content.decode()
    assert "Phiên làm việc đã hết hạn" in login_page
    assert client.get("/admin/").status_code == 302


def test_an_admin_session_older_than_12_hours_is_signed_out_even_if_active(client, staff):
    assert sign_in(client, staff.username).status_code == 302
    age_session(client, **{STARTED_KEY: 11 * 3600, SEEN_KEY: 60})
    assert client.get("/admin/").status_code == 200

    age_session(client, **{STARTED_KEY: 12 * 3600 + 60, SEEN_KEY: 60})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_session_limits_follow_the_settings(client, staff, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    assert sign_in(client, staff.username).status_code == 302
    age_session(client, **{SEEN_KEY: 6 * 60})
    assert client.get("/admin/")["Location"].startswith(LOGIN)


# --- Demo ---------------------------------------------------------------------------


def test_demo_accounts_sign_in_with_the_code_demo_logins_prints(two_factor, client, site):
    """And demo_logins shows second factors only where the settings allow the demo."""
    import io
    import re

    from site_core.demo.second_factor import demo_second_factor
    from site_core.demo.steps import SeedContext
    from site_core.demo.users import demo_password

    get_user_model().objects.create_superuser("admin", "a@example.org", demo_password())
    demo_second_factor(SeedContext(stdout=io.StringIO(), verbosity=0))
    demo_second_factor(SeedContext(stdout=io.StringIO(), verbosity=0))  # idempotent
    assert TOTPDevice.objects.filter(user__username="admin").count() == 1
    assert StaticToken.objects.filter(device__user__username="admin").count() == 10

    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    text = out.getvalue()
    code = re.search(r"mã lúc này: (\d{6})", text).group(1)
    recovery = re.search(r"mã khôi phục chưa dùng: (\w+)", text).group(1)

    sign_in(client, "admin", demo_password())
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    assert client.post(VERIFY, {"otp_token": code, "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    sign_in(client, "admin", demo_password())
    assert client.post(VERIFY, {"otp_token": recovery, "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200

    two_factor.PORTAL_ALLOW_DEMO = False
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    assert "khoá TOTP" not in out.getvalue()
    assert "mã khôi phục" not in out.getvalue()
