"""Read-only content API under /api/v2/ (site_core/api/endpoints.py, api_fields on the page models)."""

import base64
import datetime

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from tests import factories

PAGES = "/api/v2/pages/"


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


@pytest.fixture
def news(news_index, org_chart):
    unit = factories.OrgUnitPageFactory(
        parent=org_chart, title="Ban Tuyên giáo", abbreviation="BTG"
    )
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    article = factories.NewsArticlePageFactory(
        parent=news_index,
        title="Hội nghị quán triệt nghị quyết",
        date=timezone.make_aware(datetime.datetime(2025, 3, 15, 9, 0)),
        sapo="Sáng 15/3, Tỉnh ủy tổ chức hội nghị.",
        source_unit=unit,
        featured_image=factories.ImageFactory(),
    )
    article.categories.add(category)
    article.tags.add("chuyển đổi số")
    article.save_revision().publish()
    older = factories.NewsArticlePageFactory(
        parent=news_index,
        title="Tin năm trước",
        date=timezone.make_aware(datetime.datetime(2024, 12, 31, 23, 30)),
    )
    factories.NewsArticlePageFactory(parent=news_index, title="Tin nháp", live=False)
    return article, older


def test_news_fields(client, news):
    article, _ = news

    data = get_json(client, PAGES, type="news.NewsArticlePage", fields="*", order="-date")

    item = data["items"][0]
    assert item["title"] == article.title
    assert item["date"].startswith("2025-03-15T09:00:00")
    assert item["sapo"] == article.sapo
    assert item["body"][0]["type"] == "paragraph"
    assert item["featured_image"]["id"] == article.featured_image_id
    assert item["featured_image_thumbnail"]["url"]
    assert item["categories"] == [{"name": "Xây dựng Đảng", "slug": "xay-dung-dang"}]
    assert item["tags"] == ["chuyển đổi số"]
    assert item["source_unit"]["title"] == "Ban Tuyên giáo"
    assert item["meta"]["html_url"].startswith("http://localhost/")
    assert item["meta"]["locale"] == "vi"


def test_drafts_and_private_pages_are_not_served(client, news, news_index):
    private = factories.NewsArticlePageFactory(parent=news_index, title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    listed = titles(get_json(client, PAGES, type="news.NewsArticlePage"))

    assert "Tin nháp" not in listed
    assert "Tin nội bộ" not in listed
    assert client.get(f"{PAGES}{private.pk}/").status_code == 404


def test_date_filters_on_news(client, news):
    article, older = news

    data = get_json(client, PAGES, type="news.NewsArticlePage", date_from="2025-01-01")
    assert titles(data) == [article.title]
    data = get_json(client, PAGES, type="news.NewsArticlePage", date_to="2024-12-31")
    assert titles(data) == [older.title]
    data = get_json(
        client, PAGES, type="news.NewsArticlePage", date_from="2025-03-15", date_to="2025-03-15"
    )
    assert titles(data) == [article.title]


def test_date_filters_without_type_cover_news_events_and_documents(
    client, news, event_index, document_index
):
    event = factories.EventPageFactory(
        parent=event_index,
        title="Hội nghị tháng ba",
        start=timezone.make_aware(datetime.datetime(2025, 3, 20, 8, 0)),
    )
    document = factories.LegalDocumentPageFactory(
        parent=document_index,
        date_issued=datetime.date(2025, 3, 1),
        date_effective=datetime.date(2025, 3, 1),
    )

    data = get_json(client, PAGES, date_from="2025-03-01", date_to="2025-03-31")

    assert sorted(titles(data)) == sorted([news[0].title, event.title, document.title])


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2025-13-01"},
        {"date_from": "15/03/2025"},
        {"date_to": "hôm qua"},
        {"date_from": "2025-03-02", "date_to": "2025-03-01"},
        {"type": "org_structure.OrgUnitPage", "date_from": "2025-01-01"},
        {"type": "news.NewsArticlePage", "date": "không-phải-ngày"},
        {"type": "legal_docs.LegalDocumentPage", "date_issued": "2025-02-30"},
        {"type": "legal_docs.LegalDocumentPage", "number": "abc"},
        {"type": "không.Có"},
        {"child_of": "abc"},
        {"order": "không_có"},
        {"limit": "-1"},
        {"offset": "abc"},
        {"unknown": "1"},
    ],
)
def test_bad_parameters_give_400_json(client, news, params):
    data = get_json(client, PAGES, status=400, **params)
    assert data["message"]


@pytest.mark.parametrize(
    "url",
    [f"{PAGES}999999/", f"{PAGES}{10**30}/", f"{PAGES}?site=khong-co.example"],
)
def test_unknown_objects_give_404(client, news, url):
    assert client.get(url).status_code == 404


def test_locale_filter(client, news):
    article, _ = news
    translation = article.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    translation.title = "Conference on the resolution"
    translation.save_revision().publish()

    english = get_json(client, PAGES, type="news.NewsArticlePage", locale="en")
    vietnamese = get_json(client, PAGES, type="news.NewsArticlePage", locale="vi")

    assert titles(english) == ["Conference on the resolution"]
    assert translation.title not in titles(vietnamese)
    assert client.get(PAGES, {"locale": "xx"}).status_code == 404


