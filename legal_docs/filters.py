"""Query logic of the document register (LegalDocumentIndexPage).

The page view costs a constant number of queries whatever the register's size: one for the
filter choices and one count (both cached until the next publish), one page of rows (a seek
on the register's index, site_core/paging.py), and one each for the rows' attachments and
joint issuers. Free text is a subquery (full-text search, site_core/search/query.py), a typed
document number becomes direct field lookups (legal_docs/numbers.py).

Everything here works on the register's queryset that the page passes in, so this module
does not import the models: legal_docs.models imports it (and the form) at the top.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, ExtractYear

from site_core.navigation import cached_until_change
from site_core.search.query import build_search_query, search_ids, search_terms

from .forms import SORT_NEWEST, SORT_NUMBER, SORT_OLDEST
from .numbers import number_symbol_q, parse_number_symbols

# The register's order, newest first: issue date, number, pk. A missing date or number
# counts as the largest value, where PostgreSQL puts NULL (first when descending, last when
# ascending), so the keys are never NULL and seek paging (site_core/paging.py) and the
# expression index legal_doc_register_idx (legal_docs/models.py) serve both directions.
MAX_NUMBER = 2**31 - 1
REGISTER_KEYS = (
    Coalesce("date_issued", Value(datetime.date.max)),
    Coalesce("number", Value(MAX_NUMBER)),
    F("pk"),
)
DEFAULT_ORDER = tuple(key.desc() for key in REGISTER_KEYS)
SORT_ORDERS = {
    SORT_OLDEST: tuple(key.asc() for key in REGISTER_KEYS),
    SORT_NUMBER: ("number", "document_type__abbreviation", "-date_issued", "-pk"),
}
# Sort orders paged by seek: (keys, descending). Others page by OFFSET (by number: mixed
# directions and a joined column, which no row comparison can seek).
SEEK_ORDERS = {
    None: (REGISTER_KEYS, True),
    "": (REGISTER_KEYS, True),
    SORT_NEWEST: (REGISTER_KEYS, True),
    SORT_OLDEST: (REGISTER_KEYS, False),
}
OPTIONS_TIMEOUT = 24 * 3600


def register_paging(values):
    """(keys, descending) for seek paging the register in the order `values` ask for,
    or None when that order pages by OFFSET."""
    return SEEK_ORDERS.get(values.get("sort"))


def register_options(documents, register_id):
    """RegisterOptions.for_documents(documents), cached until the next publish
    (navigation_version): the choices read every document of the register."""
    return cached_until_change(
        f"register-options:{register_id}",
        lambda: RegisterOptions.for_documents(documents),
        OPTIONS_TIMEOUT,
    )


@dataclass
class RegisterOptions:
    """Choices for the filter form, taken from the documents actually in the register."""

    type_choices: list = field(default_factory=list)
    issuer_choices: list = field(default_factory=list)
    term_choices: list = field(default_factory=list)
    year_choices: list = field(default_factory=list)
    status_choices: list = field(default_factory=list)
    type_abbreviations: list = field(default_factory=list)
    issuer_abbreviations: list = field(default_factory=list)

    @classmethod
    def for_documents(cls, documents):
        """The choices of `documents` (a LegalDocumentPage queryset), in one query."""
        rows = (
            documents.order_by()
            .annotate(year_issued=ExtractYear("date_issued"))
            .values_list(
                "document_type_id",
                "document_type__name",
                "document_type__abbreviation",
                "issuer_id",
                "issuer__name",
                "issuer__abbreviation",
                "term",
                "year_issued",
                "co_issuers__id",
                "co_issuers__name",
                "co_issuers__abbreviation",
            )
            .distinct()
        )
        types, issuers, terms, years = {}, {}, set(), set()
        for row in rows:
            type_id, type_name, type_abbr, issuer_id, issuer_name, issuer_abbr = row[:6]
            term, year, joint_id, joint_name, joint_abbr = row[6:]
            if type_id:
                types[type_id] = (type_name, type_abbr)
            if issuer_id:
                issuers[issuer_id] = (issuer_name, issuer_abbr)
            if joint_id:
                issuers[joint_id] = (joint_name, joint_abbr)
            if term:
                terms.add(term)
            if year:
                years.add(year)
        return cls(
            type_choices=sorted(
                ((str(pk), f"{name} ({abbr})") for pk, (name, abbr) in types.items()),
                key=lambda choice: choice[1],
            ),
            issuer_choices=sorted(
                ((str(pk), f"{name} ({abbr})") for pk, (name, abbr) in issuers.items()),
                key=lambda choice: choice[1],
            ),
            term_choices=[(term, term) for term in sorted(terms, reverse=True)],
            year_choices=[(str(year), str(year)) for year in sorted(years, reverse=True)],
            status_choices=list(documents.model.STATUS_CHOICES),
            type_abbreviations=[(pk, abbr) for pk, (_name, abbr) in types.items()],
            issuer_abbreviations=[(pk, abbr) for pk, (_name, abbr) in issuers.items()],
        )


def text_condition(documents, query, options):
    """Q for the free text: typed numbers by field, other words by full-text search."""
    symbols, remainder = parse_number_symbols(
        query, options.type_abbreviations, options.issuer_abbreviations
    )
    condition = Q()
    if symbols:
        condition &= number_symbol_q(symbols)
    terms = search_terms(remainder)
    if terms:
        condition &= Q(pk__in=search_ids(documents, build_search_query(terms)))
    return condition


def filter_documents(documents, values, options):
    """The rows of the register's live `documents` for the valid filter `values`.

    `values` are RegisterFilterForm.filters(); the rows come with their type, issuers and
    files (LegalDocumentQuerySet.for_register_rows).
    """
    rows = documents.public().with_status()
    if values.get("type"):
        rows = rows.filter(document_type_id=values["type"])
    if values.get("issuer"):
        rows = rows.issued_by(values["issuer"])
    if values.get("term"):
        rows = rows.filter(term=values["term"])
    if values.get("year"):
        year = values["year"]
        rows = rows.filter(
            date_issued__gte=datetime.date(year, 1, 1),
            date_issued__lt=datetime.date(year + 1, 1, 1),
        )
    if values.get("status"):
        rows = rows.filter(status_code=values["status"])
    if values.get("q"):
        rows = rows.filter(text_condition(documents, values["q"], options))
    return (
        rows.for_register_rows()
        .defer_streamfields()
        .order_by(*SORT_ORDERS.get(values.get("sort"), DEFAULT_ORDER))
    )
