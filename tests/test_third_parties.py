"""No third parties: visitor pages and the admin reference no host but the portal's own.

Every src, href, srcset, action, poster and CSS url() of the rendered HTML, and of the
portal's own stylesheets and scripts they load, must point at the portal, except the share
links (plain links to each network's share page) and the links editors put in the portal
settings (related agencies, social networks).
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from wagtail.models import Site

from site_core.models import PortalSettings
from tests import factories
from tests.test_workflow import (
    login,
    make_user,
    portal,  # noqa: F401  (the fixture)
)

pytestmark = pytest.mark.django_db

SHARE_PREFIXES = (
    "https://www.facebook.com/sharer/sharer.php?",
    "https://sp.zalo.me/share?",
    "https://twitter.com/intent/tweet?",
)
# Wagtail's admin links to its editor guide and, for browsers without JavaScript, to a help
# page: links a person may follow, never loaded by the page itself.
ADMIN_HELP_LINKS = ("https://guide.wagtail.org/", "https://www.enable-javascript.com/")
RELATED = {"https://tinhuydongnai.vn/", "https://baodongnai.com.vn/"}
SOCIAL = {"https://www.facebook.com/tinhuydongnai"}

URL_ATTRIBUTE = re.compile(
    r"""\s(src|href|srcset|action|poster|data|formaction|xlink:href)\s*=\s*(["'])(.*?)\2""",
    re.IGNORECASE | re.DOTALL,
)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')\s]+)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+["']([^"']+)""", re.IGNORECASE)
JS_FETCH = re.compile(r"""["'`]((?:https?:)?//[^"'`\s]+)""")


def own_hosts():
    hosts = {"testserver", urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname}
    hosts |= {site.hostname for site in Site.objects.all()}
    return hosts


def urls_in(html):
    for match in URL_ATTRIBUTE.finditer(html):
        name, value = match.group(1).lower(), match.group(3).strip()
        if name == "srcset":
            yield from (part.strip().split(" ")[0] for part in value.split(",") if part.strip())
        else:
            yield value
    yield from CSS_URL.findall(html)
    yield from CSS_IMPORT.findall(html)


def outside_references(html, allowed=frozenset(), allowed_prefixes=()):
    hosts = own_hosts()
    found = []
    for url in urls_in(html):
        url = url.replace("&amp;", "&")
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https") or not parts.netloc:
            continue  # relative, mailto:, tel:, data:
        if (
            parts.hostname in hosts
            or url in allowed
            or url.startswith(SHARE_PREFIXES + allowed_prefixes)
        ):
            continue
        found.append(url)
    return found


def own_static_assets(html):
    """The portal's own stylesheets and scripts that the page loads."""
    for url in urls_in(html):
        path = urlsplit(url).path
        if path.startswith(settings.STATIC_URL) and path.endswith((".css", ".js")):
            found = finders.find(path[len(settings.STATIC_URL) :])
            if found and "/site_core/static/" in found:
                yield path, Path(found).read_text(encoding="utf-8")


@pytest.fixture
def full_site(
    home_page,
    standard_page,
    news_index,
    event_index,
    history_index,
    org_chart,
    document_index,
    document_type,
    issuer,
):
    site = Site.objects.get(is_default_site=True)
    PortalSettings.objects.update_or_create(
        site=site,
        defaults={
            "portal_name": "Cổng thông tin điện tử Đảng bộ tỉnh",
            "related_links": [
                {"type": "link", "value": {"title": "Tỉnh ủy", "url": url}} for url in RELATED
            ],
            "social_links": [
                {"type": "link", "value": {"title": "Facebook", "url": url}} for url in SOCIAL
            ],
        },
    )
    image = factories.ImageFactory(description="Quang cảnh hội nghị")
    article = factories.NewsArticlePageFactory(parent=news_index, featured_image=image)
    event = factories.EventPageFactory(parent=event_index)
    period = factories.HistoryPeriodPageFactory(parent=history_index)
    unit = factories.OrgUnitPageFactory(parent=org_chart)
    legal = factories.LegalDocumentPageFactory(
        parent=document_index, document_type=document_type, issuer=issuer
    )
    factories.LegalDocumentAttachmentFactory(page=legal)
    pages = [
        home_page,
        standard_page,
        news_index,
        article,
        event_index,
        event,
        history_index,
        period,
        org_chart,
        unit,
        document_index,
        legal,
    ]
    return {"pages": pages, "article": article}


def test_visitor_pages_reference_only_the_portal(client, full_site):
    checked = set()
    urls = [page.url for page in full_site["pages"]] + [reverse("search") + "?q=hội+nghị"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert outside_references(html, RELATED | SOCIAL) == [], url
        for path, text in own_static_assets(html):
            if path not in checked:
                checked.add(path)
                assert outside_references(text) == [], path
                assert JS_FETCH.findall(text) == [], path
    assert any(path.endswith(".css") for path in checked)
    assert any(path.endswith(".js") for path in checked)


def test_the_checker_sees_outside_hosts():
    html = (
        '<img src="https://cdn.example.com/a.png" srcset="/a.png 1x, //fonts.example.net/b 2x">'
        '<style>@font-face{src:url("https://fonts.gstatic.com/x.woff2")}</style>'
        '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a>'
    )
    assert outside_references(html) == [
        "https://cdn.example.com/a.png",
        "//fonts.example.net/b",
        "https://fonts.gstatic.com/x.woff2",
    ]


def test_admin_pages_reference_only_the_portal(client, portal, full_site):  # noqa: F811
    editor = portal["btv"]
    make_user("ctv2").groups.set(portal["ctv"].groups.all())  # another user to list
    login(client, editor)
    article = full_site["article"]
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[portal["news"].pk]),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:history", args=[article.pk]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_reports:site_history"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert outside_references(html, allowed_prefixes=ADMIN_HELP_LINKS) == [], url
        # Wagtail's upgrade notice would have the browser ask releases.wagtail.org.
        assert 'data-controller="w-upgrade' not in html, url

    # An administrator sees every user's avatar.
    superuser = make_user("quantri")
    superuser.is_superuser = True
    superuser.save()
    login(client, superuser)
    response = client.get(reverse("wagtailusers_users:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "quantri" in html and "ctv2" in html
    assert outside_references(html, allowed_prefixes=ADMIN_HELP_LINKS) == []
    # Wagtail's upgrade notice (administrators' dashboard) would ask releases.wagtail.org.
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-controller="w-upgrade' not in html
