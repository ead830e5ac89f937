from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    Site,
    TaskState,
    TranslatableMixin,
    WorkflowMixin,
    WorkflowState,
)
from wagtail.search import index

from org_structure.models import OrgUnitPage
from site_core.blocks import BaseStreamBlock
from site_core.cards import keep_rows_when_cards_kept
from site_core.editorial.stale_edit import PortalSnippetForm
from site_core.models import (
    BasePage,
    IndexPage,
    SearchType,
    WithdrawalNoticeMixin,
    paginate,
)
from site_core.navigation import cached_until_change, request_memo
from site_core.paging import seek_paginate
from site_core.query import PAGE_ROW_FIELDS, restricted_sections
from site_core.serializers import ManyRelatedField, NameSlugSerializer
from site_core.text import vietnamese_slugify

from .panels import ProposalStatusPanel, RoyaltyLedgerPanel
from .royalty_models import (
    GRADE_CHOICES,
    KIND_CHOICES,
    ArticleCredit,
    RoyaltyEntry,
    RoyaltyRate,
    RoyaltyRateTable,
)

__all__ = ["ArticleCredit", "RoyaltyEntry", "RoyaltyRate", "RoyaltyRateTable"]

LISTING_RENDITION = "fill-480x270"
ARTICLE_RENDITION = "width-1200"
# Every list of articles runs newest first on the index news_article_date_idx.
ARTICLE_ORDER_KEYS = ("date", "pk")
ARTICLE_ORDER = ("-date", "-pk")
# What an article's card in a list reads (news_index_page.html, site_core/includes/card.html):
# its URL (url_path, below the site's root), title, date, summary (BasePage.summary_text),
# picture, and its source unit's title while that unit is live; the tree and translation
# columns keep the page a page (its URL, its locale, its specific class).
ARTICLE_CARD_FIELDS = (
    *PAGE_ROW_FIELDS,
    "date",
    "sapo",
    "listing_summary",
    "search_description",
    "featured_image_id",
    "listing_image_id",
    "source_unit__title",
    "source_unit__live",
)
# The kinds of cards kept per article (site_core/templatetags/portal_tags.py, listing cards):
# the templates name the same kinds in `{% card_cache_key %}`.
ROW_CARDS = "news-row"
SIDE_CARDS = "news-side"
# The home page looks for article blocks in at most this many categories.
MAX_HOME_CATEGORIES = 30
# Google shows at most 110 characters of a NewsArticle headline.
HEADLINE_LENGTH = 110


def listing_image_prefetch(field="listing_image"):
    images = get_image_model().objects.prefetch_renditions(LISTING_RENDITION)
    return Prefetch(field, queryset=images)


def with_listing_renditions(queryset, field="listing_image"):
    return queryset.prefetch_related(listing_image_prefetch(field))


