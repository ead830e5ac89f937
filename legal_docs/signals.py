"""When documents' files are read (legal_docs/document_text.py), connected from
LegalDocsConfig.ready().

- a revision of a document page is saved (a draft, a submission, a publish: each saves
  one first): the files it attaches are scheduled, so that a scan is read while the page
  is still in review;
- a document page is published: its search index entry is written again once the
  transaction commits, with its attachments as now saved (Wagtail indexes the page when
  its row is saved, before its attachments are);
- a Wagtail document's file is replaced in the library: read again if a document page
  attaches it.

Scheduling only marks rows and enqueues after the commit: nothing is read in the request.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.documents import get_document_model
from wagtail.models import Revision
from wagtail.search import index
from wagtail.signals import page_published

from . import document_text
from .models import LegalDocumentAttachment, LegalDocumentPage

DISPATCH_UID = "legal-docs-text"


def attached_document_ids(content):
    """The document ids of the attachments in a revision's content."""
    ids = []
    for attachment in (content or {}).get("attachments") or []:
        if isinstance(attachment, dict) and isinstance(attachment.get("document"), int):
            ids.append(attachment["document"])
    return ids


def revision_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if instance.content_type_id != ContentType.objects.get_for_model(LegalDocumentPage).pk:
        return
    document_text.schedule(attached_document_ids(instance.content))


def page_published_handler(sender, instance, **kwargs):
    page = instance
    transaction.on_commit(lambda: index.insert_or_update_object(page))


def document_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    if LegalDocumentAttachment.objects.filter(document_id=instance.pk).exists():
        document_text.schedule([instance.pk])


def connect():
    post_save.connect(revision_saved, sender=Revision, dispatch_uid=f"{DISPATCH_UID}-revision")
    page_published.connect(
        page_published_handler, sender=LegalDocumentPage, dispatch_uid=f"{DISPATCH_UID}-published"
    )
    post_save.connect(
        document_saved, sender=get_document_model(), dispatch_uid=f"{DISPATCH_UID}-document"
    )
