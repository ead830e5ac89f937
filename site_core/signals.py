"""The core's signal receivers, connected once from SiteCoreConfig.ready().

The chrome (header, menu, breadcrumbs, footer, <head> meta, language links), the sitemap
and the list of view restrictions are cached under the navigation version
(site_core/navigation.py); these receivers renew it whenever what they show may change.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from site_core.models import PortalSettings
from site_core.navigation import bump_navigation_version

DISPATCH_UID = "portal-navigation"


def bump_for_deleted_page(sender, instance=None, **kwargs):
    # post_delete has no page-only variant: every specific page type sends its own.
    if isinstance(instance, Page):
        bump_navigation_version()


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


def bump_for_settings(sender, instance=None, created=False, **kwargs):
    # for_request() creates a blank row on first read, while a page renders; that must
    # not invalidate what the same request is caching. Any row with content bumps.
    if not (created and is_blank_settings(instance)):
        bump_navigation_version()


def connect():
    uid = DISPATCH_UID
    page_published.connect(bump_navigation_version, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(bump_navigation_version, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(bump_navigation_version, dispatch_uid=f"{uid}-moved")
    post_delete.connect(bump_for_deleted_page, dispatch_uid=f"{uid}-page-deleted")
    post_save.connect(bump_for_settings, sender=PortalSettings, dispatch_uid=f"{uid}-settings")
    for model in (PageViewRestriction, Site):
        post_save.connect(
            bump_navigation_version, sender=model, dispatch_uid=f"{uid}-{model.__name__}-s"
        )
    for model in (PageViewRestriction, PortalSettings, Site):
        post_delete.connect(
            bump_navigation_version, sender=model, dispatch_uid=f"{uid}-{model.__name__}-d"
        )
