"""Discovery meta for <head> (canonical, hreflang, feeds, OpenGraph, Twitter card, schema.org
JSON-LD) and the share links of a page, read by the templates as `chrome.meta` and
`chrome.share`. Absolute URLs are on the scheme and host that serve the request.

The meta dict holds plain strings. It is computed once per request and kept in the shared
cache under the page's `cache_key` (which changes on publish) and the navigation version
(bumped on any publish, move or settings change, see site_core/signals.py), so a warm page
view costs no query; a cold one costs the translations query, the image and its rendition,
the breadcrumbs (read once per request, shared with the breadcrumbs fragment) and what the
page's structured data names (the emblem, an event's organiser, a document's status).

Pages describe themselves through the page interface of site_core.models.BasePage
(`og_type`, `get_meta_description()`, `get_listing_image()`, `get_published_time()`,
`get_calendar_url()`, `get_structured_data()`); nothing here asks for a page's class.
"""

import hashlib
import json
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils.text import Truncator
from django.utils.translation import get_language

from site_core.navigation import (
    absolute_url,
    breadcrumbs,
    current_site,
    navigation_version,
    page_full_url,
    prefetched_get,
)
from site_core.share_card import share_card_meta

SHARE_IMAGE_SPEC = "fill-1200x630"
SHARE_IMAGE_SIZE = (1200, 630)
LOGO_IMAGE_SPEC = "max-1200x630"
DESCRIPTION_LENGTH = 300
META_CACHE_TIMEOUT = 3600
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
DEFAULT_LANGUAGE = "vi"

# (url name, feed type, title); the category feed is added on category listings.
SITE_FEEDS = [
    ("feed_news_rss", "application/rss+xml", "Tin hoạt động (RSS)"),
    ("feed_news_atom", "application/atom+xml", "Tin hoạt động (Atom)"),
    ("feed_events_rss", "application/rss+xml", "Sự kiện (RSS)"),
    ("feed_documents_rss", "application/rss+xml", "Văn bản (RSS)"),
]


SCHEMA = "https://schema.org"
# What must not appear raw inside <script>: "</script>", "<!--" and "&" entities.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@dataclass
class StructuredDataContext:
    """What a page's get_structured_data() builds on: its absolute URL, its share image,
    the organisation that publishes the portal, the language."""

    request: object
    url: str
    image: dict | None
    logo: dict | None
    portal: object
    language: str
    description: str

    def absolute(self, url):
        return absolute_url(self.request, url)

    def organization(self, detailed=False):
        return organization_data(self.request, self.portal, self.logo, detailed)

    @property
    def publisher(self):
        return self.organization()

    def dated(self, value):
        """An ISO 8601 date or date-time for schema.org, or None."""
        return value.isoformat() if value else None


def image_object(image):
    """schema.org ImageObject of a rendition dict (`_absolute_image_url`)."""
    if not image:
        return None
    return {
        "@type": "ImageObject",
        "url": image["url"],
        "width": image["width"],
        "height": image["height"],
    }


def organization_data(request, portal, logo=None, detailed=False):
    """The organisation behind the portal: publisher of articles, organiser by default;
    `detailed` adds its address and contacts (the home page's Organization)."""
    name = ""
    if portal is not None:
        name = portal.organisation_name or portal.portal_name
    data = {"@type": "Organization", "name": name, "url": absolute_url(request, "/")}
    if logo:
        data["logo"] = image_object(logo)
    if detailed and portal is not None:
        if portal.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": portal.address,
                "addressCountry": "VN",
            }
        contact = {
            key: value
            for key, value in (
                ("telephone", portal.phone),
                ("faxNumber", portal.fax),
                ("email", portal.email),
            )
            if value
        }
        if contact:
            data["contactPoint"] = {"@type": "ContactPoint", "contactType": "office", **contact}
            data.update(contact)
        if portal.portal_name and portal.portal_name != name:
            data["alternateName"] = portal.portal_name
    return data


def breadcrumb_list(request, page, url):
    """BreadcrumbList of the page's breadcrumbs (home … parent) and the page itself."""
    crumbs = breadcrumbs(request, page)
    if not crumbs:
        return None
    items = [(crumb["title"], absolute_url(request, crumb["url"])) for crumb in crumbs]
    items.append((page.title, url))
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": item}
            for position, (name, item) in enumerate(items, start=1)
        ],
    }


