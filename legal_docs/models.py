import datetime
import os
import re

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import (
    Case,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
    prefetch_related_objects,
)
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, TranslatableMixin
from wagtail.search import index

from site_core.blocks import BaseStreamBlock
from site_core.cards import keep_rows_when_cards_kept
from site_core.files.access import PRIVATE, check_file_access
from site_core.forms import PortalPageForm
from site_core.models import (
    BasePage,
    IndexPage,
    SearchType,
    WithdrawalNoticeMixin,
    paginate,
    plain_text,
)
from site_core.paging import seek_paginate
from site_core.query import PAGE_ROW_FIELDS, PortalPageQuerySet
from site_core.serializers import (
    AbbreviatedSerializer,
    AttachmentSerializer,
    LegalDocumentStatusField,
    ManyRelatedField,
)

from .filters import DEFAULT_ORDER as REGISTER_ORDER
from .filters import (
    REGISTER_KEYS,
    filter_documents,
    register_options,
    register_paging,
)
from .forms import RegisterFilterForm

ATTACHMENT_EXTENSIONS = {"pdf", "doc", "docx", "odt"}
# The text of a document's files that goes into its search index entry, at most (a
# PostgreSQL tsvector holds at most 1 MB; the reading view shows the whole text).
FILE_TEXT_INDEX_CHARS = 100_000
FULL_TEXT_ROUTE = "toan-van/"
NO_FULL_TEXT = "Văn bản này chưa có toàn văn đọc được từ tệp đính kèm."
TERM_RE = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")


class DocumentType(TranslatableMixin, models.Model):
    """Loại văn bản: Nghị quyết (NQ), Quyết định (QĐ), ..."""

    name = models.CharField("tên loại", max_length=100)
    abbreviation = models.CharField("ký hiệu", max_length=20)

    panels = [FieldPanel("name"), FieldPanel("abbreviation")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})"


class IssuingBody(TranslatableMixin, models.Model):
    LEVEL_CHOICES = [
        ("trung-uong", "Trung ương"),
        ("tinh", "Tỉnh"),
        ("truc-thuoc", "Trực thuộc"),
    ]
    name = models.CharField("tên cơ quan", max_length=255)
    abbreviation = models.CharField("ký hiệu", max_length=30)
    level = models.CharField("cấp", max_length=20, choices=LEVEL_CHOICES, default="tinh")

    panels = [FieldPanel("name"), FieldPanel("abbreviation"), FieldPanel("level")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"
        ordering = ["level", "name"]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})"


def normalise_term(value):
    """'2020-2025', '2020 – 2025' -> '2020–2025'; None when it is not a term."""
    match = TERM_RE.match(value or "")
    if not match:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    if end <= start:
        return None
    return f"{start}–{end}"


class LegalDocumentIndexPage(IndexPage):
    # As before IndexPage: this list's intro stays out of the site search index.
    search_fields = BasePage.search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = ["legal_docs.LegalDocumentPage"]
    max_count_per_parent = 1
    page_description = "Sổ văn bản của Đảng bộ: nghị quyết, chỉ thị, kết luận, quyết định..."
    template = "legal_docs/legal_document_index_page.html"

    class Meta:
        verbose_name = "danh mục văn bản"
        verbose_name_plural = "danh mục văn bản"

    def get_documents(self):
        return (
            LegalDocumentPage.objects.child_of(self)
            .live()
            .public()
            .select_related("document_type", "issuer")
            .defer_streamfields()
            .order_by(*REGISTER_ORDER)
        )

    def get_context(self, request, *args, **kwargs):
        """The register: GET filters (legal_docs/forms.py) applied by legal_docs/filters.py."""
        context = super().get_context(request, *args, **kwargs)
        # Live documents of this register only: drafts and other registers never appear.
        register = LegalDocumentPage.objects.child_of(self).live()
        options = register_options(register, self.pk)
        form = RegisterFilterForm(request.GET, options)
        values = form.filters()
        rows = filter_documents(register, values, options)
        paging = register_paging(values)
        # Each row is kept per document until the next change, and per day: a document's
        # status changes with the date (site_core/cards.py).
        row_kind = f"register-row:{timezone.localdate().isoformat()}"
        if paging:
            keys, descending = paging
            # The register, its valid filter values and the day (the status of a document
            # changes with the date) name the list (seek_paginate).
            name = f"register:{self.pk}:{timezone.localdate()}:{sorted(values.items())!r}"
            documents = seek_paginate(
                request,
                rows,
                keys,
                per_page=20,
                descending=descending,
                name=name,
                prepare=prepare_register_rows,
            )
            # The rows are read only when a row is not kept.
            keep_rows_when_cards_kept(request, row_kind, documents.object_list)
        else:
            documents = paginate(request, rows, per_page=20)
            prepare_register_rows(documents.object_list)
        context.update(
            filter_form=form,
            filters_active=form.active,
            documents=documents,
            register_row_kind=row_kind,
            listing_cards=[(row_kind, documents.object_list)],
        )
        return context


