"""The explorer's per-row facts read for all rows at once (site_core/siblings.py): the
"Translate this page"/"Sync translated pages" buttons are wagtail-localize's, and the
"add child page" rule (max_count_per_parent) is Wagtail's, in a constant number of queries."""

from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import Translation, TranslationSource

from history.models import HistoryIndexPage
from legal_docs.models import LegalDocumentIndexPage
from news.models import EventIndexPage
from org_structure.models import OrgChartPage
from site_core import navigation, siblings
from site_core.editorial import localize_buttons
from site_core.editorial.setup import COLLABORATORS, EDITORS, setup_portal
from tests import factories

pytestmark = pytest.mark.django_db


def buttons(hook, page, user):
    next_url = "/admin/pages/"
    return [
        (str(button.label), button.url, button.priority, button.icon_name)
        for button in hook(page, user, next_url=next_url)
    ]


@pytest.fixture
def tree(home_page, standard_page, history_index):
    """The introduction is a source with an enabled English translation; the history
    section is translated nowhere; an alias of the introduction sits beside them."""
    setup_portal()
    english = Locale.objects.get(language_code="en")
    home_en = home_page.copy_for_translation(english)
    about_en = standard_page.copy_for_translation(english)
    source, _ = TranslationSource.get_or_create_from_instance(standard_page)
    Translation.objects.create(source=source, target_locale=english, enabled=True)
    alias = standard_page.create_alias(update_slug="ban-sao-gioi-thieu")
    second_home = factories.HomePageFactory(parent=Page.get_first_root_node())
    User = get_user_model()
    editor = User.objects.create_user("sibling-editor")
    editor.groups.add(Group.objects.get(name=EDITORS))
    collaborator = User.objects.create_user("sibling-collaborator")
    collaborator.groups.add(Group.objects.get(name=COLLABORATORS))
    return {
        "home": home_page,
        "about": standard_page,
        "history": history_index,
        "alias": alias,
        "home_en": home_en,
        "about_en": about_en,
        "second_home": second_home,
        "source": source,
        "superuser": User.objects.create_superuser("sibling-root"),
        "editor": editor,
        "collaborator": collaborator,
    }


def test_the_listing_hook_replaces_wagtail_localizes_in_the_listings_only():
    listing = hooks.get_hooks("register_page_listing_more_buttons")
    header = hooks.get_hooks("register_page_header_buttons")
    assert localize_buttons.page_listing_more_buttons in listing
    assert localize_hooks.page_listing_more_buttons not in listing
    assert localize_hooks.page_listing_more_buttons in header


@pytest.mark.parametrize("at_once", [500, 0], ids=["siblings-at-once", "page-by-page"])
def test_the_buttons_are_wagtail_localizes(tree, monkeypatch, at_once):
    # Under a parent of many children (a news index) the facts are read page by page.
    monkeypatch.setattr(siblings, "SIBLINGS_AT_ONCE", at_once)
    token = navigation._request_memo.set({})
    try:
        check_buttons(tree)
    finally:
        navigation._request_memo.reset(token)


def check_buttons(tree):
    pages = [tree[name] for name in ("home", "about", "history", "alias", "home_en", "about_en")]
    pages += [tree["second_home"], Page.get_first_root_node()]
    for user in ("superuser", "editor", "collaborator"):
        for page in pages:
            ours = buttons(localize_buttons.page_listing_more_buttons, page, tree[user])
            theirs = buttons(localize_hooks.page_listing_more_buttons, page, tree[user])
            assert ours == theirs, (user, page.title)

    superuser = tree["superuser"]
    translate = reverse("wagtail_localize:submit_page_translation", args=[tree["history"].pk])
    sync = reverse("wagtail_localize:update_translations", args=[tree["source"].pk])
    # A locale missing: Translate; translated everywhere, a source with enabled translations:
    # Sync only.
    history = buttons(localize_buttons.page_listing_more_buttons, tree["history"], superuser)
    assert [(url, icon) for _, url, _, icon in history] == [
        (translate, "wagtail-localize-language")
    ]
    about = buttons(localize_buttons.page_listing_more_buttons, tree["about"], superuser)
    assert [(url, icon) for _, url, _, icon in about] == [
        (f"{sync}?next=%2Fadmin%2Fpages%2F", "resubmit")
    ]
    # An alias is translated through the page it is an alias of.
    alias = buttons(localize_buttons.page_listing_more_buttons, tree["alias"], superuser)
    assert alias[0][1] == reverse(
        "wagtail_localize:submit_page_translation", args=[tree["about"].pk]
    )
    assert (
        buttons(localize_buttons.page_listing_more_buttons, tree["about"], tree["collaborator"])
        == []
    )


