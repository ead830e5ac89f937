from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Page

from legal_docs.filters import DEFAULT_ORDER as REGISTER_ORDER
from legal_docs.models import LegalDocumentIndexPage, LegalDocumentPage
from news.models import (
    ARTICLE_ORDER,
    LISTING_RENDITION,
    EventIndexPage,
    EventPage,
    NewsArticlePage,
    NewsIndexPage,
    latest_per_category,
    listing_image_prefetch,
)
from site_core.models import BasePage
from site_core.navigation import cached_until_change
from site_core.query import cached_private_q
from site_core.routing import route_by_url_path
from site_core.serializers import RichTextHTMLField

from .connections import PROVINCE, SUBPORTAL, affiliated_news, home_role, province_news

# How many of each the home lists (the headlines and the category blocks are the home's
# own fields): two rows of three cards, and side lists about as tall as the news beside them.
LATEST_COUNT = 6
DOCUMENT_COUNT = 5
EVENT_COUNT = 4


def headlines(articles, count):
    """(the headlines, the latest news) among `articles`: the `count` newest featured ones
    (the newest when none is featured), then the LATEST_COUNT newest of the others."""
    featured = list(articles.filter(is_featured=True).order_by(*ARTICLE_ORDER)[:count])
    if not featured:
        featured = list(articles.order_by(*ARTICLE_ORDER)[:count])
    others = articles.exclude(pk__in=[a.pk for a in featured])
    return featured, list(others.order_by(*ARTICLE_ORDER)[:LATEST_COUNT])


def load_pictures(articles):
    """The featured images of `articles` with their listing renditions, in one image query
    and one rendition query; a missing rendition is made now, so that a kept copy of the
    lists has it."""
    prefetch_related_objects(articles, listing_image_prefetch("featured_image"))
    for article in articles:
        if article.featured_image is not None:
            get_renditions_or_not_found(article.featured_image, [LISTING_RENDITION])


def first_of_type(pages, page_type):
    """The first of `pages` that is a `page_type`, or None: the lists the home links to."""
    return next((page for page in pages if isinstance(page, page_type)), None)