def prepare_register_rows(documents):
    """What a row of the register shows besides the document's columns."""
    for document in documents:
        document.first_attachment = next(iter(document.attachments.all()), None)
        document.status_badge = document.get_status_badge()  # annotated: no query


# What a row of the register reads (legal_docs/legal_document_index_page.html): its URL
# (url_path), number and symbol (number_symbol: number, type, issuers), date, summary or
# title, and status (annotated by with_status); the tree and translation columns keep the
# page a page.
REGISTER_ROW_FIELDS = (
    *PAGE_ROW_FIELDS,
    "number",
    "term",
    "date_issued",
    "date_expired",
    "summary",
    "document_type__abbreviation",
    "issuer__abbreviation",
)


class LegalDocumentQuerySet(PortalPageQuerySet):
    def with_status(self, today=None):
        """Annotate `status_code` from relations of live documents and the expiry date."""
        today = today or timezone.localdate()
        incoming = LegalDocumentRelation.objects.filter(target=OuterRef("pk"), source__live=True)
        return self.annotate(
            is_replaced=Exists(incoming.filter(relation_type="replaces")),
            is_repealed=Exists(incoming.filter(relation_type="repeals")),
        ).annotate(
            status_code=Case(
                When(is_replaced=True, then=Value(LegalDocumentPage.STATUS_REPLACED)),
                When(is_repealed=True, then=Value(LegalDocumentPage.STATUS_EXPIRED)),
                When(
                    date_expired__isnull=False,
                    date_expired__lte=today,
                    then=Value(LegalDocumentPage.STATUS_EXPIRED),
                ),
                default=Value(LegalDocumentPage.STATUS_IN_FORCE),
                output_field=models.CharField(),
            )
        )

    def issued_by(self, issuer_id):
        """Documents of one issuing body, alone or jointly (co_issuers)."""
        joint = LegalDocumentPage.co_issuers.through.objects.filter(
            issuingbody_id=issuer_id
        ).values("legaldocumentpage_id")
        return self.filter(Q(issuer_id=issuer_id) | Q(pk__in=joint))

    def for_register_rows(self):
        """What a row of the register shows: type, issuers and files, in two more queries;
        of the document itself only the columns of REGISTER_ROW_FIELDS (building whole
        rows of three tables was a third of the list's CPU time)."""
        attachments = LegalDocumentAttachment.objects.select_related("document").order_by(
            "sort_order", "pk"
        )
        return (
            self.select_related("document_type", "issuer")
            .only(*REGISTER_ROW_FIELDS)
            .prefetch_related(Prefetch("attachments", queryset=attachments), "co_issuers")
        )


class LegalDocumentPageForm(PortalPageForm):
    """Refuses to publish or submit a document that carries a secrecy level."""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance._state.adding:
            # A new page is not live until the create view publishes it (the model's
            # default is live=True); without this the model check refuses a secret draft.
            self.instance.live = False
        wants_to_go_live = any(
            key in self.data
            for key in ("action-publish", "action-submit", "action-workflow-action")
        )
        if cleaned_data.get("secrecy_level") and wants_to_go_live:
            self.add_error(
                "secrecy_level",
                "Văn bản có độ mật không được đăng lên cổng thông tin. "
                "Bỏ độ mật (nếu văn bản đã được giải mật) hoặc chỉ lưu bản nháp.",
            )
        return cleaned_data


