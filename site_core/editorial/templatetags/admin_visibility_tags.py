"""Template side of site_core/editorial/visibility.py, for the admin templates the project
replaces."""

from django import template

from site_core.editorial.visibility import visible_last_edited

register = template.Library()


@register.simple_tag(takes_context=True)
def visible_page_types(context, page_types):
    return visible_last_edited(page_types, context["request"].user)
