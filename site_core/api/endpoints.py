"""Read-only Wagtail API v2 under /api/v2/: pages, images and documents.

Wagtail's endpoints already serve only live pages outside view restrictions, only
documents outside private collections, and only GET. On top of them:

- the images and documents endpoints list only the files anybody may download: those
  that live public pages use, or that sit in a public collection (docs/files.md);
- `date_from` / `date_to` (YYYY-MM-DD, inclusive) filter on the main date of news,
  events and documents; with no `type` they select those three types together;
- visitor input that Wagtail would let through to the database as an invalid value
  (`?date=abc`, `?site=unknown`) is answered with a 400 JSON message, never a 500.

The fields each page type exposes are its `api_fields` (see docs/api.md).
"""

import datetime

from rest_framework.filters import BaseFilterBackend

from django.core.exceptions import FieldError, ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404

from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site

from history.models import HistoryPeriodPage
from legal_docs.models import LegalDocumentAttachment, LegalDocumentPage
from news.models import EventPage, NewsArticlePage
from site_core.files.access import public_files

# The date a visitor means when filtering a page type by time.
MAIN_DATE_FIELDS = {
    "news.newsarticlepage": ("date", True),  # (field, is a DateTimeField)
    "news.eventpage": ("start", True),
    "legal_docs.legaldocumentpage": ("date_issued", False),
}
DATE_PARAMETERS = ("date_from", "date_to")


def parse_date_parameter(name, value):
    try:
        if len(value) != 10:
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadRequestError(
            f"{name}: ngày không hợp lệ “{value[:40]}”, hãy viết dạng YYYY-MM-DD "
            "(invalid date, use YYYY-MM-DD)."
        ) from None


def date_lookup(model_key, lookup, value, via_relation=False):
    field, is_datetime = MAIN_DATE_FIELDS[model_key]
    path = f"{model_key.split('.')[1]}__{field}" if via_relation else field
    if is_datetime:
        path += "__date"
    return Q(**{f"{path}__{lookup}": value})


class DateRangeFilter(BaseFilterBackend):
    """`?date_from=2025-01-01&date_to=2025-12-31` on the main date of the page type."""

    def filter_queryset(self, request, queryset, view):
        bounds = {
            name: parse_date_parameter(name, request.GET[name])
            for name in DATE_PARAMETERS
            if name in request.GET
        }
        if not bounds:
            return queryset
        if (
            "date_from" in bounds
            and "date_to" in bounds
            and bounds["date_from"] > bounds["date_to"]
        ):
            raise BadRequestError("date_from phải trước hoặc bằng date_to (date_from > date_to).")

        model_key = queryset.model._meta.label_lower
        if model_key in MAIN_DATE_FIELDS:
            keys, via_relation = [model_key], False
        elif queryset.model is Page:
            # No single type: news, events and documents, each on its own date.
            keys, via_relation = list(MAIN_DATE_FIELDS), True
        else:
            raise BadRequestError(
                "date_from/date_to chỉ dùng cho tin, sự kiện và văn bản "
                f"(type={', '.join(MAIN_DATE_FIELDS)})."
            )
        lookups = {"date_from": "gte", "date_to": "lte"}
        condition = Q()
        for key in keys:
            per_type = Q()
            for name, value in bounds.items():
                per_type &= date_lookup(key, lookups[name], value, via_relation)
            condition |= per_type
        return queryset.filter(condition)


def _optimise_documents(queryset):
    attachments = LegalDocumentAttachment.objects.select_related("document")
    return (
        queryset.select_related("document_type", "issuer", "listing_image")
        .prefetch_related("co_issuers", Prefetch("attachments", queryset=attachments))
        .with_status()
    )


# Listings of one page type (`?type=`) fetch what the api_fields need up front, so that a
# page of 20 items costs a constant number of queries.
LISTING_OPTIMISATIONS = {
    NewsArticlePage: lambda qs: qs.select_related(
        "source_unit", "featured_image", "listing_image"
    ).prefetch_related("categories", "tags"),
    EventPage: lambda qs: qs.select_related("organiser", "listing_image"),
    LegalDocumentPage: _optimise_documents,
    HistoryPeriodPage: lambda qs: qs.select_related("listing_image").prefetch_related("events"),
}


class SafeFieldsFilter(FieldsFilter):
    """Wagtail's `?field=value` filter, with invalid values answered by a 400."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, ValueError, TypeError, FieldError, OverflowError) as error:
            raise BadRequestError(
                f"giá trị lọc không hợp lệ (invalid filter value): {error}"
            ) from None


class ReadOnlyAPIMixin:
    """Turns database-level validation errors into the API's JSON 400."""

    http_method_names = ["get", "head", "options"]

    def handle_exception(self, exc):
        if isinstance(exc, (ValidationError, OverflowError)):
            exc = BadRequestError(f"tham số không hợp lệ (invalid parameter): {exc}")
        return super().handle_exception(exc)


class PortalPagesAPIViewSet(ReadOnlyAPIMixin, PagesAPIViewSet):
    filter_backends = [
        SafeFieldsFilter if backend is FieldsFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
    # The search filter must stay last: search results cannot be filtered further.
    filter_backends.insert(len(filter_backends) - 1, DateRangeFilter)
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(DATE_PARAMETERS)

    def get_queryset(self):
        # Every item shows its locale in "meta".
        queryset = super().get_queryset().select_related("locale")
        optimise = LISTING_OPTIMISATIONS.get(queryset.model)
        return optimise(queryset) if optimise else queryset

    def get_base_queryset(self):
        try:
            return super().get_base_queryset()
        except Site.DoesNotExist:
            raise Http404("Không có trang thông tin (site) này.") from None
        except ValueError:
            raise BadRequestError("site: giá trị không hợp lệ (invalid site).") from None


class PublicFilesMixin:
    """Lists and details only the files anybody may download (site_core/files/access.py)."""

    def get_queryset(self):
        return public_files(super().get_queryset())


class PortalImagesAPIViewSet(ReadOnlyAPIMixin, PublicFilesMixin, ImagesAPIViewSet):
    filter_backends = [
        SafeFieldsFilter if backend is FieldsFilter else backend
        for backend in ImagesAPIViewSet.filter_backends
    ]


class PortalDocumentsAPIViewSet(ReadOnlyAPIMixin, PublicFilesMixin, DocumentsAPIViewSet):
    filter_backends = [
        SafeFieldsFilter if backend is FieldsFilter else backend
        for backend in DocumentsAPIViewSet.filter_backends
    ]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