class LegalDocumentPage(WithdrawalNoticeMixin, RoutablePageMixin, BasePage):
    STATUS_IN_FORCE = "con-hieu-luc"
    STATUS_REPLACED = "bi-thay-the"
    STATUS_EXPIRED = "het-hieu-luc"
    STATUS_CHOICES = [
        (STATUS_IN_FORCE, _("Còn hiệu lực")),
        (STATUS_REPLACED, _("Đã bị thay thế")),
        (STATUS_EXPIRED, _("Hết hiệu lực")),
    ]
    SIGNING_CHOICES = [
        ("", "Ký trực tiếp"),
        ("T/M", "T/M (thay mặt)"),
        ("K/T", "K/T (ký thay)"),
        ("T/L", "T/L (thừa lệnh)"),
    ]
    SECRECY_CHOICES = [
        ("", "Không mật"),
        ("mat", "Mật"),
        ("toi-mat", "Tối mật"),
        ("tuyet-mat", "Tuyệt mật"),
    ]

    number = models.PositiveIntegerField(
        "số",
        null=True,
        validators=[MinValueValidator(1)],
        help_text="Chỉ nhập số, ví dụ 797 hoặc 9 (hiển thị 09).",
    )
    document_type = models.ForeignKey(
        DocumentType,
        verbose_name="loại văn bản",
        null=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issuer = models.ForeignKey(
        IssuingBody,
        verbose_name="cơ quan ban hành",
        null=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    co_issuers = ParentalManyToManyField(
        IssuingBody,
        verbose_name="cơ quan phối hợp ban hành",
        blank=True,
        related_name="+",
        help_text="Văn bản liên tịch: ký hiệu các cơ quan nối bằng gạch nối (BTCTU-BDVTU).",
    )
    term = models.CharField(
        "nhiệm kỳ",
        max_length=20,
        help_text="Ví dụ: 2020–2025. Số văn bản bắt đầu lại mỗi nhiệm kỳ.",
    )
    date_issued = models.DateField("ngày ban hành", null=True)
    date_effective = models.DateField("ngày có hiệu lực", null=True, blank=True)
    date_expired = models.DateField(
        "ngày hết hiệu lực", null=True, blank=True, help_text="Để trống nếu không có thời hạn."
    )
    place = models.CharField("nơi ban hành", max_length=100, blank=True)
    summary = models.TextField("trích yếu")
    signer = models.CharField("người ký", max_length=255, blank=True)
    signer_position = models.CharField("chức vụ người ký", max_length=255, blank=True)
    signing_authority = models.CharField(
        "thẩm quyền ký", max_length=5, choices=SIGNING_CHOICES, blank=True
    )
    secrecy_level = models.CharField(
        "độ mật",
        max_length=20,
        choices=SECRECY_CHOICES,
        blank=True,
        help_text="Văn bản có độ mật không bao giờ được đăng công khai.",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="toàn văn", blank=True)

    objects = PageManager.from_queryset(LegalDocumentQuerySet)()
    base_form_class = LegalDocumentPageForm
    secrecy_field = "secrecy_level"  # its files are never public (site_core/files/access.py)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("document_type")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("term")]),
                FieldPanel("co_issuers", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Số và ký hiệu",
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("date_issued"),
                        FieldPanel("date_effective"),
                        FieldPanel("date_expired"),
                    ]
                ),
                FieldPanel("place"),
            ],
            heading="Thời gian, địa điểm",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signing_authority"), FieldPanel("signer_position")]),
                FieldPanel("signer"),
            ],
            heading="Người ký",
        ),
        FieldPanel("secrecy_level"),
    ]
    file_panels = [
        InlinePanel(
            "attachments", label="Tệp đính kèm", heading="Tệp văn bản (PDF, DOC, DOCX, ODT)"
        ),
        FieldPanel("body"),
    ]
    relation_panels = [
        InlinePanel("relations", label="Quan hệ", heading="Quan hệ với văn bản khác")
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("signer"),
        index.SearchField("body"),
        # The text read from the attached files (DocumentText, legal_docs/document_text.py).
        index.SearchField("file_text"),
        index.AutocompleteField("summary"),
        index.FilterField("date_issued"),
        index.FilterField("term"),
        index.FilterField("number"),
        index.FilterField("document_type"),
        index.FilterField("issuer"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("number"),
        APIField("number_symbol"),
        APIField("document_type", serializer=AbbreviatedSerializer(read_only=True)),
        APIField("issuer", serializer=AbbreviatedSerializer(read_only=True)),
        APIField("co_issuers", serializer=ManyRelatedField(AbbreviatedSerializer)),
        APIField("term"),
        APIField("date_issued"),
        APIField("date_effective"),
        APIField("date_expired"),
        APIField("place"),
        APIField("summary"),
        APIField("signing_authority"),
        APIField("signer_position"),
        APIField("signer"),
        APIField("status", serializer=LegalDocumentStatusField()),
        APIField("attachments", serializer=ManyRelatedField(AttachmentSerializer)),
        APIField("body"),
    ]

    parent_page_types = ["legal_docs.LegalDocumentIndexPage"]
    subpage_types = []
    page_description = "Một văn bản của Đảng: số, ký hiệu, trích yếu, người ký và tệp toàn văn."
    template = "legal_docs/legal_document_page.html"

    search_type = SearchType("van-ban", _("Văn bản"), 30)
    listing_date_field = "date_issued"

    def get_own_summary(self):
        return self.summary

    def file_text(self):
        """The text read from the files this page attaches, for its search index entry.

        The attachments as the page holds them (in memory while it is being published),
        their texts in one query; none when no file is attached.
        """
        document_ids = [attachment.document_id for attachment in self.attachments.all()]
        if not document_ids:
            return ""
        texts = dict(
            DocumentText.objects.readable()
            .filter(document_id__in=document_ids)
            .values_list("document_id", "text")
        )
        joined = "\n\n".join(texts[pk] for pk in dict.fromkeys(document_ids) if pk in texts)
        return joined[:FILE_TEXT_INDEX_CHARS]

    @path(FULL_TEXT_ROUTE, name="full_text")
    def full_text_route(self, request):
        """The reading view: the text read from each attached file, as HTML.

        Each file's text is shown only to whom the file itself may be sent
        (site_core/files/access.py): a draft's, a restricted or a secret page's files never
        reach a visitor, so neither does their text. The page is live here (Wagtail routes
        to nothing else) and its attachments are those of the live version. Nothing
        readable: the refusal the file would get (403 signed in), else a 404.
        """
        attachments = list(self.attachments.select_related("document").order_by("sort_order", "pk"))
        texts = {
            record.document_id: record
            for record in DocumentText.objects.readable().filter(
                document_id__in=[attachment.document_id for attachment in attachments]
            )
        }
        sections, refused, private = [], None, False
        for attachment in attachments:
            record = texts.get(attachment.document_id)
            if record is None or any(record is shown for _attachment, shown in sections):
                continue
            try:
                private |= check_file_access(request, attachment.document) == PRIVATE
            except (Http404, PermissionDenied) as error:
                refused = refused or error
                continue
            sections.append((attachment, record))
        if not sections:
            if isinstance(refused, PermissionDenied):
                raise refused
            raise Http404(NO_FULL_TEXT)
        context = BasePage.get_context(self, request)
        context.update(sections=sections, page_url=self.get_url(request))
        response = TemplateResponse(request, "legal_docs/legal_document_full_text.html", context)
        if private:
            # Shown because of the user's rights: kept by no shared cache.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @classmethod
    def prefetch_for_listing(cls, pages):
        # number_symbol reads the type, the issuer and the joint issuers.
        prefetch_related_objects(pages, "document_type", "issuer", "co_issuers")

    @classmethod
    def api_listing_queryset(cls, queryset):
        attachments = LegalDocumentAttachment.objects.select_related("document")
        return (
            queryset.select_related("document_type", "issuer", "listing_image")
            .prefetch_related("co_issuers", Prefetch("attachments", queryset=attachments))
            .with_status()
        )

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "document_type", "number", "term"],
                name="legal_doc_unique_number_per_term",
            )
        ]
        indexes = [
            # The register's order "-date_issued, -number, -pk" (both directions), its seek
            # paging and the home page's newest documents (legal_docs/filters.py).
            models.Index(*REGISTER_KEYS[:2], F("page_ptr"), name="legal_doc_register_idx"),
        ]

    @property
    def issuer_symbol(self):
        if not self.issuer_id:
            return ""
        parts = [self.issuer.abbreviation]
        if self.pk:
            # sorted() rather than order_by(): keeps a prefetch of co_issuers in use.
            co_issuers = sorted(self.co_issuers.all(), key=lambda body: body.pk)
            parts += [body.abbreviation for body in co_issuers]
        return "-".join(parts)

    def get_reference(self):
        return self.number_symbol

    @property
    def number_symbol(self):
        """The public identity: '797-QĐ/TU', '09-NQ/TU', '05-QC/BTCTU-BDVTU'."""
        if not (self.number and self.document_type_id and self.issuer_id):
            return ""
        return f"{self.number:02d}-{self.document_type.abbreviation}/{self.issuer_symbol}"

    def get_status(self):
        status = getattr(self, "status_code", None)
        if status is None:
            status = (
                LegalDocumentPage.objects.filter(pk=self.pk)
                .with_status()
                .values_list("status_code", flat=True)
                .first()
            ) or self.STATUS_IN_FORCE
        return status

    def get_status_display(self):
        return dict(self.STATUS_CHOICES)[self.get_status()]

    def get_structured_data(self, context):
        """A schema.org Legislation rather than a DigitalDocument: the register's own
        fields (number-symbol, issuing bodies, type, issue and effective dates, in force or
        not) are Legislation's properties, while a DigitalDocument would carry only a name
        and a date. The files are its attachments, linked on the page."""
        passed_by = []
        if self.issuer_id:
            passed_by.append(self.issuer)
            if self.pk:
                passed_by += sorted(self.co_issuers.all(), key=lambda body: body.pk)
        in_force = self.get_status() == self.STATUS_IN_FORCE
        return [
            {
                "@type": "Legislation",
                "name": self.title,
                "description": plain_text(self.summary),
                "legislationIdentifier": self.number_symbol,
                "legislationType": self.document_type.name if self.document_type_id else None,
                "legislationDate": context.dated(self.date_issued),
                "legislationDateOfApplicability": context.dated(self.date_effective),
                "legislationPassedBy": [
                    {"@type": "Organization", "name": body.name} for body in passed_by
                ]
                or None,
                "legislationLegalForce": (
                    "https://schema.org/InForce" if in_force else "https://schema.org/NotInForce"
                ),
                "datePublished": context.dated(self.first_published_at),
                "dateModified": context.dated(self.last_published_at),
                "publisher": context.publisher,
                "url": context.url,
                "inLanguage": context.language,
            }
        ]

    def get_status_badge(self):
        """{"code": "con-hieu-luc", "label": "Còn hiệu lực"} for the badges and the API."""
        code = self.get_status()
        return {"code": code, "label": dict(self.STATUS_CHOICES)[code]}

    def save(self, *args, **kwargs):
        self.snippets_follow_locale()
        return super().save(*args, **kwargs)

    def snippets_follow_locale(self):
        """Type and issuer in the page's own language.

        A translation (Wagtail's copy for translation, wagtail-localize's too) is first
        saved with the source's Vietnamese type and issuer, which the source itself holds
        with the same number and term: the register's uniqueness refused every English
        document. Their translations in the page's locale take their place when they exist.
        """
        for name in ("document_type", "issuer"):
            snippet = getattr(self, name) if getattr(self, f"{name}_id") else None
            if snippet is not None and self.locale_id and snippet.locale_id != self.locale_id:
                translation = snippet.get_translation_or_none(self.locale_id)
                if translation is not None:
                    setattr(self, name, translation)

    def clean(self):
        super().clean()
        errors = {}
        if self.term:
            term = normalise_term(self.term)
            if term is None:
                errors["term"] = "Nhiệm kỳ ghi dạng 2020–2025 (năm đầu trước năm cuối)."
            else:
                self.term = term
        if self.number is not None and self.number < 1:
            errors["number"] = "Số văn bản phải là số nguyên dương."
        if self.date_issued and self.date_effective and self.date_effective < self.date_issued:
            errors["date_effective"] = "Ngày có hiệu lực không được trước ngày ban hành."
        if self.date_expired and self.date_effective and self.date_expired < self.date_effective:
            errors["date_expired"] = "Ngày hết hiệu lực không được trước ngày có hiệu lực."
        if (
            "term" not in errors
            and self.number
            and self.document_type_id
            and self.issuer_id
            and self.term
        ):
            clash = (
                LegalDocumentPage.objects.filter(
                    issuer_id=self.issuer_id,
                    document_type_id=self.document_type_id,
                    number=self.number,
                    term=self.term,
                )
                .exclude(pk=self.pk)
                .first()
            )
            if clash:
                errors["number"] = (
                    f"Số {self.number:02d} của loại văn bản và cơ quan này đã dùng trong nhiệm kỳ "
                    f"{self.term} (“{clash.title}”)."
                )
        if self.secrecy_level and self.live:
            errors["secrecy_level"] = "Văn bản có độ mật không được đăng lên cổng thông tin."
        if errors:
            raise ValidationError(errors)

    def attachments_with_text_flag(self):
        """The attachments, each with `has_text` (its file's text can be read on the page)."""
        attachments = self.attachments.select_related("document")
        if isinstance(attachments, models.QuerySet):  # the saved page: one query
            return list(
                attachments.annotate(
                    has_text=Exists(
                        DocumentText.objects.readable().filter(document=OuterRef("document"))
                    )
                )
            )
        # A preview or a revision (a review link): modelcluster keeps them in memory.
        attachments = list(attachments)
        readable = set(
            DocumentText.objects.readable()
            .filter(document_id__in=[attachment.document_id for attachment in attachments])
            .values_list("document_id", flat=True)
        )
        for attachment in attachments:
            attachment.has_text = attachment.document_id in readable
        return attachments

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk:
            # number_symbol (title, meta tags, text) and the co-issuer list: one query.
            prefetch_related_objects([self], "co_issuers")
        context["status"] = self.get_status_badge()
        context["attachments"] = self.attachments_with_text_flag()
        context["has_full_text"] = any(attachment.has_text for attachment in context["attachments"])
        context["full_text_url"] = (self.get_url(request) or "") + FULL_TEXT_ROUTE
        outgoing = list(
            self.relations.filter(target__live=True).select_related(
                "target", "target__document_type", "target__issuer"
            )
        )
        incoming = list(
            LegalDocumentRelation.objects.filter(
                target_id=self.pk, source__live=True
            ).select_related("source", "source__document_type", "source__issuer")
        )
        # The symbols of the related documents, both directions, read co-issuers at once.
        related = [relation.target for relation in outgoing]
        related += [relation.source for relation in incoming]
        prefetch_related_objects(related, "co_issuers")
        context["outgoing_relations"] = outgoing
        context["incoming_relations"] = incoming
        return context


