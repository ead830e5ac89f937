"""schema.org JSON-LD in <head> (BasePage.get_structured_data, site_core/seo.py) and the
share images (og:image / twitter:image at least 1200×630, site_core/share_card.py)."""

import datetime
import io
import json
import re

import pytest
from PIL import Image

from django.utils import timezone

from site_core.models import PortalSettings
from tests import factories


def json_ld(response):
    """Every JSON-LD node of the page, parsed as a consumer would."""
    assert response.status_code == 200
    html = response.content.decode()
    head = html.split("</head>")[0]
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    nodes = []
    for block in blocks:
        data = json.loads(block)
        nodes += data if isinstance(data, list) else [data]
    return {node["@type"]: node for node in nodes}


def meta_content(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


@pytest.fixture
def portal(site):
    settings = PortalSettings.for_site(site)
    settings.portal_name = "Cổng thông tin điện tử Đảng bộ tỉnh"
    settings.organisation_name = "Đảng bộ tỉnh Đồng Nai"
    settings.logo = factories.ImageFactory(title="Biểu trưng", file__width=256, file__height=256)
    settings.address = "Số 2 đường Nguyễn Văn Trị"
    settings.phone = "0251 3822 000"
    settings.email = "banbientap@example.org"
    settings.save()
    return settings


def large_image():
    return factories.ImageFactory(file__width=1600, file__height=1000)


def test_article_is_a_news_article_with_breadcrumbs(client, news_index, portal):
    article = factories.NewsArticlePageFactory(
        parent=news_index,
        title="Hội nghị </script><script>alert(1)</script> & tổng kết",
        sapo="Tỉnh ủy tổng kết công tác năm.",
        byline="Nguyễn Văn A",
        date=timezone.make_aware(datetime.datetime(2025, 3, 15, 9, 0)),
        featured_image=large_image(),
    )
    article.save_revision().publish()
    article.refresh_from_db()

    response = client.get(article.url)
    nodes = json_ld(response)

    # Whatever the title, the script block is not closed early and the JSON is intact.
    head = response.content.decode().split("</head>")[0]
    assert "<script>alert(1)</script>" not in head
    url = f"http://testserver{article.url}"
    news = nodes["NewsArticle"]
    assert news["@context"] == "https://schema.org"
    assert news["headline"] == article.title
    assert datetime.datetime.fromisoformat(news["datePublished"]) == article.date
    assert datetime.datetime.fromisoformat(news["dateModified"]) == article.last_published_at
    assert news["author"] == [{"@type": "Person", "name": "Nguyễn Văn A"}]
    assert news["publisher"]["name"] == "Đảng bộ tỉnh Đồng Nai"
    assert news["publisher"]["logo"]["url"].startswith("http://testserver/")
    assert news["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert (
        news["image"][0].startswith("http://testserver/") and ".fill-1200x630" in news["image"][0]
    )
    assert news["description"] == "Tỉnh ủy tổng kết công tác năm."

    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == [1, 2, 3]
    assert [crumb["name"] for crumb in crumbs] == ["Trang chủ", news_index.title, article.title]
    assert crumbs[0]["item"] == "http://testserver/"
    assert crumbs[-1]["item"] == url


def test_news_without_byline_is_by_the_organisation(client, news_index, portal):
    article = factories.NewsArticlePageFactory(parent=news_index, byline="")
    news = json_ld(client.get(article.url))["NewsArticle"]
    assert news["author"] == [news["publisher"]]
    assert news["author"][0]["@type"] == "Organization"


def test_event_is_a_schema_org_event(client, event_index, org_chart, portal):
    unit = factories.OrgUnitPageFactory(parent=org_chart, title="Ban Tuyên giáo")
    start = timezone.make_aware(datetime.datetime(2026, 7, 5, 8, 0))
    event = factories.EventPageFactory(
        parent=event_index,
        start=start,
        end=start + datetime.timedelta(hours=4),
        place="Hội trường Tỉnh ủy",
        organiser=unit,
    )

    data = json_ld(client.get(event.url))["Event"]

    assert datetime.datetime.fromisoformat(data["startDate"]) == start
    assert datetime.datetime.fromisoformat(data["endDate"]) == start + datetime.timedelta(hours=4)
    assert data["location"] == {
        "@type": "Place",
        "name": "Hội trường Tỉnh ủy",
        "address": "Hội trường Tỉnh ủy",
    }
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Ban Tuyên giáo",
        "url": f"http://testserver{unit.url}",
    }
    assert "BreadcrumbList" in json_ld(client.get(event.url))


