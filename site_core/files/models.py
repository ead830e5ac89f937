from django.db import models

from wagtail.admin.panels import FieldPanel


class PublicCollection(models.Model):
    """A collection whose images and documents anyone may download (docs/files.md).

    Only superusers mark a collection public (site_core/files/wagtail_hooks.py). The mark covers
    that collection, not its children; a file that a page with a secrecy level uses stays
    private even here.
    """

    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name="thư mục",
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(
        "lý do công khai",
        max_length=255,
        blank=True,
        help_text="Ví dụ: ảnh và biểu mẫu dùng chung cho mọi trang.",
    )

    panels = [FieldPanel("collection"), FieldPanel("reason")]

    class Meta:
        # The table keeps the name it had when the model lived in site_core (migration 0009).
        db_table = "site_core_publiccollection"
        verbose_name = "thư mục công khai"
        verbose_name_plural = "thư mục công khai"

    def __str__(self):
        return self.collection.name
