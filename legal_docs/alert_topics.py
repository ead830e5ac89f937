"""Document types and issuing bodies visitors may subscribe to (site_core/alerts/registry.py)."""

from django.utils.translation import gettext_lazy as _

from legal_docs.models import DocumentType, IssuingBody, LegalDocumentIndexPage, LegalDocumentPage
from site_core.alerts.registry import TopicKind
from site_core.text import fold


def has_register(home):
    return LegalDocumentIndexPage.objects.descendant_of(home).live().exists()


def type_choices(home):
    if not has_register(home):
        return []
    rows = DocumentType.objects.filter(locale_id=home.locale_id)
    return [(row.pk, str(row)) for row in sorted(rows, key=lambda row: fold(row.name))]


LEVEL_ORDER = {code: index for index, (code, _label) in enumerate(IssuingBody.LEVEL_CHOICES)}


def issuer_choices(home):
    """Central bodies first, then the province's, then those below it; by name in each."""
    if not has_register(home):
        return []
    rows = IssuingBody.objects.filter(locale_id=home.locale_id)
    rows = sorted(rows, key=lambda row: (LEVEL_ORDER.get(row.level, 99), fold(row.name)))
    return [(row.pk, str(row)) for row in rows]


def document_type(page):
    return [page.document_type_id]


def document_issuers(page):
    """The issuing body and the joint issuers: a joint document reaches both."""
    return [page.issuer_id, *page.co_issuers.values_list("pk", flat=True)]


def document_alert_topics():
    return [
        TopicKind(
            key="document-type",
            label=_("Loại văn bản"),
            group=_("Văn bản"),
            page_type=LegalDocumentPage,
            choices=type_choices,
            of_page=document_type,
        ),
        TopicKind(
            key="document-issuer",
            label=_("Cơ quan ban hành"),
            group=_("Văn bản"),
            page_type=LegalDocumentPage,
            choices=issuer_choices,
            of_page=document_issuers,
        ),
    ]
