from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from site_core.editorial.permission_tester import PortalCopyForm, PortalPagePermissionTester
from site_core.serializers import RichTextHTMLField

from .blocks import BaseStreamBlock, LinkListBlock
from .forms import PortalPageForm
from .query import PortalPageQuerySet, restricted_sections
from .siblings import children_of_type
from .text import database_folds_accents, folded_field_text, vietnamese_slugify


class User(AbstractUser):
    """The portal's user; custom from the first migration so it can grow.

    Names follow Vietnamese order: ``last_name`` holds the family and middle names
    ("Nguyễn Văn"), ``first_name`` the given name ("An"); the full name is "Nguyễn Văn
    An", the short name (greetings, the admin's account menu) the given name.
    """

    def get_full_name(self):
        return " ".join(part for part in (self.last_name.strip(), self.first_name.strip()) if part)

    def get_short_name(self):
        return self.first_name.strip() or self.get_full_name()

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"


def paginate(request, queryset, per_page=10):
    """Any ?page= value gives a valid page: non-numbers the first, out of range the last."""
    paginator = Paginator(queryset, per_page)
    return paginator.get_page(request.GET.get("page"))


class SearchType(NamedTuple):
    """A ?type= group of the site search: its URL value, its label and its place."""

    slug: str
    label: str
    order: int


def plain_text(value):
    """Rich text or plain text as one line of plain text."""
    return " ".join(strip_tags(str(value or "")).split())


