"""sitemap.xml of the request's site, in every language.

Wagtail's Sitemap lists the descendants of `site.root_page` only, the Vietnamese tree;
the English pages under /en/ live below a sibling root and would be missing.
"""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view
from wagtail.models import Page


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
    return wagtail_sitemap_view(request, sitemaps={"pages": PortalSitemap})
