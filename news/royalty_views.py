"""The report “Sổ nhuận bút” and “Nhuận bút của tôi” (Báo cáo menu).

- `RoyaltyReportView`: editors and the board (`news.view_royaltyentry`), the lines of the
  sites whose pages they work on (user_sites, as the proposals' report); filters by month
  range, person, unit and kind; totals per person, per unit and per month over the whole
  filtered ledger; export to Excel (a sheet of lines and one per total) and CSV (UTF-8
  with a BOM, so Excel reads the diacritics).
- `MyRoyaltyReportView`: any admin user, only their own lines (a collaborator checks what
  they are owed); no person filter.

The number of queries does not grow with the lines (tests/test_ledger.py asserts a budget).
"""

import io

import django_filters
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from django import forms
from django.db.models import Count, F, Sum
from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from .royalty_models import KIND_CHOICES, RoyaltyEntry, format_dong
from .views import user_sites

ROYALTY_REPORT_TITLE = "Sổ nhuận bút"
MY_REPORT_TITLE = "Nhuận bút của tôi"
MONEY_FORMAT = '#,##0" đ"'
UTF8_BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class MonthField(forms.DateField):
    """A month: "2026-11" (the browser's month picker) or "11/2026"; the first day."""

    input_formats = ["%Y-%m", "%m/%Y"]
    default_error_messages = {"invalid": "Nhập tháng dạng mm/yyyy, ví dụ 11/2026."}

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class MonthFilter(django_filters.DateFilter):
    field_class = MonthField


class MonthFilterAdapter(BaseFilterAdapter):
    """The active filter's pill says “Từ tháng: 01/2026”, not the first day's ISO date."""

    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            f"{self.value:%m/%Y}",
            self.get_url_without_filter_param(self.name),
        )


register_filter_adapter_class(MonthFilter, MonthFilterAdapter)


def month_widget():
    return forms.TextInput(attrs={"type": "month", "placeholder": "mm/yyyy"})


class RoyaltyFilterSet(WagtailFilterSet):
    month_from = MonthFilter(
        field_name="month", lookup_expr="gte", label="Từ tháng", widget=month_widget()
    )
    month_to = MonthFilter(
        field_name="month", lookup_expr="lte", label="Đến tháng", widget=month_widget()
    )
    author_name = django_filters.ChoiceFilter(label="Tác giả", empty_label="Tất cả")
    unit = django_filters.ChoiceFilter(label="Cơ quan, đơn vị", empty_label="Tất cả")
    kind = django_filters.ChoiceFilter(label="Thể loại", choices=KIND_CHOICES, empty_label="Tất cả")

    class Meta:
        model = RoyaltyEntry
        fields = []

    def __init__(self, *args, visible=None, with_person=True, **kwargs):
        super().__init__(*args, **kwargs)
        # The names and units of the lines this user may see: two DISTINCT queries.
        visible = visible if visible is not None else RoyaltyEntry.objects.none()
        if with_person:
            names = visible.order_by("author_name").values_list("author_name", flat=True)
            self.filters["author_name"].extra["choices"] = [(n, n) for n in names.distinct()]
        else:
            del self.filters["author_name"]
        units = visible.exclude(unit="").order_by("unit").values_list("unit", flat=True)
        self.filters["unit"].extra["choices"] = [(u, u) for u in units.distinct()]


def visible_entries(user):
    """The ledger lines of the sites where `user` works on pages (all for superusers)."""
    if user.is_superuser:
        return RoyaltyEntry.objects.all()
    return RoyaltyEntry.objects.filter(site__in=user_sites(user))


def totals(queryset, key):
    rows = (
        queryset.order_by()
        .values(key)
        .annotate(lines=Count("pk"), amount_sum=Sum("amount"))
        .order_by("-amount_sum", key)
    )
    return [
        {
            "key": row[key],
            "lines": row["lines"],
            "amount": row["amount_sum"] or 0,
            "amount_display": format_dong(row["amount_sum"]),
        }
        for row in rows
    ]


def month_totals(queryset):
    rows = totals(queryset, "month")
    for row in rows:
        row["key"] = f"{row['key']:%m/%Y}"
    return sorted(rows, key=lambda row: row["key"][3:] + row["key"][:2], reverse=True)


def local_date(value):
    return timezone.localtime(value).date() if value else None


