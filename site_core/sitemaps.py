"""sitemap.xml of the request's site, in every language.

Wagtail's Sitemap lists the descendants of `site.root_page` only, the Vietnamese tree;
the English pages under /en/ live below a sibling root and would be missing.
"""

from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponse

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view
from wagtail.models import Page

from site_core.navigation import current_site, navigation_version


class PortalSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for tree_root in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=tree_root.path, depth__gte=tree_root.depth)
        if not trees:
            return Page.objects.none()
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def sitemap(request):
    """The rendered sitemap is cached until the next publish, unpublish or move: with a few
    thousand pages building it takes about half a second (docs/benchmarks.md)."""
    site = current_site(request)
    key = "portal:sitemap:{}:{}:{}:{}".format(
        site.pk if site else "-", navigation_version(), request.scheme, request.get_host()
    )
    content = cache.get(key)
    if content is None:
        response = wagtail_sitemap_view(request, sitemaps={"pages": PortalSitemap})
        if response.status_code != 200:
            return response
        response.render()
        content = response.content
        cache.set(key, content, timeout=3600)
    return HttpResponse(content, content_type="application/xml; charset=utf-8")
