"""wagtail-localize's "Translate this page" and "Sync translated pages" in the explorer's
rows, from facts read for every row at once (site_core/siblings.py).

wagtail-localize's own `page_listing_more_buttons` asks three queries per row, which the
explorer of the tree's root (a row per Site home) multiplied by the number of sub-portals.
This hook gives the same buttons (labels, URLs, priorities, icons) and takes its place in
the listings (wagtail_hooks.py); the page header, a single page, keeps wagtail-localize's.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail_localize import wagtail_hooks as localize_hooks  # registers its hooks first

from site_core import siblings

PERMISSION = "wagtail_localize.submit_translation"


def page_listing_more_buttons(page, user, view_name=None, next_url=None):
    if page.is_root() or not user.has_perm(PERMISSION):
        return
    if siblings.has_locale_to_translate_to(page):
        # An alias is translated through the page it is an alias of (as wagtail-localize).
        url = reverse(
            "wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]
        )
        yield ListingButton(
            _("Translate this page"), url, priority=60, icon_name="wagtail-localize-language"
        )
    source_id = siblings.synced_source_id(page)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def replace_wagtail_localize_listing_buttons():
    """Swap wagtail-localize's listing hook for this one, in the same place among the hooks."""
    registered = hooks._hooks["register_page_listing_more_buttons"]
    for index, (function, order) in enumerate(registered):
        if function is localize_hooks.page_listing_more_buttons:
            registered[index] = (page_listing_more_buttons, order)
            return
    raise RuntimeError("wagtail-localize's page_listing_more_buttons hook was not found")
