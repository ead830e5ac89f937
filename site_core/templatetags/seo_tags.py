"""Discovery meta for <head>: canonical, hreflang, feeds, OpenGraph and Twitter card.

`{% page_meta as meta %}` (used by site_core/includes/meta_tags.html) returns a dict of
plain strings. It is computed once per request and kept in the shared cache under the
page's `cache_key` (which changes on publish) and the navigation version (bumped on
any publish, move or settings change, see site_core/signals.py), so a warm page view costs no
query; a cold one costs the translations query, the image and its rendition.
"""

import hashlib
from urllib.parse import quote, urlsplit

from django import template
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language

from wagtail.models import Page

from news.models import EventPage, NewsArticlePage
from site_core.navigation import current_site, navigation_version

register = template.Library()

SHARE_IMAGE_SPEC = "fill-1200x630"
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


def _portal(request):
    from site_core.models import PortalSettings

    try:
        return PortalSettings.for_request(request)
    except Exception:  # no site for this host: the head still renders
        return None


def _absolute_image_url(request, image, spec):
    try:
        rendition = image.get_rendition(spec)
    except Exception:  # a missing source file must not break the page
        return None
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt or image.title,
    }


def _description(page):
    for name in ("search_description", "listing_summary", "sapo", "summary", "intro"):
        value = getattr(page, name, "") or ""
        text = " ".join(strip_tags(str(value)).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def _page_image(page):
    for name in ("listing_image", "featured_image"):
        if getattr(page, f"{name}_id", None):
            return getattr(page, name)
    return None


def _routable_subpath(request, page_url):
    """The part of the request path below the page (a RoutablePageMixin sub-route)."""
    page_path = urlsplit(page_url).path
    if request.path.startswith(page_path):
        return request.path[len(page_path) :]
    return ""


def _page_number(request):
    value = request.GET.get("page", "")
    return int(value) if value.isdigit() and 1 < int(value) < 100_000 else None


def _feeds(context, page):
    feeds = []
    for name, feed_type, title in SITE_FEEDS:
        try:
            feeds.append({"url": reverse(name), "type": feed_type, "title": title})
        except NoReverseMatch:  # pragma: no cover - the routes are in site_core/urls.py
            continue
    match = getattr(context.get("request"), "routable_resolver_match", None)
    if page is not None and match and getattr(match[0], "__name__", "") == "category_route":
        slug, heading = match[2].get("slug"), context.get("listing_heading") or ""
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
        feed["url"] = context["request"].build_absolute_uri(feed["url"])
    return feeds


def _translations(request, page):
    """[(language, url)] of the live translations, the page's own language included."""
    translations = (
        page.get_translations(inclusive=True).live().select_related("locale").order_by("pk")
    )
    alternates = []
    for translation in translations:
        url = translation.get_full_url(request)
        if url:
            alternates.append((translation.locale.language_code, url))
    return alternates


def build_page_meta(context, page):
    request = context["request"]
    language = (get_language() or DEFAULT_LANGUAGE).split("-")[0]
    portal = _portal(request)
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
        "feeds": _feeds(context, page),
    }
    if page is not None:
        page_url = page.get_full_url(request)
        if page_url:
            subpath = "" if getattr(request, "is_preview", False) else None
            if subpath is None:
                subpath = _routable_subpath(request, page_url)
            canonical = page_url + subpath
            number = _page_number(request)
            if number:
                canonical += f"?page={number}"
            meta["canonical"] = meta["url"] = canonical
            if not subpath:
                alternates = _translations(request, page)
                if len(alternates) > 1:
                    meta["alternates"] = alternates
                    meta["x_default"] = dict(alternates).get(DEFAULT_LANGUAGE, "")
                    meta["og_locale_alternates"] = [
                        OG_LOCALES.get(code, code) for code, _ in alternates if code != language
                    ]
        meta["title"] = page.seo_title or page.title
        if subpath_heading := context.get("listing_heading"):
            meta["title"] = f"{subpath_heading} – {meta['title']}"
        meta["description"] = _description(page) or meta["description"]
        image = _page_image(page)
        if image is not None:
            meta["image"] = _absolute_image_url(request, image, SHARE_IMAGE_SPEC)
        if isinstance(page, NewsArticlePage):
            meta["type"] = "article"
            published = getattr(page, "date", None) or page.first_published_at
            meta["published_time"] = published.isoformat() if published else ""
            modified = page.last_published_at
            meta["modified_time"] = modified.isoformat() if modified else ""
    if meta["image"] is None and portal is not None and portal.logo_id:
        meta["image"] = _absolute_image_url(request, portal.logo, LOGO_IMAGE_SPEC)
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


@register.simple_tag(takes_context=True)
def page_meta(context):
    """The meta dict for the current page (or for a page-less view: search, 404)."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        page = None

    per_request = request.__dict__.setdefault("_portal_page_meta", {})
    local_key = (page.pk if page else None, request.path)
    if local_key in per_request:
        return per_request[local_key]

    site = current_site(request)
    shared = not getattr(request, "is_preview", False) and site is not None
    key = _cache_key(request, page, site) if shared else None
    meta = cache.get(key) if key else None
    if meta is None:
        meta = build_page_meta(context, page)
        if key:
            cache.set(key, meta, META_CACHE_TIMEOUT)
    per_request[local_key] = meta
    return meta


@register.simple_tag(takes_context=True)
def share_links(context):
    """Share targets for the current page: plain links, no third-party script."""
    meta = page_meta(context)
    url = meta.get("canonical") or meta.get("url") or ""
    if not url:
        return {}
    page = context.get("page")
    title = getattr(page, "title", "") or meta.get("title", "")
    encoded_url, encoded_title = quote(url, safe=""), quote(title, safe="")
    links = {
        "url": url,
        "title": title,
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={encoded_url}",
        "zalo": f"https://sp.zalo.me/share?url={encoded_url}",
        "x": f"https://twitter.com/intent/tweet?url={encoded_url}&text={encoded_title}",
        "email": f"mailto:?subject={encoded_title}&body={encoded_url}",
        "ics": "",
    }
    if isinstance(page, EventPage) and page.start:
        links["ics"] = reverse("event_ics", args=[page.pk])
    return links
