"""Seed step: the English version of the demo.

English translations of the home page and of every section of the menu (history with its
periods, organisation structure with every unit, news, events, documents, introduction,
contacts), of a few news articles, events and documents so that no English list is empty,
of the snippets (news categories, document types, issuing bodies), and the English texts
of the portal settings (name, governing body, licence, footer, links). The pages are real translations made with `Page.copy_for_translation`
(same translation_key, locale `en`), so the language switcher and the hreflang links find
them; each is given English texts and slugs, then published through a revision like the
other demo pages. Whatever already has an English translation is left as it is (an
editor may have changed it), so a second run changes nothing.
"""

import csv
import unicodedata

from wagtail.models import Locale

from history.models import HistoryPeriodPage
from legal_docs.models import DocumentType, IssuingBody
from legal_docs.tables import DOCUMENT_TYPES_CSV
from news.models import EventPage, NewsArticlePage, NewsCategory
from site_core.models import PortalSettings, PortalSettingsTranslation, vietnamese_slugify

from . import content
from .steps import stream


def english_translations(ctx):
    """English translations of the home, introduction, organisation structure, contacts."""
    locale = Locale.objects.get(language_code="en")
    texts = content.english()
    translate_snippets(ctx, locale, texts)
    translate_settings(ctx, texts)

    english_home = translate_page(ctx, ctx.home, locale, dict(texts["home"]))
    for key, spec in texts["sections"].items():
        fields = {
            "title": spec["title"],
            "listing_summary": spec["listing_summary"],
            "search_description": spec["listing_summary"],
        }
        if "slug" in spec:
            fields["slug"] = spec["slug"]
        if "body" in spec:
            fields["body"] = stream(spec["body"])
        else:
            fields["intro"] = spec["intro"]
        translate_page(ctx, ctx.sections[key], locale, fields)
    order_like_source(ctx.home, english_home, locale)

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

    translate_history(ctx, locale, texts["history"])
    translate_documents(ctx, locale, texts)
    translate_articles(ctx, locale, texts["articles"], texts["bylines"])
    translate_events(ctx, locale, texts)


def translate_settings(ctx, texts):
    """The English texts of the site's portal settings, once (an editor's are kept)."""
    portal = PortalSettings.objects.filter(site=ctx.site).first()
    if portal is None or portal.translations.filter(language="en").exists():
        return
    translation = PortalSettingsTranslation(
        portal_settings=portal, language="en", **texts["portal_settings"]
    )
    translation.related_links = [("link", link) for link in texts["related_links"]]
    translation.save()
    ctx.created["PortalSettingsTranslation"] += 1


def order_like_source(source_home, home, locale):
    """The English menu in the Vietnamese menu's order (sections translated by an earlier
    seed came first); nothing moves when the order is already the same."""
    wanted = [
        page.get_translation_or_none(locale)
        for page in source_home.get_children().filter(show_in_menus=True)
    ]
    wanted = [page for page in wanted if page is not None]
    current = [page for page in home.get_children() if page.pk in {p.pk for p in wanted}]
    if [page.pk for page in current] == [page.pk for page in wanted]:
        return
    for page in wanted:
        page.refresh_from_db()
        page.move(home, pos="last-child")


def in_locale(obj, locale):
    """The `locale` translation of a translatable object (a page, a snippet), or None."""
    return obj.get_translation_or_none(locale) if obj is not None else None


def translated_all(objects, locale):
    """The translations that exist of `objects`: an English page links only to English
    pages and snippets, and leaves out what has no English version."""
    found = (in_locale(obj, locale) for obj in objects)
    return [obj.specific if hasattr(obj, "specific") else obj for obj in found if obj]


def translate_history(ctx, locale, periods):
    """Every period of the timeline, with its events, in English."""
    sources = HistoryPeriodPage.objects.child_of(ctx.sections["history"]).order_by("path")
    for source, english in zip(sources, periods, strict=False):
        if source.get_translation_or_none(locale) is not None:
            continue
        # The English texts follow the source's events in their order; the copies are
        # matched by their (Vietnamese) title, whatever order the copy reads them in.
        ordered = source.events.order_by("sort_order", "pk").values_list("title", flat=True)
        texts = dict(zip(ordered, english["events"], strict=False))

        def english_events(page, texts=texts):
            # The copy's child rows are read from the database: changed, then set back.
            copied = list(page.events.all())
            for event in copied:
                if text := texts.get(event.title):
                    event.title, event.text = text["title"], text["text"]
                    event.note = text.get("note", "")
            page.events = copied

        translate_page(
            ctx,
            source,
            locale,
            {
                "title": english["title"],
                "summary": english["summary"],
                "listing_summary": english["summary"],
                "search_description": english["summary"],
                "body": stream(english["body"]),
            },
            adjust=english_events,
        )