def structured_data_json(nodes):
    """The JSON-LD of `nodes` for a <script type="application/ld+json"> block: valid
    JSON that cannot close the script element, whatever an editor typed."""
    if not nodes:
        return ""
    data = nodes[0] if len(nodes) == 1 else nodes
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.translate(JSON_SCRIPT_ESCAPES)


def build_structured_data(request, page, portal, meta):
    logo = None
    if portal is not None and portal.logo_id:
        logo = _absolute_image_url(request, portal.logo, LOGO_IMAGE_SPEC)
    context = StructuredDataContext(
        request=request,
        url=meta["canonical"] or meta["url"],
        image=meta["image"],
        logo=logo,
        portal=portal,
        language=meta["language"],
        description=meta["description"],
    )
    nodes = [
        {
            "@context": SCHEMA,
            **{key: value for key, value in node.items() if value not in ("", None)},
        }
        for node in page.get_structured_data(context)
    ]
    crumbs = breadcrumb_list(request, page, context.url)
    if crumbs:
        nodes.append(crumbs)
    return structured_data_json(nodes)


def _absolute_image_url(request, image, spec):
    try:
        rendition = image.get_rendition(spec)
    # Wagtail's SourceImageIOError (the original file is missing) is an OSError, as are
    # Pillow's errors for a file it cannot read: the page goes without a share image.
    except OSError:
        return None
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt or image.title,
    }


def _routable_subpath(request, page_url):
    """The part of the request path below the page (a RoutablePageMixin sub-route)."""
    page_path = urlsplit(page_url).path
    if request.path.startswith(page_path):
        return request.path[len(page_path) :]
    return ""


def _page_number(request):
    value = request.GET.get("page", "")
    return int(value) if value.isdigit() and 1 < int(value) < 100_000 else None


def _feeds(request, page, heading):
    feeds = []
    for name, feed_type, title in SITE_FEEDS:
        try:
            feeds.append({"url": reverse(name), "type": feed_type, "title": title})
        except NoReverseMatch:  # pragma: no cover - the routes are in the apps' urls.py
            continue
    match = getattr(request, "routable_resolver_match", None)
    if page is not None and match and getattr(match[0], "__name__", "") == "category_route":
        slug = match[2].get("slug")
        for name, feed_type, label in (
            ("feed_news_category_rss", "application/rss+xml", "RSS"),
            ("feed_news_category_atom", "application/atom+xml", "Atom"),
        ):
            feeds.insert(
                0,
                {
                    "url": reverse(name, kwargs={"slug": slug}),
                    "type": feed_type,
                    "title": f"{heading} ({label})".strip(),
                },
            )
    for feed in feeds:
        feed["url"] = request.build_absolute_uri(feed["url"])
    return feeds


def _translations(request, page):
    """[(language, url)] of the live translations, the page's own language included."""
    translations = (
        page.get_translations(inclusive=True).live().select_related("locale").order_by("pk")
    )
    alternates = []
    for translation in translations:
        url = page_full_url(translation, request)
        if url:
            alternates.append((translation.locale.language_code, url))
    return alternates


