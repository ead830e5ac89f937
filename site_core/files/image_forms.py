"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): alt text is required.

Wagtail uses an image's `description` as its alt text. Requiring it here covers every
admin path that saves an image through a form: "Thêm ảnh" (add), editing an image, the
upload tab of the image chooser, and the multiple uploader. In the multiple uploader the
first request sends only the file and title, so Wagtail keeps the file as an UploadedFile
and shows the edit form: the image is created only once its description is given.
Images created by code (demo seed, factories) do not go through this form.

Replacing the file of an image that live content uses is for the board
(site_core/files/review.py).

Size and pixel caps (WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_IMAGE_PIXELS) are
checked by Wagtail's file field on the same paths; PortalImageField words the refusals in
Vietnamese and turns Pillow's DecompressionBombError (an image far above Pillow's own
limit, tiny on disk) into a form error instead of a 500. Only the header is read to count
pixels, so a bomb never gets decoded.
"""

import re

from PIL import Image as PILImage

from django.core.exceptions import ValidationError

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from site_core.files.review import LiveFileGuardMixin

DESCRIPTION_LABEL = "Mô tả ảnh (văn bản thay thế)"
DESCRIPTION_HELP = (
    "Bắt buộc. Mô tả ngắn những gì ảnh thể hiện, để người khiếm thị dùng trình đọc màn hình "
    "và máy tìm kiếm hiểu được ảnh. Ví dụ: “Đồng chí Bí thư Tỉnh ủy phát biểu khai mạc "
    "hội nghị”. Không cần viết “ảnh” hay “hình”, không dùng tên tệp."
)
DESCRIPTION_REQUIRED = (
    "Hãy nhập mô tả ảnh (văn bản thay thế): người dùng trình đọc màn hình cần nó để hiểu ảnh."
)
DESCRIPTION_IS_FILENAME = "Mô tả ảnh không được là tên tệp; hãy viết ảnh thể hiện điều gì."
FILENAME = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|avif|heic|tiff?|bmp)$", re.IGNORECASE)
FILE_TOO_LARGE = (
    "Tệp ảnh quá lớn (%(file_size)s); dung lượng tối đa là %(max_filesize)s. Hãy thu nhỏ "
    "hoặc nén ảnh rồi tải lên lại."
)
FILE_TOO_LARGE_UNKNOWN_SIZE = (
    "Tệp ảnh quá lớn; dung lượng tối đa là {max_filesize}. Hãy thu nhỏ hoặc nén ảnh rồi tải "
    "lên lại."
)
TOO_MANY_PIXELS = (
    "Ảnh quá nhiều điểm ảnh (%(num_pixels)s); tối đa %(max_pixels_count)s. Hãy thu nhỏ ảnh "
    "(ví dụ chiều rộng không quá 4000 điểm ảnh) rồi tải lên lại."
)


def megapixels(count):
    return f"{count / 1_000_000:.0f} triệu điểm ảnh"


class PortalImageField(WagtailImageField):
    """Wagtail's image file field with Vietnamese refusals and no 500 on decompression bombs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["file_too_large"] = FILE_TOO_LARGE
        self.error_messages["file_too_large_unknown_size"] = FILE_TOO_LARGE_UNKNOWN_SIZE.format(
            max_filesize=self.max_upload_size_text
        )
        self.error_messages["file_too_many_pixels"] = TOO_MANY_PIXELS

    def check_image_pixel_size(self, f):
        if self.max_image_pixels is None:
            return
        try:
            width, height = f.image.get_size()
            frames = f.image.get_frame_count()
        except PILImage.DecompressionBombError as exc:
            # Pillow refuses to open it at all: far above any sensible cap.
            raise ValidationError(
                TOO_MANY_PIXELS
                % {
                    "num_pixels": "vượt giới hạn an toàn",
                    "max_pixels_count": megapixels(self.max_image_pixels),
                },
                code="file_too_many_pixels",
            ) from exc
        num_pixels = width * height * frames
        if num_pixels > self.max_image_pixels:
            raise ValidationError(
                TOO_MANY_PIXELS
                % {
                    "num_pixels": f"{width} × {height}"
                    + (f" × {frames} khung hình" if frames > 1 else ""),
                    "max_pixels_count": megapixels(self.max_image_pixels),
                },
                code="file_too_many_pixels",
            )


class PortalImageForm(LiveFileGuardMixin, BaseImageForm):
    file_kind = "ảnh"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file_field = self.fields.get("file")
        if file_field is not None and not isinstance(file_field, PortalImageField):
            # Wagtail's form factory builds the file field (formfield_callback); swap in
            # ours, keeping the widget (with its sync attributes) and the help text.
            portal_field = PortalImageField(
                label=file_field.label, required=file_field.required, widget=file_field.widget
            )
            portal_field.help_text = file_field.help_text
            self.fields["file"] = portal_field
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.label = DESCRIPTION_LABEL
            field.help_text = DESCRIPTION_HELP
            field.error_messages["required"] = DESCRIPTION_REQUIRED

    def clean_description(self):
        description = self.cleaned_data.get("description", "")
        if FILENAME.match(description):
            raise ValidationError(DESCRIPTION_IS_FILENAME, code="filename")
        return description
