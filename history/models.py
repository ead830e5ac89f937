import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from site_core.blocks import BaseStreamBlock
from site_core.models import BasePage, IndexPage, SearchType
from site_core.serializers import HistoryEventSerializer


class HistoryIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["history.HistoryPeriodPage"]
    max_count_per_parent = 1
    page_description = "Lịch sử Đảng bộ và địa phương: giới thiệu chung và toàn bộ dòng thời gian."
    template = "history/history_index_page.html"

    search_type = SearchType("lich-su", _("Lịch sử"), 40)

    class Meta:
        verbose_name = "lịch sử"
        verbose_name_plural = "lịch sử"

    def get_periods(self):
        return (
            HistoryPeriodPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .order_by("start_year", "path")
            .prefetch_related(
                Prefetch(
                    "events",
                    queryset=HistoryEvent.objects.select_related("image").order_by(*TIMELINE_ORDER),
                )
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["periods"] = self.get_periods()
        return context


class HistoryPeriodPage(BasePage):
    start_year = models.PositiveSmallIntegerField("từ năm", null=True)
    end_year = models.PositiveSmallIntegerField(
        "đến năm", null=True, blank=True, help_text="Để trống nếu giai đoạn còn tiếp diễn."
    )
    summary = models.TextField("tóm lược", blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name="nội dung", blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading="Thời gian"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    timeline_panels = [InlinePanel("events", label="Sự kiện", heading="Dòng thời gian")]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("start_year"),
        APIField("end_year"),
        APIField("years_label"),
        APIField("summary"),
        APIField("body"),
        APIField("events", serializer=HistoryEventSerializer(many=True, read_only=True)),
    ]

    parent_page_types = ["history.HistoryIndexPage"]
    subpage_types = []
    page_description = "Một giai đoạn lịch sử với bài viết và các mốc sự kiện có ngày tháng."
    template = "history/history_period_page.html"

    search_type = SearchType("lich-su", _("Lịch sử"), 40)

    def get_own_summary(self):
        return self.summary

    @classmethod
    def api_listing_queryset(cls, queryset):
        return queryset.select_related("listing_image").prefetch_related("events")

    class Meta:
        verbose_name = "giai đoạn lịch sử"
        verbose_name_plural = "giai đoạn lịch sử"

    @property
    def years_label(self):
        if self.start_year and self.end_year:
            return f"{self.start_year}–{self.end_year}"
        if self.start_year:
            return gettext("%(start)s – nay") % {"start": self.start_year}
        return ""

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "Năm kết thúc không được trước năm bắt đầu."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Sorted in Python: in previews `events` is modelcluster's in-memory set.
        context["events"] = sorted(
            self.events.select_related("image"),
            key=lambda event: (event.year, event.month or 0, event.day or 0, event.sort_order or 0),
        )
        return context


# A year-only event comes before the dated events of that year, on every database
# (PostgreSQL puts NULLs last by default, SQLite first).
TIMELINE_ORDER = [
    "year",
    models.F("month").asc(nulls_first=True),
    models.F("day").asc(nulls_first=True),
    "sort_order",
]


class HistoryEvent(Orderable):
    """A dated fact on the timeline. Month and day are optional: 1698 is a whole year."""

    period = ParentalKey(HistoryPeriodPage, related_name="events", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField("năm")
    month = models.PositiveSmallIntegerField("tháng", null=True, blank=True)
    day = models.PositiveSmallIntegerField("ngày", null=True, blank=True)
    title = models.CharField("sự kiện", max_length=255)
    text = models.TextField("mô tả", blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(
        "ghi chú nguồn",
        max_length=255,
        blank=True,
        help_text="Ví dụ: các nguồn ghi khác nhau (1802 hoặc 1808).",
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("day"), FieldPanel("month"), FieldPanel("year")], heading="Thời gian"
        ),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("image"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "sự kiện lịch sử"
        verbose_name_plural = "sự kiện lịch sử"
        # modelcluster sorts in memory by these names; querysets use TIMELINE_ORDER.
        ordering = ["year", "month", "day", "sort_order"]

    def clean(self):
        super().clean()
        if self.day and not self.month:
            raise ValidationError({"month": "Nhập tháng khi đã nhập ngày."})
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValidationError({"month": "Tháng phải từ 1 đến 12."})
        if self.year and self.month and self.day:
            try:
                datetime.date(self.year, self.month, self.day)
            except ValueError:
                raise ValidationError({"day": "Ngày không hợp lệ."}) from None

    @property
    def date_label(self):
        if self.day and self.month:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)

    @property
    def iso_date(self):
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


HistoryIndexPage.edit_handler = HistoryIndexPage.tabbed_edit_handler(
    HistoryIndexPage.content_panels
)
HistoryPeriodPage.edit_handler = HistoryPeriodPage.tabbed_edit_handler(
    HistoryPeriodPage.content_panels, [("Dòng thời gian", HistoryPeriodPage.timeline_panels)]
)
