"""Where a request stands in the portal: its site, its home in the active language, the
menu, the breadcrumbs, the language links, and the version that renews the cached chrome.

Every other module asks these questions here (templates through the chrome, see
site_core/context_processors.py; feeds, iCalendar, the sitemap, the cached list of view
restrictions in site_core/query.py). This module imports no portal model, so that
site_core.models may depend on it through query.py.

The header, menu, breadcrumbs and footer HTML, and whole pages (site_core/cache), are cached
under keys that carry `navigation_version()`; the receivers in site_core/signals.py bump it
whenever what visitors see may change (pages, snippets, settings, images, documents, sites,
view restrictions, redirects). With a shared cache (Redis) every app server sees the new
version at once.
"""

import contextvars
import copy
import functools
import hashlib
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import translate_url
from django.utils.translation import get_language, gettext

from wagtail.models import Locale, Page, Site

NAVIGATION_VERSION_KEY = "portal:navigation-version"
LANGUAGE_LINKS_KEY = "portal:languages"
LANGUAGE_LINKS_TIMEOUT = 3600
RELEASE_SUFFIXES = frozenset({".py", ".html", ".txt", ".xml", ".mo"})


# --- cache version ------------------------------------------------------------------------


# Set when this process could not read or renew the version (the cache server was down):
# a change made meanwhile renewed nothing, so the version is renewed once the cache is back.
_missed_renewal = False

# The version number as this request knows it: read from the cache once per request
# (NavigationVersionMiddleware opens the memo at its start and closes it at its end), and
# renewed there by a change made within the request, so that the rest of the request sees
# the change. Outside a request (commands, signals of a script) there is no memo and every
# call asks the cache. One reading per request also gives every fragment cached by this
# request the version read before anything was rendered: a change published on another
# server meanwhile renews the version, so what this request rendered from the rows before
# it is never kept under the new one.
_request_memo = contextvars.ContextVar("portal_navigation_version", default=None)


class NavigationVersionMiddleware:
    """Near the top of MIDDLEWARE (only the page cache's store is outside it): one reading
    of the navigation version per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def request_memo():
    """A dict living as long as the current request, or None outside a request: for values
    read from the cache under the navigation version (put the version in their key)."""
    return _request_memo.get()


PREFETCHED = "prefetched"


def prefetch(cache_backend, keys):
    """Read `keys` from `cache_backend` in one round trip (MGET), for `prefetched_get`
    later in this request; no-op outside a request. For what the chrome reads from the
    shared cache one key at a time while a page renders (base.html `prefetch_chrome`)."""
    memo = _request_memo.get()
    keys = [key for key in keys if key]
    if memo is None or not keys:
        return
    found = cache_backend.get_many(keys)
    memo.setdefault(PREFETCHED, {}).update({key: found.get(key) for key in keys})


def prefetched_get(cache_backend, key):
    """`cache_backend.get(key)`, answered by this request's prefetch when it read `key`.

    Read once: a second reading (after the caller has set the key) asks the cache."""
    memo = _request_memo.get()
    if memo is not None:
        found = memo.get(PREFETCHED)
        if found and key in found:
            return found.pop(key)
    return cache_backend.get(key)


def prefetched_found(key):
    """Whether this request's prefetch read `key` and found a value (not yet taken by
    `prefetched_get`)."""
    memo = _request_memo.get()
    found = memo.get(PREFETCHED) if memo is not None else None
    return bool(found) and found.get(key) is not None


def remember_navigation_number(number):
    """Keep `number` (read from the cache by a caller, e.g. with the page in one round
    trip) as the request's version number; no-op outside a request."""
    memo = _request_memo.get()
    if memo is not None and number is not None and not _missed_renewal:
        memo["number"] = number


def navigation_version():
    """The current version: the code's release (templates and code change what is cached
    too) and the number renewed on every change of content."""
    memo = _request_memo.get()
    if memo is not None and "number" in memo:
        return f"{code_release()}.{memo['number']}"
    number = _read_navigation_number()
    if memo is not None:
        memo["number"] = number
    return f"{code_release()}.{number}"