class RoyaltyReportView(ReportView):
    page_title = ROYALTY_REPORT_TITLE
    header_icon = "list-ol"
    results_template_name = "news/admin/royalty_report_results.html"
    index_url_name = "news_royalty_report"
    index_results_url_name = "news_royalty_report_results"
    filterset_class = RoyaltyFilterSet
    permission_policy = ModelPermissionPolicy(RoyaltyEntry)
    permission_required = "view"
    paginate_by = 50
    with_person_filter = True
    list_export = [
        "month_label",
        "author_name",
        "unit",
        "title",
        "kind_label",
        "grade_label",
        "published_date",
        "share",
        "rate",
        "amount",
        "status_label",
    ]
    export_headings = {
        "month_label": "Tháng",
        "author_name": "Tác giả",
        "unit": "Cơ quan, đơn vị",
        "title": "Tiêu đề bài",
        "kind_label": "Thể loại",
        "grade_label": "Mức",
        "published_date": "Ngày đăng",
        "share": "Tỷ lệ (%)",
        "rate": "Mức của bài (đồng)",
        "amount": "Nhuận bút (đồng)",
        "status_label": "Ghi chú",
    }
    custom_field_preprocess = {
        "published_date": {
            "csv": lambda value: f"{value:%d/%m/%Y}" if value else "",
            "xlsx": None,
        },
        "share": {"csv": lambda value: f"{value.normalize():f}", "xlsx": float},
    }

    def get_filename(self):
        return "so-nhuan-but"

    def base_entries(self):
        return visible_entries(self.request.user)

    @cached_property
    def visible(self):
        return self.base_entries()

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs.update(visible=self.visible, with_person=self.with_person_filter)
        return kwargs

    def get_queryset(self):
        entries = self.filter_queryset(self.visible)
        return entries.annotate(article_live=F("article__live")).order_by(
            "-month", "author_name", "-published_at", "pk"
        )

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            entries = self.object_list
            total = entries.order_by().aggregate(lines=Count("pk"), amount=Sum("amount"))
            context.update(
                by_person=totals(entries, "author_name"),
                by_unit=totals(entries, "unit"),
                by_month=month_totals(entries),
                total_lines=total["lines"],
                total_amount=format_dong(total["amount"]),
            )
        return context

    @cached_property
    def header_buttons(self):
        if not self.request.user.has_perm("news.view_royaltyratetable"):
            return []
        return [
            HeaderButton(
                "Bảng mức nhuận bút",
                url=reverse("wagtailsnippets_news_royaltyratetable:list"),
                icon_name="table",
            )
        ]

    def decorate_paginated_queryset(self, object_list):
        for entry in object_list:
            decorate(entry)
        return object_list

    # --- exports -------------------------------------------------------------------------

    def to_row_dict(self, item):
        decorate(item)
        return super().to_row_dict(item)

    def stream_csv(self, queryset):
        # Excel opens a CSV as UTF-8 only when it starts with a byte order mark.
        yield UTF8_BOM
        yield from super().stream_csv(queryset.iterator(chunk_size=2000))

    def write_csv_row(self, writer, row_dict):
        # Names and titles are typed by writers: a cell starting like a formula is text.
        return writer.writerow(
            {
                field: as_text_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response

    def write_xlsx(self, queryset, output):
        workbook = Workbook(write_only=True, iso_dates=True)
        sheet = workbook.create_sheet(title="Chi tiết")
        sheet.append([bold(sheet, self.get_heading(queryset, f)) for f in self.list_export])
        money = {"rate", "amount"}
        for item in queryset.iterator(chunk_size=2000):
            cells = []
            for field, value in self.to_row_dict(item).items():
                cell = WriteOnlyCell(
                    sheet, self.preprocess_field_value(field, value, self.FORMAT_XLSX)
                )
                if cell.data_type == "f":
                    cell.data_type = "s"
                if field in money:
                    cell.number_format = MONEY_FORMAT
                elif field == "published_date":
                    cell.number_format = "dd/mm/yyyy"
                cells.append(cell)
            sheet.append(cells)
        for title, heading, rows in (
            ("Theo người", "Tác giả", totals(queryset, "author_name")),
            ("Theo đơn vị", "Cơ quan, đơn vị", totals(queryset, "unit")),
            ("Theo tháng", "Tháng", month_totals(queryset)),
        ):
            summary = workbook.create_sheet(title=title)
            summary.append([bold(summary, text) for text in (heading, "Số bài", "Nhuận bút")])
            for row in rows:
                amount = WriteOnlyCell(summary, row["amount"])
                amount.number_format = MONEY_FORMAT
                name = WriteOnlyCell(summary, row["key"] or "(chưa ghi)")
                name.data_type = "s"  # a name typed like a formula stays text
                summary.append([name, row["lines"], amount])
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        output = io.BytesIO()
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            filename=f"{self.get_filename()}.xlsx",
        )


class MyRoyaltyReportView(RoyaltyReportView):
    page_title = MY_REPORT_TITLE
    index_url_name = "news_my_royalties"
    index_results_url_name = "news_my_royalties_results"
    permission_policy = None
    permission_required = None
    with_person_filter = False

    def get_filename(self):
        return "nhuan-but-cua-toi"

    def base_entries(self):
        return RoyaltyEntry.objects.filter(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["own_lines"] = True
        return context


def as_text_cell(value):
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def bold(sheet, text):
    cell = WriteOnlyCell(sheet, text)
    cell.font = Font(bold=True)
    return cell


def decorate(entry):
    """What a line shows beyond its columns (no query: `article_live` is annotated)."""
    entry.published_date = local_date(entry.published_at)
    live = getattr(entry, "article_live", None)
    notes = []
    if entry.article_id is None:
        notes.append("bài đã bị xóa")
    elif live is False:
        notes.append("bài đã gỡ")
    if not entry.graded:
        notes.append("chưa chấm thể loại, mức")
    elif not entry.rate:
        notes.append("bảng mức chưa có mức này")
    entry.status_label = "; ".join(notes)
    return entry
