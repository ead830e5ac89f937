"""history: the history index (the whole timeline) and the history periods."""

import pytest

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from history.models import HistoryEvent, HistoryIndexPage, HistoryPeriodPage
from home.models import HomePage
from tests import factories

HISTORY_INDEX_BUDGET = 10
PERIOD_BUDGET = 10


@pytest.fixture
def period(history_index):
    page = factories.HistoryPeriodPageFactory(
        parent=history_index,
        title="Đồng Nai thời mở cõi",
        slug="thoi-mo-coi",
        start_year=1698,
        end_year=1802,
        summary="Từ khi lập phủ Gia Định đến đầu triều Nguyễn.",
        body=factories.paragraph("<p>Năm 1698, Nguyễn Hữu Cảnh vào kinh lược phương Nam.</p>"),
    )
    # Created out of order on purpose: the timeline sorts by date.
    factories.HistoryEventFactory(
        period=page, year=1802, title="Đổi tên thành trấn Biên Hòa", note="Có nguồn ghi 1808."
    )
    factories.HistoryEventFactory(period=page, year=1790, month=3, title="Xây dựng thành Gia Định")
    factories.HistoryEventFactory(period=page, year=1698, title="Lập phủ Gia Định, dinh Trấn Biên")
    return page


@pytest.fixture
def recent_period(history_index):
    page = factories.HistoryPeriodPageFactory(
        parent=history_index,
        title="Thời kỳ đổi mới và hội nhập",
        slug="doi-moi",
        start_year=1976,
        end_year=None,
    )
    factories.HistoryEventFactory(
        period=page, year=2022, month=9, day=29, title="Thành lập Cổng thông tin điện tử"
    )
    factories.HistoryEventFactory(
        period=page, year=2025, month=9, day=30, title="Đại hội Đảng bộ tỉnh lần thứ nhất"
    )
    return page


# --- page tree -----------------------------------------------------------------------


def test_history_index_parents_and_children(home_page, history_index):
    assert set(HistoryIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(HistoryIndexPage.allowed_subpage_models()) == {HistoryPeriodPage}
    assert not HistoryIndexPage.can_create_at(home_page)  # one per portal


def test_history_period_parents_and_children(history_index, period, home_page):
    assert set(HistoryPeriodPage.allowed_parent_page_models()) == {HistoryIndexPage}
    assert set(HistoryPeriodPage.allowed_subpage_models()) == set()
    assert HistoryPeriodPage.can_create_at(history_index)
    assert not HistoryPeriodPage.can_create_at(home_page)
    assert not HistoryPeriodPage.can_create_at(period)


def test_admin_forms_open(admin_client, history_index, period, admin_edit_url, admin_add_url):
    assert admin_client.get(admin_edit_url(history_index)).status_code == 200
    assert admin_client.get(admin_edit_url(period)).status_code == 200
    assert admin_client.get(admin_add_url(HistoryPeriodPage, history_index)).status_code == 200


# --- rendering -----------------------------------------------------------------------


def test_index_shows_periods_and_events_in_order(client, history_index, period, recent_period):
    response = client.get(history_index.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Lịch sử Đảng bộ tỉnh qua các thời kỳ." in html
    order = [
        "Đồng Nai thời mở cõi",
        "Lập phủ Gia Định, dinh Trấn Biên",
        "Xây dựng thành Gia Định",
        "Đổi tên thành trấn Biên Hòa",
        "Thời kỳ đổi mới và hội nhập",
        "Thành lập Cổng thông tin điện tử",
        "Đại hội Đảng bộ tỉnh lần thứ nhất",
    ]
    body = html[html.index('class="periods"') :]
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)
    assert "29/09/2022" in html
    assert "03/1790" in html
    assert "1698–1802" in html
    assert "1976 – nay" in html


def test_period_page_renders_its_fields(client, period):
    response = client.get(period.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Đồng Nai thời mở cõi" in html
    assert "Từ khi lập phủ Gia Định đến đầu triều Nguyễn." in html
    assert "Năm 1698, Nguyễn Hữu Cảnh vào kinh lược phương Nam." in html
    assert "1698–1802" in html
    assert "Có nguồn ghi 1808." in html
    events = [
        "Lập phủ Gia Định, dinh Trấn Biên",
        "Xây dựng thành Gia Định",
        "Đổi tên thành trấn Biên Hòa",
    ]
    positions = [html.index(text) for text in events]
    assert positions == sorted(positions)


def test_draft_period_is_hidden(client, history_index, period):
    draft = factories.HistoryPeriodPageFactory(
        parent=history_index, title="Giai đoạn chưa duyệt", live=False
    )

    assert client.get(f"{history_index.url}{draft.slug}/").status_code == 404
    assert "Giai đoạn chưa duyệt" not in client.get(history_index.url).content.decode()


# --- validation ------------------------------------------------------------------------


def test_period_end_year_before_start_is_refused(history_index):
    page = factories.HistoryPeriodPageFactory.build(start_year=1976, end_year=1975)
    page.locale = history_index.locale
    page.depth = history_index.depth + 1
    page.path = history_index.path + "9999"

    with pytest.raises(ValidationError) as caught:
        page.full_clean()

    assert caught.value.message_dict["end_year"] == ["Năm kết thúc không được trước năm bắt đầu."]


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"year": 1698, "day": 5}, "month"),
        ({"year": 1698, "month": 13}, "month"),
        ({"year": 2023, "month": 2, "day": 30}, "day"),
    ],
)
def test_event_date_must_exist(period, fields, error_field):
    event = HistoryEvent(period=period, title="Mốc sai ngày", **fields)

    with pytest.raises(ValidationError) as caught:
        event.full_clean()

    assert error_field in caught.value.message_dict


