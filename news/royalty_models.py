"""Contributors' ledger and royalties (“Sổ nhuận bút”): the models.

- `ArticleCredit`: who wrote an article (a portal user or an outside author by name), their
  agency or unit, and their share when several wrote it. Part of the article's form
  (tab “Tác giả, nhuận bút”), kept in its revisions like any field.
- `RoyaltyRateTable` and its `RoyaltyRate` rows: the board's rate table, kind × grade →
  amount in đồng, effective from a date. A rate change is a new table from a new date.
- `RoyaltyEntry`: one line of the ledger per author of a published article, written once
  at the article's first publication (news/royalties.py), a snapshot that later edits,
  rate changes, republications and withdrawals leave as it is.

Kind (thể loại) and grade (mức) live on the article (`NewsArticlePage.royalty_kind`,
`royalty_grade`); only holders of `news.grade_article` (editors and the board, see
site_core/editorial/setup.py) see them in the form.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import GroupPagePermission, Orderable, Site

KIND_CHOICES = [
    ("tin", "Tin"),
    ("bai", "Bài viết"),
    ("anh", "Ảnh"),
    ("phong-su", "Phóng sự"),
    ("phong-van", "Bài phỏng vấn"),
    ("binh-luan", "Bình luận, chuyên luận"),
    ("video", "Video, clip"),
]
GRADE_CHOICES = [
    ("A", "Loại A"),
    ("B", "Loại B"),
    ("C", "Loại C"),
]
KIND_LABELS = dict(KIND_CHOICES)
GRADE_LABELS = dict(GRADE_CHOICES)


def format_dong(amount):
    """1250000 -> "1.250.000 đ" (Vietnamese thousands separator)."""
    return f"{int(amount or 0):,} đ".replace(",", ".")


def known_unit(user):
    """The agency or unit the portal knows for `user`, or "".

    The unit named on the user's latest credit (the board corrects it once, it sticks);
    else the sub-portal whose tree the user's groups work in: its unit in the provincial
    org chart, or its name.
    """
    if user is None:
        return ""
    last = (
        ArticleCredit.objects.filter(user=user)
        .exclude(unit="")
        .order_by("-pk")
        .values_list("unit", flat=True)
        .first()
    )
    if last:
        return last
    paths = list(
        GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
    )
    if not paths:
        return ""
    for site in Site.objects.filter(is_default_site=False).values(
        "root_page__path", "site_name", "hostname", "subportal__unit__title"
    ):
        if any(path.startswith(site["root_page__path"]) for path in paths):
            return site["subportal__unit__title"] or site["site_name"] or site["hostname"]
    return ""


class RoyaltyRateTable(ClusterableModel):
    effective_from = models.DateField(
        "áp dụng từ ngày",
        unique=True,
        help_text="Bài đăng lần đầu từ ngày này (đến trước ngày áp dụng của bảng sau) tính "
        "nhuận bút theo bảng này. Muốn đổi mức, hãy tạo bảng mới với ngày áp dụng mới: sổ "
        "nhuận bút đã ghi không bị tính lại.",
    )
    note = models.CharField(
        "căn cứ, ghi chú",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Quyết định số 12-QĐ/BBT ngày 20/12/2025.",
    )

    panels = [
        FieldRowPanel([FieldPanel("effective_from"), FieldPanel("note")]),
        InlinePanel("rates", heading="Mức nhuận bút", label="mức"),
    ]

    class Meta:
        verbose_name = "bảng mức nhuận bút"
        verbose_name_plural = "bảng mức nhuận bút"
        ordering = ["-effective_from"]

    def __str__(self):
        text = f"Áp dụng từ {self.effective_from:%d/%m/%Y}" if self.effective_from else "Bảng mới"
        return f"{text} ({self.note})" if self.note else text


class RoyaltyRate(Orderable):
    table = ParentalKey(RoyaltyRateTable, related_name="rates", on_delete=models.CASCADE)
    kind = models.CharField("thể loại", max_length=20, choices=KIND_CHOICES)
    grade = models.CharField("mức", max_length=2, choices=GRADE_CHOICES)
    amount = models.PositiveIntegerField("nhuận bút (đồng)")

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("grade"), FieldPanel("amount")])]

    class Meta(Orderable.Meta):
        verbose_name = "mức nhuận bút"
        verbose_name_plural = "mức nhuận bút"
        constraints = [
            models.UniqueConstraint(
                fields=["table", "kind", "grade"], name="news_royalty_rate_one_per_cell"
            )
        ]

    def __str__(self):
        return f"{KIND_LABELS.get(self.kind, self.kind)} {GRADE_LABELS.get(self.grade, '')}: " + (
            format_dong(self.amount)
        )


class ContributorSelect(forms.Select):
    """The account list names people as “Nguyễn Văn An (ctv)”, not by username alone."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        user = getattr(value, "instance", None)
        if user is not None:
            full_name = user.get_full_name()
            label = f"{full_name} ({user.get_username()})" if full_name else label
        return super().create_option(name, value, label, selected, index, subindex, attrs)