def version_of_number(number):
    """The version `navigation_version()` would give for `number` as read from the cache,
    without reading or writing anything: None when the number is missing or this process
    owes a renewal (then only `navigation_version()` knows the current version)."""
    if number is None or _missed_renewal:
        return None
    return f"{code_release()}.{number}"


# Keys of the default cache that nearly every request reads right after the version (the
# list of view restrictions, site_core/query.py): read with it in one round trip and kept
# in the request's prefetch (`prefetched_get`). Their values carry the version they were
# computed for, since they are read before the version is known.
READ_WITH_VERSION = []


def _read_navigation_number():
    global _missed_renewal
    memo = _request_memo.get()
    if memo is not None and READ_WITH_VERSION:
        found = cache.get_many([NAVIGATION_VERSION_KEY, *READ_WITH_VERSION])
        number = found.get(NAVIGATION_VERSION_KEY)
        memo.setdefault(PREFETCHED, {}).update({key: found.get(key) for key in READ_WITH_VERSION})
    else:
        number = cache.get(NAVIGATION_VERSION_KEY)
    if number is None:
        cache.add(NAVIGATION_VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)
        number = cache.get(NAVIGATION_VERSION_KEY)
        if number is None:  # the cache is down (django-redis answers "miss")
            _missed_renewal = True
            number = "0"
    elif _missed_renewal:
        _missed_renewal = False
        number = renew_navigation_version()
    return number


def renew_navigation_version():
    global _missed_renewal
    number = uuid.uuid4().hex[:12]
    cache.set(NAVIGATION_VERSION_KEY, number, timeout=None)
    if cache.get(NAVIGATION_VERSION_KEY) != number:
        _missed_renewal = True
    memo = _request_memo.get()
    if memo is not None:
        # The rest of this request sees its own change.
        memo["number"] = number
    return number


