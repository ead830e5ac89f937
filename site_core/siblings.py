"""Facts about a page that the admin's listings ask row by row, read for all the page's
siblings at once and kept for the rest of the request (issue 12: the explorer of the tree's
root has a row per Site home, and Wagtail's and wagtail-localize's per-row queries grew with
the number of sub-portals).

Every fact is read in a query for the children of the page's parent (a listing's rows share
that parent), in the request's memo (site_core/navigation.py `request_memo`); outside a
request there is no memo and every call asks the database (as the code it replaces did).
A page, translation or locale saved, deleted or moved within the request empties the memo,
so that what this request did is what the rest of it sees.

Reading every sibling pays off for the tree's root (a row per Site) and the sections, not
under a news index of 100,000 articles, whose listing shows 50 of them: beyond
SIBLINGS_AT_ONCE siblings each fact is read for the page alone, as the code it replaces
did (a constant number of queries per row of a page of the listing, whatever the size).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Substr
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Locale, Page
from wagtail.signals import post_page_move
from wagtail_localize.models import Translation, TranslationSource

from site_core.navigation import request_memo

MEMO_KEY = "portal:siblings"
# Above this many children of the parent, facts are read page by page.
SIBLINGS_AT_ONCE = 500


def _remembered(name, parent_path, depth, read):
    """`read()` once per request for the children at `depth` of the page at `parent_path`."""
    memo = request_memo()
    if memo is None:
        return read()
    facts = memo.setdefault(MEMO_KEY, {})
    key = (name, parent_path, depth)
    if key not in facts:
        facts[key] = read()
    return facts[key]


def _few_siblings(page):
    """Whether the page's parent has at most SIBLINGS_AT_ONCE children (one query a
    request per parent)."""

    def read():
        return list(Page.objects.filter(path=_parent_path(page)).values_list("numchild", flat=True))

    numchild = _remembered("numchild", _parent_path(page), page.depth, read)
    return bool(numchild) and numchild[0] <= SIBLINGS_AT_ONCE


def _siblings(page):
    """The children of the page's parent (the page among them), or the page alone when
    they are many."""
    if not _few_siblings(page):
        return Page.objects.filter(pk=page.pk)
    return Page.objects.filter(path__startswith=_parent_path(page), depth=page.depth)


def _scope(page):
    """The memo's key for the facts of `page`'s siblings: the parent, or the page itself
    when its siblings are read one by one."""
    return _parent_path(page) if _few_siblings(page) else page.path


def _parent_path(page):
    return page.path[: -Page.steplen]


# --- Wagtail's max_count_per_parent -----------------------------------------------------


def children_of_type(parent, model):
    """`parent.get_children().type(model).count()`, read with the children of every sibling
    of `parent` grouped by parent and content type in one query."""

    def read():
        scope = _scope(parent)
        return {
            (row["parent_path"], row["content_type_id"]): row["number"]
            for row in Page.objects.filter(path__startswith=scope, depth=parent.depth + 1)
            .annotate(parent_path=Substr("path", 1, len(parent.path)))
            .order_by()  # grouped by these alone, not by Page's ordering (path) too
            .values("parent_path", "content_type_id")
            .annotate(number=Count("pk"))
        }

    counts = _remembered("children", _scope(parent), parent.depth, read)
    # `.type(model)` counts the model's subclasses too (wagtail.query.PageQuerySet.type_q).
    subclasses = [each for each in apps.get_models() if issubclass(each, model)]
    types = ContentType.objects.get_for_models(*subclasses).values()
    return sum(counts.get((parent.path, content_type.pk), 0) for content_type in types)


# --- wagtail-localize's "Translate this page" and "Sync translated pages" ---------------


def has_locale_to_translate_to(page):
    """wagtail-localize's test: a locale without a translation of the page (aliases are no
    translation). Every page's locale is a Locale, so none is missing exactly when its
    non-alias translations are in as many locales as there are."""

    def read():
        locales = Locale.objects.count()
        return set(
            Page.objects.filter(
                translation_key__in=_siblings(page).values("translation_key"),
                alias_of__isnull=True,
            )
            .order_by()  # grouped by the key alone, not by Page's ordering (path) too
            .values("translation_key")
            .annotate(locales=Count("locale_id", distinct=True))
            .filter(locales__gte=locales)
            .values_list("translation_key", flat=True)
        )

    translated_everywhere = _remembered("translated", _scope(page), page.depth, read)
    return page.translation_key not in translated_everywhere


def synced_source_id(page):
    """The id of the page's TranslationSource when it has an enabled translation (what
    wagtail-localize's "Sync translated pages" needs), else None."""

    def read():
        return {
            (key, locale): source
            for source, key, locale in TranslationSource.objects.filter(
                object__content_type=ContentType.objects.get_for_model(Page),
                object_id__in=_siblings(page).values("translation_key"),
            )
            .filter(Exists(Translation.objects.filter(source=OuterRef("pk"), enabled=True)))
            .values_list("pk", "object_id", "locale_id")
        }

    sources = _remembered("synced", _scope(page), page.depth, read)
    return sources.get((page.translation_key, page.locale_id))


# --- keeping the memo true to what the request changed ----------------------------------


def forget(**kwargs):
    memo = request_memo()
    if memo is not None:
        memo.pop(MEMO_KEY, None)


@receiver(post_save)
@receiver(post_delete)
def forget_on_change(sender, **kwargs):
    if issubclass(sender, Page | Locale) or sender._meta.app_label == "wagtail_localize":
        forget()


post_page_move.connect(forget, dispatch_uid="portal-siblings-forget-on-move")