class BasePage(Page):
    """Fields every portal page shares: listing image and summary for cards and SEO."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ảnh dùng khi trang xuất hiện trong danh sách và khi chia sẻ lên mạng xã hội.",
    )
    listing_summary = models.TextField(
        "tóm tắt trong danh sách",
        blank=True,
        max_length=500,
        help_text="Một hai câu giới thiệu trang trong danh sách và kết quả tìm kiếm.",
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("show_in_menus"),
            ],
            heading="Đường dẫn và SEO",
        ),
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading="Hiển thị trong danh sách",
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("listing_summary"),
        # Accent-folded copies of the text, for search without diacritics on every
        # database (site_core/search/query.py). Methods: no column, no migration.
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_autocomplete_text"),
    ]
    api_fields = [APIField("listing_summary"), APIField("listing_image")]

    @classmethod
    def can_create_at(cls, parent):
        """Wagtail's rule, with the count of `max_count_per_parent` read for the parent's
        siblings at once (site_core/siblings.py): the explorer asks it for every row (the
        "add child page" button), and the tree's root has a row per Site home."""
        if cls.max_count_per_parent is None:
            return super().can_create_at(parent)
        can_create = cls.is_creatable and cls.can_exist_under(parent)
        if cls.max_count is not None:
            can_create = can_create and cls.objects.count() < cls.max_count
        return can_create and children_of_type(parent, cls) < cls.max_count_per_parent

    base_form_class = PortalPageForm
    # A field with choices whose non-empty values mark the page secret: the files it uses
    # are then never public (site_core/files/access.py).
    secrecy_field = None
    objects = PageManager.from_queryset(PortalPageQuerySet)()

    class Meta:
        abstract = True

    @classmethod
    def tabbed_edit_handler(cls, content_panels, extra_tabs=()):
        tabs = [ObjectList(content_panels, heading="Nội dung")]
        tabs += [ObjectList(panels, heading=heading) for heading, panels in extra_tabs]
        tabs += [
            ObjectList(cls.promote_panels, heading="Quảng bá"),
            ObjectList(Page.settings_panels, heading="Cài đặt"),
        ]
        return TabbedInterface(tabs)

    def full_clean(self, *args, **kwargs):
        # Pages made by code or by a seed get a readable ASCII slug from the title.
        if not self.slug and self.title:
            base = vietnamese_slugify(self.title)
            if base:
                self.slug = self._get_autogenerated_slug(base)
        super().full_clean(*args, **kwargs)

    def folded_search_text(self):
        """Every search field of the page, folded: 'Nghị quyết Đảng bộ' -> 'nghi quyet dang bo'.

        Empty where the database folds by itself (PostgreSQL): a second copy would skew ranking.
        """
        if database_folds_accents():
            return ""
        return folded_field_text(
            self, self.get_searchable_search_fields(), exclude={"folded_search_text"}
        )

    def folded_autocomplete_text(self):
        """Every autocomplete field of the page (its title, a sapo...), folded."""
        return folded_field_text(
            self, self.get_autocomplete_search_fields(), exclude={"folded_autocomplete_text"}
        )

    # --- The page interface ------------------------------------------------------------
    # What listings, search results, feeds, the API and share tags read from any page.
    # Each page type overrides what differs; nothing outside its app asks for its class.

    # The site search's ?type= group (site_core/search).
    search_type = SearchType("trang", _("Trang thông tin"), 90)
    # OpenGraph's og:type in the share tags.
    og_type = "website"
    # The field that holds get_listing_date(), for filters by date (the API's
    # date_from/date_to, which also cover every type that names one when no type is given).
    listing_date_field = None
    # Withdrawn, the page leaves a notice at its address (WithdrawalNoticeMixin), or a 404.
    withdrawal_notice = False

    def get_own_summary(self):
        """The type's own introduction (a news sapo, a document's trích yếu), if any."""
        return ""

    def get_summary(self):
        """One or two sentences for cards and search results."""
        return self.get_own_summary() or self.listing_summary or self.search_description

    @property
    def summary_text(self):
        return self.listing_summary or self.get_own_summary() or self.search_description

    def get_meta_description(self):
        """The description in search engines and share previews, as plain text."""
        for value in (self.search_description, self.listing_summary, self.get_own_summary()):
            if text := plain_text(value):
                return text
        return ""

    def get_listing_image(self):
        """The picture of the page in lists and share previews, or None."""
        return self.listing_image if self.listing_image_id else None

    def get_listing_date(self):
        """The date a visitor knows the page by (published, held, issued), or None."""
        return getattr(self, self.listing_date_field) if self.listing_date_field else None

    def get_published_time(self):
        """article:published_time for pages that are articles (og_type "article")."""
        return None

    def get_reference(self):
        """The identifier the page is cited by, shown before its title (a document's
        number-symbol), or ""."""
        return ""

    def get_calendar_url(self):
        """An iCalendar link for pages that are events, else ""."""
        return ""

    def get_canonical_url(self):
        """Where search engines should look for this content, when it is not this page
        (a sub-portal's article republished by the province names its original); ""
        means the page itself (site_core/seo.py)."""
        return ""

    @classmethod
    def canonical_elsewhere(cls):
        """The ids of this type's pages whose get_canonical_url() names another address, as
        a subquery: the sitemap leaves them out (it lists canonical addresses only). None
        when the type has no such pages."""
        return None

    def may_be_proposed_to_province(self):
        """Whether this page, as it stands, may be proposed to the province's portal
        ("Đề xuất đăng lên Cổng tỉnh", news/proposals.py). Who may propose it is the page
        permission tester's `can_propose_to_province`."""
        return False

    def get_structured_data(self, context):
        """schema.org nodes (dicts, without "@context") that describe the page in its
        JSON-LD: a NewsArticle, an Event, a Legislation, the Organization on the home page.

        `context` is a site_core.seo.StructuredDataContext (the page's absolute URL, share
        image, language, the publishing organisation). The BreadcrumbList of every page
        with breadcrumbs is added by site_core/seo.py; empty values are dropped there.
        """
        return []

    @classmethod
    def api_listing_queryset(cls, queryset):
        """The API's listing of this type fetches what its api_fields show, up front."""
        return queryset

    @classmethod
    def prefetch_for_listing(cls, pages):
        """Fetch what listings show of `pages` (all of this type) that they do not hold yet.

        For lists built from several querysets (the site search); a type whose summary,
        date or title line reads related rows overrides this.
        """

    # The portal's publishing rules (site_core/editorial/permission_tester.py). Wagtail routes
    # generic Page instances (explorer, bulk actions) to this override too.
    copy_form_class = PortalCopyForm

    def get_view_restrictions(self):
        # Wagtail's check before serving reads the page's ancestors and then their
        # restrictions, two queries a page view. With no restriction anywhere (the cached
        # list, renewed with the navigation version whenever a restriction changes, see
        # site_core/query.py) there is nothing to read; otherwise Wagtail's own answer.
        if not restricted_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def permissions_for_user(self, user):
        return PortalPagePermissionTester(user, self)