class LegalDocumentAttachment(Orderable):
    page = ParentalKey(LegalDocumentPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="tệp", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("tên hiển thị", max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def clean(self):
        super().clean()
        if self.document_id:
            ext = self.extension
            if ext not in ATTACHMENT_EXTENSIONS:
                raise ValidationError(
                    {"document": f"Chỉ nhận tệp PDF, DOC, DOCX hoặc ODT (tệp này là .{ext})."}
                )

    @property
    def extension(self):
        return os.path.splitext(self.document.file.name)[1].lower().lstrip(".")

    @property
    def display_title(self):
        return self.title or self.document.title


class DocumentTextQuerySet(models.QuerySet):
    def readable(self):
        """Texts read successfully and not empty (what search and the reading view use)."""
        return self.filter(status=DocumentText.STATUS_DONE).exclude(text="")

    def needing_attention(self):
        """What the board's report lists: failures, and reads waiting longer than a day."""
        stale = timezone.now() - datetime.timedelta(days=1)
        return self.filter(
            Q(status=DocumentText.STATUS_FAILED)
            | Q(
                status__in=[DocumentText.STATUS_PENDING, DocumentText.STATUS_RUNNING],
                updated_at__lt=stale,
            )
        )


class DocumentText(models.Model):
    """The text read from a document's file (legal_docs/document_text.py), one row per file.

    Keyed by the Wagtail document and the hash of the bytes read: saving a page again with
    the same file reads nothing again (an OCR costs seconds a page). The search index of the
    live document pages that attach the file (LegalDocumentPage.file_text) and their
    reading view (toan-van/) read the text from here.
    """

    STATUS_PENDING = "pending"
    STATUS_RUNNING = "running"
    STATUS_DONE = "done"
    STATUS_FAILED = "failed"
    STATUS_CHOICES = [
        (STATUS_PENDING, "Đang chờ đọc"),
        (STATUS_RUNNING, "Đang đọc"),
        (STATUS_DONE, "Đã đọc"),
        (STATUS_FAILED, "Lỗi"),
    ]
    METHOD_CHOICES = [
        ("", "—"),
        ("text", "Lớp chữ của tệp"),
        ("ocr", "Nhận dạng chữ (OCR)"),
        ("text+ocr", "Lớp chữ và OCR"),
    ]

    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name="tệp",
        on_delete=models.CASCADE,
        related_name="extracted_text",
    )
    file_hash = models.CharField("mã băm tệp đã đọc", max_length=64, blank=True)
    status = models.CharField(
        "tình trạng", max_length=10, choices=STATUS_CHOICES, default=STATUS_PENDING
    )
    method = models.CharField("cách đọc", max_length=10, choices=METHOD_CHOICES, blank=True)
    text = models.TextField("toàn văn", blank=True)
    error = models.TextField("lỗi", blank=True)
    pages = models.PositiveIntegerField("số trang", default=0)
    ocr_pages = models.PositiveIntegerField("số trang OCR", default=0)
    attempts = models.PositiveIntegerField("số lần đọc", default=0)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    extracted_at = models.DateTimeField("đọc xong lúc", null=True, blank=True)

    objects = DocumentTextQuerySet.as_manager()

    class Meta:
        verbose_name = "tệp"
        verbose_name_plural = "tệp"  # "1 tệp", "12 tệp" in the board's report
        indexes = [models.Index(fields=["status", "updated_at"], name="legal_doc_text_status_idx")]

    def __str__(self):
        return f"{self.document_id}: {self.get_status_display()}"

    @property
    def paragraphs(self):
        """The text as paragraphs (blank lines between them), each a list of its lines."""
        return [block.split("\n") for block in self.text.split("\n\n") if block.strip()]


class LegalDocumentRelation(Orderable):
    RELATION_CHOICES = [
        ("amends", _("Sửa đổi, bổ sung")),
        ("replaces", _("Thay thế")),
        ("guides", _("Hướng dẫn thi hành")),
        ("repeals", _("Bãi bỏ")),
    ]
    INVERSE_LABELS = {
        "amends": _("Được sửa đổi, bổ sung bởi"),
        "replaces": _("Bị thay thế bởi"),
        "guides": _("Được hướng dẫn bởi"),
        "repeals": _("Bị bãi bỏ bởi"),
    }

    source = ParentalKey(LegalDocumentPage, related_name="relations", on_delete=models.CASCADE)
    relation_type = models.CharField("quan hệ", max_length=20, choices=RELATION_CHOICES)
    target = models.ForeignKey(
        LegalDocumentPage,
        verbose_name="văn bản liên quan",
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )

    panels = [FieldPanel("relation_type"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = "quan hệ văn bản"
        verbose_name_plural = "quan hệ văn bản"

    def clean(self):
        super().clean()
        if self.source_id and self.target_id and self.source_id == self.target_id:
            raise ValidationError({"target": "Văn bản không thể liên quan đến chính nó."})

    @property
    def inverse_label(self):
        return self.INVERSE_LABELS[self.relation_type]


LegalDocumentIndexPage.edit_handler = LegalDocumentIndexPage.tabbed_edit_handler(
    LegalDocumentIndexPage.content_panels
)
LegalDocumentPage.edit_handler = LegalDocumentPage.tabbed_edit_handler(
    LegalDocumentPage.content_panels,
    [
        ("Tệp và toàn văn", LegalDocumentPage.file_panels),
        ("Quan hệ", LegalDocumentPage.relation_panels),
    ],
)
