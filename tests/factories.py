"""Factories for every page type and snippet of the portal (wagtail-factories).

Page factories must always be called with `parent=`: without it wagtail-factories calls
`add_root()` and builds a second tree. Pages take their locale from the parent; snippets
with TranslatableMixin get the default (vi) locale.
"""

import contextlib
import datetime

import factory
from factory.django import DjangoModelFactory

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import F
from django.test import override_settings
from django.utils import timezone

import wagtail_factories
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from history.models import HistoryEvent, HistoryIndexPage, HistoryPeriodPage
from home.models import HomePage
from legal_docs.models import (
    DocumentType,
    IssuingBody,
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from news.models import EventIndexPage, EventPage, NewsArticlePage, NewsCategory, NewsIndexPage
from org_structure.models import OrgChartPage, OrgMembership, OrgUnitPage, Person, Term
from site_core.models import StandardPage, vietnamese_slugify

# The smallest file a PDF reader opens: enough for download and extension checks.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def default_locale():
    return Locale.get_default()


def root_collection():
    return Collection.get_first_root_node()


def paragraph(html):
    """StreamField raw data with one paragraph block (BaseStreamBlock's `paragraph`)."""
    return [{"type": "paragraph", "value": html}]


@contextlib.contextmanager
def without_indexing():
    """Skip the search and reference indexes while filling a tree for a render test.

    Rendering never reads them, and indexing costs most of the time of creating a page.
    """
    backends = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        yield


def add_children(factory_class, parent, count, **kwargs):
    """Create `count` pages under `parent`, each through treebeard's add_child."""
    with without_indexing():
        return [factory_class(parent=parent, **kwargs) for _ in range(count)]


def bulk_add_children(parent, pages):
    """Insert built, unsaved pages under `parent` fast, for listings in query-budget tests.

    What add_child does, minus the per-page validation, log entry and indexes: the path
    comes from the last child, the url_path and locale from the parent, numchild is
    updated once. Build the pages with `SomePageFactory.build(...)` (valid data only).
    """
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    with without_indexing():
        for page in pages:
            step += 1
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, step)
            page.locale_id = parent.locale_id
            page._cached_parent_obj = parent
            page.save(clean=False, log_action=None)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


# --- media -----------------------------------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    # The stock factory makes a new root collection per image; use the existing root.
    collection = factory.LazyFunction(root_collection)
    title = factory.Sequence(lambda n: f"Ảnh {n}")


