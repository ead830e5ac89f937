"""Feeds of the documents register, for the current site in the active language."""

from django.urls import path

from . import feeds

urlpatterns = [
    path("rss/van-ban/", feeds.DocumentFeed.as_view(), name="feed_documents_rss"),
    path("atom/van-ban/", feeds.DocumentAtomFeed.as_view(), name="feed_documents_atom"),
]