class WithdrawalNoticeMixin:
    """For page types whose address keeps a notice once the board withdraws them (news
    articles, documents; site_core/editorial/withdrawal.py).

    A withdrawn page is not live, so Wagtail's routing would answer 404. Here a page with
    a notice answers 410 Gone with the date and the public reason instead: 410 tells
    search engines and link checkers the removal is deliberate and final, and the notice
    tells people why. The notice reads only the PageWithdrawal row (the live title copied
    at withdrawal), never the page's fields or a draft.
    """

    withdrawal_notice = True

    @property
    def status_string(self):
        # The admin's status tags (explorer, reports, dashboard) tell a withdrawn page
        # from a draft; a query only for pages that are not live.
        if not self.live and self.pk:
            withdrawal = (
                apps.get_model("editorial", "PageWithdrawal")
                .objects.filter(page_id=self.pk)
                .values_list("removed_entirely", flat=True)
                .first()
            )
            if withdrawal is not None:
                return "đã gỡ hẳn" if withdrawal else "đã gỡ, có thông báo"
        return super().status_string

    def route(self, request, path_components):
        if self.live or path_components:
            return super().route(request, path_components)
        withdrawal = apps.get_model("editorial", "PageWithdrawal").objects.notice_for(self.pk)
        if withdrawal is None:
            raise Http404
        return RouteResult(self, kwargs={"withdrawal": withdrawal})

    def serve(self, request, *args, withdrawal=None, **kwargs):
        if withdrawal is None:
            return super().serve(request, *args, **kwargs)
        response = TemplateResponse(
            request, "site_core/withdrawn_page.html", {"withdrawal": withdrawal}, status=410
        )
        # The notice may change (reinstated, removed entirely): kept by no shared cache.
        patch_cache_control(response, no_cache=True, max_age=0)
        return response


