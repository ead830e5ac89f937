"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): alt text is required.

Wagtail uses an image's `description` as its alt text. Requiring it here covers every
admin path that saves an image through a form: "Thêm ảnh" (add), editing an image, the
upload tab of the image chooser, and the multiple uploader. In the multiple uploader the
first request sends only the file and title, so Wagtail keeps the file as an UploadedFile
and shows the edit form: the image is created only once its description is given.
Images created by code (demo seed, factories) do not go through this form.

Replacing the file of an image that live content uses is for the board
(site_core/media_review.py).
"""

import re

from django.core.exceptions import ValidationError

from wagtail.images.forms import BaseImageForm

from site_core.media_review import LiveFileGuardMixin

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


class PortalImageForm(LiveFileGuardMixin, BaseImageForm):
    file_kind = "ảnh"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
