"""Test settings: PostgreSQL as in production, fast hashing, in-memory e-mail."""

from .base import *  # noqa: F403
from .base import dj_database_url, env_bool, os

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal"),
        conn_max_age=0,
    )
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
PORTAL_ALLOW_DEMO = True
PORTAL_2FA_REQUIRED = False  # tests/test_signin.py turns it on; other tests use force_login

# The demo portal (seed_demo, demo_logins) is a development tool, never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "site_core.demo"]  # noqa: F405

# Off by default so that every module's query budgets measure rendering, not the cache;
# tests/test_page_cache.py turns it on (PORTAL_PAGE_CACHE=1 runs the whole suite with it).
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", False)
