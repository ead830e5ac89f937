"""Links from one site of the portal to another (home/templates/home/includes)."""

from django import template

from wagtail.models import Page

from site_core.navigation import other_site_url

register = template.Library()


@register.simple_tag(takes_context=True)
def other_site_link(context, target):
    """The absolute URL of `target` (a page of another Site, or that Site's root URL), on
    the port the visitor used where the quick start serves every Site on one port
    (navigation.other_site_url). Wagtail gives another Site's page its absolute URL."""
    request = context.get("request")
    url = target.get_url(request=request) if isinstance(target, Page) else target
    return other_site_url(request, url)
