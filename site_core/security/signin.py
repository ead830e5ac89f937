"""Staff sign-in: session limits, the client address for lockouts, sign-in logging.

The second factor is site_core/security/two_factor.py (django-otp), the lockout django-axes
(settings/base.py). This module adds what they leave to the project:

- SessionTimeoutMiddleware signs a user out after SESSION_IDLE_TIMEOUT seconds without a
  request and SESSION_MAX_AGE seconds after signing in.
- client_ip() is django-axes' AXES_CLIENT_IP_CALLABLE (trusted proxies only).
- every sign-in, sign-out, failure, lockout and expiry goes to the
  "portal.auth" logger (django-axes also keeps them in its AccessAttempt/AccessLog tables,
  listed in /django-admin/axes/).
"""

import logging
import time

from axes.signals import user_locked_out

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

logger = logging.getLogger("portal.auth")

STARTED_KEY = "portal_signed_in_at"
SEEN_KEY = "portal_last_seen_at"
# Write the last-seen time at most this often (seconds): each write is a database query.
SEEN_RESOLUTION = 60


def client_ip(request):
    """The client's address: REMOTE_ADDR, or behind PORTAL_PROXY_COUNT trusted proxies the
    address the outermost of them saw (X-Forwarded-For, counted from the right)."""
    proxies = getattr(settings, "PORTAL_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class SessionTimeoutMiddleware:
    """Sign out sessions idle too long or signed in too long ago (after MessageMiddleware,
    so that the login page can say why)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request):
        now = time.time()
        session = request.session
        started = session.get(STARTED_KEY)
        seen = session.get(SEEN_KEY)
        if started is None or seen is None:
            # A session from before this middleware: start counting now.
            session[STARTED_KEY] = started or now
            session[SEEN_KEY] = now
            return
        if now - seen > settings.SESSION_IDLE_TIMEOUT:
            reason = "idle"
            minutes = settings.SESSION_IDLE_TIMEOUT // 60
            text = f"Phiên làm việc đã hết hạn vì không hoạt động quá {minutes} phút."
        elif now - started > settings.SESSION_MAX_AGE:
            reason = "max-age"
            hours = settings.SESSION_MAX_AGE // 3600
            text = f"Phiên làm việc đã hết hạn sau {hours} giờ kể từ khi đăng nhập."
        else:
            if now - seen >= SEEN_RESOLUTION:
                session[SEEN_KEY] = now
            return
        username = request.user.get_username()
        logout(request)
        logger.info("session expired (%s): user=%s ip=%s", reason, username, client_ip(request))
        messages.warning(request, text + " Vui lòng đăng nhập lại.")


@receiver(user_logged_in)
def log_sign_in(sender, request, user, **kwargs):
    if request is not None:
        now = time.time()
        request.session[STARTED_KEY] = now
        request.session[SEEN_KEY] = now
    logger.info(
        "sign-in: user=%s ip=%s",
        user.get_username(),
        client_ip(request) if request is not None else "",
    )


@receiver(user_logged_out)
def log_sign_out(sender, request, user, **kwargs):
    if user is not None:
        logger.info(
            "sign-out: user=%s ip=%s",
            user.get_username(),
            client_ip(request) if request is not None else "",
        )


@receiver(user_login_failed)
def log_sign_in_failure(sender, credentials, request=None, **kwargs):
    logger.warning(
        "sign-in failed: user=%s ip=%s",
        credentials.get("username", ""),
        client_ip(request) if request is not None else "",
    )


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    logger.warning("locked out: user=%s ip=%s", username or "", ip_address or "")