def test_event_fields(client, event_index, org_chart):
    unit = factories.OrgUnitPageFactory(parent=org_chart, title="Văn phòng Tỉnh ủy")
    event = factories.EventPageFactory(parent=event_index, organiser=unit, place="Hội trường B")

    item = get_json(client, f"{PAGES}{event.pk}/")

    assert item["start"] and item["end"]
    assert item["place"] == "Hội trường B"
    assert item["organiser"]["title"] == "Văn phòng Tỉnh ủy"
    assert item["summary"] == event.summary


def test_document_fields(client, document_index, document_type, issuer):
    co_issuer = factories.IssuingBodyFactory(name="Ban Dân vận Tỉnh ủy", abbreviation="BDVTU")
    document = factories.LegalDocumentPageFactory(
        parent=document_index, number=5, document_type=document_type, issuer=issuer
    )
    document.co_issuers.add(co_issuer)
    document.save_revision().publish()
    factories.LegalDocumentAttachmentFactory(page=document, title="Toàn văn nghị quyết")

    data = get_json(client, PAGES, type="legal_docs.LegalDocumentPage", fields="*")

    (item,) = data["items"]
    assert item["number_symbol"] == "05-NQ/TU-BDVTU"
    assert item["document_type"] == {"name": "Nghị quyết", "abbreviation": "NQ"}
    assert item["issuer"] == {"name": "Tỉnh ủy", "abbreviation": "TU"}
    assert item["co_issuers"] == [{"name": "Ban Dân vận Tỉnh ủy", "abbreviation": "BDVTU"}]
    assert item["term"] == "2020–2025"
    assert item["date_issued"] == "2022-09-29"
    assert item["date_effective"] == "2022-10-09"
    assert item["summary"] == document.summary
    assert item["signer"] == "Nguyễn Văn A"
    assert item["status"] == {"code": "con-hieu-luc", "label": "Còn hiệu lực"}
    (attachment,) = item["attachments"]
    assert attachment["title"] == "Toàn văn nghị quyết"
    assert attachment["download_url"].startswith("http://localhost/documents/")
    assert "secrecy_level" not in item


def test_org_unit_and_history_fields(client, org_chart, history_index):
    unit = factories.OrgUnitPageFactory(
        parent=org_chart, title="Ban Tổ chức Tỉnh ủy", abbreviation="BTCTU"
    )
    factories.OrgMembershipFactory(unit=unit, position="Trưởng ban")
    period = factories.HistoryPeriodPageFactory(
        parent=history_index, title="Thời kỳ khai phá", start_year=1698, end_year=1858
    )
    factories.HistoryEventFactory(period=period, year=1698, title="Lập phủ Gia Định")

    unit_data = get_json(client, f"{PAGES}{unit.pk}/")
    period_data = get_json(client, f"{PAGES}{period.pk}/")

    assert unit_data["abbreviation"] == "BTCTU"
    assert unit_data["kind"] == "co-quan-tham-muu"
    assert unit_data["kind_label"] == "Cơ quan tham mưu, giúp việc"
    assert unit_data["contacts"]["email"] == "ban@example.org"
    assert unit_data["members"][0]["position"] == "Trưởng ban"
    assert period_data["years_label"] == "1698–1858"
    assert period_data["events"][0]["title"] == "Lập phủ Gia Định"
    assert period_data["events"][0]["date"] == "1698"


def test_documents_in_private_collections_are_hidden(client, document_index):
    public = factories.DocumentFactory(title="Tệp công khai")
    private_collection = Collection.get_first_root_node().add_child(name="Nội bộ")
    restriction = CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Nhóm nội bộ"))
    private = factories.DocumentFactory(title="Tệp nội bộ", collection=private_collection)
    # Both are attached to a live document: only files of live pages are listed at all.
    page = factories.LegalDocumentPageFactory(parent=document_index)
    for document in (public, private):
        factories.LegalDocumentAttachmentFactory(page=page, document=document)

    data = get_json(client, "/api/v2/documents/")

    assert titles(data) == [public.title]
    assert data["items"][0]["meta"]["download_url"].startswith("http://localhost/documents/")


def test_images_endpoint(client, news_index):
    image = factories.ImageFactory(title="Ảnh hội nghị")
    factories.NewsArticlePageFactory(parent=news_index, featured_image=image)
    data = get_json(client, "/api/v2/images/")
    assert titles(data) == [image.title]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_api_is_read_only(client, news, method):
    article, _ = news
    response = getattr(client, method)(f"{PAGES}{article.pk}/", {}, content_type="application/json")
    assert response.status_code == 405


def test_listing_query_budget(
    client, document_index, document_type, issuer, django_assert_max_num_queries
):
    for number in range(1, 11):
        factories.LegalDocumentPageFactory(
            parent=document_index, number=number, document_type=document_type, issuer=issuer
        )
    client.get(PAGES, {"type": "legal_docs.LegalDocumentPage", "fields": "*"})

    with django_assert_max_num_queries(12):
        data = get_json(client, PAGES, type="legal_docs.LegalDocumentPage", fields="*")

    assert data["meta"]["total_count"] == 10


