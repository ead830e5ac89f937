"""Vietnamese text helpers shared by slugs and search.

Folding is the same on both sides of the search index: the page's folded search fields
(site_core/models.py) and the visitor's query (site_core/search/query.py).
"""

import re
import unicodedata

from anyascii import anyascii

from django.db import connection
from django.utils.text import slugify

WORD_RE = re.compile(r"[^\W_]+")


def fold_vietnamese(value):
    """Drop diacritics, Đ/đ included: 'Nghị quyết Đảng bộ' -> 'Nghi quyet Dang bo'."""
    return anyascii(value or "")


def vietnamese_slugify(value):
    """Readable ASCII slug: 'Đảng bộ tỉnh Đồng Nai' -> 'dang-bo-tinh-dong-nai'."""
    return slugify(fold_vietnamese(value))[:255].strip("-")


def database_folds_accents():
    """Whether full-text search (not autocomplete) folds accents in the database itself."""
    return connection.vendor == "postgresql"


def fold(text):
    """'Đảng bộ Hội nghị' -> 'dang bo hoi nghi': the accent-free, lower-case form."""
    return anyascii(unicodedata.normalize("NFC", text or "")).lower()


def folded_words(text, limit=None):
    """The folded words of `text`, space-separated: what is indexed and what is looked for."""
    return " ".join(WORD_RE.findall(fold(text))[:limit])


def _plain_text(value):
    # A search field's value: a string, a StreamField's list of strings, or anything else.
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_plain_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_plain_text(item) for item in value.values())
    return str(value)


def folded_field_text(obj, fields, exclude=()):
    """The folded text of `obj`'s search `fields` (index.SearchField / AutocompleteField)."""
    return folded_words(
        " ".join(
            _plain_text(search_field.get_value(obj))
            for search_field in fields
            if search_field.field_name not in exclude
        )
    )