@functools.cache
def code_release():
    """PORTAL_RELEASE, or a digest of the portal's own code, templates and translations:
    a deployment starts with fresh cache keys, and servers running different releases
    during a rolling update never share a cached page."""
    release = getattr(settings, "PORTAL_RELEASE", "")
    if release:
        return release
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR).resolve()
    folders = [Path(config.path).resolve() for config in apps.get_app_configs()]
    # The portal's apps only: a virtualenv inside the checkout holds the libraries' apps.
    folders = [
        folder
        for folder in folders
        if folder.is_relative_to(base) and "site-packages" not in folder.parts
    ]
    folders += [Path(folder).resolve() for folder in settings.LOCALE_PATHS]
    for folder in sorted(set(folders)):
        # Named from the folder, not the checkout: LOCALE_PATHS may lie outside it.
        for path in sorted(folder.rglob("*")):
            if path.suffix in RELEASE_SUFFIXES:
                digest.update(f"{folder.name}/{path.relative_to(folder)}".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def cached_until_change(name, compute, timeout=3600):
    """compute(), kept in the shared cache under `name` until the next change of what
    visitors see (the navigation version): for what a page reads from every row of a list
    (a register's filter choices, a list's ids), once per publish rather than per request."""
    key = f"portal:{name}:{navigation_version()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def bump_navigation_version(**kwargs):
    """Renews everything cached for visitors (site_core/signals.py calls it).

    At once, so that the rest of the changing request sees the change, and again when its
    transaction commits: a visitor's request on another server may have read the version
    renewed at once but the rows from before the commit, and cached the old page under it.
    """
    renew_navigation_version()
    transaction.on_commit(renew_navigation_version)


# --- site and home ------------------------------------------------------------------------

# The Site of each host this process has served, with its root page and the root's specific
# page, for the navigation version they were read under: Wagtail's lookup (a CASE over the
# sites, joined to the root page, about 2 ms of CPU to build and read) and the root's
# specific page (the route starts there) cost one query each on every request otherwise.
# With them, for the same version: each site's home in each language (Wagtail's route
# starts at `site.root_page.localized.specific`, whose locale is one more query), and the
# sections below the homes (their listings and sub-routes: `remembered_section`).
# Every change of a Site, a Locale or a live page renews the version (site_core/signals.py),
# so a memo of another version is dropped whole.
_site_memo = {"version": None, "sites": {}, "homes": {}, "sections": {}}
SITE_MEMO_HOSTS = 64
# Sections (pages right below a home) kept per version, at most.
SECTION_MEMO_PAGES = 256


class SiteMemoMiddleware:
    """After PageCacheMiddleware (which reads the version with the page in one round trip):
    gives a visitor's request its Site from this process's memo, as Wagtail's own
    per-request cache (`request._wagtail_site`, which Site.find_for_request reads first),
    and, for a page, the home its route starts from (`process_view`).

    Visitors only (no session cookie): an editor's request reads its rows afresh, so that
    a draft saved without renewing the version (site_core/signals.py EDITORIAL_FIELDS)
    shows at once in the user bar. Each request gets its own copies of the Site and its
    root pages, so that nothing a request sets on them reaches another request.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.skip_prefixes = tuple(settings.PORTAL_PAGE_CACHE_SKIP_PREFIXES)

    def __call__(self, request):
        if (
            not hasattr(request, "_wagtail_site")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(self.skip_prefixes)
        ):
            request._wagtail_site = remembered_site(request)
            request._portal_site_memo = True
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Wagtail's page view (`wagtail_serve`) routes from the site's home in the active
        language, `site.root_page.localized.specific`: a query for the active Locale, and
        one for the translation on the English site. The route is found here from the
        memo's home instead, and kept where Wagtail's `Page.route_for_request` looks first
        (`request._wagtail_route_for_request`), exactly as it would compute it."""
        match = getattr(request, "resolver_match", None)
        if (
            match is None
            or match.url_name != "wagtail_serve"
            or hasattr(request, "_wagtail_route_for_request")
        ):
            return None
        home = remembered_home(request)
        if home is None:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        try:
            route = home.route(request, [part for part in path.split("/") if part])
        except Http404:
            route = None
        request._wagtail_route_for_request = route
        return None


def site_memo(request):
    """This process's memo for the current navigation version, for a visitor's request
    that SiteMemoMiddleware served from it; None otherwise (editors, no request, the cache
    down: then nothing is remembered)."""
    if request is None or not getattr(request, "_portal_site_memo", False):
        return None
    return _current_memo()


def _current_memo():
    version = navigation_version()
    if _missed_renewal:
        # The cache is down: the version says nothing of changes made meanwhile.
        return None
    memo = _site_memo
    if memo["version"] != version:
        # A new dict: a thread still using the old version's keeps its own.
        memo = {"version": version, "sites": {}, "homes": {}, "sections": {}}
        _site_memo.update(memo)
    return memo


def remembered_site(request):
    """A copy of the Site serving `request` (None: no site), from the memo of the current
    navigation version, else read as Wagtail reads it and kept."""
    memo = _current_memo()
    if memo is None:
        return Site.find_for_request(request)
    sites = memo["sites"]  # this version's, even if another thread renews the memo
    # Wagtail's key: the raw host (no ALLOWED_HOSTS check) without its port, and the port.
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    if key in sites:
        return copy_site(sites[key])
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 - read once here, kept with the site
    # The host is the raw header: a visitor sending many names must not grow the memo.
    if len(sites) < SITE_MEMO_HOSTS:
        sites[key] = site
    # find_for_request kept it on the request: this request gets a copy, like the next.
    del request._wagtail_site
    return copy_site(site)


def remembered_home(request):
    """A copy of `site.root_page.localized.specific` for the request's Site and the active
    language (the page Wagtail's route starts from), from the memo; None without a memo or
    a site."""
    memo = site_memo(request)
    site = current_site(request) if memo is not None else None
    if site is None:
        return None
    homes = memo["homes"]
    key = (site.pk, site.root_page_id, get_language())
    if key not in homes:
        home = site.root_page.localized.specific
        if len(homes) < SITE_MEMO_HOSTS * len(settings.LANGUAGES) * 2:
            homes[key] = copy_page(home)
        return home
    return copy_page(homes[key])


def remembered_section(request, home, slug):
    """A copy of the live child of `home` at the URL segment `slug`, with its specific
    page, from the memo; None when there is no memo or no such child (the caller then
    reads the rows as before)."""
    memo = site_memo(request)
    if memo is None:
        return None
    url_path = f"{home.url_path}{slug}/"
    sections = memo["sections"]
    section = sections.get(url_path)
    if section is None:
        section = (
            Page.objects.filter(slug=slug, url_path=url_path, depth=home.depth + 1)
            .order_by()
            .first()
        )
        if section is None or not section.live or not section.path.startswith(home.path):
            return None
        section.specific  # noqa: B018 - read once here, kept with the page
        if len(sections) < SECTION_MEMO_PAGES:
            sections[url_path] = copy_page(section)
        return section
    return copy_page(section)


def copy_page(page):
    """A copy of `page` and of its specific page when it was read."""
    copied = copy.copy(page)
    specific = page.__dict__.get("specific")
    if specific is page:
        copied.__dict__["specific"] = copied
    elif specific is not None:
        copied.__dict__["specific"] = copy.copy(specific)
    return copied


def copy_site(site):
    """The Site with copies of its root page and of the root's specific page (read by
    Wagtail's route as `site.root_page.localized.specific`)."""
    if site is None:
        return None
    site = copy.copy(site)
    site.root_page = copy_page(site.root_page)
    return site


def current_site(request):
    """The Site serving the request, or None (no request, no site for this host).

    Wagtail reads the raw Host header, without the ALLOWED_HOSTS check, and answers None
    rather than raising when no site matches, so an odd host still gets a 404 page.
    """
    return Site.find_for_request(request)


def site_root_paths_follow_sites(request):
    """Renew Wagtail's cached site root paths when they do not know the request's Site.

    Wagtail keeps the list of sites' root paths (what turns a page into a URL) in the
    default cache for an hour and clears it when a Site is saved, in the saving process.
    With a cache per process (the quick start's local memory) a Site added by another
    process (`manage.py create_subportal` while the server runs, or another app server)
    stayed unknown: its pages had no URL (empty menu, listings without links) until a
    restart. The Site row read for the request (one query Wagtail makes anyway, with its
    root page) is the reference: a list without it, or with another root or address for
    it, is cleared and read again from the Site table. Called for every page served
    (site_core/wagtail_hooks.py); costs one cache read and no query.
    """
    site = current_site(request)
    if site is None:
        return
    root_path, root_url = site.root_page.url_path, site.root_url
    if not any(
        known.site_id == site.pk and known.root_path == root_path and known.root_url == root_url
        for known in Site.get_site_root_paths()
    ):
        Site.clear_site_root_paths_cache()


def absolute_url(request, url):
    """`url` (a path, or an absolute URL left as it is) made absolute on the scheme and host
    that serve `request`; without a request, on the default Site's root URL.

    Links that leave the portal (canonical, og:url, hreflang, feeds, the sitemap) follow
    the host the visitor used, whatever the Site's configured hostname and port.
    """
    if not url or url.startswith(("http://", "https://", "//")):
        return url
    if request is not None:
        return request.build_absolute_uri(url)
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else "") + url


