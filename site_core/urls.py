import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from news import ics
from site_core import feeds, media_views, views
from site_core.api import api_router
from site_core.sitemaps import sitemap

handler404 = "site_core.views.page_not_found"
handler500 = "site_core.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    # Read-only content API (docs/api.md); outside i18n_patterns, ?locale= selects a language.
    path("api/v2/", api_router.urls),
]

# Uploaded files go through the app in every environment: each is served only after its
# check (site_core/media_access.py, docs/files.md); documents only by /documents/.
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

# Feeds and calendars of the current site in the active language (site_core/feeds.py).
feed_urlpatterns = [
    path("rss/tin-hoat-dong/", feeds.NewsFeed.as_view(), name="feed_news_rss"),
    path("atom/tin-hoat-dong/", feeds.NewsAtomFeed.as_view(), name="feed_news_atom"),
    path(
        "rss/tin-hoat-dong/chuyen-muc/<slug:slug>/",
        feeds.NewsCategoryFeed.as_view(),
        name="feed_news_category_rss",
    ),
    path(
        "atom/tin-hoat-dong/chuyen-muc/<slug:slug>/",
        feeds.NewsCategoryAtomFeed.as_view(),
        name="feed_news_category_atom",
    ),
    path("rss/su-kien/", feeds.EventFeed.as_view(), name="feed_events_rss"),
    path("atom/su-kien/", feeds.EventAtomFeed.as_view(), name="feed_events_atom"),
    path("rss/van-ban/", feeds.DocumentFeed.as_view(), name="feed_documents_rss"),
    path("atom/van-ban/", feeds.DocumentAtomFeed.as_view(), name="feed_documents_atom"),
    path("lich/su-kien.ics", ics.upcoming_events_ics, name="events_ics"),
    path("lich/su-kien/<int:pk>.ics", ics.event_ics, name="event_ics"),
]

# Vietnamese URLs carry no prefix; English ones live under /en/.
urlpatterns += i18n_patterns(
    *feed_urlpatterns,
    # Search in the active language: /tim-kiem/ (Vietnamese), /en/tim-kiem/ (English).
    path("tim-kiem/", views.search, name="search"),
    path("tim-kiem/goi-y/", views.search_suggestions, name="search_suggestions"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
