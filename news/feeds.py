"""RSS and Atom feeds of news (all and by category) and of events.

/rss/tin-hoat-dong/                         /atom/tin-hoat-dong/
/rss/tin-hoat-dong/chuyen-muc/<slug>/       /atom/tin-hoat-dong/chuyen-muc/<slug>/
/rss/su-kien/                               /atom/su-kien/
"""

from django.http import Http404

from site_core.feeds import AtomFeedMixin, PortalFeed, format_local, lines_to_html
from site_core.navigation import page_full_url

from .models import EventIndexPage, EventPage, NewsArticlePage, NewsCategory, NewsIndexPage

# --- news ------------------------------------------------------------------------------


class NewsFeed(PortalFeed):
    section_title = "Tin hoạt động"
    section_description = "Tin hoạt động mới nhất của"

    model = NewsArticlePage
    section_model = NewsIndexPage

    def get_pages(self, scope):
        pages = super().get_pages(scope).prefetch_related("categories").order_by("-date", "-pk")
        if scope.category is not None:
            pages = pages.filter(categories=scope.category)
        return pages

    def item_description(self, item):
        return lines_to_html([item.listing_summary or item.sapo])

    def item_pubdate(self, item):
        return item.date

    def item_author_name(self, item):
        return item.byline or super().item_author_name(item)

    def item_categories(self, item):
        return [category.name for category in item.categories.all() if category.live]


class NewsCategoryFeed(NewsFeed):
    def get_object(self, request, slug):
        scope = super().get_object(request)
        scope.category = NewsCategory.objects.filter(
            slug=slug, locale_id=scope.root.locale_id, live=True
        ).first()
        if scope.category is None:
            raise Http404("Không có chuyên mục này.")
        return scope

    def title(self, scope):
        return f"{scope.category.name} – {scope.portal_name}"

    def description(self, scope):
        return scope.category.description or f"Tin chuyên mục {scope.category.name}."

    subtitle = description

    def link(self, scope):
        section = self.section_page(scope)
        if section is None:
            return page_full_url(scope.root, self.request)
        subpath = section.reverse_subpage("category", kwargs={"slug": scope.category.slug})
        return page_full_url(section, self.request) + subpath


class NewsAtomFeed(AtomFeedMixin, NewsFeed):
    pass


class NewsCategoryAtomFeed(AtomFeedMixin, NewsCategoryFeed):
    pass


# --- events ----------------------------------------------------------------------------


class EventFeed(PortalFeed):
    section_title = "Sự kiện"
    section_description = "Lịch sự kiện của"

    model = EventPage
    section_model = EventIndexPage

    def get_pages(self, scope):
        return super().get_pages(scope).select_related("organiser")

    def item_description(self, item):
        lines = []
        if item.start:
            when = format_local(item.start)
            if item.end:
                when += f" – {format_local(item.end)}"
            lines.append(f"Thời gian: {when}")
        if item.place:
            lines.append(f"Địa điểm: {item.place}")
        if item.organiser_id:
            lines.append(f"Đơn vị tổ chức: {item.organiser.title}")
        lines += (item.summary or item.listing_summary).splitlines()
        return lines_to_html(lines)

    def item_pubdate(self, item):
        # The day the event is held: readers sort a calendar by it.
        return item.start or item.first_published_at

    def item_author_name(self, item):
        if item.organiser_id:
            return item.organiser.title
        return super().item_author_name(item)


class EventAtomFeed(AtomFeedMixin, EventFeed):
    pass