def other_site_url(request, url):
    """`url`, an absolute URL on another Site of this installation (Wagtail's URL of a page
    of that Site, or its root URL), on the port the visitor used when that port is not the
    Sites' configured one.

    The quick start serves every Site on runserver's port (localhost:8000,
    phuong-tran-bien.localhost:8000) while the Sites say port 80: a link from one site to
    another led to port 80, where nothing answers. A Host header without a port (production,
    behind its proxy) or naming the current Site's own port leaves `url` as it is, and so
    does a `url` on a port other than the current Site's (a Site configured otherwise).
    """
    site = current_site(request) if request is not None else None
    if site is None or not url:
        return url
    _domain, port = split_domain_port(request.get_host())
    if not port or int(port) == site.port:
        return url
    parts = urlsplit(url)
    if not parts.hostname:
        return url
    target_port = parts.port or (443 if parts.scheme == "https" else 80)
    if target_port != site.port:
        return url
    return parts._replace(netloc=f"{parts.hostname}:{port}").geturl()


def page_full_url(page, request=None):
    """The page's absolute URL on the host serving `request` (or the page's own Site's,
    when it belongs to another Site); without a request, on its configured Site. None when
    the page is not routable."""
    if request is None:
        return page.get_full_url()
    return absolute_url(request, page.get_url(request)) or None


