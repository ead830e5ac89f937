"""The portal's chrome for templates: site settings, menu, breadcrumbs, language links,
<head> meta and share links.

`chrome` (in TEMPLATES) gives every template rendered with a request two lazy values:

- `portal`: the site's PortalSettings in the request's language, or None for a host
  without a site;
- `chrome`: a `Chrome`, whose parts are computed on first read.

Nothing is computed until a template reads it. The header, menu, breadcrumbs and footer
sit inside `{% wagtailcache %}` fragments: a warm fragment reads nothing and so costs no
query.

A context processor sees the request, not the page that a view renders nor the view's
heading. base.html therefore binds the chrome to them with
`{% page_chrome page listing_heading as chrome %}` (portal_tags), which computes nothing
either; templates then read `chrome.menu`, `chrome.breadcrumbs`, `chrome.languages`,
`chrome.meta` and `chrome.share`.
"""

from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language

from wagtail.models import Page

from site_core import navigation, seo
from site_core.models import PortalSettings


def portal_settings(request):
    """PortalSettings of the request's site in the request's language (the English site's
    own name, footer, licence, links), or None when no site answers for the host."""
    if navigation.current_site(request) is None:
        return None
    return PortalSettings.for_request(request).localized(get_language())


class Chrome:
    """What the header, breadcrumbs, footer and <head> show for one request and page.

    Each part is computed once, when a template first reads it.
    """

    def __init__(self, request, page=None, heading=""):
        self.request = request
        # The template's page even when unsaved (the preview of a new page): its title is
        # what the share links share. Menu, breadcrumbs and meta need a saved page.
        self.template_page = page if isinstance(page, Page) else None
        self.page = navigation.current_page(page)
        self.heading = heading or ""

    def for_page(self, page, heading=""):
        """The same request's chrome for the page a view renders."""
        return Chrome(self.request, page, heading)

    @cached_property
    def menu(self):
        return navigation.main_menu(self.request, self.page)

    @cached_property
    def breadcrumbs(self):
        return navigation.breadcrumbs(self.request, self.page)

    @cached_property
    def languages(self):
        return navigation.language_links(self.request, self.page)

    @cached_property
    def meta(self):
        return seo.page_meta(
            self.request, self.page, lambda: portal_settings(self.request), self.heading
        )

    @cached_property
    def share(self):
        return seo.share_links(self.meta, self.template_page)


def chrome(request):
    return {
        "chrome": Chrome(request),
        "portal": SimpleLazyObject(lambda: portal_settings(request)),
    }
