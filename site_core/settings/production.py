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
# nginx, set SENDFILE_BACKEND=site_core.files.sendfile_nginx: the app answers with
# X-Accel-Redirect to SENDFILE_URL, an internal nginx location over MEDIA_ROOT.
SENDFILE_BACKEND = os.environ.get("SENDFILE_BACKEND", "wagtail.utils.sendfile_streaming_backend")
SENDFILE_ROOT = os.environ.get("SENDFILE_ROOT", str(MEDIA_ROOT))  # noqa: F405
SENDFILE_URL = os.environ.get("SENDFILE_URL", "/protected-media/")

# Optional: uploaded files on S3-compatible storage shared by several app servers
# (docs/deploy.md). Set AWS_STORAGE_BUCKET_NAME and `pip install -r requirements-s3.txt`.
# The bucket stays private and file URLs stay on the portal's host: the app checks each
# file and streams it (site_core/files/storage_s3.py, docs/files.md).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    import importlib.util

    from django.core.exceptions import ImproperlyConfigured

    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME được đặt nhưng chưa cài django-storages: "
            "pip install -r requirements-s3.txt."
        )
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {
            "BACKEND": "site_core.files.storage_s3.PortalS3Storage",
            "OPTIONS": {
                "bucket_name": AWS_STORAGE_BUCKET_NAME,
                # Empty for AWS itself; the provider's URL for MinIO, Ceph, Wasabi...
                "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
                "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
                # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3.
                "location": os.environ.get("AWS_LOCATION", ""),
                "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
                "default_acl": "private",
                "signature_version": "s3v4",
                # Never replace a file of the same name: Django picks a free name instead.
                "file_overwrite": False,
            },
        },
    }
