"""Odd visitor input never produces a server error (5xx) on any listing.

Every query parameter of every listing (search, suggestions, the document register, the news
index and its routes, the event index, home) gets text, negative, huge, empty, unicode,
control characters, SQL- and tsquery-looking values, 10,000 characters and repeated
parameters (?page=1&page=x). Path parameters of the news routes get the same treatment where
the URL pattern lets them through.
"""

import datetime
from urllib.parse import quote

import pytest

from tests import factories

SCRIPT = "<script>alert(1)</script>"
# One value per kind of trouble (each request costs ~0.1 s, so the list stays short).
ODD_VALUES = [
    "",
    "abc",
    "-1",
    "1.5",
    "99999999999999999999",
    SCRIPT,
    "' OR 1=1 --",
    "%",
    "a & b | !c :* (d)",
    '"unclosed NEAR(a b)',
    "\x00",
    "\x01\u202e\u200b\ufeff\U0010ffff",
    "Đảng bộ 🙂 نص",
    "x" * 10_000,
]
REPEATED = [["1", "x"], ["", SCRIPT, "99999999999999999999"]]

SEARCH_PARAMS = ["q", "type", "page"]
SUGGEST_PARAMS = ["q"]
REGISTER_PARAMS = ["q", "type", "issuer", "term", "year", "status", "sort", "page"]
LISTING_PARAMS = ["page"]


@pytest.fixture
def listings(home_page, news_index, event_index, document_index, org_chart):
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    unit = factories.OrgUnitPageFactory(parent=org_chart, title="Ban Tuyên giáo", slug="ban-tg")
    article = factories.NewsArticlePageFactory(parent=news_index, source_unit=unit)
    article.categories.add(category)
    article.tags.add("chuyen-doi-so")
    article.save_revision().publish()
    factories.EventPageFactory(parent=event_index)
    factories.EventPageFactory(
        parent=event_index,
        start=datetime.datetime(2020, 1, 1, 8, tzinfo=datetime.UTC),
        end=datetime.datetime(2020, 1, 1, 11, tzinfo=datetime.UTC),
    )
    doc = factories.LegalDocumentPageFactory(parent=document_index, number=9)
    factories.LegalDocumentAttachmentFactory(page=doc)
    news = news_index.url
    return {
        "search": ("/tim-kiem/", SEARCH_PARAMS),
        "search_en": ("/en/tim-kiem/", SEARCH_PARAMS),
        "suggest": ("/tim-kiem/goi-y/", SUGGEST_PARAMS),
        "register": (document_index.url, REGISTER_PARAMS),
        "news": (news, LISTING_PARAMS),
        "news_category": (f"{news}chuyen-muc/xay-dung-dang/", LISTING_PARAMS),
        "news_unit": (f"{news}don-vi/ban-tg/", LISTING_PARAMS),
        "news_year": (f"{news}nam/{datetime.date.today().year}/", LISTING_PARAMS),
        "news_month": (f"{news}nam/2025/thang/1/", LISTING_PARAMS),
        "news_tag": (f"{news}the/chuyen-doi-so/", LISTING_PARAMS),
        "events": (event_index.url, LISTING_PARAMS),
        "home": (home_page.url, ["page", "q"]),
    }


def assert_no_server_error(client, url, params):
    response = client.get(url, params)
    assert response.status_code < 500, (url, params)
    if response.status_code == 200:
        assert SCRIPT.encode() not in response.content, (url, params)
    return response


@pytest.mark.parametrize(
    "listing",
    [
        "search",
        "search_en",
        "suggest",
        "register",
        "news",
        "news_category",
        "news_unit",
        "news_year",
        "news_month",
        "news_tag",
        "events",
        "home",
    ],
)
def test_odd_query_parameters(client, listings, listing):
    url, params = listings[listing]
    assert client.get(url).status_code == 200, url
    for name in params:
        for value in ODD_VALUES:
            assert_no_server_error(client, url, {name: value})
        for values in REPEATED:
            assert_no_server_error(client, url, {name: values})
    # Every parameter odd at once, and unknown parameters.
    assert_no_server_error(client, url, dict.fromkeys(params, SCRIPT))
    assert_no_server_error(client, url, {"x" * 500: "y", "utm_source": SCRIPT})


ODD_NEWS_ROUTES = [
    "chuyen-muc/khong-co/",
    "chuyen-muc/-/",
    "don-vi/khong-co/",
    "nam/0/",
    "nam/1899/",
    "nam/3000/",
    "nam/99999999999999999999/",
    "nam/2025/thang/0/",
    "nam/2025/thang/13/",
    "nam/2025/thang/99999999999999999999/",
    "nam/-1/",
    "nam/abc/",
    f"the/{quote(SCRIPT, safe='')}/",
    f"the/{quote(chr(0))}/",
    f"the/{quote('Đảng bộ 🙂')}/",
    f"the/{'x' * 2000}/",
    f"the/{quote(chr(0x202E) + chr(0x200B))}/",
    f"the/{quote(chr(1) + chr(0x7F))}/",
    "the/%25/",
    "the/'%20OR%201=1%20--/",
    "khong-co-route/",
]
ODD_PATHS = [
    "/tim-kiem/%00/",
    "/tim-kiem/goi-y/%00",
    f"/{quote(SCRIPT, safe='')}/",
    "/%00/",
    f"/{'x' * 2000}/",
]


def test_odd_news_route_values(client, listings):
    # One test for all paths: building the fixture tree costs more than the requests.
    url, _params = listings["news"]
    for path in ODD_NEWS_ROUTES:
        response = assert_no_server_error(client, url + path, {"page": "x"})
        assert response.status_code in (200, 404), path


def test_odd_paths(client, listings):
    for path in ODD_PATHS:
        assert_no_server_error(client, path, {})


def test_post_to_listings_is_not_a_server_error(client, listings):
    for url, _params in listings.values():
        assert client.post(url, {"q": SCRIPT}).status_code < 500, url
