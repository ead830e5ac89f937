"""home: the portal home page and what it gathers from the sections below it."""

import datetime
import re
import zoneinfo

import pytest

from django.utils import timezone

from wagtail.models import Page

from history.models import HistoryIndexPage
from home.models import HomePage
from legal_docs.models import LegalDocumentIndexPage
from news.models import EventIndexPage, NewsIndexPage
from org_structure.models import OrgChartPage
from site_core.models import StandardPage
from tests import factories

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
HOME_BUDGET = 6


def local(*args):
    return datetime.datetime(*args, tzinfo=TZ)


def test_home_parents_and_children():
    assert set(HomePage.allowed_parent_page_models()) == {Page}
    assert set(HomePage.allowed_subpage_models()) == {
        HistoryIndexPage,
        OrgChartPage,
        NewsIndexPage,
        EventIndexPage,
        LegalDocumentIndexPage,
        StandardPage,
    }


def test_home_is_created_under_root_only(home_page, root_page, news_index):
    assert HomePage.can_create_at(root_page)  # a sub-portal gets its own home
    assert not HomePage.can_create_at(home_page)
    assert not HomePage.can_create_at(news_index)


def test_admin_forms_open(admin_client, home_page, root_page, admin_edit_url, admin_add_url):
    assert admin_client.get(admin_edit_url(home_page)).status_code == 200
    assert admin_client.get(admin_add_url(HomePage, root_page)).status_code == 200
    for model in (NewsIndexPage, EventIndexPage, HistoryIndexPage, OrgChartPage):
        assert admin_client.get(admin_add_url(model, home_page)).status_code == 200, model


@pytest.fixture
def filled_home(home_page, news_index, event_index, document_index):
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    featured = factories.NewsArticlePageFactory(
        parent=news_index,
        title="Tin nổi bật về Đại hội",
        date=local(2025, 9, 30, 8),
        is_featured=True,
        sapo="Đại hội Đảng bộ tỉnh lần thứ nhất.",
    )
    latest = factories.NewsArticlePageFactory(
        parent=news_index, title="Tin mới về chuyển đổi số", date=local(2025, 10, 2, 8)
    )
    latest.categories.set([category])
    latest.save()
    factories.EventPageFactory(
        parent=event_index,
        title="Hội nghị học tập Nghị quyết",
        start=timezone.now() + datetime.timedelta(days=5),
        place="Hội trường Tỉnh ủy",
    )
    decision = factories.DocumentTypeFactory(name="Quyết định", abbreviation="QĐ")
    factories.LegalDocumentPageFactory(
        parent=document_index,
        number=797,
        document_type=decision,
        date_issued=datetime.date(2022, 9, 29),
        title="Quyết định thành lập Cổng thông tin",
    )
    return {"featured": featured, "latest": latest}


def test_home_renders_its_fields_and_sections(client, home_page, filled_home):
    home_page.hero_heading = "Chào mừng đến Cổng thông tin Đảng bộ tỉnh"
    home_page.intro = "<p>Nơi đăng tải nghị quyết và hoạt động của Đảng bộ.</p>"
    home_page.save()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Chào mừng đến Cổng thông tin Đảng bộ tỉnh" in html
    assert "Nơi đăng tải nghị quyết và hoạt động của Đảng bộ." in html
    assert "Tin nổi bật về Đại hội" in html
    assert "Tin mới về chuyển đổi số" in html
    assert "30/09/2025" in html
    # Both stories are shown above: the category has nothing new, so no block of its own.
    assert "Xây dựng Đảng" not in html
    assert "Hội nghị học tập Nghị quyết" in html
    assert "797-QĐ/TU" in html
    assert "29/09/2022" in html


def test_home_hides_drafts_and_past_events(client, home_page, news_index, event_index, filled_home):
    factories.NewsArticlePageFactory(
        parent=news_index, title="Tin nháp nổi bật", is_featured=True, live=False
    )
    factories.EventPageFactory(
        parent=event_index,
        title="Sự kiện đã qua",
        start=local(2024, 1, 1, 8),
        end=local(2024, 1, 1, 10),
    )

    html = client.get("/").content.decode()

    assert "Tin nháp nổi bật" not in html
    assert "Sự kiện đã qua" not in html


