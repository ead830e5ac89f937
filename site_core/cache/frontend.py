"""Purges a frontend cache (a CDN or a reverse proxy) after a change of content.

Off unless WAGTAILFRONTENDCACHE configures a wagtail.contrib.frontend_cache backend
(docs/caching.md). The core reports each change (`content_changed`, site_core/signals.py);
the URLs are gathered at once (a deleted page still knows its own) and purged when the
transaction commits, in one batch per transaction, so that the proxy cannot fetch the old
page again in between.

What a change purges:

- with PORTAL_FRONTEND_CACHE_WILDCARD (a backend that reads `<site>/*` as "every URL of
  the site": CloudFront, Azure, or Varnish with the ban in docs/caching.md): every site,
  on every change; exact, and one request to the backend;
- otherwise, a page published, unpublished, saved live or deleted: its URLs
  (`get_cached_paths`), its translations, descendants and ancestors (the listings), every
  site's home in every language (a home shows the other sites' news) and the site-wide URLs (PORTAL_FRONTEND_CACHE_SITE_URLS: feeds,
  calendars); a home or a top section (what the menu shows), a move, or anything that is
  not a page (a snippet, a setting, an image...): every live page of every site with the
  site-wide URLs. What this leaves (other pages that list the page, pages beyond a
  listing's first) ages out after PORTAL_FRONTEND_CACHE_MAX_AGE.
"""

import threading

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from site_core.cache.pages import frontend_cache_configured
from site_core.signals import content_changed

# The top of a tree: the root (1), the homes (2) and the sections in the menu (3).
SITE_WIDE_DEPTH = 3
BATCH_SIZE = 2000

_pending = threading.local()


def connect():
    content_changed.connect(collect, dispatch_uid="portal-frontend-cache")


def pending():
    if not hasattr(_pending, "urls"):
        _pending.urls = set()
        _pending.everything = False
    return _pending


def collect(sender, page=None, **kwargs):
    if not frontend_cache_configured():
        return
    state = pending()
    if page is None or settings.PORTAL_FRONTEND_CACHE_WILDCARD or page.depth <= SITE_WIDE_DEPTH:
        state.everything = True
    elif not state.everything:
        state.urls |= page_urls(page)
    # Once per change; the first callback at commit purges what the transaction gathered.
    transaction.on_commit(purge_pending)


def purge_pending():
    state = pending()
    everything, urls = state.everything, state.urls
    state.everything, state.urls = False, set()
    if everything:
        urls = every_url()
    if urls:
        PurgeBatch(urls).purge()


def page_urls(page):
    """The URLs a change of `page` makes stale, short of every page of the site."""
    batch = PurgeBatch()
    batch.add_page(page)
    related = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    related |= Page.objects.ancestor_of(page).filter(depth__gt=1)
    if page.numchild:
        related |= Page.objects.descendant_of(page)
    # Every site's home in every language: a site's home also shows the other sites' news
    # (the province's headlines on a sub-portal's, the sub-portals' news on the province's).
    homes = Page.objects.filter(sites_rooted_here__isnull=False)
    related |= Page.objects.filter(depth=2, translation_key__in=homes.values("translation_key"))
    batch.add_pages(related.specific(defer=True))
    return batch.urls | site_wide_urls()


def every_url():
    if settings.PORTAL_FRONTEND_CACHE_WILDCARD:
        return {f"{site.root_url}/*" for site in Site.objects.all()}
    batch = PurgeBatch()
    live = Page.objects.live().filter(depth__gt=1).specific(defer=True)
    batch.add_pages(live.iterator(chunk_size=BATCH_SIZE))
    return batch.urls | site_wide_urls()


def site_wide_urls():
    """PORTAL_FRONTEND_CACHE_SITE_URLS (URL names) in every language on every site."""
    paths = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for name in settings.PORTAL_FRONTEND_CACHE_SITE_URLS:
                try:
                    paths.add(reverse(name))
                except NoReverseMatch:  # a view not installed
                    continue
    return {f"{site.root_url}{path}" for site in Site.objects.all() for path in paths}
