"""home: the portal home page and what it gathers from the sections below it."""

import datetime
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
    assert "Xây dựng Đảng" in html
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