def build_page_meta(request, page, portal, heading=""):
    """The meta dict of `page` (None for a view without a page: search, 404).

    `portal` is the site's PortalSettings or None; `heading` the sub-route's heading of a
    routable listing ("Chuyên mục …"), which leads the title.
    """
    language = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    site_name = portal.portal_name if portal else ""
    meta = {
        "site_name": site_name,
        "language": language,
        "og_locale": OG_LOCALES.get(language, language),
        "og_locale_alternates": [],
        "type": "website",
        "title": site_name,
        "description": (portal.tagline if portal else "") or "",
        "canonical": "",
        "url": request.build_absolute_uri(request.path),
        "alternates": [],
        "x_default": "",
        "image": None,
        "published_time": "",
        "modified_time": "",
        "feeds": _feeds(request, page, heading or ""),
        "structured_data": "",
    }
    if page is not None:
        page_url = page_full_url(page, request)
        if page_url:
            subpath = "" if getattr(request, "is_preview", False) else None
            if subpath is None:
                subpath = _routable_subpath(request, page_url)
            canonical = page_url + subpath
            number = _page_number(request)
            if number:
                canonical += f"?page={number}"
            meta["url"] = canonical
            # A copy names its original (a sub-portal's article republished by the
            # province): search engines index that one.
            meta["canonical"] = page.get_canonical_url() or canonical
            if not subpath:
                alternates = _translations(request, page)
                if len(alternates) > 1:
                    meta["alternates"] = alternates
                    meta["x_default"] = dict(alternates).get(DEFAULT_LANGUAGE, "")
                    meta["og_locale_alternates"] = [
                        OG_LOCALES.get(code, code) for code, _ in alternates if code != language
                    ]
        meta["title"] = page.seo_title or page.title
        if heading:
            meta["title"] = f"{heading} – {meta['title']}"
        description = page.get_meta_description()
        if description:
            meta["description"] = Truncator(description).chars(DESCRIPTION_LENGTH)
        image = page.get_listing_image()
        if image is not None:
            share = _absolute_image_url(request, image, SHARE_IMAGE_SPEC)
            # Wagtail does not enlarge: a picture smaller than the networks' minimum
            # leaves the page to the portal's card.
            minimum_width, minimum_height = SHARE_IMAGE_SIZE
            if share and share["width"] >= minimum_width and share["height"] >= minimum_height:
                meta["image"] = share
        if page.og_type == "article":
            meta["type"] = "article"
            published = page.get_published_time()
            meta["published_time"] = published.isoformat() if published else ""
            modified = page.last_published_at
            meta["modified_time"] = modified.isoformat() if modified else ""
    if meta["image"] is None and portal is not None:
        # Social networks want 1200×630 at least: the portal's card, not its emblem.
        meta["image"] = share_card_meta(request, portal)
    if page is not None and not heading:
        # A routable sub-page (a category, a year) is a list, not the page itself.
        meta["structured_data"] = build_structured_data(request, page, portal, meta)
    return meta


def _cache_key(request, page, site):
    bits = [
        navigation_version(),
        site.pk if site else "-",
        get_language() or "-",
        page.cache_key if page is not None else "-",
        request.get_host(),
        request.path,
        _page_number(request) or "",
    ]
    digest = hashlib.sha256(":".join(str(bit) for bit in bits).encode()).hexdigest()
    return f"portal:page-meta:{digest}"


def page_meta_cache_key(request, page):
    """Where `page_meta` keeps the meta of `page` for this request, or None."""
    site = current_site(request)
    if getattr(request, "is_preview", False) or site is None:
        return None
    return _cache_key(request, page, site)


def page_meta(request, page, portal, heading=""):
    """The meta dict of `page`, from the request's memo, the shared cache, or built.

    `portal` is a callable returning the PortalSettings (or None): it is only read when
    the meta has to be built.
    """
    per_request = request.__dict__.setdefault("_portal_page_meta", {})
    local_key = (page.pk if page else None, request.path)
    if local_key in per_request:
        return per_request[local_key]

    site = current_site(request)
    shared = not getattr(request, "is_preview", False) and site is not None
    key = _cache_key(request, page, site) if shared else None
    meta = prefetched_get(cache, key) if key else None
    if meta is None:
        meta = build_page_meta(request, page, portal(), heading)
        if key:
            cache.set(key, meta, META_CACHE_TIMEOUT)
    per_request[local_key] = meta
    return meta


def share_links(meta, page):
    """Share targets for a page: plain links to each network, no third-party script.

    `page` is the template's page, saved or not (a preview of a new page), or None; its
    title is what is shared.
    """
    # The page the visitor is on (for a copy, not its original's canonical address).
    url = meta.get("url") or meta.get("canonical") or ""
    if not url:
        return {}
    title = (page.title if page is not None else "") or meta.get("title", "")
    encoded_url, encoded_title = quote(url, safe=""), quote(title, safe="")
    return {
        "url": url,
        "title": title,
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={encoded_url}",
        "zalo": f"https://sp.zalo.me/share?url={encoded_url}",
        "x": f"https://twitter.com/intent/tweet?url={encoded_url}&text={encoded_title}",
        "email": f"mailto:?subject={encoded_title}&body={encoded_url}",
        "ics": page.get_calendar_url() if page is not None else "",
    }
