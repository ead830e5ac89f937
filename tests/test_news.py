"""news: the news index and its routes, articles, the event calendar and events."""

import datetime
import re
import zoneinfo
from urllib.parse import quote

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from taggit.models import Tag
from wagtail.test.utils.form_data import rich_text, streamfield

from home.models import HomePage
from news.models import EventIndexPage, EventPage, NewsArticlePage, NewsArticleTag, NewsIndexPage
from tests import factories

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
NEWS_INDEX_BUDGET = 14
ARTICLE_BUDGET = 20
EVENT_INDEX_BUDGET = 11
EVENT_BUDGET = 12
BAD_PAGES = ["abc", "-1", "0", "99999", "", "1.5", "%00", "2" * 40]


def local(*args):
    return datetime.datetime(*args, tzinfo=TZ)


@pytest.fixture
def category(db):
    return factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")


@pytest.fixture
def unit(org_chart):
    return factories.OrgUnitPageFactory(
        parent=org_chart, title="Ban Tuyên giáo Tỉnh ủy", slug="ban-tuyen-giao"
    )


@pytest.fixture
def article(news_index, category, unit):
    page = factories.NewsArticlePageFactory(
        parent=news_index,
        title="Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
        slug="hoi-nghi-bch-lan-5",
        date=local(2025, 9, 30, 8, 30),
        sapo="Sáng 30/9, Ban Chấp hành Đảng bộ tỉnh họp phiên thứ năm.",
        body=factories.paragraph("<p>Hội nghị đánh giá kết quả chín tháng đầu năm.</p>"),
        source_unit=unit,
        byline="Nguyễn Văn B",
    )
    page.categories.set([category])
    page.tags.add("đại hội", "chuyen-doi-so")
    page.save()
    return page


def make_article(parent, **kwargs):
    return factories.NewsArticlePageFactory(parent=parent, **kwargs)


# --- page tree -----------------------------------------------------------------------


