import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_core.settings.production")

django_application = get_wsgi_application()

# After get_wsgi_application(): these need the apps loaded.
from site_core.cache.fastpath import PageCacheFastPath  # noqa: E402
from site_core.navigation import code_release  # noqa: E402

# Kept pages are answered before Django's middleware (site_core/cache/fastpath.py).
application = PageCacheFastPath(django_application)

# The release digest of the cache keys, computed here once: gunicorn loads this module
# before forking (preload_app), so a worker it recycles (max_requests) starts with it
# instead of hashing the portal's code again (about 0.2 s) on its first request.
code_release()
