import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from site_core import views
from site_core.api.endpoints import api_router
from site_core.editorial.review_links import review_link_view
from site_core.files import views as media_views
from site_core.share_card import share_card_view
from site_core.sitemaps import sitemap_index, sitemap_section

handler404 = "site_core.views.page_not_found"
handler500 = "site_core.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # The few admin views the portal replaces at Wagtail's paths: listed first.
    path("admin/", include("site_core.editorial.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("the-chia-se.png", share_card_view, name="share_card"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<int:number>.xml", sitemap_section, name="sitemap_section"),
    # Read-only content API (docs/api.md); outside i18n_patterns, ?locale= selects a language.
    path("api/v2/", api_router.urls),
    # A draft shared for review with someone without an account (docs/editors-admin.md).
    path("xem-duyet/<str:token>/", review_link_view, name="review_link"),
]

# Uploaded files go through the app in every environment: each is served only after its
# check (site_core/files/access.py, docs/files.md); documents only by /documents/.
media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
urlpatterns += [
    re_path(
        rf"^{media_prefix}{media_views.ORIGINALS_FOLDER}/(?P<path>.+)$",
        media_views.original_image,
        name="media_original_image",
    ),
    re_path(
        rf"^{media_prefix}{media_views.RENDITIONS_FOLDER}/(?P<path>.+)$",
        media_views.rendition,
        name="media_rendition",
    ),
    re_path(
        rf"^{media_prefix}{media_views.AVATARS_FOLDER}/(?P<path>.+)$",
        media_views.avatar,
        name="media_avatar",
    ),
    re_path(rf"^{media_prefix}(?P<path>.*)$", media_views.not_served, name="media_not_served"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Vietnamese URLs carry no prefix; English ones live under /en/. Each app routes its own
# feeds and views; Wagtail serves the pages.
urlpatterns += i18n_patterns(
    path("", include("news.urls")),
    path("", include("legal_docs.urls")),
    path("", include("site_core.search.urls")),
    path("", include("site_core.alerts.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
