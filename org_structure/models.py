from rest_framework import serializers

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from site_core.models import BasePage, IndexPage, SearchType
from site_core.serializers import OrgMembersField, OrgUnitContactsField, RichTextHTMLField


class Person(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """A person who holds or held a position in the Party organisation.

    Changes go through "Quy trình đăng tin" like pages (docs/content-review.md): visitors
    see the live row until the last approval publishes the reviewed revision.
    """

    full_name = models.CharField("họ và tên", max_length=255)
    honorific = models.CharField(
        "học hàm, học vị", max_length=100, blank=True, help_text="Ví dụ: TS., ThS."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh chân dung",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    biography = RichTextField("tiểu sử tóm tắt", blank=True, features=["bold", "italic", "ul"])
    email = models.EmailField("thư điện tử công vụ", blank=True)
    phone = models.CharField("điện thoại công vụ", max_length=100, blank=True)

    panels = [
        FieldPanel("full_name"),
        FieldPanel("honorific"),
        FieldPanel("photo"),
        FieldPanel("biography"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")], heading="Liên hệ"),
    ]
    search_fields = [
        index.SearchField("full_name"),
        index.AutocompleteField("full_name"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = "nhân sự"
        verbose_name_plural = "nhân sự"
        ordering = ["full_name"]

    def __str__(self):
        return f"{self.honorific} {self.full_name}".strip()

    def get_preview_template(self, request, mode_name):
        return "org_structure/person_preview.html"


class OrgChartPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["org_structure.OrgUnitPage"]
    max_count_per_parent = 1
    page_description = "Sơ đồ cơ cấu tổ chức của Đảng bộ; các cơ quan, đơn vị là trang con."
    template = "org_structure/org_chart_page.html"

    search_type = SearchType("to-chuc", _("Tổ chức"), 50)

    class Meta:
        verbose_name = "sơ đồ cơ cấu tổ chức"
        verbose_name_plural = "sơ đồ cơ cấu tổ chức"

    def get_unit_tree(self):
        """All live units below the chart in one query, nested as (unit, children) pairs."""
        units = list(
            OrgUnitPage.objects.live()
            .public()
            .descendant_of(self)
            .only("id", "title", "path", "depth", "url_path", "abbreviation", "kind")
            .order_by("path")
        )
        children_of = {}
        for unit in units:
            children_of.setdefault(unit.path[: -OrgUnitPage.steplen], []).append(unit)

        def build(path):
            return [(unit, build(unit.path)) for unit in children_of.get(path, [])]

        return build(self.path)

    # Top-level units are shown in groups, in this order; a kind not listed joins the
    # advisory group.
    UNIT_GROUPS = [
        ("lanh-dao", _("Cơ quan lãnh đạo"), {"ban-chap-hanh", "ban-thuong-vu", "thuong-truc"}),
        ("tham-muu", _("Cơ quan tham mưu, giúp việc"), None),
        ("truc-thuoc", _("Đảng bộ trực thuộc"), {"dang-bo-truc-thuoc"}),
    ]

    def group_units(self, tree):
        groups = {key: [] for key, _label, _kinds in self.UNIT_GROUPS}
        for unit, children in tree:
            key = next(
                (key for key, _label, kinds in self.UNIT_GROUPS if kinds and unit.kind in kinds),
                "tham-muu",
            )
            groups[key].append((unit, children))
        return [
            {
                "key": key,
                "label": label,
                "nodes": groups[key],
                "is_flat": not any(children for _unit, children in groups[key]),
            }
            for key, label, _kinds in self.UNIT_GROUPS
            if groups[key]
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["unit_tree"] = self.get_unit_tree()
        context["unit_groups"] = self.group_units(context["unit_tree"])
        return context


class OrgUnitPage(BasePage):
    # Shown on the visitor pages too: gettext so that English pages show English labels.
    KIND_CHOICES = [
        ("ban-chap-hanh", _("Ban Chấp hành")),
        ("ban-thuong-vu", _("Ban Thường vụ")),
        ("thuong-truc", _("Thường trực")),
        ("co-quan-tham-muu", _("Cơ quan tham mưu, giúp việc")),
        ("uy-ban-kiem-tra", _("Ủy ban Kiểm tra")),
        ("dang-bo-truc-thuoc", _("Đảng bộ trực thuộc")),
        ("ban-chi-dao", _("Ban chỉ đạo")),
        ("khac", _("Khác")),
    ]

    abbreviation = models.CharField(
        "tên viết tắt", max_length=50, blank=True, help_text="Ví dụ: BTCTU, VPTU."
    )
    kind = models.CharField("loại hình", max_length=40, choices=KIND_CHOICES, default="khac")
    functions = RichTextField(
        "chức năng, nhiệm vụ", blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    address = models.CharField("địa chỉ", max_length=500, blank=True)
    phone = models.CharField("điện thoại", max_length=100, blank=True)
    fax = models.CharField("fax", max_length=100, blank=True)
    email = models.EmailField("thư điện tử", blank=True)
    website = models.URLField("trang thông tin", blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("abbreviation"), FieldPanel("kind")]),
        FieldPanel("functions"),
    ]
    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading="Thông tin liên hệ",
        )
    ]
    member_panels = [InlinePanel("memberships", label="Thành viên", heading="Thành viên")]
    search_fields = BasePage.search_fields + [
        index.SearchField("abbreviation"),
        index.SearchField("functions"),
        index.FilterField("kind"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("abbreviation"),
        APIField("kind"),
        APIField("kind_label", serializer=serializers.CharField(source="get_kind_display")),
        APIField("functions", serializer=RichTextHTMLField()),
        APIField("contacts", serializer=OrgUnitContactsField()),
        APIField("members", serializer=OrgMembersField()),
    ]

    parent_page_types = ["org_structure.OrgChartPage", "org_structure.OrgUnitPage"]
    subpage_types = ["org_structure.OrgUnitPage"]
    page_description = (
        "Một cơ quan, tổ chức của Đảng bộ: chức năng nhiệm vụ, liên hệ và thành viên."
    )
    template = "org_structure/org_unit_page.html"

    search_type = SearchType("to-chuc", _("Tổ chức"), 50)

    class Meta:
        verbose_name = "cơ quan, đơn vị"
        verbose_name_plural = "cơ quan, đơn vị"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        memberships = list(
            self.memberships.select_related("person", "person__photo").filter(person__live=True)
        )
        context["current_members"] = [m for m in memberships if m.is_current(today)]
        context["former_members"] = [m for m in memberships if not m.is_current(today)]
        context["sub_units"] = (
            self.get_children().live().public().type(OrgUnitPage).specific().order_by("path")
        )
        return context


class OrgMembership(Orderable):
    unit = ParentalKey(OrgUnitPage, related_name="memberships", on_delete=models.CASCADE)
    person = models.ForeignKey(
        Person, verbose_name="người", on_delete=models.CASCADE, related_name="memberships"
    )
    position = models.CharField("chức vụ", max_length=255)
    term = models.CharField("nhiệm kỳ", max_length=20, blank=True, help_text="Ví dụ: 2025–2030")
    start_date = models.DateField("ngày bắt đầu", null=True, blank=True)
    end_date = models.DateField(
        "ngày kết thúc", null=True, blank=True, help_text="Để trống nếu vẫn đang đảm nhiệm."
    )

    panels = [
        FieldPanel("person"),
        FieldPanel("position"),
        FieldRowPanel([FieldPanel("term"), FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "thành viên"
        verbose_name_plural = "thành viên"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "Ngày kết thúc không được trước ngày bắt đầu."})

    def is_current(self, today=None):
        today = today or timezone.localdate()
        return self.end_date is None or self.end_date >= today


OrgChartPage.edit_handler = OrgChartPage.tabbed_edit_handler(OrgChartPage.content_panels)
OrgUnitPage.edit_handler = OrgUnitPage.tabbed_edit_handler(
    OrgUnitPage.content_panels,
    [("Liên hệ", OrgUnitPage.contact_panels), ("Thành viên", OrgUnitPage.member_panels)],
)
