"""The core's signal receivers, connected once from SiteCoreConfig.ready().

Everything cached for visitors is kept under the navigation version
(site_core/navigation.py): the chrome (header, menu, breadcrumbs, footer, <head> meta,
language links), the sitemap, the list of view restrictions and whole pages
(site_core/cache). These receivers renew it whenever what visitors see may change:

- a page published, unpublished, moved or deleted, or a live page saved (a script, an
  import, a factory: anything that bypasses the publish action);
- a row of a model that pages show: a snippet (plain, or with drafts through Wagtail's
  `published` / `unpublished`), a site setting (or its translation), an image or a document, a site, a locale,
  a view restriction, a redirect.

Saves that touch only what editors see (a new draft revision, a lock, a cached file size)
renew nothing. After each renewal `content_changed` tells caches outside the app (the
frontend cache purge, site_core/cache/frontend.py) which page changed, or that any page may.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)
from wagtail.snippets.models import get_snippet_models

from site_core.navigation import bump_navigation_version

DISPATCH_UID = "portal-navigation"

# Sent after the version is renewed. `page`: the page whose own URLs changed (published,
# unpublished, saved live, deleted), or None when the change may show on any page.
content_changed = Signal()

# Fields that only editors see: saving nothing else changes no visitor's page.
EDITORIAL_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "file_size",  # images and documents fill these in on first use
        "file_hash",
    }
)

# Models that pages show besides snippets, images and documents.
SHOWN_MODELS = (BaseSiteSetting, BaseGenericSetting, Site, Locale, PageViewRestriction, Redirect)


def editorial_only(update_fields):
    return update_fields is not None and set(update_fields) <= EDITORIAL_FIELDS


def shown_on_pages(model):
    """True for the models whose rows visitors see on pages (besides pages)."""
    return (
        issubclass(model, SHOWN_MODELS)
        # A model of the portal that says so (the settings' translations, site_core.models).
        or getattr(model, "shown_to_visitors", False)
        or model in (get_image_model(), get_document_model())
        or model in get_snippet_models()
    )


def is_blank_settings(instance):
    """True when a settings row holds nothing but defaults."""
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name == "site":
            continue
        value = getattr(instance, field.attname)
        if field.has_default() and value == field.get_default():
            continue
        if value is None or value == "" or (hasattr(value, "__len__") and not len(value)):
            continue
        return False
    return True


def page_changed(sender, instance, **kwargs):
    bump_navigation_version()
    content_changed.send(sender=sender, page=instance)


def anything_changed(sender, **kwargs):
    bump_navigation_version()
    content_changed.send(sender=sender, page=None)


def changed_on_save(sender, instance=None, created=False, update_fields=None, **kwargs):
    if editorial_only(update_fields):
        return
    if isinstance(instance, Page):
        # A draft (a new page, an edit saved as a revision) shows nowhere; publishing it
        # sends page_published. A live page saved directly is new content at once.
        if instance.live:
            page_changed(sender, instance)
    elif shown_on_pages(sender):
        # for_request() creates a blank settings row on first read, while a page renders;
        # that must not invalidate what the same request is caching.
        settings_model = issubclass(sender, BaseSiteSetting | BaseGenericSetting)
        if created and settings_model and is_blank_settings(instance):
            return
        anything_changed(sender)


def changed_on_delete(sender, instance=None, **kwargs):
    if isinstance(instance, Page):
        # Deleting a page sends post_delete for its specific model and for each parent
        # model; only the specific instance still knows its URLs.
        if type(instance) is instance.specific_class:
            page_changed(sender, instance)
        else:
            bump_navigation_version()
    elif shown_on_pages(sender):
        anything_changed(sender)


def changed_on_publish(sender, instance=None, **kwargs):
    # Pages send page_published (or page_unpublished) as well: handled there.
    if not isinstance(instance, Page):
        anything_changed(sender)


def connect():
    uid = DISPATCH_UID
    page_published.connect(page_changed, dispatch_uid=f"{uid}-page-published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{uid}-page-unpublished")
    # A move changes the URLs of a whole branch and the menus and breadcrumbs around it.
    post_page_move.connect(anything_changed, dispatch_uid=f"{uid}-moved")
    published.connect(changed_on_publish, dispatch_uid=f"{uid}-published")
    unpublished.connect(changed_on_publish, dispatch_uid=f"{uid}-unpublished")
    post_save.connect(changed_on_save, dispatch_uid=f"{uid}-saved")
    post_delete.connect(changed_on_delete, dispatch_uid=f"{uid}-deleted")