class NewsCategory(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    models.Model,
):
    """A news category; changes go through "Quy trình đăng tin" (docs/content-review.md)."""

    name = models.CharField("tên chuyên mục", max_length=100)
    slug = models.SlugField(
        "đường dẫn",
        max_length=100,
        allow_unicode=False,
        help_text="Chữ không dấu, ví dụ: xay-dung-dang.",
    )
    description = models.TextField("mô tả", blank=True)
    sort_order = models.PositiveSmallIntegerField("thứ tự", default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    base_form_class = (
        PortalSnippetForm  # a stale edit form is refused (site_core/editorial/stale_edit.py)
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = "chuyên mục tin"
        verbose_name_plural = "chuyên mục tin"
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="news_category_unique_slug")
        ]

    def __str__(self):
        return self.name


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsIndexPage(RoutablePageMixin, IndexPage):
    per_page = models.PositiveSmallIntegerField("số tin mỗi trang", default=12)

    content_panels = IndexPage.content_panels + [FieldPanel("per_page")]
    # As before IndexPage: this list's intro stays out of the site search index.
    search_fields = BasePage.search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    page_description = "Danh sách tin hoạt động, lọc theo chuyên mục, đơn vị và thời gian."
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = "danh sách tin"
        verbose_name_plural = "danh sách tin"

    def get_articles(self):
        qs = (
            NewsArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("source_unit")
            # The columns a card shows (site_core/includes/card.html), not the 40-odd of
            # three tables: building and reading the whole rows was a third of a listing's
            # CPU time.
            .only(*ARTICLE_CARD_FIELDS)
            .order_by(*ARTICLE_ORDER)
        )
        return with_listing_renditions(qs, "featured_image")

    def render_listing(self, request, articles, heading="", filter_label="", name=""):
        """`name`: what selects `articles` among this index's lists ("" for all of them,
        "category:3"...): names the list's cached count and page boundaries."""
        if self.per_page < 1:
            self.per_page = 12
        # Seek paging on the (date, pk) index, in the order of get_articles().
        page = seek_paginate(
            request,
            articles,
            ARTICLE_ORDER_KEYS,
            per_page=min(self.per_page, 100),
            name=f"news:{self.pk}:{name}",
        )
        # The rows are read only when a card is not kept (site_core/cards.py).
        keep_rows_when_cards_kept(request, ROW_CARDS, page.object_list)
        categories = live_categories(self.locale_id)
        return self.render(
            request,
            context_overrides={
                "articles": page,
                "listing_cards": [(ROW_CARDS, page.object_list)],
                "listing_heading": heading,
                "filter_label": filter_label,
                "categories": categories,
                "category_links": self.category_links(request, categories),
            },
        )

    def category_links(self, request, categories):
        """[(category, its listing's URL)], as `{% routablepageurl page 'category' slug %}`
        writes it, with the list's own URL read once rather than once per category."""
        base = self.relative_url(Site.find_for_request(request), request)
        if base is None:
            return []
        if not base.endswith("/"):
            base += "/"
        return [
            (category, base + self.reverse_subpage("category", args=(category.slug,)))
            for category in categories
        ]

    @path("")
    def index_route(self, request):
        return self.render_listing(request, self.get_articles())

    @path("chuyen-muc/<slug:slug>/", name="category")
    def category_route(self, request, slug):
        # A category never published holds its unreviewed draft in its row: not for visitors.
        category = next((c for c in live_categories(self.locale_id) if c.slug == slug), None)
        if category is None:
            raise Http404("Không có chuyên mục này.")
        return self.render_listing(
            request,
            # EXISTS, not a join: the page is a range of the date index, each article then
            # probed for the category, never the whole category's rows hashed.
            self.get_articles().filter(in_category(category.pk)),
            heading=category.name,
            filter_label=_("Chuyên mục: %(name)s") % {"name": category.name},
            name=f"category:{category.pk}",
        )

    @path("don-vi/<slug:slug>/", name="unit")
    def unit_route(self, request, slug):
        unit = OrgUnitPage.objects.live().filter(slug=slug, locale_id=self.locale_id).first()
        if unit is None:
            raise Http404("Không có đơn vị này.")
        return self.render_listing(
            request,
            self.get_articles().filter(source_unit=unit),
            heading=unit.title,
            filter_label=f"Đơn vị: {unit.title}",
            name=f"unit:{unit.pk}",
        )

    @path("nam/<int:year>/", name="year")
    def year_route(self, request, year):
        if not 1900 <= year <= 2999:
            raise Http404("Năm không hợp lệ.")
        return self.render_listing(
            request,
            self.get_articles().filter(date__year=year),
            heading=f"Năm {year}",
            filter_label=f"Năm {year}",
            name=f"year:{year}",
        )

    @path("nam/<int:year>/thang/<int:month>/", name="month")
    def month_route(self, request, year, month):
        if not (1900 <= year <= 2999 and 1 <= month <= 12):
            raise Http404("Tháng không hợp lệ.")
        return self.render_listing(
            request,
            self.get_articles().filter(date__year=year, date__month=month),
            heading=f"Tháng {month:02d}/{year}",
            filter_label=f"Tháng {month:02d}/{year}",
            name=f"month:{year}-{month}",
        )

    @path("the/<str:tag>/", name="tag")
    def tag_route(self, request, tag):
        if not tag.isascii():
            # A Unicode slug of before news/tags.py (“đại-đoàn-kết”) folds to the tag's.
            folded = vietnamese_slugify(tag)
            if folded and Tag.objects.filter(slug=folded).exists():
                url = self.url + self.reverse_subpage("tag", kwargs={"tag": folded})
                return redirect(url, permanent=True)
        articles = self.get_articles().filter(tags__slug=tag)
        # Headings show the tag as editors typed it ("giáo dục"), not its slug.
        name = Tag.objects.filter(slug=tag).values_list("name", flat=True).first() or tag
        return self.render_listing(
            request,
            articles,
            heading=_("Thẻ: %(name)s") % {"name": name},
            filter_label=_("Thẻ: %(name)s") % {"name": name},
            name=f"tag:{tag}",
        )


