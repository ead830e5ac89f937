"""The grammar of Party document numbers: "09-NQ/TU", "797-QĐ/TU", "05-QC/BTCTU-BDVTU".

What visitors type ("9-nq/tu", "09 NQ TU", "09-NQ") is parsed against the known type and
issuer abbreviations and becomes field lookups (`number_symbol_q`). The register's free
text (legal_docs/filters.py) and the site search's exact matches (legal_docs/wagtail_hooks.py)
both use it. This module queries nothing by itself: callers pass the abbreviations or the
querysets to read them from, so the models can import the register's filters at the top.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Q

from site_core.text import fold

# "09-NQ/TU", "9-nq/tu", "09 NQ TU", "797-QĐ/TU", "05-QC/BTCTU-BDVTU", "09-NQ" (issuer optional).
NUMBER_SYMBOL_RE = re.compile(
    r"(?<![^\W_])(?P<number>\d{1,6})\s*[-–—\s]\s*(?P<type>[^\W\d_]{1,6})"
    r"(?:(?P<issuer_sep>\s*[/\s]\s*)(?P<issuer>[^\W\d_]{1,12}(?:-[^\W\d_]{1,12})*))?"
    r"(?![^\W_])"
)


def abbreviation_key(value):
    """'QĐ' -> 'QD', 'qđi' -> 'QDI': how typed and stored abbreviations are compared."""
    return fold(value).upper().replace(" ", "")


@dataclass
class NumberSymbol:
    number: int
    type_ids: list
    issuer_ids: list = field(default_factory=list)
    canonical: str = ""


def parse_number_symbols(query, type_abbreviations, issuer_abbreviations):
    """Find document numbers in `query`; returns ([NumberSymbol], remaining text).

    `type_abbreviations` / `issuer_abbreviations` are iterables of (id, abbreviation).
    A candidate counts only when its type abbreviation is a known one, so "2020 hội nghị"
    stays text; an unknown issuer part is left in the text ("09 NQ về ..." -> 09-NQ + "về").
    """
    if not query or not any(ch.isdigit() for ch in query):
        return [], query
    types, issuers = {}, {}
    for pk, abbr in type_abbreviations:
        types.setdefault(abbreviation_key(abbr), []).append((pk, abbr))
    for pk, abbr in issuer_abbreviations:
        issuers.setdefault(abbreviation_key(abbr), []).append((pk, abbr))

    found, remainder, position = [], [], 0
    for match in NUMBER_SYMBOL_RE.finditer(query):
        type_matches = types.get(abbreviation_key(match.group("type")))
        number = int(match.group("number"))
        if not type_matches or number < 1:
            continue
        end = match.end("type")
        issuer_ids, issuer_symbol = [], ""
        if match.group("issuer"):
            parts = match.group("issuer").split("-")
            issuer_matches = issuers.get(abbreviation_key(parts[0]))
            if issuer_matches:
                issuer_ids = sorted({pk for pk, _abbr in issuer_matches})
                issuer_symbol = "-".join(
                    [issuer_matches[0][1]]
                    + [
                        (issuers.get(abbreviation_key(p)) or [(None, p.upper())])[0][1]
                        for p in parts[1:]
                    ]
                )
                end = match.end("issuer")
        canonical = f"{number:02d}-{type_matches[0][1]}"
        if issuer_symbol:
            canonical += f"/{issuer_symbol}"
        found.append(
            NumberSymbol(
                number=number,
                type_ids=sorted({pk for pk, _abbr in type_matches}),
                issuer_ids=issuer_ids,
                canonical=canonical,
            )
        )
        remainder.append(query[position : match.start()])
        position = end
    remainder.append(query[position:])
    return found, " ".join(" ".join(remainder).split())


def number_symbol_q(symbols):
    """A Q object over LegalDocumentPage fields matching any of the parsed numbers."""
    condition = Q(pk__in=[])
    for symbol in symbols:
        part = Q(number=symbol.number, document_type_id__in=symbol.type_ids)
        if symbol.issuer_ids:
            part &= Q(issuer_id__in=symbol.issuer_ids)
        condition |= part
    return condition


def known_abbreviations(document_types, issuers):
    """(id, abbreviation) pairs of two querysets (DocumentType, IssuingBody): two queries."""
    return (
        list(document_types.values_list("pk", "abbreviation")),
        list(issuers.values_list("pk", "abbreviation")),
    )


def parse_query_numbers(query, document_types, issuers):
    """parse_number_symbols against the database, querying only when a number is typed."""
    if not NUMBER_SYMBOL_RE.search(query or ""):
        return [], query
    types, issuer_abbreviations = known_abbreviations(document_types, issuers)
    return parse_number_symbols(query, types, issuer_abbreviations)
