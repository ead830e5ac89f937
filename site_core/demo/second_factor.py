"""The demo accounts' second factor, so that `make run` stays usable with it required.

Each demo account gets an authenticator (TOTP) whose key is derived from this install's
SECRET_KEY, and recovery codes; `manage.py demo_logins` prints the key, the current code
and the unused recovery codes. Only seed_demo (refused under production settings) calls
this, and demo_logins prints it only where PORTAL_ALLOW_DEMO is set.
"""

import hashlib
import hmac
from base64 import b32encode

from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import get_user_model

from site_core.security.two_factor import RECOVERY_DEVICE_NAME, new_recovery_codes

from .users import all_demo_usernames

DEMO_DEVICE_NAME = "Ứng dụng xác thực (demo)"
DEMO_RECOVERY_CODES = 10


def demo_totp_key(username):
    """A 20-byte key (hex, as TOTPDevice stores it) fixed for this install and account."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"demo-totp:{username}".encode(), hashlib.sha1)
    return digest.hexdigest()


def demo_second_factor(ctx):
    """Give every demo account an authenticator and recovery codes (once)."""
    for user in get_user_model().objects.filter(username__in=all_demo_usernames()):
        _, created = TOTPDevice.objects.get_or_create(
            user=user,
            name=DEMO_DEVICE_NAME,
            defaults={"key": demo_totp_key(user.username), "confirmed": True},
        )
        if created:
            ctx.created["TOTPDevice"] += 1
        if not StaticToken.objects.filter(
            device__user=user, device__name=RECOVERY_DEVICE_NAME
        ).exists():
            new_recovery_codes(user, DEMO_RECOVERY_CODES)
            ctx.created["StaticToken"] += DEMO_RECOVERY_CODES


def demo_second_factor_lines(user):
    """What demo_logins prints for one account's second factor (empty if none)."""
    device = TOTPDevice.objects.filter(user=user, name=DEMO_DEVICE_NAME).first()
    lines = []
    if device is not None:
        secret = b32encode(device.bin_key).decode()
        code = str(totp(device.bin_key, device.step, device.t0, device.digits, device.drift))
        lines.append(f"          khoá TOTP: {secret}  (mã lúc này: {code.zfill(device.digits)})")
    codes = StaticToken.objects.filter(
        device__user=user, device__name=RECOVERY_DEVICE_NAME
    ).values_list("token", flat=True)
    if codes:
        lines.append(f"          mã khôi phục chưa dùng: {' '.join(codes)}")
    return lines
