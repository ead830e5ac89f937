from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

from site_core.models import paginate

MAX_QUERY_LENGTH = 200


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def clean_query(raw):
    """Visitor input for search: stripped, single-spaced, bounded in length."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


@require_GET
def search(request):
    query = clean_query(request.GET.get("q"))
    results = None
    if query:
        site = Page.objects.none()
        pages = Page.objects.live().public()
        current_site = getattr(request, "site", None)
        from wagtail.models import Site

        current_site = Site.find_for_request(request)
        if current_site is not None:
            root = current_site.root_page
            roots = root.get_translations(inclusive=True)
            site = Page.objects.none()
            for translated_root in roots:
                site = site | Page.objects.descendant_of(translated_root, inclusive=True)
            pages = pages.filter(pk__in=site.values("pk"))
        try:
            locale = Locale.get_active()
            pages = pages.filter(locale=locale)
        except Locale.DoesNotExist:
            pass
        results = paginate(request, pages.search(query, operator="and").specific(), per_page=10)
    return render(request, "site_core/search_results.html", {"query": query, "results": results})


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