def current_page(page):
    """`page` when it is a saved page (a template's `page`), else None."""
    return page if isinstance(page, Page) and page.pk else None


def localized_home(site_or_request, locale=None):
    """The home page of a site, or of a request's site, in `locale` (default: the active
    language): the translation of the site's root page.

    None when there is no site (None, or no site for the request's host), no locale or no
    translation in that locale.
    """
    if site_or_request is None or isinstance(site_or_request, Site):
        site = site_or_request
        memo = None
    else:
        site = current_site(site_or_request)
        # A visitor's request: kept with the site for the navigation version.
        memo = site_memo(site_or_request) if locale is None else None
    if site is None:
        return None
    if memo is not None:
        homes = memo["homes"]
        key = ("localized", site.pk, site.root_page_id, get_language())
        if key not in homes:
            home = _localized_home(site, None)
            if len(homes) < SITE_MEMO_HOSTS * len(settings.LANGUAGES) * 2:
                homes[key] = None if home is None else copy_page(home)
            return home
        return None if homes[key] is None else copy_page(homes[key])
    return _localized_home(site, locale)


def _localized_home(site, locale):
    if locale is None:
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:  # not even the default language has a locale
            return None
    home = site.root_page
    if home.locale_id == locale.pk:
        return home
    return home.get_translation_or_none(locale)


# --- menu and breadcrumbs -----------------------------------------------------------------


def menu_root_path(request, page):
    """Path of the home page whose children make the menu, or None."""
    if page is not None and page.depth >= 2:
        return page.path[: 2 * Page.steplen]
    site = current_site(request)
    if site is None:
        return None
    home = localized_home(site) or site.root_page
    return home.path


def cache_key(part, request, page):
    """Vary-on value for `{% wagtailcache %}` around the header, menu, breadcrumbs, footer."""
    site = current_site(request)
    bits = [part, navigation_version(), site.pk if site else "-", get_language() or "-"]
    if part == "menu":
        # The section marks aria-current="page" on itself and "true" below it.
        bits.append(
            f"{page.path[: 3 * Page.steplen]}{'=' if page.depth <= 3 else '>'}" if page else "-"
        )
    elif part == "breadcrumbs":
        bits.append(page.pk if page else "-")
    return ":".join(str(bit) for bit in bits)


def card_cache_key(request, kind, page):
    """Vary-on value for the `{% wagtailcache %}` of one listing card: the card `kind` (a
    list's layout of cards), the page, and what its HTML depends on besides the page's own
    rows, which the navigation version covers (its picture, its source unit, its URL below
    the site: any publish, move, snippet, image or site change renews the version)."""
    site = current_site(request)
    bits = ["card", navigation_version(), site.pk if site else "-", get_language() or "-"]
    return ":".join(str(bit) for bit in (*bits, kind, page.pk))


def main_menu(request, page):
    """Live, public, in-menu children of the home page; the current section is marked."""
    root_path = menu_root_path(request, page)
    items = []
    home_url = "/"
    if root_path:
        depth = len(root_path) // Page.steplen
        candidates = (
            Page.objects.filter(
                Q(path=root_path)
                | Q(path__startswith=root_path, depth=depth + 1, show_in_menus=True)
            )
            .live()
            .public()
            .only("id", "title", "path", "depth", "url_path", "show_in_menus")
            .order_by("path")
        )
        for candidate in candidates:
            url = candidate.get_url(request)
            if not url:
                continue
            if candidate.depth == depth:
                home_url = url
                continue
            current = page is not None and page.path.startswith(candidate.path)
            items.append(
                {
                    "title": candidate.title,
                    "url": url,
                    "current": current,
                    "exact": current and page.pk == candidate.pk,
                }
            )
    return {
        "items": items,
        "home_url": home_url,
        "is_home": page is not None and page.path == root_path,
    }


