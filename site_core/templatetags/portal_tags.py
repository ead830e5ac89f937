"""Template tags for the visitor-facing chrome: menu, breadcrumbs, settings, paging.

The header, menu, breadcrumbs and footer appear on every page, so their HTML is cached
(see `navigation_cache_key`) and costs no query once warm. The key carries a version
that the signal handlers below bump whenever a page is published, unpublished, moved or
deleted, a view restriction changes, or a site or its settings are saved: with a shared
cache (Redis) every app server sees the new menu at once.
"""

import uuid

from django import template
from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language, gettext

from wagtail.models import Locale, Page, Site

register = template.Library()

NAVIGATION_VERSION_KEY = "portal:navigation-version"


# --- cache versioning -----------------------------------------------------------------


def navigation_version():
    version = cache.get(NAVIGATION_VERSION_KEY)
    if version is None:
        cache.add(NAVIGATION_VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)
        version = cache.get(NAVIGATION_VERSION_KEY) or "0"
    return version


def bump_navigation_version(**kwargs):
    """Signal handler: any change to the page tree or site settings renews the chrome."""
    cache.set(NAVIGATION_VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)


def _bump_for_pages(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        bump_navigation_version()


def _is_blank_settings(instance):
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name == "site":
            continue
        value = getattr(instance, field.attname)
        if field.has_default() and value == field.get_default():
            continue
        if value is None or value == "" or (hasattr(value, "__len__") and not len(value)):
            continue
        return False
    return True


def _bump_for_settings(sender, instance=None, created=False, **kwargs):
    # for_request() creates a blank row on first read, while a page renders; that must
    # not invalidate what the same request is caching. Any row with content bumps.
    if not (created and _is_blank_settings(instance)):
        bump_navigation_version()


def connect_navigation_signals():
    """Called from SiteCoreConfig.ready()."""
    from django.db.models.signals import post_delete, post_save

    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from site_core.models import PortalSettings

    uid = "portal-navigation"
    page_published.connect(bump_navigation_version, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(bump_navigation_version, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(bump_navigation_version, dispatch_uid=f"{uid}-moved")
    post_delete.connect(_bump_for_pages, dispatch_uid=f"{uid}-page-deleted")
    post_save.connect(_bump_for_settings, sender=PortalSettings, dispatch_uid=f"{uid}-settings")
    for model in (PageViewRestriction, Site):
        post_save.connect(
            bump_navigation_version, sender=model, dispatch_uid=f"{uid}-{model.__name__}-s"
        )
    for model in (PageViewRestriction, PortalSettings, Site):
        post_delete.connect(
            bump_navigation_version, sender=model, dispatch_uid=f"{uid}-{model.__name__}-d"
        )


# --- helpers ----------------------------------------------------------------------------


def _current_site(request):
    if request is None:
        return None
    try:
        return Site.find_for_request(request)
    except Exception:  # a broken host header must not break the 404 page
        return None


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) and page.pk else None


def _menu_root_path(context):
    """Path of the home page whose children make the menu, or None."""
    page = _current_page(context)
    if page is not None and page.depth >= 2:
        return page.path[: 2 * Page.steplen]
    site = _current_site(context.get("request"))
    if site is None:
        return None
    root = Page.objects.filter(pk=site.root_page_id).only("path", "translation_key").first()
    if root is None:
        return None
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return root.path
    translated = (
        Page.objects.filter(translation_key=root.translation_key, locale=locale)
        .values_list("path", flat=True)
        .first()
    )
    return translated or root.path


@register.simple_tag(takes_context=True)
def navigation_cache_key(context, part):
    """Vary-on value for `{% wagtailcache %}` around the header, menu, breadcrumbs, footer."""
    request = context.get("request")
    site = _current_site(request)
    page = _current_page(context)
    bits = [part, navigation_version(), site.pk if site else "-", get_language() or "-"]
    if part == "menu":
        # The section marks aria-current="page" on itself and "true" below it.
        bits.append(
            f"{page.path[: 3 * Page.steplen]}{'=' if page.depth <= 3 else '>'}" if page else "-"
        )
    elif part == "breadcrumbs":
        bits.append(page.pk if page else "-")
    return ":".join(str(bit) for bit in bits)


# --- header, menu, breadcrumbs ------------------------------------------------------------


@register.simple_tag(takes_context=True)
def get_portal_settings(context):
    """PortalSettings of the current site, or None (unknown host, DB trouble on a 404)."""
    from site_core.models import PortalSettings

    request = context.get("request")
    if request is None or _current_site(request) is None:
        return None
    try:
        return PortalSettings.for_request(request)
    except Exception:  # the chrome must render even when settings cannot
        return None


@register.simple_tag(takes_context=True)
def get_main_menu(context):
    """Live, public, in-menu children of the home page; the current section is marked."""
    request = context.get("request")
    page = _current_page(context)
    root_path = _menu_root_path(context)
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


@register.inclusion_tag("site_core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """Live ancestors from the home page down to the current page."""
    request = context.get("request")
    page = _current_page(context)
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
    return {"crumbs": crumbs, "page": page}


@register.filter
def party_date(value):
    """'ngày 09 tháng 01 năm 2025' as a Party document writes its date line.

    Days under 10 and the months January and February carry a leading zero.
    """
    if not value:
        return ""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


@register.simple_tag(takes_context=True)
def parent_route_url(context, page, route_name, *args):
    """URL of a named route on the page's routable parent, without loading the parent.

    For an article: its news index's category or tag listing. Empty when the page has no
    single routable parent type.
    """
    from wagtail.contrib.routable_page.models import RoutablePageMixin

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
    except Exception:  # a bad slug must not break the article page
        return ""


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