class ArticleCredit(Orderable):
    """An author of an article: a portal user, or someone outside the portal by name."""

    page = ParentalKey("news.NewsArticlePage", related_name="credits", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="cộng tác viên (tài khoản)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="article_credits",
        limit_choices_to={"is_active": True},
    )
    name = models.CharField(
        "họ tên",
        max_length=255,
        blank=True,
        help_text="Tác giả ngoài cổng ghi họ tên; để trống khi đã chọn tài khoản.",
    )
    unit = models.CharField(
        "cơ quan, đơn vị",
        max_length=255,
        blank=True,
        help_text="Để trống: lấy theo đơn vị cổng đã biết của tài khoản.",
    )
    share = models.PositiveSmallIntegerField(
        "tỷ lệ (%)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Khi nhiều người cùng viết; để trống thì chia đều phần còn lại.",
    )

    panels = [
        FieldRowPanel([FieldPanel("user", widget=ContributorSelect), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("share")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "tác giả"
        verbose_name_plural = "tác giả"

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.name:
            return self.name
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return ""

    def clean(self):
        super().clean()
        if not self.user_id and not self.name.strip():
            raise ValidationError(
                {"name": "Chọn tài khoản cộng tác viên hoặc ghi họ tên tác giả ngoài cổng."}
            )
        self.name = self.name.strip()
        self.unit = self.unit.strip()
        if self.user_id and not self.unit:
            self.unit = known_unit(self.user)


class RoyaltyEntry(models.Model):
    """One author's line of the ledger for one published article (a snapshot)."""

    article = models.ForeignKey(
        "news.NewsArticlePage",
        verbose_name="bài",
        null=True,
        on_delete=models.SET_NULL,
        related_name="royalty_entries",
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="cổng",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField("tiêu đề", max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="royalty_entries",
    )
    author_name = models.CharField("tác giả", max_length=255)
    unit = models.CharField("cơ quan, đơn vị", max_length=255, blank=True)
    kind = models.CharField("thể loại", max_length=20, choices=KIND_CHOICES, blank=True)
    grade = models.CharField("mức", max_length=2, choices=GRADE_CHOICES, blank=True)
    share = models.DecimalField("tỷ lệ (%)", max_digits=5, decimal_places=2, default=100)
    published_at = models.DateTimeField("ngày đăng")
    month = models.DateField("tháng", db_index=True)
    rate_table = models.ForeignKey(
        RoyaltyRateTable,
        verbose_name="bảng mức",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rate = models.PositiveIntegerField("mức của bài (đồng)", default=0)
    amount = models.PositiveIntegerField("nhuận bút (đồng)", default=0)
    position = models.PositiveSmallIntegerField("thứ tự tác giả", default=0)
    recorded_at = models.DateTimeField("ngày ghi sổ", default=timezone.now)

    class Meta:
        verbose_name = "dòng sổ nhuận bút"
        verbose_name_plural = "sổ nhuận bút"
        default_permissions = ("view",)
        permissions = [("grade_article", "Chấm thể loại và mức nhuận bút của bài")]
        ordering = ["-month", "author_name", "-published_at", "pk"]
        constraints = [
            # One line per author of an article: a republication never adds another.
            models.UniqueConstraint(
                fields=["article", "position"], name="news_royalty_entry_once_per_author"
            )
        ]
        indexes = [models.Index(fields=["month", "author_name"], name="news_royalty_month_idx")]

    def __str__(self):
        return f"{self.author_name}: {self.title}"

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, "")

    @property
    def grade_label(self):
        return GRADE_LABELS.get(self.grade, "")

    @property
    def month_label(self):
        return f"{self.month:%m/%Y}"

    @property
    def amount_display(self):
        return format_dong(self.amount)

    @property
    def graded(self):
        return bool(self.kind and self.grade)
