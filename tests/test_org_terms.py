"""org_structure: terms (nhiệm kỳ) in the organisation chart and the people's pages."""

import datetime

import pytest

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import Locale, Site
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
)

from org_structure.models import OrgMembership, OrgUnitPage, Term
from site_core.cache import pages
from tests import factories

# Measured 6 (the chart of a term: routing, the chart, its terms, the units in the term,
# the view restrictions, the memberships) and 7 (a person: routing, the chart, the
# person, the restrictions, the positions, the terms), whatever the number of units and
# people; the budgets leave room for one more.
TERM_CHART_BUDGET = 7
PERSON_BUDGET = 8


@pytest.fixture
def terms(site):
    return {
        2015: factories.TermFactory(site=site, start_year=2015),
        2020: factories.TermFactory(site=site, start_year=2020),
        2025: factories.TermFactory(site=site, start_year=2025, is_current=True, congress_number=1),
    }


@pytest.fixture
def chart(org_chart, terms):
    """Units in every term, in the past terms only and in the current term only, with
    people in each term."""
    always = factories.OrgUnitPageFactory(
        parent=org_chart, title="Ban Thường vụ Tỉnh ủy", slug="ban-thuong-vu", kind="ban-thuong-vu"
    )
    old = factories.OrgUnitPageFactory(
        parent=org_chart, title="Thành ủy Biên Hòa", slug="thanh-uy-bien-hoa"
    )
    old.terms = [terms[2015], terms[2020]]
    old.save_revision().publish()
    new = factories.OrgUnitPageFactory(
        parent=org_chart, title="Đảng bộ phường Trấn Biên", slug="dang-bo-phuong-tran-bien"
    )
    new.terms = [terms[2025]]
    new.save_revision().publish()
    people = {
        key: factories.PersonFactory(full_name=name)
        for key, name in (("A", "Nguyễn Văn A"), ("X", "Tô Văn X"), ("O", "Trương Văn O"))
    }
    rows = [
        (always, "A", "Bí thư Tỉnh ủy", 2025, datetime.date(2025, 9, 30), None),
        (always, "A", "Phó Bí thư Tỉnh ủy", 2020, datetime.date(2020, 10, 15), None),
        (always, "X", "Bí thư Tỉnh ủy", 2020, datetime.date(2020, 10, 15), None),
        (always, "X", "Phó Bí thư Thường trực", 2015, None, None),
        (always, "O", "Bí thư Tỉnh ủy", 2015, None, None),
        (old, "A", "Bí thư Thành ủy Biên Hòa", 2015, datetime.date(2016, 1, 4), None),
    ]
    for order, (unit, person, position, year, start, end) in enumerate(rows):
        factories.OrgMembershipFactory(
            unit=unit,
            person=people[person],
            position=position,
            term=terms[year],
            start_date=start,
            end_date=end,
            sort_order=order,
        )
    return {"chart": org_chart, "always": always, "old": old, "new": new, "people": people}


def term_url(chart, years):
    return f"{chart.url}nhiem-ky/{years}/"


def person_url(chart, person):
    return f"{chart.url}can-bo/{person.slug}/"


def names_in(soup, selector):
    return [node.get_text(" ", strip=True) for node in soup.select(selector)]


# --- the term in the admin -------------------------------------------------------------


def post_term(admin_client, site, **fields):
    data = {
        "site": str(site.pk),
        "name": "",
        "start_year": "2030",
        "end_year": "2035",
        "congress_number": "",
        **fields,
    }
    return admin_client.post(reverse("wagtailsnippets_org_structure_term:add"), data)


def form_errors(response):
    assert response.status_code == 200
    return {
        name: [str(e) for e in errors] for name, errors in response.context["form"].errors.items()
    }


def test_admin_refuses_a_term_that_ends_before_it_starts(admin_client, terms, site):
    errors = form_errors(post_term(admin_client, site, start_year="2035", end_year="2030"))
    assert errors["end_year"] == ["Năm kết thúc phải sau năm bắt đầu."]
    assert not Term.objects.filter(start_year=2035).exists()


def test_admin_refuses_overlapping_terms(admin_client, terms, site):
    errors = form_errors(post_term(admin_client, site, start_year="2022", end_year="2027"))
    assert errors["start_year"] == [
        "Trùng thời gian với nhiệm kỳ 2020–2025, 2025–2030: các nhiệm kỳ của một đảng bộ "
        "không được chồng lên nhau."
    ]
    assert Term.objects.count() == 3


