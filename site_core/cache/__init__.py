"""The whole-page cache for visitors and the frontend cache purge (docs/caching.md).

- pages.py: what is kept, under which key, and the Cache-Control other caches get;
- middleware.py: serves and fills the cache;
- frontend.py: purges a CDN or reverse proxy (wagtail.contrib.frontend_cache) after a
  change, when WAGTAILFRONTENDCACHE is set;
- wagtail_hooks.py: notes the page Wagtail serves, so that a private page is never kept.

Invalidation is the navigation version, renewed by site_core/signals.py.
"""
