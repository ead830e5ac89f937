"""Production: PostgreSQL and Redis from the environment, HTTPS behind a reverse proxy."""

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, env_bool, os, require_secret_key

require_secret_key()

if "DATABASE_URL" not in os.environ:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Đặt biến môi trường DATABASE_URL (PostgreSQL).")
if not REDIS_URL:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Đặt biến môi trường REDIS_URL (bộ nhớ đệm và phiên dùng chung).")

DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True

# Files are checked by the app and sent by Wagtail's sendfile (docs/files.md). Behind
# nginx, set SENDFILE_BACKEND=site_core.sendfile_nginx: the app answers with
# X-Accel-Redirect to SENDFILE_URL, an internal nginx location over MEDIA_ROOT.
SENDFILE_BACKEND = os.environ.get("SENDFILE_BACKEND", "wagtail.utils.sendfile_streaming_backend")
SENDFILE_ROOT = os.environ.get("SENDFILE_ROOT", str(MEDIA_ROOT))  # noqa: F405
SENDFILE_URL = os.environ.get("SENDFILE_URL", "/protected-media/")
