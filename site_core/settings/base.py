"""Settings shared by every environment, safe for production on their own.

Secrets and the database come from the environment; dev.py and test.py relax what
they must, production.py adds the hardening that needs a real deployment.
"""

import os
from pathlib import Path

import dj_database_url

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The portal's rooms (docs/architecture.md): the page base, then cross-cutting apps,
    # then the content domains. Before wagtail.admin so their admin templates win.
    "site_core",
    "site_core.editorial",
    "site_core.files",
    "site_core.security",
    "site_core.search",
    "site_core.api",
    "site_core.operations",
    "site_core.cache",
    "site_core.alerts",
    "home",
    "history",
    "org_structure",
    "news",
    "legal_docs",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales (same app label)
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "site_core.editorial.users_apps.PortalUsersAppConfig",  # wagtail.users with the portal's user admin
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.postgres",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Outermost: keeps a visitor's page with every header the middleware below added, for
    # the fast path in site_core/wsgi.py (site_core/cache/middleware.py, docs/caching.md).
    "site_core.cache.middleware.PageCacheStoreMiddleware",
    # One reading of the navigation version per request (site_core/navigation.py).
    "site_core.navigation.NavigationVersionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "site_core.security.headers.PortalCSPMiddleware",
    "site_core.security.headers.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Whole pages for visitors (site_core/cache, docs/caching.md): after the session, the
    # language and the user are known, before the messages so that their cookie is seen.
    "site_core.cache.middleware.PageCacheMiddleware",
    # A visitor's Site and home page from this process's memo of the navigation version.
    "site_core.navigation.SiteMemoMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff sign-in: idle and absolute session limits, then the second factor before any
    # admin page (site_core/security/signin.py, site_core/security/two_factor.py).
    "site_core.security.signin.SessionTimeoutMiddleware",
    "site_core.security.two_factor.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A GET/HEAD whose database connection is lost mid-request (a PostgreSQL restart) runs
    # once more on a new connection instead of answering 500 (site_core/operations/db_retry.py).
    "site_core.operations.db_retry.RetryReadAfterLostConnection",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "site_core.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site_core" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # `portal` and `chrome`: header, menu, breadcrumbs, footer, <head> meta,
                # computed only when a template reads them.
                "site_core.context_processors.chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "site_core.wsgi.application"

# One variable selects the database. The default is the quick-start SQLite file;
# tests and production set a PostgreSQL URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "site_core.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Cache: Redis when REDIS_URL is given (production), else local memory.
# The cache is only an accelerator: with Redis down, django-redis answers "miss" (and logs
# it) instead of raising, and gives up on a dead server after REDIS_TIMEOUT seconds so it
# never holds a worker for long; pages are then rendered from the database.
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True


# {% wagtailcache %} fragments: the default cache, read through what the request
# prefetched in one round trip (site_core/cache/fragments.py).
FRAGMENT_CACHE = {
    "BACKEND": "site_core.cache.fragments.PrefetchedFragmentCache",
    "LOCATION": "default",
}


def redis_caches(url, prefix="portal", timeout=0.5):
    options = {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": timeout,
        "SOCKET_TIMEOUT": timeout,
    }
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix,
            "TIMEOUT": 600,
            "OPTIONS": options,
        },
        "renditions": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": prefix + "-renditions",
            "TIMEOUT": 3600,
            "OPTIONS": options,
        },
        "template_fragments": FRAGMENT_CACHE,
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = redis_caches(
        REDIS_URL,
        prefix=os.environ.get("CACHE_KEY_PREFIX", "portal"),
        timeout=float(os.environ.get("REDIS_TIMEOUT", "0.5")),
    )
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
        "template_fragments": FRAGMENT_CACHE,
    }
