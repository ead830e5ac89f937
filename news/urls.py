"""Feeds and calendars of news and events, for the current site in the active language."""

from django.urls import path

from . import feeds, ics

urlpatterns = [
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
    path("lich/su-kien.ics", ics.upcoming_events_ics, name="events_ics"),
    path("lich/su-kien/<int:pk>.ics", ics.event_ics, name="event_ics"),
]
