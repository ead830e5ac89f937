"""The base of the portal's RSS 2.0 and Atom feeds; each domain app defines its own.

news/feeds.py (news, categories, events) and legal_docs/feeds.py (documents), routed by
their apps' urls.py inside i18n_patterns, so English feeds live under /en/.

A feed covers the current site (the request's host) in the active language: the live,
public pages below that language's home. Fixed URLs rather than routes on the index
pages let every page template link the feeds without a database query, whatever slugs
editors give the sections.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from wagtail.models import Page, Site

from site_core.models import PortalSettings
from site_core.navigation import current_site, localized_home

FEED_ITEM_LIMIT = 30


@dataclass
class FeedScope:
    site: Site
    root: Page
    portal_name: str
    category: object = None


def format_local(value, fmt="%H:%M %d/%m/%Y"):
    return timezone.localtime(value).strftime(fmt) if value else ""


def lines_to_html(lines):
    """Item descriptions are HTML in RSS and Atom: escape the text, keep the lines."""
    return "<br>".join(escape(line) for line in lines if line)


class PortalFeed(Feed):
    """Shared parts: scope, absolute links, titles with the portal's name."""

    feed_type = Rss201rev2Feed
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
        portal_name = PortalSettings.for_request(request).portal_name or site.site_name
        return FeedScope(site=site, root=root, portal_name=portal_name)

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
        return (section or scope.root).get_full_url(self.request)

    def feed_url(self, scope):
        return self.request.build_absolute_uri(self.request.path)

    def feed_guid(self, scope):
        return self.feed_url(scope)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        # Atom needs <updated> on every entry.
        return item.last_published_at or item.first_published_at or item.latest_revision_created_at


class AtomFeedMixin:
    feed_type = Atom1Feed
