"""org_structure: the organisation chart, the units and their members."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, rich_text

from home.models import HomePage
from org_structure.models import OrgChartPage, OrgMembership, OrgUnitPage
from tests import factories

ORG_CHART_BUDGET = 9
ORG_UNIT_BUDGET = 13


@pytest.fixture
def standing_committee(org_chart):
    return factories.OrgUnitPageFactory(
        parent=org_chart,
        title="Ban Thường vụ Tỉnh ủy",
        slug="ban-thuong-vu",
        abbreviation="BTV",
        kind="ban-thuong-vu",
    )


@pytest.fixture
def standing_board(standing_committee):
    return factories.OrgUnitPageFactory(
        parent=standing_committee,
        title="Thường trực Tỉnh ủy",
        slug="thuong-truc",
        abbreviation="",
        kind="thuong-truc",
    )


@pytest.fixture
def office(org_chart):
    return factories.OrgUnitPageFactory(
        parent=org_chart,
        title="Văn phòng Tỉnh ủy",
        slug="van-phong",
        abbreviation="VPTU",
        kind="co-quan-tham-muu",
        functions="<p>Tham mưu tổng hợp, giúp việc Tỉnh ủy.</p>",
        address="Số 2 đường Nguyễn Văn Trị, Biên Hòa",
        phone="0251 3822 111",
        email="vanphong@example.org",
    )


# --- page tree -----------------------------------------------------------------------


def test_org_chart_parents_and_children(home_page, org_chart):
    assert set(OrgChartPage.allowed_parent_page_models()) == {HomePage}
    assert set(OrgChartPage.allowed_subpage_models()) == {OrgUnitPage}
    assert not OrgChartPage.can_create_at(home_page)  # one per portal


def test_org_unit_parents_and_children(org_chart, standing_committee, home_page):
    assert set(OrgUnitPage.allowed_parent_page_models()) == {OrgChartPage, OrgUnitPage}
    assert set(OrgUnitPage.allowed_subpage_models()) == {OrgUnitPage}
    assert OrgUnitPage.can_create_at(org_chart)
    assert OrgUnitPage.can_create_at(standing_committee)
    assert not OrgUnitPage.can_create_at(home_page)


def test_admin_forms_open(
    admin_client, org_chart, standing_committee, admin_edit_url, admin_add_url
):
    assert admin_client.get(admin_edit_url(org_chart)).status_code == 200
    assert admin_client.get(admin_edit_url(standing_committee)).status_code == 200
    assert admin_client.get(admin_add_url(OrgUnitPage, org_chart)).status_code == 200
    assert admin_client.get(admin_add_url(OrgUnitPage, standing_committee)).status_code == 200


# --- the chart -----------------------------------------------------------------------


def test_chart_shows_nested_unit_names(
    client, org_chart, standing_committee, standing_board, office
):
    factories.OrgUnitPageFactory(parent=org_chart, title="Ban chưa công bố", live=False)

    response = client.get(org_chart.url)

    assert response.status_code == 200
    tree = response.context["unit_tree"]
    assert [(unit.title, [child.title for child, _ in children]) for unit, children in tree] == [
        ("Ban Thường vụ Tỉnh ủy", ["Thường trực Tỉnh ủy"]),
        ("Văn phòng Tỉnh ủy", []),
    ]
    soup = WagtailTestUtils.get_soup(response.content)
    board_link = soup.find("a", href=standing_board.url)
    committee_link = soup.find("a", href=standing_committee.url)
    assert board_link is not None and committee_link is not None
    # The board's list item sits inside the committee's list item.
    committee_item = committee_link.find_parent("li")
    assert board_link in committee_item.find_all("a")
    assert office.url not in str(committee_item)
    assert "Ban chưa công bố" not in response.content.decode()
    # Top-level units are shown in groups: leaders first, then the advisory agencies.
    groups = [
        (g["key"], [unit.title for unit, _ in g["nodes"]]) for g in response.context["unit_groups"]
    ]
    assert groups == [
        ("lanh-dao", ["Ban Thường vụ Tỉnh ủy"]),
        ("tham-muu", ["Văn phòng Tỉnh ủy"]),
    ]
    headings = [h.get_text(strip=True) for h in soup.select(".org-group__title")]
    assert headings == ["Cơ quan lãnh đạo", "Cơ quan tham mưu, giúp việc"]


# --- the unit ------------------------------------------------------------------------


def test_unit_renders_functions_contacts_and_sub_units(client, office, org_chart):
    factories.OrgUnitPageFactory(parent=office, title="Phòng Hành chính", slug="phong-hanh-chinh")

    response = client.get(office.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Văn phòng Tỉnh ủy" in html
    assert "VPTU" in html
    assert "Tham mưu tổng hợp, giúp việc Tỉnh ủy." in html
    assert "Số 2 đường Nguyễn Văn Trị, Biên Hòa" in html
    assert "0251 3822 111" in html
    assert "vanphong@example.org" in html
    assert "Phòng Hành chính" in html


def test_unit_separates_current_and_former_members(client, standing_board):
    today = datetime.date.today()
    current = factories.OrgMembershipFactory(
        unit=standing_board,
        person=factories.PersonFactory(full_name="Nguyễn Văn A", honorific="TS."),
        position="Bí thư Tỉnh ủy",
        start_date=datetime.date(2025, 9, 30),
    )
    factories.OrgMembershipFactory(
        unit=standing_board,
        person=factories.PersonFactory(full_name="Trần Thị B"),
        position="Phó Bí thư Thường trực",
        start_date=datetime.date(2020, 10, 15),
        end_date=datetime.date(2025, 6, 30),
    )
    factories.OrgMembershipFactory(
        unit=standing_board,
        person=factories.PersonFactory(full_name="Lê Văn C"),
        position="Phó Bí thư",
        end_date=today,  # still in office today
    )
    factories.OrgMembershipFactory(
        unit=standing_board,
        person=factories.PersonFactory(full_name="Người Chưa Công Bố", live=False),
    )

    response = client.get(standing_board.url)

    assert response.status_code == 200
    assert [m.person.full_name for m in response.context["current_members"]] == [
        "Nguyễn Văn A",
        "Lê Văn C",
    ]
    assert [m.person.full_name for m in response.context["former_members"]] == ["Trần Thị B"]
    soup = WagtailTestUtils.get_soup(response.content)
    current_section = soup.find(id="members-heading").find_parent("section")
    former_section = soup.find(id="former-heading").find_parent("section")
    assert "Nguyễn Văn A" in current_section.text
    assert "Bí thư Tỉnh ủy" in current_section.text
    assert "30/09/2025" in current_section.text
    assert "Trần Thị B" not in current_section.text
    assert "Trần Thị B" in former_section.text
    assert "30/06/2025" in former_section.text
    assert "Nguyễn Văn A" not in former_section.text
    assert "Người Chưa Công Bố" not in response.content.decode()
    assert current.person.honorific in current_section.text


def test_draft_unit_is_hidden(client, org_chart):
    draft = factories.OrgUnitPageFactory(parent=org_chart, title="Ban nháp", live=False)
    assert client.get(f"{org_chart.url}{draft.slug}/").status_code == 404


# --- validation ------------------------------------------------------------------------


def test_membership_end_before_start_is_refused(standing_board):
    membership = OrgMembership(
        unit=standing_board,
        person=factories.PersonFactory(),
        position="Ủy viên",
        start_date=datetime.date(2025, 10, 1),
        end_date=datetime.date(2025, 9, 30),
    )

    with pytest.raises(ValidationError) as caught:
        membership.full_clean()

    assert caught.value.message_dict["end_date"] == ["Ngày kết thúc không được trước ngày bắt đầu."]


def test_admin_refuses_membership_end_before_start(post_page_form, admin_edit_url, standing_board):
    person = factories.PersonFactory(full_name="Phạm Văn D")
    fields = {
        "functions": rich_text("<p>Chức năng.</p>"),
        "memberships": inline_formset(
            [
                {
                    "person": str(person.pk),
                    "position": "Ủy viên",
                    "term": "",
                    "start_date": "2025-10-01",
                    "end_date": "2025-09-30",
                }
            ]
        ),
    }

    response = post_page_form(admin_edit_url(standing_board), fields, "action-publish")

    assert response.status_code == 200
    formset_errors = response.context["form"].formsets["memberships"].errors
    assert "end_date" in formset_errors[0]
    assert not standing_board.memberships.exists()


# --- query budgets ---------------------------------------------------------------------


@pytest.mark.parametrize("count", [10, 60])
def test_org_chart_query_budget(org_chart, assert_render_budget, count):
    # Three levels deep: count/3 branches of a unit, its sub-unit and a sub-sub-unit.
    level = factories.bulk_add_children(
        org_chart, [factories.OrgUnitPageFactory.build() for _ in range(count // 3)]
    )
    for _ in range(2):
        level = [
            factories.bulk_add_children(parent, [factories.OrgUnitPageFactory.build()])[0]
            for parent in level
        ]

    assert_render_budget(org_chart.url, ORG_CHART_BUDGET)


@pytest.mark.parametrize("count", [3, 40])
def test_org_unit_query_budget(standing_committee, assert_render_budget, count):
    photo = factories.ImageFactory()
    for i in range(count):
        factories.OrgMembershipFactory(
            unit=standing_committee,
            person=factories.PersonFactory(photo=photo if i % 2 else None),
            end_date=datetime.date(2020, 1, 1) if i % 4 == 0 else None,
        )
    factories.add_children(factories.OrgUnitPageFactory, standing_committee, 3)

    assert_render_budget(standing_committee.url, ORG_UNIT_BUDGET)