class HomePage(BasePage):
    """The home of one portal site: the province, or an affiliated committee's sub-portal."""

    hero_heading = models.CharField("tiêu đề chào mừng", max_length=255, blank=True)
    intro = RichTextField("giới thiệu ngắn", blank=True, features=["bold", "italic", "link"])
    featured_count = models.PositiveSmallIntegerField("số tin nổi bật", default=5)
    latest_per_category = models.PositiveSmallIntegerField("số tin mỗi chuyên mục", default=4)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("intro")], heading="Giới thiệu"),
        MultiFieldPanel(
            [FieldPanel("featured_count"), FieldPanel("latest_per_category")],
            heading="Bố cục trang chủ",
        ),
    ]
    api_fields = BasePage.api_fields + [
        APIField("hero_heading"),
        APIField("intro", serializer=RichTextHTMLField()),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "history.HistoryIndexPage",
        "org_structure.OrgChartPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
        "legal_docs.LegalDocumentIndexPage",
        "site_core.StandardPage",
    ]
    page_description = "Trang chủ của một cổng thông tin (cấp tỉnh hoặc đảng bộ trực thuộc)."
    template = "home/home_page.html"

    def route(self, request, path_components):
        # The site's root: one query for the page instead of one per segment
        # (site_core/routing.py); Wagtail's walk for what that cannot answer.
        result = route_by_url_path(self, request, path_components)
        if result is None:
            result = super().route(request, path_components)
        return result

    def get_own_summary(self):
        return self.intro

    class Meta:
        verbose_name = "trang chủ"
        verbose_name_plural = "trang chủ"

    def get_structured_data(self, context):
        # The organisation that runs the portal, with its address and contacts, once on
        # its home page; other pages name it as publisher or organiser.
        return [{**context.organization(detailed=True), "url": context.url}]

    def get_lists(self):
        """What the home page lists besides the upcoming events, each story once:
        {"featured": [articles], "latest": [articles], "blocks": [(category, [articles])],
        "documents": [documents], "sections": [pages], "connected": {...}}, with the images
        and renditions the cards show.

        "featured" are the headlines (the lead story and the secondary ones): the featured
        articles, or the newest when none is featured. "latest" are the newest of the
        others, and the category blocks only what neither shows, each article in one block
        (news.models.latest_per_category): no story twice on the page.

        Kept until the next change (the navigation version, which every publish, unpublish,
        move, deletion, snippet, image and document change renews): the queries, among them
        the UNION of one query per category, run once per change, not per view. The layout
        fields are in the key, so that a preview of other numbers neither reads nor writes
        the live lists. The upcoming events change with the clock and are read per view.

        "connected" is what the home shows from the other sites (home/connections.py), kept
        with them under the same version: {"province_news": ...} on a sub-portal's home,
        {"affiliated_news": ...} on the province's, {} on a home no Site serves.
        """
        featured_count = max(1, self.featured_count)
        per_category = max(1, self.latest_per_category)

        def compute():
            articles = (
                NewsArticlePage.objects.live().public().descendant_of(self).defer_streamfields()
            )
            featured, latest = headlines(articles, featured_count)
            blocks = latest_per_category(
                articles.exclude(pk__in=[a.pk for a in featured + latest]),
                per_category=per_category,
                locale_id=self.locale_id,
            )
            # A category block's first story shows its picture.
            load_pictures(featured + latest + [found[0] for _, found in blocks])
            sections = list(
                Page.objects.child_of(self)
                .live()
                .in_menu()
                .exclude(cached_private_q())
                .specific(defer=True)
            )
            return {
                "featured": featured,
                "latest": latest,
                "blocks": blocks,
                "documents": list(
                    LegalDocumentPage.objects.live()
                    .public()
                    .descendant_of(self)
                    .defer_streamfields()
                    .select_related("document_type", "issuer")
                    .prefetch_related("co_issuers")  # number_symbol reads them
                    .order_by(*REGISTER_ORDER)[:DOCUMENT_COUNT]
                ),
                "sections": sections,
                "connected": connected(self),
            }

        # "home-lists", not the "home" of the lists before "connected": a copy kept in
        # Redis across a deploy would lack it.
        key = f"home-lists:{self.pk}:{featured_count}:{per_category}"
        return cached_until_change(key, compute)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lists = self.get_lists()
        context["featured_articles"] = lists["featured"]
        context["latest_articles"] = lists["latest"]
        context["category_blocks"] = lists["blocks"]
        context["upcoming_events"] = list(
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .defer_streamfields()
            .filter(start__gte=timezone.now())
            .order_by("start", "pk")[:EVENT_COUNT]
        )
        context["newest_documents"] = lists["documents"]
        context.update(lists["connected"])  # province_news or affiliated_news, or neither
        sections = lists["sections"]
        context["sections"] = sections
        # Read with the chrome in one round trip (portal_tags.prefetch_chrome).
        context["chrome_fragments"] = [("home_related_links", "site")]
        context["news_index"] = first_of_type(sections, NewsIndexPage)
        context["event_index"] = first_of_type(sections, EventIndexPage)
        context["doc_index"] = first_of_type(sections, LegalDocumentIndexPage)
        return context


def connected(home):
    """What `home` shows from the other sites, by what it is (home/connections.py): only
    that list is read. {"province_news": ...} on a sub-portal's home, {"affiliated_news":
    ...} on the province's, {} on a home no Site serves."""
    role = home_role(home)
    if role == SUBPORTAL:
        return {"province_news": province_news(home.locale_id)}
    if role == PROVINCE:
        return {"affiliated_news": affiliated_news(home.locale_id)}
    return {}


HomePage.edit_handler = HomePage.tabbed_edit_handler(HomePage.content_panels)


class SubPortal(models.Model):
    """An affiliated Party organisation's own portal: a Site of this installation, and the
    unit of the provincial org chart it belongs to.

    Made by `manage.py create_subportal` or by a superuser in the admin
    (home/subportals.py). The Site holds the hostname and the home page; this row says that
    the Site is a sub-portal (not the province) and whose it is, for what links the sites
    (news sent up and down, the province's list of affiliated portals).
    """

    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name="trang web",
        on_delete=models.CASCADE,
        related_name="subportal",
    )
    slug = models.SlugField("mã", max_length=63, unique=True)
    unit = models.ForeignKey(
        "org_structure.OrgUnitPage",
        verbose_name="đơn vị trực thuộc",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subportals",
        help_text="Đơn vị trong sơ đồ tổ chức của Đảng bộ tỉnh mà cổng này thuộc về.",
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    class Meta:
        verbose_name = "cổng thông tin trực thuộc"
        verbose_name_plural = "cổng thông tin trực thuộc"
        ordering = ["slug"]

    def __str__(self):
        return self.site.site_name or self.slug