def test_the_explorer_shows_them_in_a_constant_number_of_queries(
    client, tree, django_assert_max_num_queries
):
    client.force_login(tree["superuser"])
    url = reverse("wagtailadmin_explore", args=[tree["home"].pk])
    html = client.get(url).content.decode()
    sync = reverse("wagtail_localize:update_translations", args=[tree["source"].pk])
    assert reverse("wagtail_localize:submit_page_translation", args=[tree["history"].pk]) in html
    assert sync in html
    # The root's listing: the homes, the untranslated second one with its Translate button.
    root = reverse("wagtailadmin_explore", args=[Page.get_first_root_node().pk])
    html = client.get(root).content.decode()
    second = tree["second_home"].pk
    assert reverse("wagtail_localize:submit_page_translation", args=[second]) in html
    with django_assert_max_num_queries(60) as before:
        client.get(root)
    for number in range(3):
        factories.HomePageFactory(parent=Page.get_first_root_node(), title=f"Cổng {number}")
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get(root)
    html = response.content.decode()
    assert html.count("/admin/localize/submit/page/") >= 4  # the new homes' Translate


MODELS = [HistoryIndexPage, OrgChartPage, EventIndexPage, LegalDocumentIndexPage]


def wagtails_rule(model, parent):
    return Page.can_create_at.__func__(model, parent)


def test_can_create_at_is_wagtails_rule(tree):
    for parent in (tree["home"], tree["second_home"], tree["home_en"], tree["about"]):
        for model in MODELS:
            assert model.can_create_at(parent) == wagtails_rule(model, parent), (model, parent)
    assert not HistoryIndexPage.can_create_at(tree["home"])  # the home has one
    assert HistoryIndexPage.can_create_at(tree["second_home"])


def test_a_section_made_within_the_request_counts_at_once(tree, django_assert_num_queries):
    token = navigation._request_memo.set({})
    try:
        homes = [tree["home"], tree["second_home"]]
        ContentType.objects.get_for_model(OrgChartPage)  # Django's per-process cache, warm
        # The root's number of children (few: read for all at once), then the counts.
        with django_assert_num_queries(2):
            assert [OrgChartPage.can_create_at(home) for home in homes] == [True, True]
        factories.OrgChartPageFactory(parent=tree["second_home"])
        assert not OrgChartPage.can_create_at(tree["second_home"])
        assert OrgChartPage.can_create_at(tree["home"])
    finally:
        navigation._request_memo.reset(token)


# --- the page chooser's rows (site_core/editorial/chooser_rows.py) ----------------------


def chooser_html(client, parent):
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[parent.pk]))
    assert response.status_code == 200
    return response.json()["html"]


def add_rows(home, editor, number):
    """A live page, a draft in moderation and a scheduled draft under `home`."""
    factories.StandardPageFactory(parent=home, title=f"Trang sống {number}")
    moderated = factories.StandardPageFactory(parent=home, title=f"Chờ duyệt {number}", live=False)
    moderated.save_revision(user=editor)
    moderated.get_workflow().start(moderated, editor)
    scheduled = factories.StandardPageFactory(parent=home, title=f"Hẹn giờ {number}", live=False)
    go_live = timezone.now() + timedelta(days=3)
    scheduled.save_revision(user=editor, approved_go_live_at=go_live)


def test_the_choosers_rows_are_wagtails_in_a_constant_number_of_queries(
    client, tree, django_assert_max_num_queries
):
    client.force_login(tree["superuser"])
    home = tree["home"]
    add_rows(home, tree["editor"], 1)
    chooser_html(client, home)
    with django_assert_max_num_queries(60) as before:
        html = chooser_html(client, home)
    # Every row's status as Wagtail computes it on a fresh page, and its parent's id.
    statuses = set()
    for page in Page.objects.get(pk=home.pk).get_children().specific():
        status = str(page.status_string)
        statuses.add(status)
        row = html[html.index(f'data-id="{page.pk}"') :]
        assert f'data-parent-id="{home.pk}"' in row[: row.index(">")], page.title
        assert status in row[: row.index("</tr>")], (page.title, status)
    assert len(statuses) >= 3  # live, in moderation, scheduled at least
    add_rows(home, tree["editor"], 2)
    with django_assert_max_num_queries(len(before.captured_queries)):
        chooser_html(client, home)