def test_search_with_type(client, document_index, document_type, issuer):
    factories.LegalDocumentPageFactory(
        parent=document_index, title="Nghị quyết về chuyển đổi số", document_type=document_type
    )
    factories.LegalDocumentPageFactory(parent=document_index, title="Quy định về lưu trữ")

    data = get_json(
        client, PAGES, type="legal_docs.LegalDocumentPage", search="chuyển đổi", fields="*"
    )

    assert titles(data) == ["Nghị quyết về chuyển đổi số"]
    assert data["items"][0]["status"]["code"] == "con-hieu-luc"


def test_the_api_signs_nobody_in(client, news, django_user_model):
    """Basic credentials are ignored: no password oracle around the second factor."""
    django_user_model.objects.create_user("btv-api", "btv@example.org", "mat-khau-dung-2026")
    for password in ("sai-mat-khau", "mat-khau-dung-2026"):
        credentials = base64.b64encode(f"btv-api:{password}".encode()).decode()
        response = client.get("/api/v2/pages/", HTTP_AUTHORIZATION=f"Basic {credentials}")
        assert response.status_code == 200
        assert "WWW-Authenticate" not in response


# --- any input: a 2xx or a 4xx, never a 500 -------------------------------------------------

HUGE = "9" * 20
ODD_TEXT = [
    "",
    "abc",
    "-1",
    "1.5",
    HUGE,
    "%",
    "' OR 1=1 --",
    "\x00",
    "a & b | !c :* (d)",
    "Đảng 🙂",
]
# (parameter, values) every endpoint is walked with, alone and with a search.
ODD_PARAMETERS = [
    ("offset", ["-1", HUGE, "-" + HUGE, "1e3", "0x10", "\x00"]),
    ("limit", ["-1", "0", HUGE, "-" + HUGE, "1.5", "abc"]),
    ("order", ["không_có", "-", "--title", "random", "-random", "id,title", "title;drop", HUGE]),
    ("fields", ["*,-*", "-", "_,", "title(", "title(*", "a(b(c", ",,,", "-id,-*", "\x00", HUGE]),
    ("type", ["abc", "a.b.c", "wagtailcore.Page", "news.", ".X", "auth.User", "news.NewsCategory"]),
    ("child_of", ODD_TEXT + ["root", "0"]),
    ("descendant_of", ODD_TEXT + ["root", "0"]),
    ("ancestor_of", ODD_TEXT),
    ("translation_of", ODD_TEXT),
    ("locale", ["xx", "vi-VN", "", "\x00", HUGE, "en\u202e"]),
    ("site", ["\x00", "a" * 300, "localhost:" + HUGE, "localhost:-1", "[::1]:80"]),
    ("search", ODD_TEXT + ['"unclosed', "NEAR(a b)", "x" * 2_000, "\U0010ffff\u200b"]),
    ("search_operator", ["xyz", "", "AND", "or"]),
    ("id", ODD_TEXT),
    ("title", ODD_TEXT),
    ("show_in_menus", ["maybe", HUGE]),
    ("date_from", ["2025-13-01", "0000-01-01", HUGE, "\x00"]),
    ("collection_id", ODD_TEXT),
    ("tags", ODD_TEXT),
    ("html_path", ["", "/", "//x", "/../../etc", "/\x00", "/" + "a/" * 500, "/đại-đoàn-kết/"]),
]
API_ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/pages/find/",
    "/api/v2/images/find/",
    "/api/v2/documents/find/",
]


@pytest.fixture
def api_content(news, event_index, document_index, document_type, issuer):
    factories.EventPageFactory(parent=event_index)
    document = factories.LegalDocumentPageFactory(
        parent=document_index, document_type=document_type, issuer=issuer
    )
    factories.LegalDocumentAttachmentFactory(page=document)
    return news


@pytest.mark.parametrize("endpoint", API_ENDPOINTS)
def test_any_input_gets_a_2xx_or_4xx(client, api_content, endpoint):
    """Walks every odd value of every parameter, in turn alone, with a search and with a
    type; a 500 anywhere fails with the list of the inputs that caused it."""
    client.raise_request_exception = False
    contexts = [{}, {"search": "hội nghị"}, {"type": "news.NewsArticlePage"}]
    failures = []
    for name, values in ODD_PARAMETERS:
        for number, value in enumerate(values):
            params = {**contexts[number % len(contexts)], name: value}
            response = client.get(endpoint, params)
            if not 200 <= response.status_code < 500:
                failures.append((params, response.status_code))
            elif response.status_code != 302:
                assert response["Content-Type"].startswith("application/json"), params
    for detail in ("0", "-1", HUGE, "abc"):
        response = client.get(f"{endpoint.removesuffix('find/')}{detail}/")
        if not 200 <= response.status_code < 500:
            failures.append((detail, response.status_code))
    assert failures == []