# Whole-page cache for visitors (site_core/cache, docs/caching.md): anonymous GET responses
# of the public site, in the "default" cache (Redis: shared by every app server), renewed by
# every change of content. The timeout bounds what changes with the clock (upcoming events).
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", True)
PORTAL_PAGE_CACHE_TIMEOUT = int(os.environ.get("PORTAL_PAGE_CACHE_TIMEOUT", "300"))
PORTAL_PAGE_CACHE_MAX_SIZE = 2 * 1024 * 1024
# URL names of the views whose responses are kept (fnmatch patterns). Not the search (any
# text makes a URL), the sitemap (cached by itself), the API, the media and document views.
PORTAL_PAGE_CACHE_VIEWS = ["wagtail_serve", "robots_txt", "feed_*", "events_ics", "event_ics"]
# Search on PostgreSQL (site_core/search/query.py, bounded_search): at most this many of the
# newest matches are ranked, with the newest title matches beside them; when more match,
# the count shown is PostgreSQL's estimate ("khoảng ... kết quả").
PORTAL_SEARCH_MAX_RANKED = 300
PORTAL_SEARCH_TITLE_CANDIDATES = 100
# The sitemap (site_core/sitemaps.py): an index of files of at most this many URLs each
# (the protocol's limit); a rebuild holds its lock at most PORTAL_SITEMAP_LOCK_TIMEOUT
# seconds, and a request with no copy at all waits PORTAL_SITEMAP_WAIT seconds for it.
PORTAL_SITEMAP_MAX_URLS = 50_000
PORTAL_SITEMAP_LOCK_TIMEOUT = 300
PORTAL_SITEMAP_WAIT = 5
# Paths the page cache leaves alone: they set their own headers.
PORTAL_PAGE_CACHE_SKIP_PREFIXES = [
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/media/",
    "/static/",
    "/api/",
]
# Frontend cache (a CDN or reverse proxy in front of the app), off by default: the page
# cache's changes purge it through wagtail.contrib.frontend_cache (site_core/cache/frontend.py).
# FRONTEND_CACHE_PURGE_URL: a Varnish or nginx cache that accepts PURGE requests;
# CLOUDFLARE_ZONEID with CLOUDFLARE_BEARER_TOKEN; CLOUDFRONT_DISTRIBUTION_ID (boto3).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# Seconds the frontend cache keeps a page (s-maxage); browsers always ask again.
PORTAL_FRONTEND_CACHE_MAX_AGE = int(os.environ.get("FRONTEND_CACHE_MAX_AGE", "300"))
# True when every backend reads "<site>/*" as every URL of the site: each change then
# purges everything in one request (exact). Otherwise pages are purged URL by URL.
PORTAL_FRONTEND_CACHE_WILDCARD = env_bool("FRONTEND_CACHE_WILDCARD")
# Views every page's change may affect, purged with it (URL names without arguments).
PORTAL_FRONTEND_CACHE_SITE_URLS = [
    "feed_news_rss",
    "feed_news_atom",
    "feed_events_rss",
    "feed_events_atom",
    "events_ics",
    "feed_documents_rss",
    "feed_documents_atom",
    "sitemap",
]
# Wagtail would add "/vi/..." copies of every URL; the portal's languages have their own
# slugs, and the purge lists each translation itself.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# Mixed into every cache key with the content version (site_core/navigation.py): set it to
# the release (a git commit) or leave it empty for a digest of the portal's code and templates.
PORTAL_RELEASE = os.environ.get("PORTAL_RELEASE", "")

# Sessions in the database, never only in the cache: a Redis outage or restart must not
# sign editors out (and lose their unsaved work). Only staff have sessions, so this costs
# one indexed query per admin request. Not "cached_db" either: a logout during an outage
# could not delete the cached copy, which would sign the user back in once Redis returns.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Languages: Vietnamese first, English as the second content language.
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["site_core.formats"]
# New translations start as drafts and go through the workflow like any page.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Translations are edited in the normal page editor, which has "Gửi duyệt" and where
# direct publishing is refused (site_core/editorial/permission_tester.py).
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "simple"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "site_core" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies other than files (a long page's StreamField JSON) up to 10 MB; uploaded
# files above 2.5 MB are spooled to a temporary file, not held in a worker's memory.
# The web server must refuse bodies above the largest cap first (nginx:
# client_max_body_size 60m; see the deployment docs).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Wagtail
WAGTAIL_SITE_NAME = "Cổng thông tin điện tử Đảng bộ"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Upload caps, refused with a form error in every admin upload path (site_core/files/image_forms.py,
# site_core/files/document_forms.py). 40 million pixels is a full-size camera photo; a rendition
# of it stays within a worker's memory.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("PORTAL_MAX_IMAGE_SIZE", 10 * 1024 * 1024))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("PORTAL_MAX_IMAGE_PIXELS", 40_000_000))
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("PORTAL_MAX_DOCUMENT_SIZE", 50 * 1024 * 1024))
# Alt text: an image's description is required in every admin form (site_core/files/image_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "site_core.files.image_forms.PortalImageForm"
# Replacing the file of an image or document that live content uses is for the board
# (site_core/files/review.py, docs/content-review.md).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "site_core.files.document_forms.PortalDocumentForm"
# Only superusers publish directly; the workflow's last approval publishes pages and
# snippets on its own authority (site_core/editorial/permission_tester.py, site_core/editorial/workflow_finish.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "site_core.editorial.workflow_finish.publish_approved"
# Wagtail's database backend: PostgreSQL full-text search with the vi_unaccent configuration
# (site_core migration 0005), FTS5 on SQLite. Pages also index accent-folded text that the
# site search matches on any database (site_core/search/query.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "vi_unaccent"},
}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILADMIN_USER_LOGIN_FORM = "site_core.security.admin_forms.PortalLoginForm"  # labelled password
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# An edit during review is approved again from the first step, but by comparing content
# (site_core/editorial/workflow_rules.py): Wagtail's own re-approval compares revision ids, and the
# edit page saves a revision whenever the browser's form re-serialises rich text, so every
# approval from the edit page would send the page back to the editors, forever.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The content API is public and read-only: it signs nobody in, so it is no password oracle
# around the second factor and the sign-in lockout (site_core/security/signin.py).
REST_FRAMEWORK = {"DEFAULT_AUTHENTICATION_CLASSES": []}
# No third parties: avatars are the admin's own (uploaded or its default picture), never
# Gravatar, which would learn who is signed in on every admin page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for a newer version (upgrades are planned).
WAGTAIL_ENABLE_UPDATE_CHECK = False

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp; site_core/security/headers.py). Visitor pages run
# only the portal's own script files: no inline script, no other host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Wagtail's responsive embeds size their frame with a style attribute.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        # Videos editors embed (EmbedBlock).
        "frame-src": ["'self'", "https://www.youtube.com", "https://www.youtube-nocookie.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Wagtail's admin templates carry inline scripts and styles (date pickers, inline panels,
# wagtail-localize's editor). Still no eval and only the portal's own host
# (tests/browser/test_csp.py runs the page editor and its checks under it).
PORTAL_CSP_ADMIN_PREFIXES = ["/admin/", "/django-admin/"]
PORTAL_ADMIN_CSP_DIRECTIVES = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:"],
}
# Browser features the portal never uses, for itself and anything it frames.
PORTAL_PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


