"""Who may download an image or a document file: files follow the content that uses them.

A file (a document, an image's original or any of its renditions) is public when

- a live page outside every view restriction, with no secrecy level, uses it, or
- a visitor-facing object that is not a page uses it: a site setting (the logo), or a
  snippet with drafts whose live version is published (a person's photo), or
- it sits in a collection a superuser marked public (`PublicCollection`),

and never when any page with a secrecy level uses it, whatever that page's status (a
secret document forced live by mistake, a secrecy level set in a draft of a live page).
"Uses" is what Wagtail's reference index records: foreign keys (listing and featured
images, attachments), chooser blocks and rich-text embeds of the saved page, which is
the live version of a live page and the latest draft of a page never published.

Signed-in users see any file they could choose or edit in the admin (Wagtail's
collection permission policies), and superusers everything. Anybody else gets a 404
(anonymous) or a 403 (signed in). Enforced by the documents serve hook
(site_core/files/wagtail_hooks.py), the media views (site_core/files/views.py) and the API
(site_core/api/endpoints.py); see docs/files.md.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast, Length, Substr
from django.http import Http404

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.permissions import permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_policy
from wagtail.models import (
    DraftStateMixin,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    get_page_models,
)

from site_core.files.models import PublicCollection
from site_core.files.review_access import shown_by_review_link
from site_core.models import BasePage

# How a non-page object that uses a file is shown to visitors.
SHOWN_ALWAYS = "always"  # site settings: the header and footer of every page
SHOWN_WHEN_LIVE = "when-live"  # snippets with drafts: only their published version

PUBLIC = "public"  # the file may be served to anyone (and cached by shared caches)
PRIVATE = "private"  # served only because of the signed-in user's rights

REFUSED_SIGNED_IN = "Bạn không có quyền tải tệp này."
NOT_FOUND = "Không có tệp này."


def base_content_type(model):
    """The content type the reference index files a model's rows under (Page for pages)."""
    parents = model._meta.get_parent_list()
    return ContentType.objects.get_for_model(parents[-1] if parents else model)


def shown_to_visitors(model):
    """SHOWN_ALWAYS, SHOWN_WHEN_LIVE or None (never shown, or a page: judged per page)."""
    if issubclass(model, Page):
        return None
    if issubclass(model, BaseSiteSetting | BaseGenericSetting):
        return SHOWN_ALWAYS
    if issubclass(model, DraftStateMixin):
        return SHOWN_WHEN_LIVE
    return None


def register_visitor_facing_models():
    """Index references from settings and draftable snippets from the start of the process.

    Snippet viewsets register their model when the admin's hooks load; settings have no
    viewset that does. Called from FilesConfig.ready(), so that a setting saved by a
    management command is indexed too.
    """
    for model in apps.get_models():
        if shown_to_visitors(model):
            ReferenceIndex.register_model(model)


# --- pages ------------------------------------------------------------------------------


def restricted_q():
    """The page, or one of its ancestors, has a view restriction (password, login, groups)."""
    return Q(
        Exists(
            PageViewRestriction.objects.filter(
                page__path=Substr(OuterRef("path"), 1, Length("page__path"))
            )
        )
    )


def secret_pages_q():
    """Pages with a secrecy level, on the saved page or on its latest revision.

    Page types say which field holds their secrecy level (`BasePage.secrecy_field`).
    Correlated on the page's id, so that only the pages at hand are looked at.
    """
    condition = Q(pk__in=[])
    for model in get_page_models():
        if not (issubclass(model, BasePage) and model.secrecy_field):
            continue
        field = model.secrecy_field
        levels = [value for value, _label in model._meta.get_field(field).choices if value]
        secret = model.objects.filter(pk=OuterRef("pk")).filter(
            Q(**{f"{field}__in": levels}) | Q(**{f"latest_revision__content__{field}__in": levels})
        )
        condition |= Q(Exists(secret))
    return condition


