"""The base of the portal's RSS 2.0 and Atom feeds; each domain app defines its own.

news/feeds.py (news, categories, events) and legal_docs/feeds.py (documents), routed by
their apps' urls.py inside i18n_patterns, so English feeds live under /en/.

A feed covers the current site (the request's host) in the active language: the live,
public pages below that language's home. Fixed URLs rather than routes on the index
pages let every page template link the feeds without a database query, whatever slugs
editors give the sections.

What the W3C feed validator asks of Atom (RFC 4287), for every feed:
- every entry has an author: the feed's own (`item_author_name`: a news byline, an
  event's organiser, a document's issuer), else the portal as organisation author;
- an entry's id is a tag: URI (RFC 4151) made of the configured Site's hostname and the
  page's id, stable when the page moves, changes slug or is served under another host;
- `published` is the date a visitor knows the entry by (`item_pubdate`: a news date,
  an event's start, a document's issue date) and `updated` its last publication; the
  feed's own `updated` is the latest entry's `updated`, never a future event's date.
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import get_language

from wagtail.models import Page, Site

from site_core.models import PortalSettings
from site_core.navigation import current_site, localized_home, page_full_url

FEED_ITEM_LIMIT = 30
# The date in the tag: URIs of entries (RFC 4151: a day the hostname was the portal's).
TAG_DATE = "2025-01-01"


@dataclass
class FeedScope:
    site: Site
    root: Page
    portal_name: str
    category: object = None


def format_local(value, fmt="%H:%M %d/%m/%Y"):
    return timezone.localtime(value).strftime(fmt) if value else ""


def start_of_day(value):
    """A date (a document's issue date) as the aware datetime of its local midnight."""
    if value is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))


def lines_to_html(lines):
    """Item descriptions are HTML in RSS and Atom: escape the text, keep the lines."""
    return "<br>".join(escape(line) for line in lines if line)


class PortalAtom1Feed(Atom1Feed):
    """Atom whose own <updated> is the latest change of an entry: Django's takes the
    latest of every entry's dates, a future event's start included."""

    def latest_post_date(self):
        updates = [item["updateddate"] for item in self.items if item["updateddate"]]
        return max(updates) if updates else super().latest_post_date()


class PortalFeed(Feed):
    """Shared parts: scope, absolute links, titles with the portal's name, authors, ids."""

    feed_type = Rss201rev2Feed
    # tag: URIs are not links (RSS <guid isPermaLink="false">).
    item_guid_is_permalink = False
    section_title = ""
    section_description = ""
    model = None
    section_model = None  # the index page type whose URL the feed's <link> points at

    @classmethod
    def as_view(cls):
        """A view that builds one feed object per request: the feed keeps the request."""

        def view(request, *args, **kwargs):
            return cls()(request, *args, **kwargs)

        view.__name__ = view.__qualname__ = cls.__name__
        return view

    def __call__(self, request, *args, **kwargs):
        # Items need the request for absolute URLs on the right host.
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        site = current_site(request)
        root = localized_home(site)
        if root is None:
            raise Http404("Không có cổng thông tin bằng ngôn ngữ này.")
        portal = PortalSettings.for_request(request).localized(get_language())
        portal_name = portal.portal_name or site.site_name
        # Kept for the item methods, which Django calls with the item alone.
        self.scope = FeedScope(site=site, root=root, portal_name=portal_name)
        return self.scope

    def get_pages(self, scope):
        return (
            self.model.objects.live()
            .public()
            .descendant_of(scope.root)
            .defer_streamfields()
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
        )

    def items(self, scope):
        return self.get_pages(scope)[:FEED_ITEM_LIMIT]

    def title(self, scope):
        return f"{self.section_title} – {scope.portal_name}"

    def description(self, scope):
        return f"{self.section_description} {scope.portal_name}."

    subtitle = description  # Atom

    def section_page(self, scope):
        """The section's index page (e.g. "Tin hoạt động"), for the feed's <link>."""
        if self.section_model is None:
            return None
        return (
            self.section_model.objects.live()
            .public()
            .descendant_of(scope.root)
            .order_by("path")
            .first()
        )

    def link(self, scope):
        section = self.section_page(scope)
        return page_full_url(section or scope.root, self.request)

    def feed_url(self, scope):
        return self.request.build_absolute_uri(self.request.path)

    def feed_guid(self, scope):
        return self.feed_url(scope)

    def author_name(self, scope):
        return scope.portal_name

    def item_title(self, item):
        return item.title

    def item_author_name(self, item):
        """Who wrote or issued the entry; the portal (as organisation) by default."""
        return self.scope.portal_name

    def item_guid(self, item):
        return f"tag:{self.scope.site.hostname},{TAG_DATE}:trang/{item.pk}"

    def item_link(self, item):
        return page_full_url(item, self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        # Atom needs <updated> on every entry.
        return (
            item.last_published_at
            or item.first_published_at
            or item.latest_revision_created_at
            or self.item_pubdate(item)
        )


class AtomFeedMixin:
    feed_type = PortalAtom1Feed
