"""The language switcher in the header: `{% language_switcher %}`.

The links come from site_core/navigation.py (`language_links`), which keeps them in the
shared cache under the navigation version. The header around it is cached per section;
this tag stays outside that fragment.
"""

from django import template

from site_core import navigation

register = template.Library()


@register.inclusion_tag("site_core/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    if request is None:
        return {"languages": []}
    page = navigation.current_page(context.get("page"))
    return {"languages": navigation.language_links(request, page)}
