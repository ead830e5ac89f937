"""Scale (issue 12): with many sub-portals the admin's explorer, dashboards, chooser,
listings and reports, the homes and search cost the same number of queries as with two.

Each sub-portal is a full one (home.subportals.create_subportal, as `seed_bulk
--subportals` makes them), which takes seconds: the larger count is SCALE_SUBPORTALS
(6 by default, four more than two, which keeps the suite short; 100 by hand). Any
query made once per Site, group or workflow shows as a difference between the two counts.
tools/subportal_scale.py measures the same pages with 2 and 100 for docs/benchmarks.md.
"""

import os

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import TaskState, get_page_models

from home.models import SubPortal
from site_core.demo.bulk_subportals import SLUG, ensure_subportals
from site_core.editorial.models import FourEyesApprovalTask
from site_core.editorial.setup import group_names, setup_portal
from tests import factories
from tools.subportal_scale import PAGES, context, measure_pages, role_users

LARGE = int(os.environ.get("SCALE_SUBPORTALS", "6"))
# The workflows listing has a row per sub-portal's workflow, whose rows cost queries in
# Wagtail's own code (the "Used by" count): it grows by exactly these queries a row, up to
# the listing's page size (20 workflows), and is the superusers' alone. The rows of the
# explorer of the tree's root and of the page chooser's first level (a row per home) read
# their cells' facts for all rows at once (site_core/siblings.py,
# site_core/editorial/chooser_rows.py) and cost the same.
PER_ROW = {"workflows": 2}
# The site history report fetches the specific pages of its newest 20 log entries, a
# query per page type among them: more kinds of pages on its first page (new sub-portals'
# sections) cost a query each, bounded by the number of page types, not by the sites.
BY_PAGE_TYPE = {"report_site_history"}


@pytest.fixture
def province(home_page, news_index, document_index):
    setup_portal()
    factories.NewsArticlePageFactory(parent=news_index, title="Tin của tỉnh", is_featured=True)
    factories.LegalDocumentPageFactory(parent=document_index)
    return home_page


def test_every_page_costs_the_same_with_2_and_many_sub_portals(client, province, settings):
    settings.ALLOWED_HOSTS = ["*"]
    assert ensure_subportals(2, articles=1) == 2
    subportal = SubPortal.objects.get(slug=SLUG.format(number=1))
    ctx, users = context(subportal), role_users(subportal)
    small = measure_pages(client, ctx, users)
    # What the pages show is what was measured: the sub-portals' news reach the province.
    html = client.get("/").content.decode()
    assert "Đảng bộ xã Thử nghiệm 002: tin hoạt động số 1" in html

    assert ensure_subportals(LARGE, articles=1) == LARGE - 2
    large = measure_pages(client, ctx, users)
    print(f"\n[queries] 2 → {LARGE} sub-portals:")
    for key, label, *_ in PAGES:
        print(f"  {label}: {small[key][0]} → {large[key][0]}")
    added = LARGE - 2
    expected = {
        key: small[key][0] + PER_ROW.get(key, 0) * added for key in small if key not in BY_PAGE_TYPE
    }
    assert {key: large[key][0] for key in expected} == expected
    for key in BY_PAGE_TYPE:
        assert large[key][0] <= small[key][0] + len(get_page_models()), key


def test_seed_bulk_adds_sub_portals_up_to_the_total_once(province, settings):
    settings.PORTAL_ALLOW_DEMO = True
    call_command("seed_bulk", subportals=2, subportal_articles=2, verbosity=0)
    assert SubPortal.objects.count() == 2
    subportal = SubPortal.objects.select_related("site").get(slug=SLUG.format(number=2))
    assert subportal.site.hostname == "dang-bo-xa-thu-nghiem-002.localhost"
    news = subportal.site.root_page.get_children().get(slug="tin-hoat-dong")
    assert news.get_children().live().count() == 2
    # A second run, and a smaller total, add nothing.
    call_command("seed_bulk", subportals=2, verbosity=0)
    call_command("seed_bulk", subportals=1, verbosity=0)
    assert SubPortal.objects.count() == 2
    assert news.get_children().count() == 2


def test_the_dashboards_review_list_is_wagtails_in_a_few_queries(
    province, django_assert_max_num_queries
):
    """The dashboard asks FourEyesApprovalTask.states_to_review, not Wagtail's
    reviewable_by (a query or two per task): the same task states, for every role."""
    ensure_subportals(3, articles=1)
    portals = list(SubPortal.objects.select_related("site").order_by("slug"))
    users = role_users(portals[0])
    submitter = users["subportal_editor"]
    states = []
    for subportal in portals[:2]:
        article = subportal.site.root_page.get_children().get(slug="tin-hoat-dong")
        article = article.get_children().first().specific
        workflow = article.get_workflow()
        states.append(workflow.start(article, submitter).current_task_state)
    User = get_user_model()
    board = User.objects.create_user("scale-board")
    board.groups.set([Group.objects.get(name=group_names(portals[1].site)["board"])])
    other_editor = User.objects.create_user("scale-other-editor")
    other_editor.groups.set([Group.objects.get(name=group_names(portals[1].site)["editor"])])
    seen = {}
    for name, user in {**users, "board": board, "other_editor": other_editor}.items():
        with django_assert_max_num_queries(4):
            ours = set(FourEyesApprovalTask.states_to_review(user))
        assert ours == set(TaskState.objects.reviewable_by(user)), name
        seen[name] = ours
    assert seen["superuser"] == set(states)
    assert seen["other_editor"] == {states[1]}  # the first step is the editors'
    assert seen["subportal_editor"] == set()  # the submitter never reviews their own
    assert seen["board"] == seen["province_editor"] == set()
