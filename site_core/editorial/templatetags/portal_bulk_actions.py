"""The bulk actions footer, offering only the actions the user may use.

Wagtail's `bulk_action_choices` renders every registered bulk action for every user and
refuses them page by page once chosen; it has no per-user hook. This tag keeps its
buttons and drops those the portal's permission tester would refuse on every page.
"""

from django import template
from django.urls import reverse

from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.widgets.button import ButtonWithDropdown

from site_core.editorial.permission_tester import page_bulk_actions_refused

register = template.Library()


def refused_urls(user, app_label, model_name):
    if (app_label, model_name) != ("wagtailcore", "page"):
        return set()
    return {
        reverse("wagtail_bulk_action", args=[app_label, model_name, action_type])
        for action_type in page_bulk_actions_refused(user)
    }


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def portal_bulk_action_choices(context, app_label, model_name):
    buttons = bulk_action_choices(context, app_label, model_name)["buttons"]
    refused = refused_urls(context["request"].user, app_label, model_name)
    offered = []
    for button in buttons:
        if isinstance(button, ButtonWithDropdown):
            button.dropdown_buttons = [b for b in button.dropdown_buttons if b.url not in refused]
            if not button.dropdown_buttons:
                continue
        elif button.url in refused:
            continue
        offered.append(button)
    return {"buttons": offered}
