"""Routing a request to a page in one query instead of one per URL segment.

Wagtail's `Page.route` walks down from the site's root page: for each segment of the path
it reads the child with that slug and then its specific page (two queries a level), and
hands the rest of the path to that page's own `route` (a RoutablePageMixin sub-route such
as the news archive /nam/2024/). `route_by_url_path` gives the same result from one query
for the chain of pages whose url_path matches the path's prefixes (found by the slug
index) and one for the specific target page:

- every page of the chain passes the path on to its child (its class keeps Wagtail's
  `Page.route`, or is a RoutablePageMixin page with no sub-route for the rest of the
  path): the last one is the page, or a 404 when it is not live, exactly as the walk;
- a page of the chain routes by itself (a sub-route matches, or a `route` of its own):
  the rest of the path goes to its specific page's `route`, as the walk would hand it;
- a segment without a page (a bad path, a sub-route below a plain page, a url_path out of
  step with the slugs): None, and the caller walks as Wagtail does, 404s included.

View restrictions, aliases and translations are untouched: Wagtail checks restrictions
when serving (before_serve_page), an alias is a page with its own url_path, and the root
passed in is already the root in the active language.
"""

from django.http import Http404
from django.urls import Resolver404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from site_core.navigation import remembered_section


def routes_like_a_page(page_class):
    """True when the class keeps Wagtail's own `Page.route` (no sub-routes of its own)."""
    return page_class is not None and page_class.route is Page.route


def passes_on(page, page_class, remaining):
    """True when routing `remaining` at `page` goes on to its child as Page.route does:
    a plain page, or a RoutablePageMixin page (Wagtail's own route and resolver) that is
    not live or has no sub-route for the rest of the path. Asked of the class, so that the
    specific page is read only when it answers itself."""
    if routes_like_a_page(page_class):
        return True
    if not (
        issubclass(page_class, RoutablePageMixin)
        and page_class.route is RoutablePageMixin.route
        and page_class.resolve_subpage is RoutablePageMixin.resolve_subpage
    ):
        return False
    if not page.live:
        return True
    try:
        page_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return True
    return False


def route_by_url_path(root, request, path_components):
    """The RouteResult for `path_components` below `root`, or None to walk instead."""
    if not path_components:
        return None
    # A visitor's request finds the section (the page below the home: a listing, the
    # register, with their sub-routes) in this process's memo of the navigation version.
    section = remembered_section(request, root, path_components[0])
    if section is not None:
        section._cached_parent_obj = root
        remaining = path_components[1:]
        if not passes_on(section, section.specific_class, remaining):
            return section.specific.route(request, remaining)
        if not remaining:
            return RouteResult(section.specific)
    prefixes = [
        root.url_path + "".join(f"{component}/" for component in path_components[:count])
        for count in range(1, len(path_components) + 1)
    ]
    chain = {
        page.url_path: page
        # By the slug index: a few rows whatever the size of the site. The tree (under
        # the root, one level a segment) is checked below, not in SQL, where a condition
        # on the path would lead PostgreSQL to scan the whole site by the path index.
        for page in Page.objects.filter(
            slug__in=set(path_components), url_path__in=prefixes
        ).order_by()
    }
    parent = root
    for index, prefix in enumerate(prefixes):
        page = chain.get(prefix)
        if (
            page is None
            or page.depth != parent.depth + 1
            or not page.path.startswith(parent.path)
            or page.slug != path_components[index]
        ):
            return None
        # As the walk does: the parent is known, get_parent() needs no query.
        page._cached_parent_obj = parent
        remaining = path_components[index + 1 :]
        if not passes_on(page, page.specific_class, remaining):
            return page.specific.route(request, remaining)
        parent = page
    if not parent.live:
        raise Http404
    return RouteResult(parent.specific)
