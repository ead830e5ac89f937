"""The language switcher in the header: `{% language_switcher %}`.

From a page it links to the page's live translation in the other language, otherwise to
that language's home; from a view without a page (search) to the same view in the other
language. The links are kept in the shared cache per site, page and language under the
navigation version (bumped on every publish, unpublish, move or delete, see portal_tags),
so a warm page view costs no query and a cold one a single query. The header around it
is cached per section; this tag stays outside that fragment.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page, Site

from site_core.templatetags.portal_tags import navigation_version

register = template.Library()

CACHE_TIMEOUT = 3600


def _language(code):
    return (code or settings.LANGUAGE_CODE).split("-")[0]


def _site(request):
    try:
        return Site.find_for_request(request)
    except Exception:  # a broken Host header must not break the 404 page
        return None


def translation_urls(request, site, page, languages):
    """{language: url} of the page's live translations, else of the live homes."""
    homes = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    condition = Q(translation_key__in=homes)
    if page is not None:
        condition |= Q(translation_key=page.translation_key)
    candidates = (
        Page.objects.live()
        .filter(condition, locale__language_code__in=languages)
        .select_related("locale")
        .only("id", "path", "depth", "url_path", "translation_key", "locale__language_code")
    )
    found, fallback = {}, {}
    for candidate in candidates:
        url = candidate.get_url(request)
        if not url:
            continue
        code = candidate.locale.language_code
        if page is not None and candidate.translation_key == page.translation_key:
            found[code] = url
        else:
            fallback.setdefault(code, url)
    return {
        code: found.get(code) or fallback.get(code)
        for code in languages
        if code in found or code in fallback
    }


def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    current = _language(get_language())
    others = [code for code, _name in settings.LANGUAGES if code != current]
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        page = None

    match = getattr(request, "resolver_match", None)
    if page is None and match is not None and match.url_name not in (None, "wagtail_serve"):
        # A view of its own (search): the same view in the other language, no query.
        urls = {code: translate_url(request.get_full_path(), code) for code in others}
    else:
        site = _site(request)
        if site is None:
            return []
        preview = getattr(request, "is_preview", False)
        key = ":".join(
            str(bit)
            for bit in (
                "portal:languages",
                navigation_version(),
                site.pk,
                page.pk if page else "-",
                current,
            )
        )
        urls = None if preview else cache.get(key)
        if urls is None:
            urls = translation_urls(request, site, page, others)
            if not preview:
                cache.set(key, urls, CACHE_TIMEOUT)

    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            links.append(
                {"code": code, "name": name, "url": request.get_full_path(), "current": True}
            )
        elif urls.get(code):
            links.append({"code": code, "name": name, "url": urls[code], "current": False})
    return links if len(links) > 1 else []


@register.inclusion_tag("site_core/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"languages": language_links(context)}