def test_event_date_labels():
    assert HistoryEvent(year=1698).date_label == "1698"
    assert HistoryEvent(year=1976, month=7).date_label == "07/1976"
    assert HistoryEvent(year=2022, month=9, day=29).date_label == "29/09/2022"


def test_admin_refuses_end_year_before_start(post_page_form, admin_add_url, history_index):
    fields = {
        "title": "Giai đoạn sai năm",
        "slug": "giai-doan-sai-nam",
        "start_year": "1976",
        "end_year": "1975",
        "summary": "",
        "events": inline_formset([]),
        "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
    }

    response = post_page_form(
        admin_add_url(HistoryPeriodPage, history_index), fields, "action-publish"
    )

    assert response.status_code == 200
    assert "end_year" in response.context["form"].errors
    assert not HistoryPeriodPage.objects.filter(slug="giai-doan-sai-nam").exists()


def test_admin_creates_a_period_with_its_timeline(post_page_form, admin_add_url, history_index):
    fields = {
        "title": "Hợp nhất tỉnh",
        "slug": "hop-nhat",
        "start_year": "2025",
        "end_year": "",
        "summary": "Tỉnh mới sau sắp xếp đơn vị hành chính.",
        "events": inline_formset(
            [
                {"year": "2025", "month": "7", "day": "1", "title": "Hợp nhất hai tỉnh"},
                {"year": "2025", "month": "9", "day": "30", "title": "Đại hội lần thứ nhất"},
            ]
        ),
        "body": streamfield([("paragraph", rich_text("<p>Ngày 01/7/2025 hợp nhất.</p>"))]),
    }

    response = post_page_form(
        admin_add_url(HistoryPeriodPage, history_index), fields, "action-publish"
    )

    assert response.status_code == 302, response.context["form"].errors
    page = HistoryPeriodPage.objects.get(slug="hop-nhat")
    assert page.live
    assert page.end_year is None
    assert [(e.date_label, e.title) for e in page.events.all()] == [
        ("01/07/2025", "Hợp nhất hai tỉnh"),
        ("30/09/2025", "Đại hội lần thứ nhất"),
    ]
    assert "Ngày 01/7/2025 hợp nhất." in page.body[0].value.source


# --- query budgets ---------------------------------------------------------------------


@pytest.mark.parametrize("count", [2, 12])
def test_history_index_query_budget(history_index, assert_render_budget, count):
    image = factories.ImageFactory()
    with factories.without_indexing():
        for i in range(count):
            page = factories.HistoryPeriodPageFactory(
                parent=history_index, start_year=1700 + 20 * i
            )
            for j in range(3):
                factories.HistoryEventFactory(
                    period=page, year=1700 + 20 * i + j, image=image if j == 0 else None
                )

    assert_render_budget(history_index.url, HISTORY_INDEX_BUDGET)


@pytest.mark.parametrize("count", [3, 30])
def test_period_query_budget(period, assert_render_budget, count):
    image = factories.ImageFactory()
    for i in range(count):
        factories.HistoryEventFactory(period=period, year=1700 + i, image=image if i % 2 else None)

    assert_render_budget(period.url, PERIOD_BUDGET)
