"""The sitemap of the request's site, in every language: /sitemap.xml is an index of
/sitemap-<n>.xml files of at most PORTAL_SITEMAP_MAX_URLS (50,000) URLs each.

Built without `.specific()` and without OFFSET: the live public pages of every language
tree of the site (Wagtail's Sitemap lists the descendants of `site.root_page` only, the
Vietnamese tree; the English pages under /en/ live below a sibling root) are walked in
path order by keyset (`path > last path ORDER BY path LIMIT N`, only the columns a URL
and its date need), one query per file. A page's URL is the one `Page.get_url` gives:
the language prefix reversed once per language tree ("/", "/en/"), then the page's
url_path below its tree root, quoted as `reverse` does. The files are kept with these
paths; each response puts the scheme and host that serve the request before them, so a
portal reached as https://portal.example/ lists https://portal.example/ URLs whatever
the Site's configured hostname and port.

A build is kept in the cache, under a key of its own per site (not the content version),
with the navigation version it was built for (site_core/navigation.py, renewed by every
publish, unpublish or move). A request that finds the version changed rebuilds it at once
(no staleness) unless another rebuild of that site is running (a lock taken with
cache.add): then it serves the previous copy, which the new one replaces when it is ready.
Only when there is no copy at all does it wait for the running rebuild, briefly, or build
by itself.
"""

import time
import uuid
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS

from wagtail.models import Page, get_page_models

from site_core.cache.pages import patch_shared_cache_control
from site_core.navigation import current_site, navigation_version
from site_core.query import cached_private_q

MANIFEST_KEY = "portal:sitemap:{site}"
FILE_KEY = "portal:sitemap:{site}:{build}:{number}"
LOCK_KEY = "portal:sitemap:{site}:lock"
# A build's files outlive their manifest only by accident (a worker that died mid-swap).
FILE_TIMEOUT = 24 * 3600
WAIT_STEP = 0.1
URLSET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)
URLSET_END = "</urlset>\n"
INDEX_START = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
INDEX_END = "</sitemapindex>\n"
# What `reverse` leaves unquoted in a path (django.urls.resolvers).
PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"
CONTENT_TYPE = "application/xml; charset=utf-8"


def max_urls():
    return getattr(settings, "PORTAL_SITEMAP_MAX_URLS", 50_000)


def lock_timeout():
    """Seconds a rebuild may hold the lock: a worker that dies mid-build frees it then."""
    return getattr(settings, "PORTAL_SITEMAP_LOCK_TIMEOUT", 300)


def wait_timeout():
    """Seconds a request without any copy waits for a running rebuild before building."""
    return getattr(settings, "PORTAL_SITEMAP_WAIT", 5)


# --- building -----------------------------------------------------------------------------


class TreeRoot:
    """A language tree of the site: its root page and where its URLs start."""

    def __init__(self, path, depth, url_path, prefix):
        self.path = path
        self.depth = depth
        self.url_path = url_path
        self.prefix = prefix  # "/en/"

    def location(self, url_path):
        return self.prefix + quote(url_path[len(self.url_path) :], safe=PATH_SAFE)


def tree_roots(site):
    """The site's root page and its translations, each with its URL prefix."""
    root = site.root_page
    roots = Page.objects.filter(translation_key=root.translation_key).values_list(
        "path", "depth", "url_path", "locale__language_code"
    )
    result = []
    for path, depth, url_path, language in roots:
        with translation.override(language):
            prefix = reverse("wagtail_serve", args=("",))
        result.append(TreeRoot(path, depth, url_path, prefix))
    return result


def live_public_pages(roots):
    trees = Q()
    for root in roots:
        trees |= Q(path__startswith=root.path, depth__gte=root.depth)
    pages = Page.objects.filter(trees, live=True).exclude(cached_private_q())
    for elsewhere in canonical_elsewhere():
        pages = pages.exclude(pk__in=elsewhere)
    return pages


def canonical_elsewhere():
    """Subqueries of pages whose canonical address is another page's (BasePage)."""
    found = (getattr(model, "canonical_elsewhere", lambda: None)() for model in get_page_models())
    return [pks for pks in found if pks is not None]


def sections(roots, limit):
    """Lists of (location, lastmod) of at most `limit` pages, in path order, by keyset."""
    pages = live_public_pages(roots).order_by("path")
    by_path = {root.path: root for root in roots}
    steplen = len(roots[0].path) if roots else 0
    columns = ("path", "url_path", "last_published_at", "latest_revision_created_at")
    last_path = ""
    while roots:
        rows = list(pages.filter(path__gt=last_path).values_list(*columns)[:limit])
        if not rows:
            return
        yield [
            (by_path[path[:steplen]].location(url_path), published or revised)
            for path, url_path, published, revised in rows
        ]
        if len(rows) < limit:
            return
        last_path = rows[-1][0]


def lastmod_text(value):
    """As Django's sitemap template writes it: the local date."""
    return timezone.localtime(value).date().isoformat()


LOC_START = "<url><loc>"


def render_urlset(entries):
    """The urlset with locations as paths; `with_origin` makes them absolute when served."""
    parts = [URLSET_START]
    for location, lastmod in entries:
        parts.append(f"{LOC_START}{escape(location)}</loc>")
        if lastmod:
            parts.append(f"<lastmod>{lastmod_text(lastmod)}</lastmod>")
        parts.append("</url>\n")
    parts.append(URLSET_END)
    return "".join(parts).encode()


