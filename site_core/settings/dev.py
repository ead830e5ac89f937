"""Quick start on a developer's machine: SQLite, local memory cache, console e-mail."""

from .base import *  # noqa: F403
from .base import env_bool, os

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# ".localhost": localhost and every sub-portal on the quick start (<slug>.localhost:8000).
ALLOWED_HOSTS = ["127.0.0.1", ".localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PORTAL_ALLOW_DEMO = True

# The demo portal (seed_demo, demo_logins) is a development tool, never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "site_core.demo"]  # noqa: F405

# The page cache would keep serving a template being edited: off unless asked for
# (PORTAL_PAGE_CACHE=1, as for measuring it; docs/caching.md).
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", False)
