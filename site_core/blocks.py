"""StreamField blocks shared by every page type."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tiêu đề", max_length=255)
    level = blocks.ChoiceBlock(
        label="Cấp",
        choices=[("h2", "Tiêu đề cấp 2"), ("h3", "Tiêu đề cấp 3"), ("h4", "Tiêu đề cấp 4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Tiêu đề mục"
        template = "site_core/blocks/heading_block.html"
        preview_value = {"text": "Một số kết quả nổi bật", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    caption = blocks.CharBlock(label="Chú thích", required=False, max_length=500)
    attribution = blocks.CharBlock(label="Nguồn ảnh", required=False, max_length=255)

    class Meta:
        icon = "image"
        label = "Ảnh"
        template = "site_core/blocks/image_block.html"
        preview_value = {"caption": "Quang cảnh hội nghị", "attribution": "Ảnh: Ban biên tập"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Trích dẫn")
    attribution = blocks.CharBlock(label="Người nói / nguồn", required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "site_core/blocks/quote_block.html"
        preview_value = {
            "text": "Xây dựng Đảng là nhiệm vụ then chốt.",
            "attribution": "Nghị quyết Đại hội",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Tệp đính kèm")
    title = blocks.CharBlock(label="Tên hiển thị", required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = "Tệp tải về"
        template = "site_core/blocks/document_link_block.html"
        preview_value = {"title": "Toàn văn nghị quyết"}


class RelatedLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Tên liên kết", max_length=255)
    url = blocks.URLBlock(label="Địa chỉ")

    class Meta:
        icon = "link"
        label = "Liên kết"
        template = "site_core/blocks/related_link_block.html"
        preview_value = {"title": "Báo Đồng Nai", "url": "https://example.org/"}


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text that must say something: Draftail stores an emptied paragraph as
    `<p data-block-key="..."></p>`, which Wagtail's required check lets through."""

    def clean(self, value):
        value = super().clean(value)
        if self.required and not getattr(self, "is_deferred_validation", False):
            source = getattr(value, "source", "") or ""
            has_media = "<embed" in source or "<img" in source
            if not has_media and not strip_tags(source).replace("\xa0", " ").strip():
                raise ValidationError("Đoạn văn đang trống: hãy nhập nội dung hoặc xóa khối này.")
        return value


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock(
        label="Đoạn văn",
        icon="pilcrow",
        features=["bold", "italic", "link", "ol", "ul", "document-link", "hr"],
        template="site_core/blocks/paragraph_block.html",
        preview_value="<p>Sáng nay, Tỉnh ủy tổ chức hội nghị sơ kết công tác quý.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(
        label="Video / nhúng",
        icon="media",
        template="site_core/blocks/embed_block.html",
        help_text="Dán đường dẫn YouTube hoặc dịch vụ hỗ trợ oEmbed.",
    )

    class Meta:
        block_counts = {}


class LinkListBlock(blocks.StreamBlock):
    link = RelatedLinkBlock()