def translate_documents(ctx, locale, texts):
    """A few documents of the register with an English title and summary; the attached
    full text stays the Vietnamese original."""
    words = texts["document_text"]
    for key, subject in texts["documents"].items():
        source = ctx.documents.get(key)
        if source is None or source.get_translation_or_none(locale) is not None:
            continue
        document_type = in_locale(source.document_type, locale) or source.document_type
        # "Resolution No. 57-NQ/TW on ..." in the title; a sentence on its own elsewhere.
        summary = subject[0].upper() + subject[1:]

        def english_links(page, source=source, document_type=document_type):
            page.document_type = document_type
            page.issuer = in_locale(source.issuer, locale) or source.issuer
            page.co_issuers = translated_all(source.co_issuers.all(), locale)
            attachments = list(page.attachments.all())
            for attachment in attachments:
                attachment.title = words["attachment"]
            page.attachments = attachments
            page.relations = [
                relation
                for relation in page.relations.all()
                if _retarget(relation, locale) is not None
            ]

        translate_page(
            ctx,
            source,
            locale,
            {
                "title": words["title"].format(
                    type=document_type.name, symbol=source.number_symbol, summary=subject
                ),
                "slug": source.slug,
                "summary": summary,
                "listing_summary": summary,
                "search_description": summary,
                "place": words["places"].get(source.place, source.place),
                "signer_position": words["signer_positions"].get(
                    source.signer_position, source.signer_position
                ),
                "body": stream([("paragraph", words["body"].format(summary=summary))]),
            },
            adjust=english_links,
        )


def _retarget(relation, locale):
    """Point a copied relation at the English version of its target (None if none)."""
    relation.target = in_locale(relation.target, locale)
    return relation.target


def translate_articles(ctx, locale, articles, bylines):
    """A few articles, with English categories, unit, tags and related documents."""
    for source_title, english in articles.items():
        source = ctx.articles.get(source_title)
        if source is None or source.get_translation_or_none(locale) is not None:
            continue
        source = NewsArticlePage.objects.get(pk=source.pk)

        def english_links(page, source=source, english=english):
            page.categories = translated_all(source.categories.all(), locale)
            page.source_unit = in_locale(source.source_unit, locale)
            page.related_documents = translated_all(source.related_documents.all(), locale)
            page.featured_image_caption = "Illustration generated for the demo data."
            page.byline = bylines.get(page.byline, page.byline)  # names stay as they are
            page.tags.set(english["tags"])

        body = [("paragraph", paragraph) for paragraph in english["body"]]
        translate_page(
            ctx,
            source,
            locale,
            {
                "title": english["title"],
                "sapo": english["sapo"],
                "listing_summary": english["sapo"],
                "search_description": english["sapo"],
                "body": stream(body),
            },
            adjust=english_links,
        )


def translate_events(ctx, locale, texts):
    """A few events, past and upcoming, with the English organiser and related news."""
    sources = {page.title: page for page in EventPage.objects.child_of(ctx.sections["events"])}
    for source_title, english in texts["events"].items():
        source = sources.get(source_title)
        if source is None or source.get_translation_or_none(locale) is not None:
            continue

        def english_links(page, source=source):
            page.organiser = in_locale(source.organiser, locale)
            page.related_news = translated_all(source.related_news.all(), locale)

        translate_page(
            ctx,
            source,
            locale,
            {
                "title": english["title"],
                "place": english["place"],
                "summary": english["summary"],
                "listing_summary": english["summary"],
                "search_description": english["summary"],
                "body": stream(texts["event_body"]),
            },
            adjust=english_links,
        )


def international_phone(number):
    """'(0251) 3 822 000' -> '+84 251 3 822 000'."""
    if number.startswith("(0"):
        area, _, rest = number[2:].partition(")")
        return f"+84 {area} {rest.strip()}"
    return number


def translate_page(ctx, source, locale, fields, positions=None, adjust=None):
    """The `locale` translation of `source`: made, filled and published unless it exists.

    `positions` translates the members' positions of an org unit ({Vietnamese: English});
    `adjust(page)` points the copy's links (snippets, other pages, child rows) at their
    English versions before it is saved.
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
    if adjust is not None:
        adjust(page)
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