def breadcrumbs(request, page):
    """Live ancestors from the home page down to the page's parent.

    Kept on the request: the <head>'s BreadcrumbList (site_core/seo.py) and the
    breadcrumbs fragment of a cold page view read them with one query."""
    memo = request.__dict__.setdefault("_portal_breadcrumbs", {}) if request else {}
    key = page.pk if page is not None else None
    if key not in memo:
        memo[key] = _breadcrumbs(request, page)
    return memo[key]


def _breadcrumbs(request, page):
    crumbs = []
    if page is not None and page.depth > 2:
        ancestors = (
            page.get_ancestors()
            .filter(depth__gte=2)
            .live()
            .only("id", "title", "path", "depth", "url_path")
        )
        for ancestor in ancestors:
            url = ancestor.get_url(request)
            if url:
                title = gettext("Trang chủ") if ancestor.depth == 2 else ancestor.title
                crumbs.append({"title": title, "url": url})
    return crumbs


# --- language links -----------------------------------------------------------------------


def _language(code):
    return (code or settings.LANGUAGE_CODE).split("-")[0]


def translation_urls(request, site, page, languages):
    """{language: url} of the page's live translations, else of the live homes."""
    homes = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    condition = Q(translation_key__in=homes)
    if page is not None:
        condition |= Q(translation_key=page.translation_key)
    candidates = (
        Page.objects.live()
        .filter(condition, locale__language_code__in=languages)
        .select_related("locale")
        .only("id", "path", "depth", "url_path", "translation_key", "locale__language_code")
    )
    found, fallback = {}, {}
    for candidate in candidates:
        url = candidate.get_url(request)
        if not url:
            continue
        code = candidate.locale.language_code
        if page is not None and candidate.translation_key == page.translation_key:
            found[code] = url
        else:
            fallback.setdefault(code, url)
    return {
        code: found.get(code) or fallback.get(code)
        for code in languages
        if code in found or code in fallback
    }


def language_links_key(site, page, current):
    bits = (LANGUAGE_LINKS_KEY, navigation_version(), site.pk, page.pk if page else "-", current)
    return ":".join(str(bit) for bit in bits)


def language_links_cache_key(request, page):
    """Where `language_links` keeps its URLs for this request and page, or None when it
    keeps none (a view of its own, a preview, no site)."""
    match = getattr(request, "resolver_match", None)
    if page is None and match is not None and match.url_name not in (None, "wagtail_serve"):
        return None
    site = current_site(request)
    if site is None or getattr(request, "is_preview", False):
        return None
    return language_links_key(site, page, _language(get_language()))


def language_links(request, page):
    """The language switcher's links: [{code, name, url, current}], or [] for one language.

    From a page: its live translation in the other language, otherwise that language's
    home; from a view without a page (search): the same view in the other language. The
    URLs are kept in the shared cache per site, page and language under the navigation
    version, so a warm page view costs no query and a cold one a single query.
    """
    current = _language(get_language())
    others = [code for code, _name in settings.LANGUAGES if code != current]

    match = getattr(request, "resolver_match", None)
    if page is None and match is not None and match.url_name not in (None, "wagtail_serve"):
        # A view of its own (search): the same view in the other language, no query.
        urls = {code: translate_url(request.get_full_path(), code) for code in others}
    else:
        site = current_site(request)
        if site is None:
            return []
        preview = getattr(request, "is_preview", False)
        key = language_links_key(site, page, current)
        urls = None if preview else prefetched_get(cache, key)
        if urls is None:
            urls = translation_urls(request, site, page, others)
            if not preview:
                cache.set(key, urls, LANGUAGE_LINKS_TIMEOUT)

    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            links.append(
                {"code": code, "name": name, "url": request.get_full_path(), "current": True}
            )
        elif urls.get(code):
            links.append({"code": code, "name": name, "url": urls[code], "current": False})
    return links if len(links) > 1 else []