def test_empty_home_renders(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    assert home_page.hero_heading in response.content.decode()


def test_home_shows_only_its_own_sub_portal_news(client, root_page, home_page, news_index):
    factories.NewsArticlePageFactory(parent=news_index, title="Tin của tỉnh")
    other_home = factories.HomePageFactory(parent=root_page, title="Đảng bộ phường Trấn Biên")
    other_news = factories.NewsIndexPageFactory(parent=other_home)
    factories.NewsArticlePageFactory(parent=other_news, title="Tin của phường")

    html = client.get("/").content.decode()

    assert "Tin của tỉnh" in html
    assert "Tin của phường" not in html


def _fill_home(news_index, event_index, document_index, count):
    categories = [factories.NewsCategoryFactory() for _ in range(4)]
    images = [factories.ImageFactory() for _ in range(3)]
    bdv = factories.IssuingBodyFactory(name="Ban Dân vận Tỉnh ủy", abbreviation="BDVTU")
    factories.bulk_add_children(
        news_index,
        [
            factories.NewsArticlePageFactory.build(
                date=local(2025, 1 + i % 12, 1 + i % 28, 8),
                is_featured=i % 5 == 0,
                featured_image=images[i % 3] if i % 4 else None,
                categories=[categories[i % 4]],
            )
            for i in range(count)
        ],
    )
    with factories.without_indexing():
        for days in range(1, 6):
            factories.EventPageFactory(
                parent=event_index, start=timezone.now() + datetime.timedelta(days=days)
            )
        for number in range(1, 8):
            factories.LegalDocumentPageFactory(
                parent=document_index, number=number, co_issuers=[bdv]
            )


@pytest.mark.parametrize("count", [10, 200])
def test_home_query_budget(
    home_page, news_index, event_index, document_index, assert_render_budget, count
):
    _fill_home(news_index, event_index, document_index, count)
    assert_render_budget("/", HOME_BUDGET)


def test_home_lists_are_renewed_by_a_publish_and_an_unpublish(
    client, home_page, news_index, filled_home
):
    """The lists are kept until the next change (HomePage.get_lists): a visitor right after
    a publish or an unpublish sees it."""
    assert "Tin vừa xuất bản" not in client.get("/").content.decode()  # fills the lists
    article = factories.NewsArticlePageFactory(
        parent=news_index, title="Tin vừa xuất bản", is_featured=True, live=False
    )
    article.save_revision().publish()

    assert "Tin vừa xuất bản" in client.get("/").content.decode()

    article.refresh_from_db()
    article.unpublish()
    assert "Tin vừa xuất bản" not in client.get("/").content.decode()


# --- hierarchy: each story once, the documents early, no empty block -------------------------

STORY_LINK = re.compile(r'class="card__title"><a href="([^"]+)"')
# Every block the home shows, by its heading's id (or its class for the categories).
BLOCK_MARKS = (
    'id="featured-heading"',
    'id="latest-heading"',
    'id="documents-heading"',
    'id="events-heading"',
    "category-block",
    'class="empty"',
)


def main_html(html):
    return html[html.index('<main id="main-content"') : html.index("</main>")]


def section(html, mark):
    """The <section> of `html` holding `mark` (its heading's id), or ''."""
    start = html.find(mark)
    if start < 0:
        return ""
    return html[html.rfind("<section", 0, start) : html.find("</section>", start)]


@pytest.fixture
def many_stories(home_page, news_index):
    """Fourteen articles, newest first: 0 and 3 featured, 1-2 and 4-7 the latest six, 8-13
    only in the categories (the even ones in the first, the odd ones in the second, 9 in
    both); 8 has a picture."""
    first = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang", sort_order=1)
    second = factories.NewsCategoryFactory(name="Kinh tế", slug="kinh-te", sort_order=2)
    picture = factories.ImageFactory()
    base = local(2025, 10, 20, 8)
    articles = []
    for number in range(14):
        article = factories.NewsArticlePageFactory(
            parent=news_index,
            title=f"Tin số {number} của tỉnh",
            date=base - datetime.timedelta(days=number),
            is_featured=number in (0, 3),
            featured_image=picture if number == 8 else None,
        )
        article.categories.set([first, second] if number == 9 else [(first, second)[number % 2]])
        article.save()
        articles.append(article)
    return {"articles": articles, "categories": (first, second)}


def test_home_shows_each_story_once(client, many_stories, document_index):
    factories.LegalDocumentPageFactory(parent=document_index, number=12)
    articles = many_stories["articles"]
    first, second = many_stories["categories"]

    response = client.get("/")
    html = main_html(response.content.decode())

    links = STORY_LINK.findall(html)
    assert sorted(links) == sorted(a.url for a in articles)  # all fourteen, none twice
    featured = section(html, 'id="featured-heading"')
    assert STORY_LINK.findall(featured) == [articles[0].url, articles[3].url]
    latest = section(html, 'id="latest-heading"')
    assert STORY_LINK.findall(latest) == [articles[n].url for n in (1, 2, 4, 5, 6, 7)]
    # The categories show only what the lists above do not; 9 (in both) in the first only.
    blocks = response.context["category_blocks"]
    assert [(category, [a.pk for a in found]) for category, found in blocks] == [
        (first, [articles[n].pk for n in (8, 9, 10, 12)]),
        (second, [articles[n].pk for n in (11, 13)]),
    ]
    first_block = section(html, f'id="category-{first.pk}"')
    assert STORY_LINK.findall(first_block)[0] == articles[8].url
    # The first story of a block carries its picture.
    assert 'class="card__media"' in first_block.split("</li>")[0]
    # The documents come right after the headlines (a phone reads the page in this order).
    assert html.index('id="featured-heading"') < html.index('id="documents-heading"')
    assert html.index('id="documents-heading"') < html.index('id="latest-heading"')


def test_category_blocks_fill_up_after_what_earlier_blocks_took(client, home_page, news_index):
    """Five stories in both categories and three more in the second alone: the first block
    takes four of the five, the second still shows four (the fifth and its own three)."""
    first = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang", sort_order=1)
    second = factories.NewsCategoryFactory(name="Kinh tế", slug="kinh-te", sort_order=2)
    base = local(2025, 10, 20, 8)
    # The headlines and the latest six, in neither category.
    for number in range(7):
        factories.NewsArticlePageFactory(
            parent=news_index, date=base + datetime.timedelta(days=number), is_featured=not number
        )
    both = []
    for number in range(5):
        article = factories.NewsArticlePageFactory(
            parent=news_index, date=base - datetime.timedelta(days=number)
        )
        article.categories.set([first, second])
        article.save()
        both.append(article)
    own = []
    for number in range(3):
        article = factories.NewsArticlePageFactory(
            parent=news_index, date=base - datetime.timedelta(days=10 + number)
        )
        article.categories.set([second])
        article.save()
        own.append(article)

    blocks = client.get("/").context["category_blocks"]

    assert [(category, [a.pk for a in found]) for category, found in blocks] == [
        (first, [a.pk for a in both[:4]]),
        (second, [a.pk for a in both[4:] + own]),
    ]


def test_without_featured_stories_the_newest_lead(client, home_page, news_index):
    base = local(2025, 10, 20, 8)
    articles = [
        factories.NewsArticlePageFactory(
            parent=news_index, title=f"Tin thường số {n}", date=base - datetime.timedelta(days=n)
        )
        for n in range(8)
    ]

    html = main_html(client.get("/").content.decode())

    featured = section(html, 'id="featured-heading"')
    assert STORY_LINK.findall(featured) == [a.url for a in articles[:5]]
    latest = section(html, 'id="latest-heading"')
    assert STORY_LINK.findall(latest) == [a.url for a in articles[5:]]


@pytest.mark.parametrize("with_sections", [False, True])
def test_a_home_with_nothing_to_list_shows_no_empty_block(client, home_page, with_sections):
    if with_sections:
        for fixture in (
            factories.NewsIndexPageFactory,
            factories.EventIndexPageFactory,
            factories.LegalDocumentIndexPageFactory,
        ):
            fixture(parent=home_page, show_in_menus=True)
        # A past event is not an upcoming one.
        event_index = EventIndexPage.objects.get()
        factories.EventPageFactory(
            parent=event_index, start=local(2024, 1, 1, 8), end=local(2024, 1, 1, 10)
        )

    html = main_html(client.get("/").content.decode())

    for mark in BLOCK_MARKS:
        assert mark not in html, mark
    assert "home-top" not in html
    assert ('id="sections-heading"' in html) == with_sections


def test_a_home_with_documents_only_shows_them_alone(client, home_page, document_index):
    factories.LegalDocumentPageFactory(parent=document_index, number=5)

    html = main_html(client.get("/").content.decode())

    assert 'class="home-top home-top--no-news"' in html
    assert 'id="documents-heading"' in html
    for mark in ('id="featured-heading"', 'id="latest-heading"', 'id="events-heading"'):
        assert mark not in html, mark