def require_secret_key():
    if not SECRET_KEY:
        raise ImproperlyConfigured("Đặt biến môi trường SECRET_KEY (SECRET_KEY must be set).")


# `manage.py seed_demo` creates accounts with a published password: only dev.py and
# test.py allow it, so production (and anything built on base.py alone) refuses.
PORTAL_ALLOW_DEMO = False

# `manage.py backup` / `restore` (docs/backup.md): where backups go, how many are kept,
# and the PostgreSQL client programs (same major version as the server, or newer).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))
BACKUP_PG_DUMP = os.environ.get("BACKUP_PG_DUMP", "pg_dump")
BACKUP_PG_RESTORE = os.environ.get("BACKUP_PG_RESTORE", "pg_restore")

# Staff sign-in (README "Staff sign-in"; site_core/security/signin.py, site_core/security/two_factor.py).
# Second factor: TOTP through django-otp, required for every account that can reach the
# admin before any admin page, enrolled on first sign-in; recovery codes are django-otp
# static tokens. PORTAL_2FA_REQUIRED is the one switch (off only in test settings).
# Background tasks (django-tasks, which Wagtail 7.4 already uses, with the database backend
# of django-tasks-db): "default" stays immediate, so Wagtail's own tasks (search index,
# references) run in the request as before; work that must not hold an editor's request
# (documents' text and OCR, visitors' alerts) is enqueued on "background" and run by
# `manage.py db_worker --backend background` (`make run` starts one; in production the
# portal-worker systemd unit, docs/deploy.md). Tasks are rows in the database, so they
# survive restarts of the worker and of the app servers.
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
BACKGROUND_TASKS = "background"  # the alias the portal's own tasks are enqueued on

# Visitors' e-mail alerts (site_core/alerts, docs/alerts.md): confirmation links expire
# after PORTAL_ALERTS_CONFIRM_MAX_AGE seconds; subscribe requests are limited per address
# and per client address (count, window in seconds) in the shared cache, and to
# PORTAL_ALERTS_DAILY_PER_ADDRESS confirmation mails a day per address in the database;
# a refused send is tried again up to PORTAL_ALERTS_MAX_ATTEMPTS times, after
# PORTAL_ALERTS_RETRY_SECONDS, doubling.
PORTAL_ALERTS_FROM_EMAIL = os.environ.get("ALERTS_FROM_EMAIL", DEFAULT_FROM_EMAIL)
PORTAL_ALERTS_CONFIRM_MAX_AGE = 3 * 24 * 3600
PORTAL_ALERTS_THROTTLE = {"address": (3, 3600), "ip": (10, 3600)}
PORTAL_ALERTS_DAILY_PER_ADDRESS = 5
PORTAL_ALERTS_MAX_ATTEMPTS = 5
PORTAL_ALERTS_RETRY_SECONDS = 300

INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]
PORTAL_2FA_REQUIRED = env_bool("PORTAL_2FA_REQUIRED", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Lockout (django-axes): after AXES_FAILURE_LIMIT failures on one account, or from one
# address, sign-in is refused until the cool-off ends or `manage.py unlock_signin`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own
AXES_COOLOFF_TIME = float(os.environ.get("LOGIN_LOCKOUT_HOURS", "1"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal_signin/lockout.html"
AXES_HTTP_RESPONSE_CODE = 403
# Behind N trusted reverse proxies the client address is the N-th from the right of
# X-Forwarded-For; 0 (direct) uses REMOTE_ADDR. See site_core/security/signin.py.
AXES_CLIENT_IP_CALLABLE = "site_core.security.signin.client_ip"
PORTAL_PROXY_COUNT = int(os.environ.get("PORTAL_PROXY_COUNT", "0"))
# Sessions: signed out after 30 minutes without a request and 12 hours after sign-in.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_MINUTES", "30")) * 60
SESSION_MAX_AGE = int(os.environ.get("SESSION_MAX_HOURS", "12")) * 3600
SESSION_COOKIE_AGE = SESSION_MAX_AGE
# Sign-in events at INFO even when LOG_LEVEL is higher (through the root's handler).
LOGGING["loggers"] = {"portal.auth": {"level": os.environ.get("AUTH_LOG_LEVEL", "INFO")}}