class Copy:
    """A built sitemap: its manifest (what the cache keeps: version, build id, the latest
    date of each file) and, right after building, the files themselves."""

    def __init__(self, manifest, files=None):
        self.manifest = manifest
        self.files = files or {}

    @property
    def count(self):
        return len(self.manifest["lastmods"])

    def file(self, site, number):
        """File `number` (from 1), or None when out of range or no longer in the cache."""
        if not 1 <= number <= self.count:
            return None
        if number in self.files:
            return self.files[number]
        key = FILE_KEY.format(site=site.pk, build=self.manifest["build"], number=number)
        return cache.get(key)


def build(site, version):
    """Render every file of the site's sitemap into the cache."""
    build_id = uuid.uuid4().hex[:12]
    lastmods, files = [], {}
    for entries in sections(tree_roots(site), max_urls()):
        lastmods.append(max((lastmod for _, lastmod in entries if lastmod), default=None))
        files[len(lastmods)] = render_urlset(entries)
    if not files:  # no page at all: the index still lists one (empty) file
        lastmods.append(None)
        files[1] = render_urlset([])
    cache.set_many(
        {
            FILE_KEY.format(site=site.pk, build=build_id, number=number): content
            for number, content in files.items()
        },
        timeout=FILE_TIMEOUT,
    )
    return Copy({"version": version, "build": build_id, "lastmods": lastmods}, files)


def swap_in(site, copy):
    """The new copy replaces the previous one, whose files are then dropped."""
    key = MANIFEST_KEY.format(site=site.pk)
    previous = cache.get(key)
    cache.set(key, copy.manifest, timeout=None)
    if previous and previous["build"] != copy.manifest["build"]:
        cache.delete_many(
            [
                FILE_KEY.format(site=site.pk, build=previous["build"], number=number)
                for number in range(1, len(previous["lastmods"]) + 1)
            ]
        )


def rebuild(site, version):
    copy = build(site, version)
    swap_in(site, copy)
    return copy


# --- the copy a request gets --------------------------------------------------------------


def stored_copy(site):
    manifest = cache.get(MANIFEST_KEY.format(site=site.pk))
    return None if manifest is None else Copy(manifest)


def current_copy(site):
    """The copy to serve: current, rebuilt now, or the previous one while another request
    rebuilds it."""
    # Taken before building: a change published meanwhile leaves this build outdated.
    version = navigation_version()
    copy = stored_copy(site)
    if copy is not None and copy.manifest["version"] == version:
        return copy
    lock_key = LOCK_KEY.format(site=site.pk)
    if cache.add(lock_key, version, timeout=lock_timeout()):
        try:
            return rebuild(site, version)
        finally:
            cache.delete(lock_key)
    if copy is not None:
        return copy  # another request is rebuilding: the previous copy meanwhile
    deadline = time.monotonic() + wait_timeout()
    # No copy at all: wait for the running rebuild, unless there is none (the cache is
    # down and takes no lock) or it takes too long.
    while cache.get(lock_key) is not None and time.monotonic() < deadline:
        time.sleep(WAIT_STEP)
        copy = stored_copy(site)
        if copy is not None:
            return copy
    return rebuild(site, version)


def section_file(site, number):
    """(copy, content) of file `number`; content None when out of range."""
    copy = current_copy(site)
    content = copy.file(site, number)
    if content is None and 1 <= number <= copy.count:
        # Swapped out between reading the manifest and the file, or evicted: the newer
        # copy, or a new one.
        copy = stored_copy(site) or copy
        content = copy.file(site, number)
        if content is None and 1 <= number <= copy.count:
            copy = rebuild(site, navigation_version())
            content = copy.file(site, number)
    return copy, content


# --- views --------------------------------------------------------------------------------


def request_origin(request):
    """'https://portal.example': the scheme and host serving the request."""
    return request.build_absolute_uri("/").rstrip("/")


def with_origin(request, content):
    """A stored urlset file with its paths made absolute on the request's host."""
    start = LOC_START.encode()
    return content.replace(start, start + escape(request_origin(request)).encode())


def xml_response(request, content, etag):
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    response["ETag"] = f'"{etag}"'
    patch_shared_cache_control(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def request_site(request):
    site = current_site(request)
    if site is None:
        raise Http404("No site for this host.")
    return site


def sitemap_index(request):
    """/sitemap.xml: the index of the site's sitemap files."""
    site = request_site(request)
    manifest = current_copy(site).manifest
    parts = [INDEX_START]
    for number, lastmod in enumerate(manifest["lastmods"], start=1):
        location = request.build_absolute_uri(reverse("sitemap_section", args=(number,)))
        parts.append(f"<sitemap><loc>{escape(location)}</loc>")
        if lastmod:
            parts.append(f"<lastmod>{timezone.localtime(lastmod).isoformat()}</lastmod>")
        parts.append("</sitemap>\n")
    parts.append(INDEX_END)
    etag = "{}-{}".format(manifest["build"], request.get_host())
    return xml_response(request, "".join(parts).encode(), etag)


def sitemap_section(request, number):
    """/sitemap-<number>.xml: one file of at most PORTAL_SITEMAP_MAX_URLS URLs."""
    site = request_site(request)
    copy, content = section_file(site, number)
    if content is None:
        raise Http404("No such sitemap file.")
    etag = "{}-{}-{}".format(copy.manifest["build"], number, request.get_host())
    return xml_response(request, with_origin(request, content), etag)
