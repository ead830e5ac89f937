"""The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE).

Replacing the file of a document that live content uses is for the board
(site_core/files/review.py). Wagtail builds the add, edit, multiple-upload and chooser
upload forms from this base.

The size cap is Wagtail's own WAGTAILDOCS_MAX_UPLOAD_SIZE, checked by its document file
field on all those paths (and told to the multiple uploader's JavaScript); this form only
words the refusal in Vietnamese.
"""

from wagtail.documents.forms import BaseDocumentForm

from site_core.files.review import LiveFileGuardMixin

FILE_TOO_LARGE = (
    "Tệp tài liệu quá lớn (%(file_size)s); dung lượng tối đa là %(max_filesize)s. Hãy nén "
    "tệp (ví dụ quét lại PDF ở độ phân giải thấp hơn) hoặc chia thành nhiều tệp."
)
FILE_TOO_LARGE_UNKNOWN_SIZE = (
    "Tệp tài liệu quá lớn; dung lượng tối đa là {max_filesize}. Hãy nén tệp hoặc chia thành "
    "nhiều tệp."
)
MAX_SIZE_HELP = "Dung lượng tối đa: {max_filesize}."


class PortalDocumentForm(LiveFileGuardMixin, BaseDocumentForm):
    file_kind = "tài liệu"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and getattr(field, "max_upload_size", None) is not None:
            field.error_messages["file_too_large"] = FILE_TOO_LARGE
            field.error_messages["file_too_large_unknown_size"] = (
                FILE_TOO_LARGE_UNKNOWN_SIZE.format(max_filesize=field.max_upload_size_text)
            )
            if not self.file_is_locked():
                field.help_text = MAX_SIZE_HELP.format(max_filesize=field.max_upload_size_text)
