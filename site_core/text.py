"""Vietnamese text helpers shared by slugs and search."""

from anyascii import anyascii

from django.utils.text import slugify


def fold_vietnamese(value):
    """Drop diacritics, Đ/đ included: 'Nghị quyết Đảng bộ' -> 'Nghi quyet Dang bo'."""
    return anyascii(value or "")


def vietnamese_slugify(value):
    """Readable ASCII slug: 'Đảng bộ tỉnh Đồng Nai' -> 'dang-bo-tinh-dong-nai'."""
    return slugify(fold_vietnamese(value))[:255].strip("-")
