"""Second factor for the admin: TOTP (django-otp) with recovery codes (django-otp static
tokens), required for every account that can reach the admin, enrolled on first sign-in.

After the password (Wagtail's own sign-in form), SecondFactorMiddleware lets an
unverified staff user reach only the enrollment page (no authenticator yet) or the
verification page (one enrolled); every other admin URL redirects there. Verification is
django-otp's: `django_otp.login` records the device in the session, django-otp's
OTPMiddleware reads it back (`request.user.is_verified()`), and a sign-out ends it.

Why not wagtail-2fa: its 1.8.0 verification form relies on django-otp's `match_token()`
fallback, removed in django-otp 1.7.1 for security; with any maintained django-otp no
code is ever accepted (labd/wagtail-2fa#284, open).

Settings: PORTAL_2FA_REQUIRED (the one switch; off only in test settings), django-otp's
OTP_TOTP_ISSUER and OTP_*_THROTTLE_FACTOR (wrong codes slow further tries down).
"""

import io
import logging

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from site_core.security.signin import client_ip

logger = logging.getLogger("portal.auth")

RECOVERY_DEVICE_NAME = "Mã khôi phục"
RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Ứng dụng xác thực"

# Reachable by a signed-in staff user who has not given the second factor yet.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "portal_2fa_enroll",
    "portal_2fa_verify",
}


def requires_second_factor(user):
    """Every account that can reach an admin: Wagtail's, or Django's (is_staff)."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin"))
    )


def has_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def admin_prefixes():
    return (reverse("wagtailadmin_home"), reverse("admin:index"))


class SecondFactorMiddleware:
    """Send unverified staff to enrollment or verification before any admin page.
    After django-otp's OTPMiddleware (which provides `user.is_verified()`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.PORTAL_2FA_REQUIRED:
            return None
        if not request.path_info.startswith(admin_prefixes()):
            return None
        if request.resolver_match.url_name in OPEN_URL_NAMES:
            return None
        user = request.user
        if not requires_second_factor(user) or user.is_verified():
            return None
        target = "portal_2fa_verify" if has_authenticator(user) else "portal_2fa_enroll"
        return redirect_with_next(target, request.get_full_path())


def redirect_with_next(url_name, next_url):
    return redirect(f"{reverse(url_name)}?{urlencode({'next': next_url})}")


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def qr_code_svg(data):
    """The QR code as inline SVG markup (white background, readable in the dark theme):
    drawn here, no outside service, no data: URL."""
    out = io.BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgFillImage, box_size=8).save(out)
    svg = out.getvalue().decode()
    return svg[svg.index("<svg") :]


def new_recovery_codes(user, count=RECOVERY_CODE_COUNT):
    """Replace the user's recovery codes with `count` new ones and return them."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()


class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label="Mã xác thực",
        max_length=32,
        error_messages={"required": "Nhập mã xác thực."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def __init__(self, *args, devices, **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = devices
        self.device = None

    def clean_otp_token(self):
        token = "".join(self.cleaned_data["otp_token"].split()).lower()
        for device in self.devices_for(token):
            allowed, _ = device.verify_is_allowed()
            if not allowed:
                raise forms.ValidationError(
                    "Đã nhập sai nhiều lần: việc xác thực tạm dừng, hãy thử lại sau ít phút.",
                    code="throttled",
                )
            if device.verify_token(token):
                self.device = device
                return token
        raise forms.ValidationError(
            "Mã không đúng hoặc đã được dùng. Nhập mã 6 chữ số đang hiện trên ứng dụng xác "
            "thực, hoặc một mã khôi phục chưa dùng.",
            code="invalid",
        )

    def devices_for(self, token):
        # The device is chosen by the code's shape, so that a code is only ever tried
        # against one kind of device (django-otp throttles each device on failures).
        kind = TOTPDevice if token.isdigit() and len(token) <= 8 else StaticDevice
        return [device for device in self.devices if isinstance(device, kind)]


@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def enroll(request):
    """First sign-in: show a new TOTP key (QR code and text), confirm it with a code,
    then show the recovery codes once."""
    user = request.user
    if has_authenticator(user):
        return redirect_with_next("portal_2fa_verify", safe_next(request))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        codes = new_recovery_codes(user)
        logger.info(
            "second factor enrolled: user=%s ip=%s", user.get_username(), client_ip(request)
        )
        return render(
            request,
            "portal_signin/recovery_codes.html",
            {"codes": codes, "next": safe_next(request), "enrolled": True},
        )
    if request.method == "POST":
        logger.warning(
            "second factor refused (enrollment): user=%s ip=%s",
            user.get_username(),
            client_ip(request),
        )
    return render(
        request,
        "portal_signin/enroll.html",
        {
            "form": form,
            "qr_code": qr_code_svg(device.config_url),
            "config_url": device.config_url,
            "secret": device.config_url.split("secret=")[1].split("&")[0],
            "next": safe_next(request),
        },
    )


@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def verify(request):
    """Each sign-in: a code from the authenticator, or a recovery code (used up)."""
    user = request.user
    if user.is_verified():
        return redirect(safe_next(request))
    totp_devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if not totp_devices:
        return redirect_with_next("portal_2fa_enroll", safe_next(request))
    devices = totp_devices + list(StaticDevice.objects.filter(user=user, confirmed=True))
    form = CodeForm(request.POST or None, devices=devices)
    if request.method == "POST":
        if form.is_valid():
            otp_login(request, form.device)
            if isinstance(form.device, StaticDevice):
                remaining = remaining_recovery_codes(user)
                logger.warning(
                    "recovery code used: user=%s ip=%s remaining=%d",
                    user.get_username(),
                    client_ip(request),
                    remaining,
                )
                messages.warning(
                    request,
                    f"Bạn vừa dùng một mã khôi phục; còn {remaining} mã. "
                    "Hãy tạo bộ mã mới trong mục “Xác thực hai bước”.",
                )
            else:
                logger.info(
                    "second factor accepted: user=%s ip=%s", user.get_username(), client_ip(request)
                )
            return redirect(safe_next(request))
        logger.warning(
            "second factor refused: user=%s ip=%s", user.get_username(), client_ip(request)
        )
    return render(request, "portal_signin/verify.html", {"form": form, "next": safe_next(request)})


@never_cache
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """The signed-in user's recovery codes: how many remain; POST makes a new set, shown
    once. Reached only after the second factor (SecondFactorMiddleware)."""
    codes = None
    if request.method == "POST":
        codes = new_recovery_codes(request.user)
        logger.info("recovery codes renewed: user=%s", request.user.get_username())
    return render(
        request,
        "portal_signin/recovery_codes.html",
        {"codes": codes, "remaining": remaining_recovery_codes(request.user)},
    )