def test_admin_refuses_a_second_current_term(admin_client, terms, site):
    errors = form_errors(post_term(admin_client, site, is_current="on"))
    assert "đang là nhiệm kỳ hiện tại" in errors["is_current"][0]


def test_admin_adds_a_term_that_follows_the_last(admin_client, terms, site):
    response = post_term(admin_client, site, congress_number="2")
    assert response.status_code == 302
    term = Term.objects.get(start_year=2030)
    assert (term.end_year, term.years, term.slug, str(term)) == (
        2035,
        "2030–2035",
        "2030-2035",
        "Nhiệm kỳ 2030–2035",
    )
    # Terms may touch: a congress ends one term and opens the next in the same year.
    assert admin_client.get(reverse("wagtailsnippets_org_structure_term:list")).status_code == 200


def test_the_current_term_is_the_marked_one_else_the_latest_begun(site, terms):
    assert Term.current_of(terms.values()) == terms[2025]
    terms[2025].is_current = False
    today = datetime.date(2024, 5, 1)
    assert Term.current_of(terms.values(), today) == terms[2020]
    assert Term.current_of([], today) is None


def test_membership_dates_must_fall_in_their_term(chart, terms):
    membership = OrgMembership(
        unit=chart["always"],
        person=chart["people"]["A"],
        position="Ủy viên",
        term=terms[2015],
        start_date=datetime.date(2021, 1, 1),
    )
    with pytest.raises(ValidationError) as caught:
        membership.full_clean()
    assert caught.value.message_dict["start_date"] == ["Ngày này nằm ngoài nhiệm kỳ 2015–2020."]


def post_page_lists(admin_client, url, fields, action):
    """conftest's post_page_form, for fields with several values: the test client posts
    only the last value of each key of a QueryDict, so the lists are posted as a dict."""
    page = admin_client.get(url)
    data = querydict_from_html(page.content.decode(), form_id="page-edit-form")
    for key, value in nested_form_data(fields).items():
        if isinstance(value, tuple):
            data.setlist(key, list(value))
        else:
            data[key] = value
    data[action] = action
    return admin_client.post(url, dict(data.lists()))


def test_unit_admin_saves_terms_and_membership_terms(admin_client, admin_edit_url, chart, terms):
    unit = chart["new"]
    person = chart["people"]["O"]
    fields = {
        "functions": rich_text("<p>Chức năng.</p>"),
        "terms": (str(terms[2020].pk), str(terms[2025].pk)),  # a multiple choice
        "memberships": inline_formset(
            [
                {
                    "person": str(person.pk),
                    "position": "Bí thư",
                    "term": str(terms[2020].pk),
                    "start_date": "2020-11-01",
                    "end_date": "2025-06-30",
                }
            ]
        ),
    }
    response = post_page_lists(admin_client, admin_edit_url(unit), fields, "action-publish")
    assert response.status_code == 302
    unit = OrgUnitPage.objects.get(pk=unit.pk)
    assert set(unit.terms.all()) == {terms[2020], terms[2025]}
    assert [(m.person, m.term) for m in unit.memberships.all()] == [(person, terms[2020])]


# --- the chart, term by term -----------------------------------------------------------


def test_chart_shows_the_current_term_by_default(client, chart):
    response = client.get(chart["chart"].url)

    assert response.status_code == 200
    assert response.context["term"].start_year == 2025
    soup = WagtailTestUtils.get_soup(response.content)
    units = names_in(soup, ".org-node__title")
    assert units == ["Ban Thường vụ Tỉnh ủy", "Đảng bộ phường Trấn Biên"]
    people = names_in(soup, ".term-person__name")
    assert people == ["Nguyễn Văn A"]
    assert "Trương Văn O" not in response.content.decode()
    # The switcher: every term, newest first; the current one marked, and at the chart.
    links = soup.select(".term-nav a")
    assert [a.get_text(" ", strip=True) for a in links] == [
        "2025–2030 (hiện tại)",
        "2020–2025",
        "2015–2020",
    ]
    assert [a.get("aria-current") for a in links] == ["page", None, None]
    assert links[0]["href"] == chart["chart"].url
    assert links[2]["href"] == term_url(chart["chart"], "2015-2020")
    assert "Đại hội lần thứ I" in soup.text


