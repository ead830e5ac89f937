"""Read-only Wagtail API v2 under /api/v2/: pages, images and documents.

Wagtail's endpoints already serve only live pages outside view restrictions, only
documents outside private collections, and only GET. On top of them:

- the images and documents endpoints list only the files anybody may download: those
  that live public pages use, or that sit in a public collection (docs/files.md);
- `date_from` / `date_to` (YYYY-MM-DD, inclusive) filter on the main date of the page
  types that name one (`listing_date_field`: news, events and documents); with no `type`
  they select those types together;
- visitor input that Wagtail would let through to the database as an invalid value
  (`?date=abc`, `?site=unknown`, `?offset=` beyond a 64-bit integer, a NUL character,
  `?search_operator=xyz`, `find/?id=abc`) is answered with a 400 JSON message, and an
  object `find/` does not find with a 404, never a 500 (tests/test_api.py walks every
  parameter of every endpoint with odd values).

The fields each page type exposes are its `api_fields` (see docs/api.md).
"""

import datetime

from rest_framework.filters import BaseFilterBackend

from django.core.exceptions import FieldError, ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404

from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site, get_page_models

from site_core.files.access import public_files
from site_core.models import BasePage

DATE_PARAMETERS = ("date_from", "date_to")
# The largest ?offset= the database takes (OFFSET is a 64-bit integer), less any limit.
OFFSET_MAX = 2**62
SEARCH_OPERATORS = ("and", "or")


def has_main_date(model):
    """True for a page type whose visitors filter it by time (news, events, documents)."""
    return issubclass(model, BasePage) and model.listing_date_field is not None


def dated_page_models():
    """The page types with a main date, in the order of the site search's groups."""
    dated = [model for model in get_page_models() if has_main_date(model)]
    return sorted(dated, key=lambda model: model.search_type.order)


def join_names(names):
    """'tin hoạt động, sự kiện và văn bản'."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} và {names[-1]}"


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


def date_lookup(model, lookup, value, via_relation=False):
    """The condition on the model's main date; via_relation when the queryset is of Page."""
    field = model._meta.get_field(model.listing_date_field)
    path = f"{model._meta.model_name}__{field.name}" if via_relation else field.name
    if isinstance(field, models.DateTimeField):
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

        if has_main_date(queryset.model):
            dated, via_relation = [queryset.model], False
        elif queryset.model is Page:
            # No single type: every type with a main date, each on its own date.
            dated, via_relation = dated_page_models(), True
        else:
            dated = dated_page_models()
            raise BadRequestError(
                "date_from/date_to chỉ dùng cho "
                f"{join_names([str(model._meta.verbose_name) for model in dated])} "
                f"(type={', '.join(model._meta.label_lower for model in dated)})."
            )
        lookups = {"date_from": "gte", "date_to": "lte"}
        condition = Q()
        for model in dated:
            per_type = Q()
            for name, value in bounds.items():
                per_type &= date_lookup(model, lookups[name], value, via_relation)
            condition |= per_type
        return queryset.filter(condition)


class SafeFieldsFilter(FieldsFilter):
    """Wagtail's `?field=value` filter, with invalid values answered by a 400."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, ValueError, TypeError, FieldError, OverflowError) as error:
            raise BadRequestError(
                f"giá trị lọc không hợp lệ (invalid filter value): {error}"
            ) from None


class SafeSearchFilter(SearchFilter):
    """Wagtail's `?search=`, with an unknown `search_operator` answered by a 400 (the
    search backend raises a ValueError for it)."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if "search" in request.GET and operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(
                "search_operator: chỉ nhận “and” hoặc “or” (must be 'and' or 'or')."
            )
        return super().filter_queryset(request, queryset, view)


def portal_filter_backends(backends):
    """The endpoint's filter backends with the safe variants in place of Wagtail's."""
    safe = {FieldsFilter: SafeFieldsFilter, SearchFilter: SafeSearchFilter}
    return [safe.get(backend, backend) for backend in backends]


class PortalPagination(WagtailPagination):
    """Wagtail's offset/limit paging; an offset the database cannot hold is a 400."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "")
        if offset.strip().lstrip("+-").isdigit() and abs(int(offset)) > OFFSET_MAX:
            raise BadRequestError(f"offset must be at most {OFFSET_MAX}")
        return super().paginate_queryset(queryset, request, view)


class ReadOnlyAPIMixin:
    """Turns database-level validation errors into the API's JSON 400."""

    http_method_names = ["get", "head", "options"]
    pagination_class = PortalPagination

    def initial(self, request, *args, **kwargs):
        # PostgreSQL refuses a NUL character in any text it is given: whatever parameter
        # carries one (?locale=, ?title=, ?html_path=) would end in a database error.
        if any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequestError("tham số chứa ký tự NUL (NUL character in a parameter).")
        super().initial(request, *args, **kwargs)

    def find_object(self, queryset, request):
        # Wagtail's find view catches only Page.DoesNotExist, not the DoesNotExist of a
        # specific type (?type=), and passes ?id= to the database as it comes.
        value = request.GET.get("id")
        if value is not None and not (value.isascii() and value.isdigit()):
            raise BadRequestError("id must be a positive integer")
        try:
            return super().find_object(queryset, request)
        except ObjectDoesNotExist:
            return None

    def handle_exception(self, exc):
        if isinstance(exc, (ValidationError, OverflowError)):
            exc = BadRequestError(f"tham số không hợp lệ (invalid parameter): {exc}")
        return super().handle_exception(exc)


class PortalPagesAPIViewSet(ReadOnlyAPIMixin, PagesAPIViewSet):
    filter_backends = portal_filter_backends(PagesAPIViewSet.filter_backends)
    # The search filter must stay last: search results cannot be filtered further.
    filter_backends.insert(len(filter_backends) - 1, DateRangeFilter)
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(DATE_PARAMETERS)

    def get_queryset(self):
        # Every item shows its locale in "meta".
        queryset = super().get_queryset().select_related("locale")
        if issubclass(queryset.model, BasePage):
            # A listing of one type (`?type=`) fetches what its api_fields show up front, so
            # that a page of 20 items costs a constant number of queries.
            queryset = queryset.model.api_listing_queryset(queryset)
        return queryset

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
    filter_backends = portal_filter_backends(ImagesAPIViewSet.filter_backends)


class PortalDocumentsAPIViewSet(ReadOnlyAPIMixin, PublicFilesMixin, DocumentsAPIViewSet):
    filter_backends = portal_filter_backends(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
