import re

from rest_framework import serializers

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    Site,
    WorkflowMixin,
)
from wagtail.search import index

from site_core.models import BasePage, IndexPage, SearchType
from site_core.serializers import OrgMembersField, OrgUnitContactsField, RichTextHTMLField
from site_core.text import vietnamese_slugify

# "2020–2025", "2020-2025", "2020 - 2025": how registers and editors write a term.
TERM_YEARS_RE = re.compile(r"^\s*(\d{4})\s*[–—-]\s*(\d{4})\s*$")
ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number):
    """1 -> 'I', 14 -> 'XIV': congresses are numbered in Roman numerals."""
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


class Term(models.Model):
    """A term (nhiệm kỳ) of the Party committee of one site, from one congress to the next.

    Units and memberships carry the terms they belong to; the org chart shows one term at
    a time, the current one by default. Terms of a site never overlap (one may end in the
    year the next begins, as congresses are held in that year).
    """

    site = models.ForeignKey(
        Site,
        verbose_name="cổng thông tin",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Đảng bộ (cổng thông tin) có nhiệm kỳ này.",
    )
    name = models.CharField(
        "tên gọi",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Nhiệm kỳ Đại hội lần thứ I. Để trống: “Nhiệm kỳ 2025–2030”.",
    )
    start_year = models.PositiveSmallIntegerField(
        "năm bắt đầu", validators=[MinValueValidator(1930), MaxValueValidator(2999)]
    )
    end_year = models.PositiveSmallIntegerField(
        "năm kết thúc", validators=[MinValueValidator(1930), MaxValueValidator(2999)]
    )
    congress_number = models.PositiveSmallIntegerField(
        "đại hội lần thứ",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text="Số thứ tự của đại hội đã bầu ra Ban Chấp hành nhiệm kỳ này (ví dụ: 1).",
    )
    is_current = models.BooleanField(
        "nhiệm kỳ hiện tại",
        default=False,
        help_text=(
            "Sơ đồ tổ chức mở ở nhiệm kỳ này. Nếu không nhiệm kỳ nào được đánh dấu, nhiệm kỳ "
            "gần nhất đã bắt đầu được coi là nhiệm kỳ hiện tại."
        ),
    )

    panels = [
        FieldPanel("site"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldRowPanel([FieldPanel("congress_number"), FieldPanel("is_current")]),
    ]

    class Meta:
        verbose_name = "nhiệm kỳ"
        verbose_name_plural = "nhiệm kỳ"
        ordering = ["site", "-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__lt=F("end_year")),
                name="org_term_start_before_end",
                violation_error_message="Năm bắt đầu phải trước năm kết thúc.",
            ),
            models.UniqueConstraint(
                fields=["site", "start_year"],
                name="org_term_unique_start",
                violation_error_message="Đã có một nhiệm kỳ bắt đầu năm này.",
            ),
            models.UniqueConstraint(
                fields=["site"],
                condition=Q(is_current=True),
                name="org_term_one_current",
                violation_error_message="Chỉ một nhiệm kỳ được đánh dấu là hiện tại.",
            ),
        ]

    def __str__(self):
        return self.name or f"Nhiệm kỳ {self.years}"

    @property
    def years(self):
        """'2020–2025', as the portal writes a term (with an en dash)."""
        return f"{self.start_year}–{self.end_year}"

    @property
    def slug(self):
        """'2020-2025': the term in the org chart's URL."""
        return f"{self.start_year}-{self.end_year}"

    @property
    def congress_roman(self):
        return roman(self.congress_number) if self.congress_number else ""

    def clean(self):
        super().clean()
        if self.start_year is None or self.end_year is None:
            return
        if self.start_year >= self.end_year:
            raise ValidationError({"end_year": "Năm kết thúc phải sau năm bắt đầu."})
        if not self.site_id:
            return
        others = Term.objects.filter(site_id=self.site_id).exclude(pk=self.pk)
        overlapping = list(
            others.filter(start_year__lt=self.end_year, end_year__gt=self.start_year).order_by(
                "start_year"
            )
        )
        if overlapping:
            names = ", ".join(term.years for term in overlapping)
            raise ValidationError(
                {
                    "start_year": (
                        f"Trùng thời gian với nhiệm kỳ {names}: các nhiệm kỳ của một đảng bộ "
                        "không được chồng lên nhau."
                    )
                }
            )
        if self.is_current:
            current = others.filter(is_current=True).first()
            if current is not None:
                raise ValidationError(
                    {
                        "is_current": (
                            f"{current} đang là nhiệm kỳ hiện tại: bỏ đánh dấu ở đó trước."
                        )
                    }
                )

    @staticmethod
    def current_of(terms, today=None):
        """The current term among one site's `terms`: the one marked current, else the
        latest that has begun, else the earliest; None when there is none."""
        terms = list(terms)
        marked = [term for term in terms if term.is_current]
        if marked:
            return marked[0]
        year = (today or timezone.localdate()).year
        begun = [term for term in terms if term.start_year <= year]
        if begun:
            return max(begun, key=lambda term: term.start_year)
        return min(terms, key=lambda term: term.start_year) if terms else None

    @classmethod
    def parse_years(cls, text):
        """(2020, 2025) from '2020–2025', or None."""
        match = TERM_YEARS_RE.match(text or "")
        return (int(match[1]), int(match[2])) if match else None


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
    slug = models.SlugField(
        "đường dẫn",
        max_length=255,
        unique=True,
        blank=True,
        allow_unicode=False,
        help_text="Phần cuối địa chỉ trang cán bộ. Để trống: tạo từ họ và tên.",
    )

    panels = [
        FieldPanel("full_name"),
        FieldPanel("slug"),
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

    def save(self, *args, **kwargs):
        if not self.slug:
            base = vietnamese_slugify(self.full_name)[:240].strip("-")
            self.slug = self.free_slug(base or "can-bo")
        super().save(*args, **kwargs)

    def free_slug(self, base):
        taken = set(
            Person.objects.filter(slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug


class OrgChartPage(RoutablePageMixin, IndexPage):
    """The organisation chart, one term at a time, and the people's pages.

    - `./`: the current term; `./nhiem-ky/2020-2025/`: a past (or the next) term;
    - `./can-bo/<slug>/`: a person and their positions over time.

    The URL alone decides what a page shows, so the whole-page cache keeps each one.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = ["org_structure.OrgUnitPage"]
    max_count_per_parent = 1
    page_description = "Sơ đồ cơ cấu tổ chức của Đảng bộ; các cơ quan, đơn vị là trang con."
    template = "org_structure/org_chart_page.html"
    person_template = "org_structure/person_page.html"

    search_type = SearchType("to-chuc", _("Tổ chức"), 50)

    class Meta:
        verbose_name = "sơ đồ cơ cấu tổ chức"
        verbose_name_plural = "sơ đồ cơ cấu tổ chức"

    # --- terms -------------------------------------------------------------------------

    def site_id_for(self, request):
        parts = self.get_url_parts(request)
        return parts[0] if parts else None

    def get_terms(self, request):
        """The terms of the chart's site, newest first (one query, kept on the request)."""
        memo = request.__dict__.setdefault("_org_terms", {}) if request else {}
        site_id = self.site_id_for(request)
        if site_id not in memo:
            memo[site_id] = list(Term.objects.filter(site_id=site_id).order_by("-start_year"))
        return memo[site_id]

    def term_url(self, request, term, current):
        base = self.get_url(request) or ""
        if term is None or term == current:
            return base
        return base + self.reverse_subpage("term", kwargs={"slug": term.slug}).lstrip("/")

    def person_url(self, request, person, base=None):
        base = base if base is not None else (self.get_url(request) or "")
        return base + self.reverse_subpage("person", kwargs={"slug": person.slug}).lstrip("/")

    # --- the chart ---------------------------------------------------------------------

    def get_unit_tree(self, term=None):
        """The live units below the chart in one query, nested as (unit, children) pairs.

        With a term: the units that existed in it (those with no terms exist in every
        term); a unit whose parent did not is shown under its nearest shown ancestor.
        """
        units = (
            OrgUnitPage.objects.live()
            .public()
            .descendant_of(self)
            .only("id", "title", "path", "depth", "url_path", "abbreviation", "kind")
            .order_by("path")
        )
        if term is not None:
            units = units.filter(in_term(term))
        units = list(units)
        shown = {unit.path for unit in units}
        steplen = OrgUnitPage.steplen
        children_of = {}
        for unit in units:
            parent_path = unit.path[:-steplen]
            while parent_path not in shown and len(parent_path) > len(self.path):
                parent_path = parent_path[:-steplen]
            children_of.setdefault(parent_path, []).append(unit)

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

    def get_term_members(self, request, units, term, current):
        """[(unit, [membership...])] in chart order: who held which position in `term`.

        One query whatever the number of units and people. A membership without a term
        counts in the current term while it lasts (and on a chart without terms).
        """
        if not units:
            return []
        memberships = OrgMembership.objects.filter(
            unit_id__in=[unit.pk for unit in units], person__live=True
        )
        today = timezone.localdate()
        still = Q(end_date__isnull=True) | Q(end_date__gte=today)
        if term is None:
            memberships = memberships.filter(still)
        elif term == current:
            memberships = memberships.filter(Q(term=term) | (Q(term__isnull=True) & still))
        else:
            memberships = memberships.filter(term=term)
        memberships = memberships.select_related("person").only(
            "id",
            "unit_id",
            "position",
            "start_date",
            "end_date",
            "sort_order",
            "person__id",
            "person__full_name",
            "person__honorific",
            "person__slug",
        )
        by_unit = {}
        base = self.get_url(request) or ""
        for membership in memberships.order_by("sort_order", "pk"):
            membership.person_url = self.person_url(request, membership.person, base)
            by_unit.setdefault(membership.unit_id, []).append(membership)
        return [(unit, by_unit[unit.pk]) for unit in units if unit.pk in by_unit]

    def chart_context(self, request, term):
        terms = self.get_terms(request)
        current = Term.current_of(terms)
        if term is None:
            term = current
        tree = self.get_unit_tree(term)
        flat = []

        def walk(nodes):
            for unit, children in nodes:
                flat.append(unit)
                walk(children)

        walk(tree)
        switcher = [
            {
                "term": item,
                "url": self.term_url(request, item, current),
                "selected": item == term,
                "current": item == current,
            }
            for item in terms
        ]
        return {
            "unit_tree": tree,
            "unit_groups": self.group_units(tree),
            "terms": switcher,
            "term": term,
            "current_term": current,
            "is_past_term": term is not None and current is not None and term != current,
            "term_members": self.get_term_members(request, flat, term, current),
            "chart_url": self.get_url(request),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The route says what the page shows: a term of the chart (None: the current one),
        # or a person's page, which needs none of the chart.
        view = getattr(request, "org_chart_view", ("chart", None))
        if view[0] == "chart":
            context.update(self.chart_context(request, view[1]))
        return context

    @path("")
    def current_term_route(self, request):
        return self.render(request)

    @path("nhiem-ky/<slug:slug>/", name="term")
    def term_route(self, request, slug):
        terms = self.get_terms(request)
        term = next((item for item in terms if item.slug == slug), None)
        if term is None:
            raise Http404("Không có nhiệm kỳ này.")
        current = Term.current_of(terms)
        if term == current:
            # One address for the current term: the chart itself.
            return redirect(self.get_url(request), permanent=False)
        request.org_chart_view = ("chart", term)
        heading = gettext("Nhiệm kỳ %(years)s") % {"years": term.years}
        return self.render(request, context_overrides={"listing_heading": heading})

    # --- people ------------------------------------------------------------------------

    @path("can-bo/<slug:slug>/", name="person")
    def person_route(self, request, slug):
        person = Person.objects.filter(slug=slug, live=True).select_related("photo").first()
        if person is None:
            raise Http404("Không có cán bộ này.")
        units = OrgUnitPage.objects.live().public().descendant_of(self)
        positions = list(
            OrgMembership.objects.filter(person=person, unit__in=units)
            .select_related("term")
            .select_related("unit")
            .only(
                "id",
                "position",
                "start_date",
                "end_date",
                "sort_order",
                "term__id",
                "term__name",
                "term__start_year",
                "term__end_year",
                "term__congress_number",
                "term__is_current",
                "unit__id",
                "unit__title",
                "unit__path",
                "unit__depth",
                "unit__url_path",
                "unit__abbreviation",
            )
        )
        if not positions:
            # A person shows on the chart's site only if they held a position here.
            raise Http404("Không có cán bộ này.")
        positions.sort(key=position_sort_key)
        terms = self.get_terms(request)
        current = Term.current_of(terms)
        groups = []
        for membership in positions:
            if not groups or groups[-1]["term"] != membership.term:
                groups.append({"term": membership.term, "positions": []})
            groups[-1]["positions"].append(membership)
        for group in groups:
            term = group["term"]
            group["url"] = self.term_url(request, term, current) if term else ""
            group["is_current"] = term is not None and term == current
        request.org_chart_view = ("person", person)
        return self.render(
            request,
            template=self.person_template,
            context_overrides={
                "person": person,
                "position_groups": groups,
                "listing_heading": str(person),
                "chart_url": self.get_url(request),
            },
        )


def position_sort_key(membership):
    """Newest first: by term, then by the date the position began; then in chart order
    (the Executive Committee before its Standing Committee), then as ordered in the unit."""
    term = membership.term
    start = membership.start_date
    return (
        -(term.start_year if term else 0),
        -(start.toordinal() if start else 0),
        membership.unit.path,
        membership.sort_order if membership.sort_order is not None else 0,
        membership.pk,
    )


def in_term(term):
    """Units that existed in `term`: those carrying it, and those carrying no term."""
    through = OrgUnitPage.terms.through
    carries_any = through.objects.filter(orgunitpage_id=OuterRef("pk"))
    return ~Exists(carries_any) | Exists(carries_any.filter(term_id=term.pk))


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
    terms = ParentalManyToManyField(
        Term,
        verbose_name="các nhiệm kỳ",
        blank=True,
        related_name="units",
        help_text=(
            "Các nhiệm kỳ cơ quan, đơn vị có mặt trong sơ đồ tổ chức. Để trống nếu có mặt "
            "ở mọi nhiệm kỳ."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("abbreviation"), FieldPanel("kind")]),
        FieldPanel("terms", widget=forms.CheckboxSelectMultiple),
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
            self.memberships.select_related("person", "person__photo", "term").filter(
                person__live=True
            )
        )
        # The chart is the ancestor at depth 3 (under a site's home): its URL is this
        # page's, less the segments below it, with no query.
        url = self.get_url(request) or ""
        below = self.depth - 3
        chart_url = url
        if below > 0 and url.endswith("/"):
            chart_url = "/".join(url.rstrip("/").split("/")[:-below]) + "/"
        for membership in memberships:
            membership.person_url = f"{chart_url}can-bo/{membership.person.slug}/"
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
    term = models.ForeignKey(
        Term,
        verbose_name="nhiệm kỳ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text="Để trống: tính vào nhiệm kỳ hiện tại khi còn đảm nhiệm.",
    )
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
        term = self.term if self.term_id else None
        if term is not None:
            for name, value in (("start_date", self.start_date), ("end_date", self.end_date)):
                if value and not term.start_year <= value.year <= term.end_year:
                    raise ValidationError({name: f"Ngày này nằm ngoài nhiệm kỳ {term.years}."})

    def is_current(self, today=None):
        today = today or timezone.localdate()
        return self.end_date is None or self.end_date >= today


OrgChartPage.edit_handler = OrgChartPage.tabbed_edit_handler(OrgChartPage.content_panels)
OrgUnitPage.edit_handler = OrgUnitPage.tabbed_edit_handler(
    OrgUnitPage.content_panels,
    [("Liên hệ", OrgUnitPage.contact_panels), ("Thành viên", OrgUnitPage.member_panels)],
)
