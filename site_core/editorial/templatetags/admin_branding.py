"""The portal's name and emblem in the admin (templates/wagtailadmin/*.html blocks).

The emblem is the logo of the site's portal settings (`PortalSettings.logo`, per site),
so each sub-portal's admin shows its own; until one is set, a plain emblem shipped with
the portal stands in for Wagtail's bird.
"""

from django import template
from django.conf import settings
from django.templatetags.static import static

from wagtail.models import Site

from site_core.models import PortalSettings

register = template.Library()

FALLBACK_EMBLEM = "editorial/emblem.svg"


def portal_settings(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return PortalSettings.for_site(site) if site is not None else None


@register.inclusion_tag("editorial/admin_emblem.html", takes_context=True)
def admin_emblem(context, size=80, with_name=False):
    request = context.get("request")
    portal = portal_settings(request)
    logo = getattr(portal, "logo", None)
    if logo is not None:
        url = logo.get_rendition(f"max-{size * 2}x{size * 2}").url
    else:
        url = static(FALLBACK_EMBLEM)
    name = (getattr(portal, "portal_name", "") or "") or settings.WAGTAIL_SITE_NAME
    return {"url": url, "size": size, "name": name, "with_name": with_name}


@register.simple_tag(takes_context=True)
def admin_site_name(context):
    portal = portal_settings(context.get("request"))
    return (getattr(portal, "portal_name", "") or "") or settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def admin_favicon_url(context):
    portal = portal_settings(context.get("request"))
    logo = getattr(portal, "logo", None)
    if logo is not None:
        return logo.get_rendition("fill-64x64").url
    return static(FALLBACK_EMBLEM)