class NewsArticlePage(WithdrawalNoticeMixin, BasePage):
    date = models.DateTimeField("ngày đăng", default=timezone.now)
    sapo = models.TextField(
        "sapo", help_text="Đoạn mở đầu in đậm, tóm tắt nội dung chính của tin (2–3 câu)."
    )
    body = StreamField(BaseStreamBlock(), verbose_name="nội dung")
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh tiêu biểu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured_image_caption = models.CharField("chú thích ảnh", max_length=500, blank=True)
    source_unit = models.ForeignKey(
        "org_structure.OrgUnitPage",
        verbose_name="đơn vị đưa tin",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_articles",
    )
    byline = models.CharField(
        "tác giả", max_length=255, blank=True, help_text="Ví dụ: Nguyễn Văn A (Ban Tuyên giáo)."
    )
    source_name = models.CharField(
        "nguồn", max_length=255, blank=True, help_text="Nguồn tin nếu lấy từ nơi khác."
    )
    categories = ParentalManyToManyField(NewsCategory, verbose_name="chuyên mục", blank=True)
    tags = ClusterTaggableManager(through=NewsArticleTag, verbose_name="thẻ", blank=True)
    related_documents = ParentalManyToManyField(
        "legal_docs.LegalDocumentPage",
        verbose_name="văn bản liên quan",
        blank=True,
        related_name="news_articles",
    )
    is_featured = models.BooleanField(
        "tin nổi bật", default=False, help_text="Tin nổi bật hiện ở đầu trang chủ."
    )
    original_url = models.URLField(
        "bài gốc",
        max_length=500,
        blank=True,
        help_text="Địa chỉ bài gốc khi tin được cổng trực thuộc đề xuất đăng lại; "
        "công cụ tìm kiếm được chỉ về bài gốc.",
    )
    # Nhuận bút (news/royalty_models.py, news/royalties.py): set by editors and the board
    # only (FieldPanel permission below), read when the article is first published.
    royalty_kind = models.CharField("thể loại", max_length=20, choices=KIND_CHOICES, blank=True)
    royalty_grade = models.CharField(
        "mức nhuận bút", max_length=2, choices=GRADE_CHOICES, blank=True
    )

    content_panels = BasePage.content_panels + [
        ProposalStatusPanel(),
        FieldPanel("sapo"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_caption")],
            heading="Ảnh tiêu biểu",
        ),
        FieldPanel("body"),
    ]
    classify_panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("is_featured")]),
        FieldRowPanel([FieldPanel("byline"), FieldPanel("source_name")]),
        FieldPanel("source_unit"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("related_documents"),
    ]
    royalty_panels = [
        HelpPanel(
            "<p>Ghi mọi người viết bài: cộng tác viên có tài khoản hoặc tác giả ngoài cổng "
            "(họ tên), cơ quan, đơn vị và tỷ lệ khi nhiều người cùng viết. Khi bài được đăng "
            "lần đầu, sổ nhuận bút ghi lại tác giả, đơn vị, thể loại, mức và số tiền theo "
            "bảng mức đang áp dụng; sửa sau đó không làm thay đổi sổ.</p>"
        ),
        RoyaltyLedgerPanel(),
        InlinePanel("credits", heading="Tác giả", label="tác giả"),
        FieldRowPanel(
            [
                FieldPanel("royalty_kind", permission="news.grade_article"),
                FieldPanel("royalty_grade", permission="news.grade_article"),
            ],
            heading="Thể loại và mức (Biên tập viên, Ban biên tập chấm)",
        ),
    ]
    # What the four-eyes rule does not count as writing the article, nor as a change that
    # sends it back to the first step (site_core/editorial/workflow_rules.py): the board
    # grades and completes the credits while approving; visitors see none of it.
    review_neutral_fields = ("royalty_kind", "royalty_grade", "credits")
    search_fields = BasePage.search_fields + [
        index.SearchField("sapo"),
        index.SearchField("body"),
        index.SearchField("byline"),
        index.AutocompleteField("sapo"),
        index.FilterField("date"),
        index.FilterField("is_featured"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("date"),
        APIField("sapo"),
        APIField("body"),
        APIField("featured_image"),
        APIField(
            "featured_image_thumbnail",
            serializer=ImageRenditionField(LISTING_RENDITION, source="featured_image"),
        ),
        APIField("featured_image_caption"),
        APIField("categories", serializer=ManyRelatedField(NameSlugSerializer)),
        APIField("tags"),
        APIField("source_unit"),
        APIField("byline"),
        APIField("source_name"),
        APIField("is_featured"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    page_description = "Một tin hoạt động: tiêu đề, sapo, nội dung, ảnh, đơn vị và chuyên mục."
    template = "news/news_article_page.html"

    search_type = SearchType("tin", _("Tin hoạt động"), 10)
    og_type = "article"
    listing_date_field = "date"

    def get_own_summary(self):
        return self.sapo

    def get_listing_image(self):
        return super().get_listing_image() or (
            self.featured_image if self.featured_image_id else None
        )

    def get_published_time(self):
        return self.date or self.first_published_at

    def get_canonical_url(self):
        return self.original_url

    @classmethod
    def canonical_elsewhere(cls):
        # The province's copies of proposed articles (news_article_copy_idx).
        return cls.objects.exclude(original_url="").values("pk")

    def may_be_proposed_to_province(self):
        """A live article open to the public, on a sub-portal, and not already waiting
        or published on the province (a return, a withdrawal or a deleted copy may be
        proposed again)."""
        # Asked for every article of an admin listing: no query but for the articles
        # already proposed (the restrictions and the site's proposals are read once).
        if not self.live or any(self.path.startswith(path) for path, _ in restricted_sections()):
            return False
        url_parts = self.get_url_parts()  # Wagtail's cached site roots; get_site() queries
        if url_parts is None or url_parts[0] == province_site_id():
            return False
        proposal = ProvinceProposal.of_site(url_parts[0]).get(self.pk)
        return proposal is None or proposal.may_propose_again()

    def province_proposals_of_page(self):
        """(the proposal of this original, the proposal this page is the province's copy
        of); either may be None."""
        found = {
            proposal.draft_id == self.pk: proposal
            for proposal in ProvinceProposal.objects.filter(
                Q(source_id=self.pk) | Q(draft_id=self.pk)
            ).select_related("source_site", "draft", "proposed_by")
        }
        return found.get(False), found.get(True)

    def get_structured_data(self, context):
        published = self.get_published_time()
        author = {"@type": "Person", "name": self.byline} if self.byline else context.publisher
        return [
            {
                "@type": "NewsArticle",
                "headline": Truncator(self.title).chars(HEADLINE_LENGTH),
                "description": context.description,
                "datePublished": context.dated(published),
                "dateModified": context.dated(self.last_published_at or published),
                "author": [author],
                "publisher": context.publisher,
                "image": [context.image["url"]] if context.image else None,
                "mainEntityOfPage": {"@type": "WebPage", "@id": context.url},
                "url": context.url,
                "inLanguage": context.language,
            }
        ]

    @classmethod
    def api_listing_queryset(cls, queryset):
        return queryset.select_related(
            "source_unit", "featured_image", "listing_image"
        ).prefetch_related("categories", "tags")

    class Meta:
        verbose_name = "tin hoạt động"
        verbose_name_plural = "tin hoạt động"
        indexes = [
            # Listings, related news and the home page: newest first, "-date", "-pk".
            models.Index(fields=["date", "page_ptr"], name="news_article_date_idx"),
            # The home page's featured articles.
            models.Index(
                fields=["date", "page_ptr"],
                condition=Q(is_featured=True),
                name="news_article_featured_idx",
            ),
            # The sitemap leaves out the province's copies of proposed articles.
            models.Index(
                fields=["page_ptr"],
                condition=~Q(original_url=""),
                name="news_article_copy_idx",
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A draft's own categories, tags, documents and image, read afresh.
            context.update(self.get_related_content())
        else:
            # The published article's (its row holds the live content), kept until the
            # next change of what visitors see: any publish, unpublish, move, deletion,
            # snippet, image or document change renews the navigation version.
            context.update(cached_until_change(f"article:{self.pk}", self.get_related_content))
        context["listing_cards"] = [(SIDE_CARDS, context["related_articles"])]
        return context

    def get_related_content(self):
        """What the article page shows besides its own fields, as plain lists: its
        categories, tags, related documents and related articles, its featured image and
        source unit. The renditions the page shows are created here, so that a kept copy
        never lacks one."""
        categories = list(self.categories.filter(live=True))
        # In previews and revision views related_documents is modelcluster's in-memory
        # FakeQuerySet, which has no live(): select the same pages from the database.
        documents = self._meta.get_field("related_documents").related_model.objects
        documents = (
            documents.filter(pk__in=self.related_documents.values_list("id", flat=True))
            .live()
            .public()
            .select_related("document_type", "issuer")
            .prefetch_related("co_issuers")  # number_symbol reads them
        )
        # Newest first on the date index, each candidate checked for a shared category
        # (EXISTS): no join of the whole category table, no DISTINCT, no sort.
        category_ids = [c.pk for c in categories]
        same_category = NewsArticlePage.categories.through.objects.filter(
            newsarticlepage_id=OuterRef("pk"), newscategory_id__in=category_ids
        )
        related = (
            NewsArticlePage.objects.sibling_of(self, inclusive=False)
            .live()
            .public()
            .defer_streamfields()
            .filter(Exists(same_category))
            .order_by(*ARTICLE_ORDER)
        )
        related = (
            list(with_listing_renditions(related[:4], "featured_image")) if category_ids else []
        )
        for article in related:
            if article.featured_image is not None:
                get_renditions_or_not_found(article.featured_image, [LISTING_RENDITION])
        image = None
        if self.featured_image_id:
            image = (
                get_image_model()
                .objects.prefetch_renditions(ARTICLE_RENDITION)
                .filter(pk=self.featured_image_id)
                .first()
            )
            if image is not None:
                get_renditions_or_not_found(image, [ARTICLE_RENDITION])
        return {
            "article_categories": categories,
            "article_tags": list(self.tags.all()),
            "documents": list(documents),
            "related_articles": related,
            "featured_image": image,
            "source_unit": self.source_unit if self.source_unit_id else None,
        }


def once_per_request(key, read):
    """`read()`, kept for the rest of the current request (read afresh outside one)."""
    memo = request_memo()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]


def province_site_id():
    """The default Site's id: the province's portal (site_core.editorial.setup)."""
    return once_per_request(
        "province-site-id",
        lambda: Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first(),
    )


class ProvinceProposal(models.Model):
    """A sub-portal's article proposed to the province ("Đề xuất đăng lên Cổng tỉnh").

    One row per original (news/proposals.py makes and renews it). Where the proposal
    stands is not stored: it is read from Wagtail's own records of the province's draft
    (its workflow states and whether it is live), so it cannot drift from what the
    province did.
    """

    WAITING = "waiting"
    PUBLISHED = "published"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"
    DELETED = "deleted"
    STATE_LABELS = {
        WAITING: "Đang chờ duyệt",
        PUBLISHED: "Đã đăng",
        RETURNED: "Bị trả lại",
        WITHDRAWN: "Cổng tỉnh đã gỡ bài",
        DELETED: "Cổng tỉnh đã xóa bản đề xuất",
    }

    source = models.ForeignKey(
        NewsArticlePage,
        verbose_name="bài gốc",
        null=True,
        on_delete=models.SET_NULL,
        related_name="province_proposals",
    )
    source_site = models.ForeignKey(
        Site, verbose_name="cổng trực thuộc", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("tiêu đề", max_length=255)
    original_url = models.URLField("địa chỉ bài gốc", max_length=500)
    draft = models.OneToOneField(
        NewsArticlePage,
        verbose_name="bản đề xuất ở Cổng tỉnh",
        null=True,
        on_delete=models.SET_NULL,
        related_name="province_proposal",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đề xuất",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_at = models.DateTimeField("ngày đề xuất", default=timezone.now)

    class Meta:
        verbose_name = "đề xuất lên Cổng tỉnh"
        verbose_name_plural = "đề xuất lên Cổng tỉnh"
        default_permissions = ()
        permissions = [("propose_to_province", "Đề xuất đăng tin lên Cổng tỉnh")]
        constraints = [
            models.UniqueConstraint(fields=["source"], name="news_proposal_one_per_source")
        ]

    def __str__(self):
        return self.title

    @classmethod
    def of_site(cls, site_id):
        """{original's id: proposal} of a sub-portal, read once per request."""
        return once_per_request(
            f"province-proposals:{site_id}",
            lambda: {
                proposal.source_id: proposal
                for proposal in cls.objects.filter(source_site_id=site_id, source__isnull=False)
            },
        )

    def last_workflow_state(self):
        return WorkflowState.objects.for_instance(self.draft).order_by("-created_at", "-pk").first()

    @property
    def status(self):
        """(state, the board's comment when returned), read afresh once per instance."""
        if not hasattr(self, "_status"):
            self._status = self.read_status()
        return self._status

    def read_status(self):
        if self.draft_id is None:
            return self.DELETED, ""
        workflow_state = self.last_workflow_state()
        if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
            return self.WAITING, ""
        if self.draft.live:
            return self.PUBLISHED, ""
        if self.draft.first_published_at is not None:
            return self.WITHDRAWN, ""
        rejected = None
        if workflow_state is not None:
            rejected = (
                workflow_state.task_states.filter(status=TaskState.STATUS_REJECTED)
                .order_by("-finished_at", "-pk")
                .first()
            )
        return self.RETURNED, rejected.get_comment() if rejected else ""

    @property
    def state(self):
        return self.status[0]

    @property
    def state_label(self):
        return self.STATE_LABELS[self.state]

    @property
    def comment(self):
        return self.status[1]

    @property
    def published_url(self):
        return self.draft.full_url if self.state == self.PUBLISHED else ""

    def may_propose_again(self):
        return self.state not in (self.WAITING, self.PUBLISHED)


def live_categories(locale_id):
    """The live categories of a language, in their order: kept until the next change (a
    category's publish, unpublish or save renews the navigation version)."""
    return cached_until_change(
        f"news-categories:{locale_id}",
        lambda: list(NewsCategory.objects.filter(locale_id=locale_id, live=True)),
    )


def in_category(category_id):
    """Condition: the article (OuterRef pk) is in the category, as an EXISTS subquery."""
    return Exists(
        NewsArticlePage.categories.through.objects.filter(
            newsarticlepage_id=OuterRef("pk"), newscategory_id=category_id
        )
    )


def latest_per_category(articles, per_category=4, categories=6, locale_id=None):
    """Latest live articles of each category: [(category, [articles])], in one query, each
    article in one block only (the first of its categories).

    The live categories (those of `locale_id` when given) come from the cache, then one
    UNION ALL of a `ORDER BY date DESC, pk DESC LIMIT n` per category, each answered by the
    (date, pk) index with an EXISTS on the category table: the cost is that of the few rows
    read, whatever the number of articles. An article in several categories is shown in
    the first block only, so the k-th category reads enough rows to fill its block after
    the articles the blocks before it took (at most `per_category` each). Categories
    without articles are left out, at most `categories` blocks. The caller leaves out
    what the page shows elsewhere by filtering `articles`.
    """
    # The categories change with a snippet publish, which renews the navigation version.
    found = NewsCategory.objects.filter(live=True)
    if locale_id is not None:
        found = found.filter(locale_id=locale_id)
    category_list = cached_until_change(
        f"home-categories:{locale_id}", lambda: list(found[:MAX_HOME_CATEGORIES])
    )
    if not category_list:
        return []
    parts = [
        articles.filter(in_category(c.pk))
        .annotate(block_category=models.Value(c.pk))
        .order_by(*ARTICLE_ORDER)[: per_category * (1 + min(index, categories - 1))]
        for index, c in enumerate(category_list)
    ]
    if len(parts) == 1:
        rows = parts[0]
    elif connections[articles.db].features.supports_slicing_ordering_in_compound:
        rows = parts[0].union(*parts[1:], all=True)
    else:
        # SQLite (the quick start) allows no LIMIT inside a compound statement: one query
        # per category there, the same rows.
        rows = [article for part in parts for article in part]
    by_category = {}
    for article in rows:
        by_category.setdefault(article.block_category, []).append(article)
    blocks, taken = [], set()
    for category in category_list:
        found = sorted(
            by_category.get(category.pk, ()),
            key=lambda article: (article.date, article.pk),
            reverse=True,
        )
        found = [article for article in found if article.pk not in taken][:per_category]
        if found:
            taken.update(article.pk for article in found)
            blocks.append((category, found))
            if len(blocks) == categories:
                break
    return blocks


class EventIndexPage(IndexPage):
    # As before IndexPage: this list's intro stays out of the site search index.
    search_fields = BasePage.search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.EventPage"]
    max_count_per_parent = 1
    page_description = "Lịch sự kiện của Đảng bộ: sắp diễn ra và đã diễn ra."
    template = "news/event_index_page.html"

    class Meta:
        verbose_name = "danh sách sự kiện"
        verbose_name_plural = "danh sách sự kiện"

    def get_event_ids(self):
        """Ids of this list's live events, cached until the next change.

        Joining the events to their pages by path let the planner walk the whole page
        table by primary key (a merge join, 65-150 ms at 20,000 articles); a list of ids
        is read by the (depth, path) index once per navigation version, then each event
        row is fetched by its key.
        """
        return cached_until_change(
            f"event-ids:{self.pk}",
            lambda: list(
                Page.objects.child_of(self).live().order_by().values_list("pk", flat=True)
            ),
        )

    def get_events(self):
        return (
            EventPage.objects.filter(pk__in=self.get_event_ids())
            .live()
            .public()
            .defer_streamfields()
            .select_related("organiser")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        # COALESCE(end, start) >= now is "end >= now, or no end and start >= now": one
        # condition on the expression index news_event_until_idx.
        events = self.get_events().alias(until=Coalesce("end", "start"))
        context["upcoming_events"] = list(
            events.filter(until__gte=now).order_by("start", "pk")[:50]
        )
        context["past_events"] = paginate(
            request, events.filter(until__lt=now).order_by("-start", "-pk"), per_page=10
        )
        return context


class EventPage(BasePage):
    start = models.DateTimeField("bắt đầu", null=True)
    end = models.DateTimeField("kết thúc", null=True, blank=True)
    place = models.CharField("địa điểm", max_length=255, blank=True)
    organiser = models.ForeignKey(
        "org_structure.OrgUnitPage",
        verbose_name="đơn vị tổ chức",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    summary = models.TextField("tóm tắt", blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name="nội dung", blank=True)
    related_news = ParentalManyToManyField(
        NewsArticlePage, verbose_name="tin liên quan", blank=True, related_name="events"
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading="Thời gian"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("organiser")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("related_news"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("organiser"),
        APIField("summary"),
        APIField("body"),
    ]

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []
    page_description = "Một sự kiện: thời gian, địa điểm, đơn vị tổ chức và nội dung."
    template = "news/event_page.html"

    search_type = SearchType("su-kien", _("Sự kiện"), 20)
    listing_date_field = "start"

    def get_own_summary(self):
        return self.summary

    def get_calendar_url(self):
        return reverse("event_ics", args=[self.pk]) if self.start and self.pk else ""

    def get_structured_data(self, context):
        if not self.start:
            return []
        organizer = context.publisher
        if self.organiser_id:
            organiser = self.organiser
            organizer = {
                "@type": "Organization",
                "name": organiser.title,
                "url": context.absolute(organiser.get_url(context.request)),
            }
        return [
            {
                "@type": "Event",
                "name": self.title,
                "description": context.description,
                "startDate": context.dated(self.start),
                "endDate": context.dated(self.end if self.end and self.end >= self.start else None),
                # The portal has no cancelled or moved events: an event is withdrawn.
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "location": (
                    {"@type": "Place", "name": self.place, "address": self.place}
                    if self.place
                    else None
                ),
                "organizer": organizer,
                "image": [context.image["url"]] if context.image else None,
                "url": context.url,
                "inLanguage": context.language,
            }
        ]

    @classmethod
    def api_listing_queryset(cls, queryset):
        return queryset.select_related("organiser", "listing_image")

    class Meta:
        verbose_name = "sự kiện"
        verbose_name_plural = "sự kiện"
        indexes = [
            # Upcoming and past events (EventIndexPage): COALESCE(end, start) against now.
            models.Index(Coalesce("end", "start"), name="news_event_until_idx"),
            # Their order and the home page's next events: "start, pk" either way.
            models.Index(fields=["start", "page_ptr"], name="news_event_start_idx"),
        ]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Thời gian kết thúc không được trước thời gian bắt đầu."})

    @property
    def is_upcoming(self):
        now = timezone.now()
        return bool(self.start) and (self.end or self.start) >= now

    @property
    def is_multi_day(self):
        if not (self.start and self.end):
            return False
        tz = timezone.get_current_timezone()
        return self.start.astimezone(tz).date() != self.end.astimezone(tz).date()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # related_news is an in-memory FakeQuerySet in previews: select the pages afresh.
        context["news"] = (
            NewsArticlePage.objects.filter(pk__in=self.related_news.values_list("id", flat=True))
            .live()
            .public()
            .defer_streamfields()
        )
        return context


NewsIndexPage.edit_handler = NewsIndexPage.tabbed_edit_handler(NewsIndexPage.content_panels)
NewsArticlePage.edit_handler = NewsArticlePage.tabbed_edit_handler(
    NewsArticlePage.content_panels,
    [
        ("Phân loại", NewsArticlePage.classify_panels),
        ("Tác giả, nhuận bút", NewsArticlePage.royalty_panels),
    ],
)
EventIndexPage.edit_handler = EventIndexPage.tabbed_edit_handler(EventIndexPage.content_panels)
EventPage.edit_handler = EventPage.tabbed_edit_handler(EventPage.content_panels)