class IndexPage(BasePage):
    """A page that introduces and lists its children: news, events, a register, a timeline."""

    intro = RichTextField("giới thiệu", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [APIField("intro", serializer=RichTextHTMLField())]

    class Meta:
        abstract = True

    def get_own_summary(self):
        return self.intro

    def get_summary(self):
        # The intro opens the section on its own page; in search results and lists the
        # section shows its listing summary, as it did before the intro was shared.
        return self.listing_summary or self.search_description


class StandardPage(BasePage):
    body = StreamField(BaseStreamBlock(), verbose_name="nội dung", blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    parent_page_types = ["home.HomePage", "site_core.StandardPage"]
    subpage_types = ["site_core.StandardPage"]
    page_description = "Trang nội dung tĩnh như Giới thiệu, Liên hệ, Hướng dẫn sử dụng."
    template = "site_core/standard_page.html"

    class Meta:
        verbose_name = "trang nội dung"
        verbose_name_plural = "trang nội dung"


StandardPage.edit_handler = StandardPage.tabbed_edit_handler(StandardPage.content_panels)


def other_languages():
    """(code, name) of the site's languages other than the default one (Vietnamese), named
    in the admin's language ("Tiếng Anh"), not in their own as the language switcher does."""
    return [
        (code, get_language_info(code)["name_translated"])
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


class PortalTexts(models.Model):
    """The portal settings' texts that a visitor reads in the page's language: the name,
    the governing body, the contacts' wording, the licence line, the footer and the links.

    PortalSettings holds them in the default language (Vietnamese); each
    PortalSettingsTranslation holds them in one other language.
    """

    portal_name = models.CharField(
        "tên cổng thông tin", max_length=255, default="Cổng thông tin điện tử"
    )
    organisation_name = models.CharField(
        "tên cơ quan chủ quản",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Đảng bộ tỉnh Đồng Nai.",
    )
    tagline = models.CharField("khẩu hiệu", max_length=255, blank=True)
    address = models.CharField("địa chỉ", max_length=500, blank=True)
    responsible_person = models.CharField(
        "chịu trách nhiệm nội dung",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Trưởng Ban biên tập.",
    )
    licence = models.CharField(
        "giấy phép",
        max_length=500,
        blank=True,
        help_text="Số giấy phép hoặc quyết định thành lập cổng thông tin.",
    )
    footer_text = RichTextField("chân trang", blank=True, features=["bold", "italic", "link"])
    related_links = StreamField(
        LinkListBlock(), verbose_name="liên kết cơ quan liên quan", blank=True
    )
    social_links = StreamField(LinkListBlock(), verbose_name="mạng xã hội", blank=True)

    # The fields above, in the order the forms show them.
    TEXT_FIELDS = (
        "portal_name",
        "organisation_name",
        "tagline",
        "address",
        "responsible_person",
        "licence",
        "footer_text",
        "related_links",
        "social_links",
    )

    class Meta:
        abstract = True


@register_setting(icon="site")
class PortalSettings(ClusterableModel, BaseSiteSetting, PortalTexts):
    """What changes from one portal site to another: name, contacts, footer, links.

    The texts are in Vietnamese; `translations` gives them in the site's other languages,
    and `localized()` is what visitors of a language see (context_processors.py).
    """

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="biểu trưng",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField("điện thoại", max_length=100, blank=True)
    fax = models.CharField("fax", max_length=100, blank=True)
    email = models.EmailField("thư điện tử", blank=True)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("portal_name"),
                            FieldPanel("organisation_name"),
                            FieldPanel("tagline"),
                            FieldPanel("logo"),
                        ],
                        heading="Nhận diện",
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("address"),
                            FieldPanel("phone"),
                            FieldPanel("fax"),
                            FieldPanel("email"),
                            FieldPanel("responsible_person"),
                            FieldPanel("licence"),
                        ],
                        heading="Liên hệ",
                    ),
                    FieldPanel("footer_text"),
                    FieldPanel("related_links"),
                    FieldPanel("social_links"),
                ],
                heading="Tiếng Việt",
            ),
            ObjectList(
                [
                    InlinePanel(
                        "translations",
                        heading="Bản dịch theo ngôn ngữ",
                        label="bản dịch",
                        max_num=len(settings.LANGUAGES) - 1,
                        help_text=(
                            "Tên cổng, cơ quan chủ quản, địa chỉ, giấy phép, chân trang và "
                            "liên kết mà trang tiếng nước ngoài (ví dụ /en/) hiển thị. Ô để "
                            "trống thì trang đó dùng nội dung tiếng Việt."
                        ),
                    )
                ],
                heading="Ngôn ngữ khác",
            ),
        ]
    )

    class Meta:
        verbose_name = "thiết lập cổng thông tin"
        verbose_name_plural = "thiết lập cổng thông tin"

    def __str__(self):
        return self.portal_name

    def localized(self, language):
        """The settings as visitors of `language` see them: its translation's texts, the
        Vietnamese ones where the translation leaves a text empty (or has none)."""
        code = (language or settings.LANGUAGE_CODE).split("-")[0]
        if code == settings.LANGUAGE_CODE:
            return self
        # for_request() keeps the settings on the request: read the translations once.
        memo = self.__dict__.setdefault("_localized", {})
        if code not in memo:
            translation = self.translations.filter(language=code).first()
            memo[code] = LocalizedPortalSettings(self, translation) if translation else self
        return memo[code]


class PortalSettingsTranslation(Orderable, PortalTexts):
    """The portal settings' texts in one other language (English for /en/)."""

    portal_settings = ParentalKey(
        PortalSettings, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField("ngôn ngữ", max_length=10, choices=other_languages)
    # Empty: the Vietnamese name shows, as for every other text left empty.
    portal_name = models.CharField("tên cổng thông tin", max_length=255, blank=True)

    # Pages show these texts: saving one renews the cached pages (site_core/signals.py).
    shown_to_visitors = True

    panels = [
        FieldPanel("language"),
        *(FieldPanel(name) for name in PortalTexts.TEXT_FIELDS),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "bản dịch thiết lập cổng thông tin"
        verbose_name_plural = "bản dịch thiết lập cổng thông tin"
        constraints = [
            models.UniqueConstraint(
                fields=["portal_settings", "language"], name="unique_portal_settings_language"
            )
        ]

    def __str__(self):
        return str(dict(other_languages()).get(self.language, self.language))


def is_empty(value):
    return value is None or value == "" or (hasattr(value, "__len__") and not len(value))


class LocalizedPortalSettings:
    """A PortalSettings read in another language: each text from the translation unless
    it is empty there; everything else (logo, phone, site...) from the settings."""

    def __init__(self, portal_settings, translation):
        self._settings = portal_settings
        self._translation = translation

    def __getattr__(self, name):
        if name in PortalTexts.TEXT_FIELDS:
            value = getattr(self._translation, name)
            if not is_empty(value):
                return value
        return getattr(self._settings, name)
