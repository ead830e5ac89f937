"""Seed step: the English version of the demo.

English translations of the home page, the introduction, the organisation structure with
every unit, and the contacts; and of the snippets (news categories, document types,
issuing bodies). The pages are real translations made with `Page.copy_for_translation`
(same translation_key, locale `en`), so the language switcher and the hreflang links find
them; each is given English texts and slugs, then published through a revision like the
other demo pages. Whatever already has an English translation is left as it is (an
editor may have changed it), so a second run changes nothing.
"""

import csv
import unicodedata

from wagtail.models import Locale

from legal_docs.models import DocumentType, IssuingBody
from legal_docs.tables import DOCUMENT_TYPES_CSV
from news.models import NewsCategory
from site_core.models import vietnamese_slugify

from . import content
from .steps import stream


def english_translations(ctx):
    """English translations of the home, introduction, organisation structure, contacts."""
    locale = Locale.objects.get(language_code="en")
    texts = content.english()
    translate_snippets(ctx, locale, texts)

    translate_page(ctx, ctx.home, locale, dict(texts["home"]))
    for key in ("org", "about", "contact"):
        spec = texts["sections"][key]
        fields = {
            "title": spec["title"],
            "listing_summary": spec["listing_summary"],
            "search_description": spec["listing_summary"],
        }
        if "body" in spec:
            fields["body"] = stream(spec["body"])
        else:
            fields["intro"] = spec["intro"]
        translate_page(ctx, ctx.sections[key], locale, fields)

    for spec in content.org()["units"]:
        english = texts["units"][spec["key"]]
        fields = {
            "title": english["title"],
            "functions": english["functions"],
            "address": english["address"],
            "phone": international_phone(spec["phone"]),
            "listing_summary": texts["unit_summary"].format(title=english["title"]),
        }
        translate_page(ctx, ctx.units[spec["key"]], locale, fields, positions=texts["positions"])


def international_phone(number):
    """'(0251) 3 822 000' -> '+84 251 3 822 000'."""
    if number.startswith("(0"):
        area, _, rest = number[2:].partition(")")
        return f"+84 {area} {rest.strip()}"
    return number


def translate_page(ctx, source, locale, fields, positions=None):
    """The `locale` translation of `source`: made, filled and published unless it exists.

    `positions` translates the members' positions of an org unit ({Vietnamese: English}).
    """
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    fields.setdefault("slug", vietnamese_slugify(fields["title"]))
    page = source.copy_for_translation(locale).specific  # a draft under the translated parent
    for name, value in fields.items():
        setattr(page, name, value)
    if positions:
        memberships = list(page.memberships.all())
        for membership in memberships:
            membership.position = positions.get(membership.position, membership.position)
        page.memberships = memberships
    page.save()
    revision = page.save_revision(user=ctx.admin)
    revision.publish(user=ctx.admin, skip_permission_checks=True)
    ctx.created[type(page).__name__] += 1
    return page


def document_type_names():
    """{abbreviation: English name} from document_types.csv."""
    with open(DOCUMENT_TYPES_CSV, encoding="utf-8", newline="") as handle:
        return {
            unicodedata.normalize("NFC", row["abbreviation"].strip()): row["name_en"].strip()
            for row in csv.DictReader(handle)
            if row.get("name_en", "").strip()
        }


def translate_snippets(ctx, locale, texts):
    vi = ctx.locale
    type_names = document_type_names()
    for document_type in missing_translations(DocumentType, vi, locale):
        if document_type.abbreviation in type_names:
            translation = document_type.copy_for_translation(locale)
            translation.name = type_names[document_type.abbreviation]
            translation.save()
            ctx.created["DocumentType"] += 1

    for body in missing_translations(IssuingBody, vi, locale):
        if body.name in texts["issuing_bodies"]:
            translation = body.copy_for_translation(locale)
            translation.name = texts["issuing_bodies"][body.name]
            translation.save()
            ctx.created["IssuingBody"] += 1

    for category in missing_translations(NewsCategory, vi, locale):
        english = texts["news_categories"].get(category.slug)
        if english is None:
            continue
        translation = category.copy_for_translation(locale)
        translation.name = english["name"]
        translation.slug = english["slug"]
        translation.description = english["description"]
        translation.live, translation.live_revision = False, None
        translation.save()
        translation.save_revision(user=ctx.admin).publish(
            user=ctx.admin, skip_permission_checks=True
        )
        ctx.created["NewsCategory"] += 1


def missing_translations(model, source_locale, target_locale):
    """Objects in `source_locale` that have no translation in `target_locale` yet."""
    translated = model.objects.filter(locale=target_locale).values("translation_key")
    return model.objects.filter(locale=source_locale).exclude(translation_key__in=translated)