class DocumentFactory(DjangoModelFactory):
    """A wagtaildocs Document; a tiny real PDF unless `filename`/`content` say otherwise."""

    class Meta:
        model = get_document_model()

    class Params:
        filename = "van-ban.pdf"
        content = PDF_BYTES

    title = factory.Sequence(lambda n: f"Tệp văn bản {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttribute(lambda o: ContentFile(o.content, name=o.filename))


# --- pages -----------------------------------------------------------------------------


class BasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Trang {n}")
    # Django's slugify drops Đ/đ; the portal slugifies through anyascii.
    slug = factory.LazyAttribute(lambda o: vietnamese_slugify(o.title))


class HomePageFactory(BasePageFactory):
    class Meta:
        model = HomePage

    title = "Trang chủ"
    slug = factory.Sequence(lambda n: f"trang-chu-{n}")
    hero_heading = "Cổng thông tin điện tử Đảng bộ tỉnh"
    intro = "<p>Nơi công bố các hoạt động của Đảng bộ tỉnh.</p>"


class StandardPageFactory(BasePageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Giới thiệu {n}")
    body = factory.LazyFunction(lambda: paragraph("<p>Nội dung trang giới thiệu.</p>"))


class HistoryIndexPageFactory(BasePageFactory):
    class Meta:
        model = HistoryIndexPage

    title = "Lịch sử"
    slug = "lich-su"
    intro = "<p>Lịch sử Đảng bộ tỉnh qua các thời kỳ.</p>"


class HistoryPeriodPageFactory(BasePageFactory):
    class Meta:
        model = HistoryPeriodPage

    title = factory.Sequence(lambda n: f"Giai đoạn {n}")
    start_year = factory.Sequence(lambda n: 1700 + n)
    end_year = factory.LazyAttribute(lambda o: o.start_year + 1 if o.start_year else None)
    summary = "Tóm lược giai đoạn."
    body = factory.LazyFunction(lambda: paragraph("<p>Diễn biến của giai đoạn.</p>"))


class HistoryEventFactory(DjangoModelFactory):
    class Meta:
        model = HistoryEvent

    year = 1698
    title = factory.Sequence(lambda n: f"Mốc sự kiện {n}")
    text = "Mô tả sự kiện."


class OrgChartPageFactory(BasePageFactory):
    class Meta:
        model = OrgChartPage

    title = "Cơ cấu tổ chức"
    slug = "co-cau-to-chuc"
    intro = "<p>Sơ đồ tổ chức của Đảng bộ tỉnh.</p>"


class OrgUnitPageFactory(BasePageFactory):
    class Meta:
        model = OrgUnitPage

    title = factory.Sequence(lambda n: f"Ban số {n}")
    abbreviation = "BTC"
    kind = "co-quan-tham-muu"
    functions = "<p>Tham mưu cho Tỉnh ủy về công tác tổ chức.</p>"
    address = "Số 1 đường Cách Mạng Tháng Tám"
    phone = "0251 3822 000"
    email = "ban@example.org"


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn A{n}")
    live = True


class TermFactory(DjangoModelFactory):
    """A term of the default site; `TermFactory(start_year=2020)` is 2020–2025."""

    class Meta:
        model = Term

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    start_year = 2025
    end_year = factory.LazyAttribute(lambda term: term.start_year + 5)


class OrgMembershipFactory(DjangoModelFactory):
    class Meta:
        model = OrgMembership

    person = factory.SubFactory(PersonFactory)
    position = "Ủy viên"
    term = None
    start_date = datetime.date(2025, 10, 1)
    end_date = None


class NewsCategoryFactory(DjangoModelFactory):
    class Meta:
        model = NewsCategory

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.LazyAttribute(lambda o: vietnamese_slugify(o.name))
    locale = factory.LazyFunction(default_locale)
    live = True


class NewsIndexPageFactory(BasePageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Tin hoạt động"
    slug = "tin-hoat-dong"
    intro = "<p>Tin tức về hoạt động của Đảng bộ.</p>"


class NewsArticlePageFactory(BasePageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Hội nghị Ban Chấp hành lần thứ {n}")
    date = factory.LazyFunction(timezone.now)
    sapo = "Sáng nay, Tỉnh ủy tổ chức hội nghị sơ kết công tác quý."
    body = factory.LazyFunction(lambda: paragraph("<p>Toàn văn tin hoạt động.</p>"))


class EventIndexPageFactory(BasePageFactory):
    class Meta:
        model = EventIndexPage

    title = "Sự kiện"
    slug = "su-kien"


class EventPageFactory(BasePageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Sự kiện số {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=4))
    place = "Hội trường Tỉnh ủy"
    summary = "Tóm tắt sự kiện."


class DocumentTypeFactory(DjangoModelFactory):
    """Use abbreviations the data migrations do not load, or get_or_create by abbreviation."""

    class Meta:
        model = DocumentType
        django_get_or_create = ("abbreviation", "locale")

    name = "Nghị quyết"
    abbreviation = "NQ"
    locale = factory.LazyFunction(default_locale)


class IssuingBodyFactory(DjangoModelFactory):
    class Meta:
        model = IssuingBody
        django_get_or_create = ("name", "abbreviation", "locale")

    name = "Tỉnh ủy"
    abbreviation = "TU"
    level = "tinh"
    locale = factory.LazyFunction(default_locale)


class LegalDocumentIndexPageFactory(BasePageFactory):
    class Meta:
        model = LegalDocumentIndexPage

    title = "Văn bản"
    slug = "van-ban"


class LegalDocumentPageFactory(BasePageFactory):
    class Meta:
        model = LegalDocumentPage

    number = factory.Sequence(lambda n: n + 1)
    document_type = factory.SubFactory(DocumentTypeFactory)
    issuer = factory.SubFactory(IssuingBodyFactory)
    term = "2020–2025"
    title = factory.LazyAttribute(lambda o: f"Nghị quyết số {o.number}")
    date_issued = datetime.date(2022, 9, 29)
    date_effective = datetime.date(2022, 10, 9)
    summary = "Về việc thành lập Cổng thông tin điện tử Đảng bộ tỉnh."
    signer = "Nguyễn Văn A"
    signer_position = "Bí thư"
    signing_authority = "T/M"


class LegalDocumentAttachmentFactory(DjangoModelFactory):
    class Meta:
        model = LegalDocumentAttachment

    document = factory.SubFactory(DocumentFactory)
    title = "Toàn văn"


class LegalDocumentRelationFactory(DjangoModelFactory):
    class Meta:
        model = LegalDocumentRelation

    relation_type = "replaces"