def test_chart_of_a_past_term_shows_its_units_and_people(client, chart):
    response = client.get(term_url(chart["chart"], "2015-2020"))

    assert response.status_code == 200
    soup = WagtailTestUtils.get_soup(response.content)
    assert names_in(soup, ".org-node__title") == ["Ban Thường vụ Tỉnh ủy", "Thành ủy Biên Hòa"]
    by_unit = {
        section.h3.get_text(strip=True): names_in(section, ".term-person__name")
        for section in soup.select(".term-unit")
    }
    assert by_unit == {
        "Ban Thường vụ Tỉnh ủy": ["Tô Văn X", "Trương Văn O"],
        "Thành ủy Biên Hòa": ["Nguyễn Văn A"],
    }
    assert "Đảng bộ phường Trấn Biên" not in response.content.decode()
    # The switcher marks the term shown; the title and heading name it.
    current = soup.select_one('.term-nav a[aria-current="page"]')
    assert current.get_text(strip=True) == "2015–2020"
    assert "nhiệm kỳ 2015–2020" in soup.h1.get_text()
    assert soup.title.get_text().startswith("Nhiệm kỳ 2015–2020 – ")
    # Each person links to their page.
    link = soup.find("a", string="Trương Văn O")
    assert link["href"] == person_url(chart["chart"], chart["people"]["O"])
    # The canonical address is the term's own.
    canonical = soup.find("link", rel="canonical")
    assert canonical["href"].endswith(term_url(chart["chart"], "2015-2020"))


def test_the_current_terms_own_address_leads_to_the_chart(client, chart):
    response = client.get(term_url(chart["chart"], "2025-2030"))
    assert response.status_code == 302
    assert response["Location"] == chart["chart"].url


@pytest.mark.parametrize("years", ["1990-1995", "2015-2021", "hien-tai"])
def test_an_unknown_term_is_a_vietnamese_404(client, chart, years):
    response = client.get(term_url(chart["chart"], years))
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert '<html lang="vi">' in html


def test_anonymous_visitors_never_see_unpublished_units_or_people(client, chart, terms):
    draft = factories.OrgUnitPageFactory(
        parent=chart["chart"], title="Ban chưa công bố", slug="ban-chua-cong-bo", live=False
    )
    hidden = factories.PersonFactory(full_name="Người Chưa Công Bố", live=False)
    factories.OrgMembershipFactory(
        unit=chart["always"], person=hidden, position="Ủy viên", term=terms[2015]
    )
    factories.OrgMembershipFactory(
        unit=draft, person=chart["people"]["X"], position="Trưởng ban", term=terms[2015]
    )

    html = client.get(term_url(chart["chart"], "2015-2020")).content.decode()
    assert "Ban chưa công bố" not in html
    assert "Người Chưa Công Bố" not in html
    assert client.get(person_url(chart["chart"], hidden)).status_code == 404
    person_html = client.get(person_url(chart["chart"], chart["people"]["X"])).content.decode()
    assert "Ban chưa công bố" not in person_html and "Trưởng ban" not in person_html


def test_a_unit_whose_parent_was_not_in_the_term_hangs_from_the_nearest_one(client, chart, terms):
    sub = factories.OrgUnitPageFactory(parent=chart["new"], title="Chi bộ khu phố 1", slug="kp1")
    sub.terms = [terms[2015]]
    sub.save_revision().publish()

    response = client.get(term_url(chart["chart"], "2015-2020"))

    tree = response.context["unit_tree"]
    assert [unit.title for unit, _children in tree] == [
        "Ban Thường vụ Tỉnh ủy",
        "Thành ủy Biên Hòa",
        "Chi bộ khu phố 1",
    ]


def test_a_chart_without_terms_shows_every_unit_and_current_people(client, org_chart):
    unit = factories.OrgUnitPageFactory(parent=org_chart, title="Văn phòng Tỉnh ủy")
    factories.OrgMembershipFactory(
        unit=unit, person=factories.PersonFactory(full_name="Hồ Thị M"), position="Chánh Văn phòng"
    )
    response = client.get(org_chart.url)
    soup = WagtailTestUtils.get_soup(response.content)
    assert names_in(soup, ".org-node__title") == ["Văn phòng Tỉnh ủy"]
    assert names_in(soup, ".term-person__name") == ["Hồ Thị M"]
    assert soup.select(".term-nav") == []
    assert client.get(f"{org_chart.url}nhiem-ky/2020-2025/").status_code == 404


# --- the person's page -----------------------------------------------------------------