def test_document_is_legislation(client, document_index, document_type, issuer, portal):
    document = factories.LegalDocumentPageFactory(
        parent=document_index,
        number=9,
        document_type=document_type,
        issuer=issuer,
        date_issued=datetime.date(2025, 3, 1),
        date_effective=datetime.date(2025, 3, 15),
    )

    data = json_ld(client.get(document.url))["Legislation"]

    assert data["legislationIdentifier"] == "09-NQ/TU"
    assert data["legislationType"] == "Nghị quyết"
    assert data["legislationDate"] == "2025-03-01"
    assert data["legislationDateOfApplicability"] == "2025-03-15"
    assert data["legislationPassedBy"] == [{"@type": "Organization", "name": "Tỉnh ủy"}]
    assert data["legislationLegalForce"] == "https://schema.org/InForce"
    assert data["name"] == document.title


def test_home_page_describes_the_organisation(client, home_page, portal):
    nodes = json_ld(client.get("/"))

    organisation = nodes["Organization"]
    assert organisation["name"] == "Đảng bộ tỉnh Đồng Nai"
    assert organisation["alternateName"] == "Cổng thông tin điện tử Đảng bộ tỉnh"
    assert organisation["url"] == "http://testserver/"
    assert organisation["logo"]["url"].startswith("http://testserver/")
    assert organisation["address"]["streetAddress"] == "Số 2 đường Nguyễn Văn Trị"
    assert organisation["contactPoint"]["telephone"] == "0251 3822 000"
    assert organisation["email"] == "banbientap@example.org"
    assert "BreadcrumbList" not in nodes  # the home page has no breadcrumbs


# --- share images -----------------------------------------------------------------------


def rendered_size(client, url):
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return Image.open(io.BytesIO(content)).size


def test_share_image_is_a_1200x630_rendition_of_the_page_image(client, news_index, portal):
    article = factories.NewsArticlePageFactory(parent=news_index, featured_image=large_image())

    html = client.get(article.url).content.decode()

    image = meta_content(html, "property", "og:image")
    assert ".fill-1200x630" in image
    assert meta_content(html, "name", "twitter:image") == image
    assert meta_content(html, "property", "og:image:width") == "1200"
    assert meta_content(html, "property", "og:image:height") == "630"
    assert rendered_size(client, image) == (1200, 630)


@pytest.mark.parametrize("picture", [None, "small"])
def test_pages_without_a_large_picture_share_the_portal_card(client, news_index, portal, picture):
    image = factories.ImageFactory(file__width=400, file__height=300) if picture else None
    article = factories.NewsArticlePageFactory(parent=news_index, featured_image=image)

    html = client.get(article.url).content.decode()

    card = meta_content(html, "property", "og:image")
    assert card.startswith("http://testserver/the-chia-se.png?v=")
    assert meta_content(html, "name", "twitter:card") == "summary_large_image"
    assert meta_content(html, "property", "og:image:width") == "1200"
    assert meta_content(html, "property", "og:image:height") == "630"
    assert rendered_size(client, card) == (1200, 630)


def test_share_card_follows_the_portal_identity(client, home_page, portal):
    before = meta_content(client.get("/").content.decode(), "property", "og:image")
    portal.portal_name = "Cổng thông tin điện tử Đảng bộ phường"
    portal.save()
    after = meta_content(client.get("/").content.decode(), "property", "og:image")
    assert before != after
    assert rendered_size(client, after) == (1200, 630)
