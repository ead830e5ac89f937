"""Readable ASCII tag URLs: /tin-hoat-dong/the/dai-doan-ket/ for the tag “đại đoàn kết”.

taggit slugs a tag with Unicode letters kept (“đại-đoàn-kết”); its setting for ASCII slugs
needs the `unidecode` package and, without it, drops the letters (“i-oan-kt”). A new tag
gets instead, before it is saved, the slug of the portal's Vietnamese folding
(site_core/text.py, đ→d), unique among tags; tags saved before this were re-slugged by
migration news 0006. A Unicode slug folds to the ASCII one, so old URLs redirect
(NewsIndexPage.tag_route).
"""

from taggit.models import Tag

from site_core.text import vietnamese_slugify


def ascii_tag_slug(name, exclude_pk=None, tags=None):
    """The folded slug of `name`, with "-2", "-3"… when another tag has it."""
    tags = Tag.objects if tags is None else tags
    base = vietnamese_slugify(name) or "the"
    slug, number = base, 1
    while tags.filter(slug=slug).exclude(pk=exclude_pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def give_tag_an_ascii_slug(sender, instance, **kwargs):
    """pre_save of taggit's Tag: a tag whose slug is not ASCII (taggit's, from a
    Vietnamese name) gets the folded one; ASCII slugs are kept."""
    if instance.slug and instance.slug.isascii():
        return
    instance.slug = ascii_tag_slug(instance.name, exclude_pk=instance.pk)
