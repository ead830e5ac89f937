"""The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE).

Replacing the file of a document that live content uses is for the board
(site_core/media_review.py). Wagtail builds the add, edit, multiple-upload and chooser
upload forms from this base.
"""

from wagtail.documents.forms import BaseDocumentForm

from site_core.media_review import LiveFileGuardMixin


class PortalDocumentForm(LiveFileGuardMixin, BaseDocumentForm):
    file_kind = "tài liệu"
