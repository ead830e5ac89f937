"""Template tags of the visitor-facing pages: they bind and format, they do not query.

The chrome's data (menu, breadcrumbs, site settings, language links, <head> meta, share
links) comes from the `chrome` context processor (site_core/context_processors.py) and is
computed by site_core/navigation.py and site_core/seo.py when a template reads it.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.urls import NoReverseMatch
from django.utils.formats import date_format
from django.utils.translation import get_language

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page

from site_core import navigation, seo
from site_core.cards import card_fragment_keys

register = template.Library()


# --- chrome -------------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def page_chrome(context, page=None, heading=""):
    """The request's chrome bound to the page a view renders (and a listing's heading).

    `{% page_chrome page listing_heading as chrome %}` in base.html. Computes nothing: the
    menu, breadcrumbs and meta are built when the template first reads them.
    """
    chrome = context.get("chrome")
    return chrome.for_page(page, heading) if chrome is not None else None


# The `{% wagtailcache %}` fragments of base.html and site_header.html: (name, part of
# `navigation_cache_key` they vary on).
CHROME_FRAGMENTS = (
    ("portal_title", "site"),
    ("portal_header_org", "site"),
    ("portal_header", "menu"),
    ("portal_breadcrumbs", "breadcrumbs"),
    ("portal_footer", "site"),
)


@register.simple_tag(takes_context=True)
def prefetch_chrome(context):
    """Reads what the chrome keeps in the shared cache in one round trip: the fragments,
    the <head> meta, the language links and the page's listing cards
    (site_core/cache/fragments.py). A key missing
    here is only read on its own later; nothing is read in a preview."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return ""
    page = navigation.current_page(context.get("page"))
    # A page's own `{% wagtailcache %}` fragments that vary on the same keys, named by its
    # view in the context (the home page's related links).
    fragments = (*CHROME_FRAGMENTS, *context.get("chrome_fragments", ()))
    keys = [
        make_template_fragment_key(name, [navigation.cache_key(part, request, page)])
        for name, part in fragments
    ]
    keys += [
        seo.page_meta_cache_key(request, page),
        navigation.language_links_cache_key(request, page),
        *card_fragment_keys(request, context.get("listing_cards")),
    ]
    navigation.prefetch(cache, keys)
    return ""


# --- listing cards -------------------------------------------------------------------------
# Kept per page and kind of card until the next change (site_core/cards.py): a view names
# the cards its page shows in the context, as `listing_cards`: [(kind, rows)];
# `prefetch_chrome` reads them with the chrome, in the same round trip.


@register.simple_tag(takes_context=True)
def card_cache_key(context, kind, page):
    """`{% card_cache_key "news-row" article as key %}{% wagtailcache 3600 portal_card key %}`:
    `kind` as the view named it in `listing_cards`."""
    return navigation.card_cache_key(context.get("request"), kind, page)


@register.simple_tag(takes_context=True)
def navigation_cache_key(context, part):
    """Vary-on value for `{% wagtailcache %}` around the header, menu, breadcrumbs, footer."""
    page = navigation.current_page(context.get("page"))
    return navigation.cache_key(part, context.get("request"), page)


# --- dates and routes ---------------------------------------------------------------------


@register.filter
def party_date(value):
    """'ngày 09 tháng 01 năm 2025' as a Party document writes its date line (on the
    English site '9 January 2025').

    Days under 10 and the months January and February carry a leading zero.
    """
    if not value:
        return ""
    if (get_language() or "").split("-")[0] != settings.LANGUAGE_CODE:
        # The English site: '9 January 2025'.
        return date_format(value, "j F Y")
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


@register.simple_tag(takes_context=True)
def parent_route_url(context, page, route_name, *args):
    """URL of a named route on the page's routable parent, without loading the parent.

    For an article: its news index's category or tag listing. Empty when the page has no
    single routable parent type.
    """
    parents = [m for m in type(page).allowed_parent_page_models() if m is not Page]
    if len(parents) != 1 or not issubclass(parents[0], RoutablePageMixin):
        return ""
    parent_path = page.url_path.rstrip("/").rsplit("/", 1)[0] + "/"
    parent = parents[0](url_path=parent_path, path=page.path[: -Page.steplen])
    base = parent.get_url(context.get("request"))
    if not base:
        return ""
    try:
        return base.rstrip("/") + "/" + parent.reverse_subpage(route_name, args=args).lstrip("/")
    except NoReverseMatch:  # a slug the route does not accept must not break the page
        return ""


# --- images -------------------------------------------------------------------------------


@register.simple_tag
def listing_image(image, spec, **attrs):
    """`{% image image spec attr=value %}` for images whose renditions were prefetched
    (news/models.py `listing_image_prefetch`, an article's kept featured image): the same
    <img>, through Wagtail's public `get_renditions_or_not_found`.

    Wagtail's `{% image %}` calls `Image.get_rendition`, which writes the rendition back to
    the renditions cache on every call, even one taken from the prefetched rows: a Redis
    SET per card per page view. `get_renditions` skips that write for prefetched
    renditions and still creates, and caches, one that is missing.
    """
    if not image:
        return ""
    rendition = get_renditions_or_not_found(image, [spec])[spec]
    return rendition.img_tag(attrs)


# --- pagination and small filters ---------------------------------------------------------


@register.simple_tag(takes_context=True)
def page_query(context, number, param="page"):
    """'?q=x&loai=2&page=3': the current query string with the page number replaced."""
    request = context.get("request")
    if request is None:
        return f"?{param}={number}"
    params = request.GET.copy()
    params.pop(param, None)
    if str(number) != "1":
        params[param] = number
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else request.path


@register.simple_tag
def page_window(page_obj, on_each_side=2, on_ends=1):
    """Page numbers to show, with None for an ellipsis."""
    try:
        return list(
            page_obj.paginator.get_elided_page_range(
                page_obj.number, on_each_side=on_each_side, on_ends=on_ends
            )
        )
    except (AttributeError, TypeError):
        return []


@register.filter
def safe_filesize(file_field):
    """Size in bytes of a stored file, or None when the file is missing."""
    try:
        return file_field.size if file_field else None
    except (OSError, ValueError):
        return None


@register.filter
def live_title(page):
    """The title of a linked page only while it is live, so drafts never leak."""
    return page.title if page is not None and getattr(page, "live", False) else ""