def public_pages_q():
    return Q(live=True) & ~restricted_q() & ~secret_pages_q()


# --- references ---------------------------------------------------------------------------


def source_exists(queryset):
    """The reference's source row, found in `queryset` (the index stores ids as text)."""
    return Q(Exists(queryset.filter(pk=Cast(OuterRef("object_id"), IntegerField()))))


def used_publicly_q():
    """References from what visitors see: public pages, settings, published snippets.

    Each source's own condition comes after its content type, so that a row of another
    type never reaches a lookup that reads its id as a number.
    """
    condition = Q(base_content_type=base_content_type(Page)) & source_exists(
        Page.objects.filter(public_pages_q())
    )
    for source in apps.get_models():
        shown = shown_to_visitors(source)
        from_source = Q(base_content_type=base_content_type(source))
        if shown == SHOWN_ALWAYS:
            condition |= from_source
        elif shown == SHOWN_WHEN_LIVE:
            condition |= from_source & source_exists(source.objects.filter(live=True))
    return condition


def used_by_secret_q():
    """References from pages with a secrecy level, whatever their status."""
    return Q(base_content_type=base_content_type(Page)) & source_exists(
        Page.objects.filter(secret_pages_q())
    )


def references_to(model):
    return ReferenceIndex.objects.filter(to_content_type=base_content_type(model))


# --- one file -----------------------------------------------------------------------------


def is_public(obj):
    """Whether anybody may download this document's or image's file.

    One query over the file's references (however many pages use it), and a second for
    the collection when the references do not decide.
    """
    counts = (
        references_to(type(obj))
        .filter(to_object_id=str(obj.pk))
        .aggregate(
            secret=Count("pk", filter=used_by_secret_q()),
            public=Count("pk", filter=used_publicly_q()),
        )
    )
    if counts["secret"]:
        return False
    if counts["public"]:
        return True
    return PublicCollection.objects.filter(collection_id=obj.collection_id).exists()


def permission_policy_for(obj):
    return image_policy if isinstance(obj, get_image_model()) else document_policy


def may_manage(user, obj):
    """Signed-in users with rights over the file in the admin (choose or change), superusers."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return permission_policy_for(obj).user_has_any_permission_for_instance(
        user, ["change", "choose"], obj
    )


def used_by_secret(obj):
    return (
        references_to(type(obj))
        .filter(to_object_id=str(obj.pk))
        .filter(used_by_secret_q())
        .exists()
    )


def check_file_access(request, obj):
    """PUBLIC or PRIVATE (why the file may be served), else Http404 or PermissionDenied.

    PRIVATE also for a file of a draft that a review link this browser opened shows
    (site_core/files/review_access.py), unless a page with a secrecy level uses it.
    """
    if may_manage(request.user, obj):
        return PRIVATE
    if is_public(obj):
        return PUBLIC
    if shown_by_review_link(request, obj) and not used_by_secret(obj):
        return PRIVATE
    if request.user.is_authenticated:
        raise PermissionDenied(REFUSED_SIGNED_IN)
    raise Http404(NOT_FOUND)


# --- many files (the API) -------------------------------------------------------------------


def referenced_ids(references):
    return references.values_list(Cast("to_object_id", IntegerField()), flat=True)


def public_files(queryset):
    """Only the documents or images of `queryset` that `is_public` accepts.

    The result filters on `id` only, so that Wagtail's search can still run on it. Starts
    from the references to files of this kind: the work grows with the references, not
    with the pages.
    """
    model = queryset.model
    references = references_to(model)
    public = (
        model.objects.filter(
            Q(pk__in=referenced_ids(references.filter(used_publicly_q())))
            | Q(collection__in=PublicCollection.objects.values("collection"))
        )
        .exclude(pk__in=referenced_ids(references.filter(used_by_secret_q())))
        .values("pk")
    )
    return queryset.filter(pk__in=public)
