"""The reference tables of Party documents: document types and issuing bodies.

The rows live in `legal_docs/data/*.csv` (copied from the domain notes so that a fresh
machine or CI has them). `load_reference_tables` is idempotent and works with the real
models and with the historical models of a data migration: it looks rows up by their
natural key in the `vi` locale, creates the missing ones and never overwrites what an
editor changed.
"""

import csv
import unicodedata
import uuid
from pathlib import Path

from django.apps import apps as project_apps

DATA_DIR = Path(__file__).resolve().parent / "data"
DOCUMENT_TYPES_CSV = DATA_DIR / "document_types.csv"
ISSUING_BODIES_CSV = DATA_DIR / "issuing_bodies.csv"
LEVELS = {"trung-uong", "tinh", "truc-thuoc"}


def _read_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {
                key: unicodedata.normalize("NFC", (value or "").strip())
                for key, value in row.items()
            }


def document_type_rows():
    """[(name, abbreviation)] in file order."""
    return [(row["name_vi"], row["abbreviation"]) for row in _read_rows(DOCUMENT_TYPES_CSV)]


def issuing_body_rows():
    """[(name, abbreviation, level)] in file order."""
    rows = []
    for row in _read_rows(ISSUING_BODIES_CSV):
        level = row["level"] if row["level"] in LEVELS else "tinh"
        rows.append((row["name_vi"], row["abbreviation"], level))
    return rows


def _vi_locale(locale_model):
    locale, _ = locale_model.objects.get_or_create(language_code="vi")
    return locale


def load_document_types(document_type_model, locale_model):
    """Create the missing document types; the natural key is (abbreviation, locale)."""
    locale = _vi_locale(locale_model)
    existing = set(
        document_type_model.objects.filter(locale=locale).values_list("abbreviation", flat=True)
    )
    created = 0
    for name, abbreviation in document_type_rows():
        if abbreviation in existing:
            continue
        # translation_key is set by hand: historical models skip TranslatableMixin's hooks.
        document_type_model.objects.create(
            name=name, abbreviation=abbreviation, locale=locale, translation_key=uuid.uuid4()
        )
        existing.add(abbreviation)
        created += 1
    return created


def load_issuing_bodies(issuing_body_model, locale_model):
    """Create the missing issuing bodies; the natural key is (name, locale).

    Not the abbreviation: "Tỉnh ủy" and "Ban Thường vụ Tỉnh ủy" both sign as TU.
    """
    locale = _vi_locale(locale_model)
    existing = set(issuing_body_model.objects.filter(locale=locale).values_list("name", flat=True))
    created = 0
    for name, abbreviation, level in issuing_body_rows():
        if name in existing:
            continue
        issuing_body_model.objects.create(
            name=name,
            abbreviation=abbreviation,
            level=level,
            locale=locale,
            translation_key=uuid.uuid4(),
        )
        existing.add(name)
        created += 1
    return created


def load_reference_tables(apps=project_apps):
    """Load both tables; `apps` is a migration's registry, by default the project's.

    Returns (document types created, issuing bodies created).
    """
    locale_model = apps.get_model("wagtailcore", "Locale")
    return (
        load_document_types(apps.get_model("legal_docs", "DocumentType"), locale_model),
        load_issuing_bodies(apps.get_model("legal_docs", "IssuingBody"), locale_model),
    )