def test_news_index_parents_and_children():
    assert set(NewsIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(NewsIndexPage.allowed_subpage_models()) == {NewsArticlePage}


def test_article_parents_and_children(news_index, home_page):
    assert set(NewsArticlePage.allowed_parent_page_models()) == {NewsIndexPage}
    assert set(NewsArticlePage.allowed_subpage_models()) == set()
    assert NewsArticlePage.can_create_at(news_index)
    assert not NewsArticlePage.can_create_at(home_page)


def test_event_index_parents_and_children(home_page, event_index):
    assert set(EventIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(EventIndexPage.allowed_subpage_models()) == {EventPage}
    assert not EventIndexPage.can_create_at(home_page)  # one calendar per portal


def test_event_parents_and_children(event_index, news_index):
    assert set(EventPage.allowed_parent_page_models()) == {EventIndexPage}
    assert set(EventPage.allowed_subpage_models()) == set()
    assert EventPage.can_create_at(event_index)
    assert not EventPage.can_create_at(news_index)


def test_admin_forms_open(admin_client, article, event_index, admin_edit_url, admin_add_url):
    event = factories.EventPageFactory(parent=event_index)
    news_index = article.get_parent()
    home = news_index.get_parent()
    for page in (news_index, article, event_index, event):
        assert admin_client.get(admin_edit_url(page)).status_code == 200, page
    for model, parent in [
        (NewsIndexPage, home),
        (NewsArticlePage, news_index),
        (EventPage, event_index),
    ]:
        assert admin_client.get(admin_add_url(model, parent)).status_code == 200, model


# --- the article ---------------------------------------------------------------------


def test_article_renders_its_fields(client, article, unit, category):
    response = client.get(article.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5" in html
    assert "Sáng 30/9, Ban Chấp hành Đảng bộ tỉnh họp phiên thứ năm." in html
    assert "Hội nghị đánh giá kết quả chín tháng đầu năm." in html
    assert "30/09/2025" in html
    assert "Nguyễn Văn B" in html
    assert "Ban Tuyên giáo Tỉnh ủy" in html
    assert "Xây dựng Đảng" in html
    assert "/tin-hoat-dong/chuyen-muc/xay-dung-dang/" in html
    assert "đại hội" in html


def test_article_shows_related_documents_and_articles(client, article, category, document_index):
    doc = factories.LegalDocumentPageFactory(
        parent=document_index, number=797, date_issued=datetime.date(2022, 9, 29)
    )
    article.related_documents.set([doc])
    article.save()
    sibling = make_article(article.get_parent(), title="Tin cùng chuyên mục")
    sibling.categories.set([category])
    sibling.save()

    html = client.get(article.url).content.decode()

    assert "797-NQ/TU" in html
    assert "29/09/2022" in html
    assert "Tin cùng chuyên mục" in html


@pytest.mark.parametrize("count", [3, 30])
def test_article_query_budget(article, category, document_index, assert_render_budget, count):
    news_index = article.get_parent()
    images = [factories.ImageFactory() for _ in range(3)]
    bdv = factories.IssuingBodyFactory(name="Ban Dân vận Tỉnh ủy", abbreviation="BDVTU")
    with factories.without_indexing():
        for i in range(count):
            make_article(news_index, featured_image=images[i % 3], categories=[category])
        documents = [
            factories.LegalDocumentPageFactory(parent=document_index, co_issuers=[bdv])
            for _ in range(count)
        ]
        article.featured_image = images[0]
        article.related_documents.set(documents)
        article.tags.add(*[f"the-{i}" for i in range(count)])
        article.save()

    assert_render_budget(article.url, ARTICLE_BUDGET)


# --- the index and its routes --------------------------------------------------------


def test_index_lists_articles_newest_first(client, news_index):
    make_article(news_index, title="Tin cũ", date=local(2024, 1, 5, 9))
    make_article(news_index, title="Tin mới", date=local(2025, 10, 1, 9))

    response = client.get(news_index.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Tin mới") < html.index("Tin cũ")
    assert "01/10/2025" in html
    assert "05/01/2024" in html


def test_draft_article_is_hidden_from_visitors(client, news_index, article, category, home_page):
    draft = make_article(news_index, title="Bản thảo chưa duyệt", live=False, is_featured=True)
    draft.categories.set([category])
    draft.save()

    assert client.get(f"{news_index.url}{draft.slug}/").status_code == 404
    for url in (
        news_index.url,
        f"{news_index.url}chuyen-muc/xay-dung-dang/",
        f"{news_index.url}nam/{draft.date.year}/",
        home_page.url,
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Bản thảo chưa duyệt" not in response.content.decode(), url


@pytest.mark.parametrize(
    ("route", "shown", "hidden"),
    [
        ("chuyen-muc/xay-dung-dang/", "Tin Xây dựng Đảng", "Tin khác"),
        ("don-vi/ban-tuyen-giao/", "Tin Xây dựng Đảng", "Tin khác"),
        ("nam/2025/", "Tin Xây dựng Đảng", "Tin khác"),
        ("nam/2025/thang/09/", "Tin Xây dựng Đảng", "Tin khác"),
        ("nam/2024/thang/3/", "Tin khác", "Tin Xây dựng Đảng"),
        ("the/chuyen-doi-so/", "Tin Xây dựng Đảng", "Tin khác"),
    ],
)
def test_routes_filter_the_list(client, news_index, category, unit, route, shown, hidden):
    tagged = make_article(
        news_index, title="Tin Xây dựng Đảng", date=local(2025, 9, 15, 9), source_unit=unit
    )
    tagged.categories.set([category])
    tagged.tags.add("chuyen-doi-so")
    tagged.save()
    make_article(news_index, title="Tin khác", date=local(2024, 3, 15, 9))

    response = client.get(f"{news_index.url}{route}")

    assert response.status_code == 200
    html = response.content.decode()
    assert shown in html
    assert hidden not in html


@pytest.mark.parametrize(
    "route",
    [
        "nam/99999/",
        "nam/1899/",
        "nam/2025/thang/13/",
        "nam/2025/thang/0/",
        "nam/2025/thang/99999999999999999999/",
        "nam/abc/",
        "chuyen-muc/khong-co/",
        "don-vi/khong-co/",
        "khong-co-route/",
    ],
)
def test_bad_routes_are_404(client, news_index, route):
    response = client.get(f"{news_index.url}{route}")

    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


def test_unit_route_ignores_draft_units(client, news_index, org_chart):
    factories.OrgUnitPageFactory(parent=org_chart, slug="ban-nhap", live=False)
    assert client.get(f"{news_index.url}don-vi/ban-nhap/").status_code == 404


def test_draft_category_is_not_offered(client, news_index, category):
    factories.NewsCategoryFactory(name="Chuyên mục nháp", slug="nhap", live=False)
    html = client.get(news_index.url).content.decode()
    assert "Xây dựng Đảng" in html
    assert "Chuyên mục nháp" not in html


@pytest.mark.parametrize(
    "route",
    [
        "",
        "chuyen-muc/xay-dung-dang/",
        "don-vi/ban-tuyen-giao/",
        "nam/2025/",
        "nam/2025/thang/9/",
        "the/chuyen-doi-so/",
    ],
)
def test_listings_survive_bad_page_numbers(client, news_index, article, route):
    news_index.per_page = 1
    news_index.save()
    older = make_article(news_index, date=local(2025, 9, 1, 8), source_unit=article.source_unit)
    older.categories.set(article.categories.all())
    older.tags.add("chuyen-doi-so")
    older.save()

    for page in BAD_PAGES:
        response = client.get(f"{news_index.url}{route}", {"page": page})

        assert response.status_code == 200, page
        assert response.context["articles"].object_list, page


def test_pagination_clamps_to_the_last_page(client, news_index):
    news_index.per_page = 5
    news_index.save()
    for day in range(1, 13):
        make_article(news_index, title=f"Tin ngày {day:02d}", date=local(2025, 5, day, 9))

    last = client.get(news_index.url, {"page": 99999})
    second = client.get(news_index.url, {"page": 2})

    assert last.context["articles"].number == 3
    assert "Tin ngày 01" in last.content.decode()
    assert second.context["articles"].number == 2
    assert "Tin ngày 07" in second.content.decode()
    assert "Tin ngày 12" not in second.content.decode()


def _fill_news(news_index, unit, count):
    categories = [factories.NewsCategoryFactory() for _ in range(3)]
    images = [factories.ImageFactory() for _ in range(3)]
    tag = Tag.objects.create(name="chuyen-doi-so", slug="chuyen-doi-so")
    articles = factories.bulk_add_children(
        news_index,
        [
            factories.NewsArticlePageFactory.build(
                date=local(2025, 1 + i % 12, 1 + i % 28, 9),
                source_unit=unit,
                featured_image=images[i % 3],
                categories=[categories[i % 3]],
            )
            for i in range(count)
        ],
    )
    NewsArticleTag.objects.bulk_create(
        [NewsArticleTag(tag=tag, content_object=article) for article in articles]
    )
    return categories


@pytest.mark.parametrize("count", [10, 200])
def test_news_index_query_budget(news_index, unit, assert_render_budget, count):
    categories = _fill_news(news_index, unit, count)

    for route in (
        "",
        f"chuyen-muc/{categories[0].slug}/",
        "don-vi/ban-tuyen-giao/",
        "nam/2025/",
        "nam/2025/thang/3/",
        "the/chuyen-doi-so/",
        "?page=2",
    ):
        assert_render_budget(f"{news_index.url}{route}", NEWS_INDEX_BUDGET)


# --- admin -------------------------------------------------------------------------------


def test_admin_creates_an_article_and_keeps_what_was_posted(
    post_page_form, admin_add_url, news_index, category, unit
):
    fields = {
        "title": "Đảng bộ tỉnh Đồng Nai tổng kết năm",
        "slug": "tong-ket-nam",
        "sapo": "Đảng bộ tỉnh tổng kết công tác năm.",
        "date": "30/09/2025 08:30",
        "categories": (category.pk,),
        "source_unit": str(unit.pk),
        "tags": "tổng kết, đại hội",
        "body": streamfield(
            [
                ("heading", {"text": "Kết quả nổi bật", "level": "h2"}),
                ("paragraph", rich_text("<p>Hoàn thành các chỉ tiêu đề ra.</p>")),
            ]
        ),
    }

    response = post_page_form(admin_add_url(NewsArticlePage, news_index), fields, "action-publish")

    assert response.status_code == 302, response.context["form"].errors
    article = NewsArticlePage.objects.get(slug="tong-ket-nam")
    assert article.live
    assert article.sapo == "Đảng bộ tỉnh tổng kết công tác năm."
    assert article.date == local(2025, 9, 30, 8, 30)
    assert list(article.categories.all()) == [category]
    assert article.source_unit_id == unit.pk
    assert sorted(tag.name for tag in article.tags.all()) == ["tổng kết", "đại hội"]
    assert [block.block_type for block in article.body] == ["heading", "paragraph"]
    assert article.body[0].value["text"] == "Kết quả nổi bật"
    assert "Hoàn thành các chỉ tiêu đề ra." in article.body[1].value.source


def test_admin_refuses_an_article_without_sapo(post_page_form, admin_add_url, news_index):
    fields = {
        "title": "Tin thiếu sapo",
        "slug": "tin-thieu-sapo",
        "sapo": "",
        "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
    }

    response = post_page_form(admin_add_url(NewsArticlePage, news_index), fields, "action-publish")

    assert response.status_code == 200
    assert "sapo" in response.context["form"].errors
    assert not NewsArticlePage.objects.filter(slug="tin-thieu-sapo").exists()


# --- events ------------------------------------------------------------------------------


@pytest.fixture
def upcoming_event(event_index, unit):
    return factories.EventPageFactory(
        parent=event_index,
        title="Đại hội đại biểu Đảng bộ tỉnh",
        start=timezone.now() + datetime.timedelta(days=30),
        end=timezone.now() + datetime.timedelta(days=32),
        place="Trung tâm Hội nghị tỉnh",
        organiser=unit,
        summary="Đại hội nhiệm kỳ mới.",
    )


@pytest.fixture
def past_event(event_index):
    return factories.EventPageFactory(
        parent=event_index,
        title="Hội nghị sơ kết quý I",
        start=local(2025, 3, 28, 8),
        end=local(2025, 3, 28, 11),
        place="Hội trường Tỉnh ủy",
    )


def test_event_index_separates_upcoming_and_past(client, event_index, upcoming_event, past_event):
    response = client.get(event_index.url)

    assert response.status_code == 200
    assert list(response.context["upcoming_events"]) == [upcoming_event]
    assert list(response.context["past_events"]) == [past_event]
    html = response.content.decode()
    assert html.index("Đại hội đại biểu Đảng bộ tỉnh") < html.index("Hội nghị sơ kết quý I")
    assert "28/03/2025" in html
    assert "Trung tâm Hội nghị tỉnh" in html


def test_event_page_renders_its_fields(client, past_event, unit):
    past_event.organiser = unit
    past_event.body = factories.paragraph("<p>Các đại biểu thảo luận kết quả quý I.</p>")
    past_event.save()

    response = client.get(past_event.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Hội nghị sơ kết quý I" in html
    assert "28/03/2025" in html
    assert "08:00" in html
    assert "11:00" in html
    assert "Hội trường Tỉnh ủy" in html
    assert "Ban Tuyên giáo Tỉnh ủy" in html
    assert "Các đại biểu thảo luận kết quả quý I." in html


def test_draft_event_is_hidden(client, event_index, upcoming_event):
    draft = factories.EventPageFactory(parent=event_index, title="Sự kiện nháp", live=False)

    assert client.get(f"{event_index.url}{draft.slug}/").status_code == 404
    assert "Sự kiện nháp" not in client.get(event_index.url).content.decode()


def test_event_index_survives_bad_page_numbers(client, event_index, past_event):
    with factories.without_indexing():
        for day in range(1, 12):
            factories.EventPageFactory(parent=event_index, start=local(2024, 5, day, 8))

    for page in BAD_PAGES:
        response = client.get(event_index.url, {"page": page})

        assert response.status_code == 200, page
        assert response.context["past_events"].object_list, page
    assert client.get(event_index.url, {"page": 99999}).context["past_events"].number == 2


def test_event_end_before_start_is_refused(event_index):
    event = factories.EventPageFactory.build(start=local(2025, 3, 28, 8), end=local(2025, 3, 27, 8))
    event.locale = event_index.locale
    event.depth = event_index.depth + 1
    event.path = event_index.path + "9999"

    with pytest.raises(ValidationError) as caught:
        event.full_clean()

    assert caught.value.message_dict["end"] == [
        "Thời gian kết thúc không được trước thời gian bắt đầu."
    ]


def test_event_without_end_is_valid(event_index):
    factories.EventPageFactory(parent=event_index, end=None).full_clean()


@pytest.mark.parametrize("count", [10, 200])
def test_event_index_query_budget(event_index, unit, assert_render_budget, count):
    past = [local(2024, 1 + i % 12, 1 + i % 28, 8) for i in range(count)]
    upcoming = [timezone.now() + datetime.timedelta(days=days) for days in (3, 10)]
    factories.bulk_add_children(
        event_index,
        [
            factories.EventPageFactory.build(
                start=start, end=start + datetime.timedelta(hours=3), organiser=unit
            )
            for start in past + upcoming
        ],
    )

    assert_render_budget(event_index.url, EVENT_INDEX_BUDGET)
    assert_render_budget(f"{event_index.url}?page=2", EVENT_INDEX_BUDGET)


@pytest.mark.parametrize("count", [1, 20])
def test_event_page_query_budget(upcoming_event, news_index, assert_render_budget, count):
    upcoming_event.related_news.set(
        factories.add_children(factories.NewsArticlePageFactory, news_index, count)
    )
    upcoming_event.save()

    assert_render_budget(upcoming_event.url, EVENT_BUDGET)


# --- readable ASCII tag URLs ---------------------------------------------------------------


def test_tag_urls_are_readable_ascii_and_old_unicode_urls_redirect(client, news_index):
    article = make_article(news_index, title="Phát huy khối đại đoàn kết")
    article.tags.add("Đại đoàn kết", "đảng")
    article.save_revision().publish()
    # A second tag that folds the same way gets its own slug.
    other = make_article(news_index, title="Tin khác")
    other.tags.add("dang")
    other.save_revision().publish()

    slugs = dict(Tag.objects.values_list("name", "slug"))
    assert slugs["Đại đoàn kết"] == "dai-doan-ket"
    assert slugs["đảng"] == "dang"
    assert slugs["dang"] != "dang" and slugs["dang"].startswith("dang")
    html = client.get(article.url).content.decode()
    assert f'href="{news_index.url}the/dai-doan-ket/"' in html
    assert all(url.isascii() for url in re.findall(r'href="([^"]+/the/[^"]+)"', html))

    response = client.get(f"{news_index.url}the/dai-doan-ket/")
    assert response.status_code == 200
    assert "Thẻ: Đại đoàn kết" in response.content.decode()
    assert article.title in response.content.decode()

    # A link or bookmark of the old Unicode URL is moved for good.
    old = f"{news_index.url}the/{quote('đại-đoàn-kết')}/"
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == f"{news_index.url}the/dai-doan-ket/"


def test_migration_gives_old_unicode_tags_ascii_slugs(db):
    """news 0006 re-slugs the tags saved with taggit's Unicode slugs."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("news.migrations.0006_ascii_tag_slugs")
    Tag.objects.bulk_create(  # bulk_create: no pre_save, as before news/tags.py
        [
            Tag(name="Chuyển đổi số", slug="chuyển-đổi-số"),
            Tag(name="chuyen doi so", slug="chuyen-doi-so"),
        ]
    )

    migration.ascii_slugs(apps, None)

    assert dict(Tag.objects.values_list("name", "slug")) == {
        "Chuyển đổi số": "chuyen-doi-so-2",
        "chuyen doi so": "chuyen-doi-so",
    }