def test_person_page_lists_positions_over_time_newest_first(client, chart):
    person = chart["people"]["A"]
    response = client.get(person_url(chart["chart"], person))

    assert response.status_code == 200
    soup = WagtailTestUtils.get_soup(response.content)
    assert soup.h1.get_text(strip=True) == "Nguyễn Văn A"
    terms = [h.get_text(" ", strip=True) for h in soup.select(".position-history__title")]
    assert terms == ["Nhiệm kỳ 2025–2030 (hiện tại)", "Nhiệm kỳ 2020–2025", "Nhiệm kỳ 2015–2020"]
    items = [
        (
            item.select_one(".position-history__position").get_text(strip=True),
            item.select_one(".position-history__unit").get_text(strip=True),
        )
        for item in soup.select(".position-history__item")
    ]
    assert items == [
        ("Bí thư Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        ("Phó Bí thư Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        ("Bí thư Thành ủy Biên Hòa", "Thành ủy Biên Hòa"),
    ]
    assert "04/01/2016" in soup.text
    # Each term links to the chart of that term; the current one to the chart itself.
    links = [a["href"] for a in soup.select(".position-history__title a")]
    assert links == [
        chart["chart"].url,
        term_url(chart["chart"], "2020-2025"),
        term_url(chart["chart"], "2015-2020"),
    ]
    # Breadcrumbs lead back to the chart; the person is the current page.
    crumbs = soup.select(".breadcrumbs__item")
    assert crumbs[-2].a["href"] == chart["chart"].url
    assert crumbs[-1].span["aria-current"] == "page"
    assert soup.title.get_text().startswith("Nguyễn Văn A – ")


def test_the_unit_page_links_its_members_to_their_pages(client, chart):
    soup = WagtailTestUtils.get_soup(client.get(chart["always"].url).content)
    link = soup.find("a", string="Nguyễn Văn A")
    assert link["href"] == person_url(chart["chart"], chart["people"]["A"])
    assert client.get(link["href"]).status_code == 200


def test_unknown_or_unplaced_people_are_a_404(client, chart):
    assert client.get(f"{chart['chart'].url}can-bo/khong-co-ai/").status_code == 404
    nobody = factories.PersonFactory(full_name="Chưa Có Chức Vụ")
    assert client.get(person_url(chart["chart"], nobody)).status_code == 404


def test_people_get_readable_unique_slugs(db):
    first = factories.PersonFactory(full_name="Đặng Văn Hùng")
    second = factories.PersonFactory(full_name="Đặng Văn Hùng")
    assert (first.slug, second.slug) == ("dang-van-hung", "dang-van-hung-2")


# --- the English site -------------------------------------------------------------------


def test_the_english_chart_has_the_term_switcher_and_person_pages(client, chart, home_page):
    english = Locale.objects.get(language_code="en")
    english_home = home_page.copy_for_translation(english)
    english_home.save_revision().publish()
    english_chart = chart["chart"].copy_for_translation(english)
    english_chart.title = "Organisation structure"
    english_chart.save_revision().publish()
    unit = chart["always"].copy_for_translation(english)
    unit.title = "Provincial Party Standing Committee"
    unit.save_revision().publish()
    cache.clear()
    url = english_chart.get_url()
    assert url.startswith("/en/")

    response = client.get(f"{url}nhiem-ky/2020-2025/")
    assert response.status_code == 200
    soup = WagtailTestUtils.get_soup(response.content)
    assert soup.html["lang"] == "en"
    assert soup.select_one(".term-nav__label").get_text(strip=True) == "View by term"
    assert "Leaders and members, term 2020–2025" in soup.text
    link = soup.find("a", string="Tô Văn X")
    assert link["href"].startswith("/en/")

    person = client.get(link["href"])
    assert person.status_code == 200
    person_soup = WagtailTestUtils.get_soup(person.content)
    assert "Positions by term" in person_soup.text
    assert "Term 2020–2025" in person_soup.text
    assert person_soup.find("a", string="Provincial Party Standing Committee")
    assert client.get(f"{url}nhiem-ky/1990-1995/").status_code == 404


# --- cache and queries -------------------------------------------------------------------


@pytest.fixture
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {}
    cache.clear()


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.headers.get(pages.STATUS_HEADER), response.content.decode()


def test_a_membership_change_purges_the_cached_chart_and_person_pages(
    client, post_page_form, admin_edit_url, chart, terms, page_cache
):
    past = term_url(chart["chart"], "2015-2020")
    person = person_url(chart["chart"], chart["people"]["O"])
    for url in (past, person):
        served(client, url)
        assert served(client, url)[0] == pages.HIT

    unit = chart["always"]
    memberships = [
        {
            "id": str(m.pk),
            "person": str(m.person_id),
            "position": m.position,
            "term": str(m.term_id),
            "start_date": m.start_date.isoformat() if m.start_date else "",
            "end_date": "",
        }
        for m in unit.memberships.all()
    ]
    for row in memberships:
        if row["position"] == "Bí thư Tỉnh ủy" and row["term"] == str(terms[2015].pk):
            row["position"] = "Bí thư Tỉnh ủy khóa X"
    response = post_page_form(
        admin_edit_url(unit),
        {
            "functions": rich_text("<p>Chức năng.</p>"),
            "memberships": inline_formset(memberships, initial=len(memberships)),
        },
        "action-publish",
    )
    assert response.status_code == 302

    for url in (past, person):
        status, html = served(client, url)
        assert status == pages.MISS
        assert "Bí thư Tỉnh ủy khóa X" in html


def test_a_term_change_purges_the_cached_chart(client, admin_client, chart, terms, page_cache):
    url = chart["chart"].url
    served(client, url)
    assert served(client, url)[0] == pages.HIT

    edit = reverse("wagtailsnippets_org_structure_term:edit", args=[terms[2025].pk])
    response = admin_client.post(
        edit,
        {
            "site": str(terms[2025].site_id),
            "name": "",
            "start_year": "2025",
            "end_year": "2030",
            "congress_number": "14",
            "is_current": "on",
        },
    )
    assert response.status_code == 302
    status, html = served(client, url)
    assert status == pages.MISS
    assert "Đại hội lần thứ XIV" in html


def test_a_person_change_purges_their_page(client, admin_client, chart, page_cache):
    person = chart["people"]["O"]
    url = person_url(chart["chart"], person)
    served(client, url)
    assert served(client, url)[0] == pages.HIT
    person.full_name = "Trương Văn Ô"
    person.save()
    status, html = served(client, url)
    assert status == pages.MISS and "Trương Văn Ô" in html


def fill_chart(org_chart, terms, count):
    """`count` units, each with two people in the 2020–2025 term."""
    level = factories.bulk_add_children(
        org_chart, [factories.OrgUnitPageFactory.build() for _ in range(count)]
    )
    for unit in level:
        for position in ("Trưởng ban", "Phó Trưởng ban"):
            factories.OrgMembershipFactory(unit_id=unit.pk, position=position, term=terms[2020])
    return level


@pytest.mark.parametrize("count", [4, 40])
def test_term_chart_query_budget(org_chart, terms, assert_render_budget, count):
    fill_chart(org_chart, terms, count)
    response = assert_render_budget(term_url(org_chart, "2020-2025"), TERM_CHART_BUDGET)
    assert len(response.context["term_members"]) == count


@pytest.mark.parametrize("count", [2, 30])
def test_person_page_query_budget(org_chart, terms, assert_render_budget, count):
    units = fill_chart(org_chart, terms, count)
    person = factories.PersonFactory(full_name="Nguyễn Văn Nhiều")
    for i, unit in enumerate(units):
        factories.OrgMembershipFactory(
            unit_id=unit.pk, person=person, term=terms[2015 if i % 2 else 2020]
        )
    response = assert_render_budget(person_url(org_chart, person), PERSON_BUDGET)
    assert sum(len(g["positions"]) for g in response.context["position_groups"]) == count


def test_site_of_terms(site, terms):
    other = Site.objects.create(hostname="xa.example", root_page=site.root_page)
    # Terms of another site may overlap this site's.
    Term(site=other, start_year=2022, end_year=2027).full_clean()


def test_a_term_in_use_cannot_be_deleted(admin_client, chart, terms):
    url = reverse("wagtailsnippets_org_structure_term:delete", args=[terms[2015].pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "Không thể xóa nhiệm kỳ này vì nơi khác vẫn đang dùng đến." in page.content.decode()
    response = admin_client.post(url)
    assert response.status_code == 302  # refused: back to the dashboard, nothing deleted
    assert Term.objects.filter(pk=terms[2015].pk).exists()
    assert OrgMembership.objects.filter(term=terms[2015]).exists()
    unused = factories.TermFactory(start_year=2030)
    url = reverse("wagtailsnippets_org_structure_term:delete", args=[unused.pk])
    assert admin_client.post(url).status_code == 302
    assert not Term.objects.filter(pk=unused.pk).exists()


def test_the_chart_preview_shows_the_current_term(admin_client, chart):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[chart["chart"].pk])
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[chart["chart"].pk]))
    data = querydict_from_html(page.content.decode(), form_id="page-edit-form")
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Lãnh đạo, thành viên nhiệm kỳ 2025–2030" in response.content.decode()
