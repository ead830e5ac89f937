"""The publishing rules live in the page permission tester: Wagtail's own views, menus and
bulk actions refuse by themselves, and offer nothing they would refuse. Driven through
the admin by HTTP, as each role."""

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import Page, PageLogEntry
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from news.models import NewsArticlePage
from tests import factories
from tests.test_workflow import login, portal  # noqa: F401  (the portal fixture)

REASON = "Thông tin chưa được kiểm chứng, gỡ để xác minh."


def bulk_url(action, *pages):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    return url + "?" + "&".join(f"id={page.pk}" for page in pages)


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def public_status(page):
    page.refresh_from_db()
    return Client().get(page.url).status_code if page.url else 404


@pytest.fixture
def live_article(portal):  # noqa: F811
    return factories.NewsArticlePageFactory(parent=portal["news"], title="Tin đang đăng")


@pytest.fixture
def drafts(portal):  # noqa: F811
    return [
        factories.NewsArticlePageFactory(parent=portal["news"], title=f"Bản nháp {n}", live=False)
        for n in (1, 2)
    ]


def edit_form_data(client, page, body="<p>Toàn văn tin hoạt động.</p>"):
    """The page editor's form as the browser posts it (the StreamField body is built by
    the editor's JavaScript, so it is added here)."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data = {key: values[0] if len(values) == 1 else values for key, values in data.lists()}
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(body))])}))
    return url, data


# --- publishing directly ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["ctv", "btv", "bbt"])
def test_publish_post_on_the_edit_view_saves_a_draft(client, portal, drafts, role):  # noqa: F811
    draft = drafts[0]
    login(client, portal[role])
    url, data = edit_form_data(client, draft, body="<p>Chưa ai duyệt câu này.</p>")
    html = client.get(url).content.decode()
    assert 'name="action-publish"' not in html  # not offered ...
    data["action-publish"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302  # ... and a forged POST is a draft save, not a 500
    assert not is_live(draft)
    assert public_status(draft) == 404
    assert "Chưa ai duyệt câu này." in str(draft.get_latest_revision_as_object().body)


@pytest.mark.django_db
def test_copy_offers_no_publishing_and_makes_no_live_copy_or_alias(client, portal, live_article):  # noqa: F811
    login(client, portal["bbt"])
    url = reverse("wagtailadmin_pages:copy", args=[live_article.pk])
    html = client.get(url).content.decode()
    assert 'name="publish_copies"' not in html
    assert 'name="alias"' not in html
    for slug, extra in (("ban-sao", {"publish_copies": "on"}), ("bi-danh", {"alias": "on"})):
        data = {
            "new_title": f"Bản sao {slug}",
            "new_slug": slug,
            "new_parent_page": portal["news"].pk,
            **extra,
        }
        assert client.post(url, data).status_code == 302
        copy = Page.objects.get(slug=slug)
        assert not copy.live
        assert copy.alias_of_id is None
    assert not Page.objects.filter(alias_of=live_article).exists()


# --- bulk actions ----------------------------------------------------------------------


def bulk_buttons(client, parent):
    html = client.get(reverse("wagtailadmin_explore", args=[parent.pk])).content.decode()
    return {
        action
        for action in ("publish", "unpublish", "move", "delete")
        if f'href="{bulk_url(action).rstrip("?")}"' in html
    }


@pytest.mark.django_db
def test_explorer_offers_only_the_bulk_actions_a_role_may_use(
    client,
    admin_client,
    portal,  # noqa: F811
    live_article,
):
    news = portal["news"]
    # Collaborators curate nothing in bulk (site_core/editorial/bulk_rules.py).
    assert bulk_buttons(login(client, portal["ctv"]), news) == set()
    assert bulk_buttons(login(client, portal["btv"]), news) == {"move", "delete"}
    assert bulk_buttons(login(client, portal["bbt"]), news) == {"unpublish", "move", "delete"}
    assert bulk_buttons(admin_client, news) == {"publish", "unpublish", "move", "delete"}
    # The editor's page menu has neither publish nor withdraw.
    html = login(client, portal["btv"]).get(
        reverse("wagtailadmin_pages:edit", args=[live_article.pk])
    )
    html = html.content.decode()
    assert 'name="action-publish"' not in html
    assert reverse("wagtailadmin_pages:unpublish", args=[live_article.pk]) not in html
    # What is not offered is refused too.
    client.post(bulk_url("unpublish", live_article), {"reason": REASON})
    assert is_live(live_article)


@pytest.mark.django_db
def test_board_bulk_publish_is_refused(client, portal, drafts):  # noqa: F811
    login(client, portal["bbt"])
    url = bulk_url("publish", *drafts)
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert 'type="submit"' not in confirm.content.decode()  # only "go back": nothing allowed
    response = client.post(url, {"include_descendants": "on"})
    assert response.status_code == 302  # Wagtail acts on the pages allowed: none
    assert not any(is_live(page) for page in drafts)


@pytest.mark.django_db
def test_bulk_unpublish_requires_a_reason_kept_in_each_history(client, portal, live_article):  # noqa: F811
    second = factories.NewsArticlePageFactory(parent=portal["news"], title="Tin thứ hai")
    login(client, portal["bbt"])
    url = bulk_url("unpublish", live_article, second)
    assert "Lý do gỡ bài" in client.get(url).content.decode()
    for data in ({}, {"reason": "   "}):
        response = client.post(url, data)
        assert response.status_code == 200  # the form again, with its error
        assert "Hãy ghi lý do gỡ bài" in response.content.decode()
        assert is_live(live_article) and is_live(second)
    # Articles keep a notice at their address (tests/test_withdrawals.py).
    data = {"reason": REASON, "public_reason": "Bài đang được xác minh lại."}
    assert client.post(url, data).status_code == 302
    for page in (live_article, second):
        assert not is_live(page)
        entry = PageLogEntry.objects.get(page=page, action="portal.withdraw")
        assert entry.user == portal["bbt"]
        assert entry.data["reason"] == REASON
    history = client.get(reverse("wagtailadmin_pages:history", args=[second.pk]))
    assert REASON in history.content.decode()


@pytest.mark.django_db
def test_withdrawing_with_descendants_keeps_the_reason_in_each_history(client, portal):  # noqa: F811
    section = factories.StandardPageFactory(parent=portal["home"], title="Hướng dẫn")
    child = factories.StandardPageFactory(parent=section, title="Hướng dẫn gửi bài")
    login(client, portal["bbt"])
    url = reverse("wagtailadmin_pages:unpublish", args=[section.pk])
    response = client.post(url, {"reason": REASON, "include_descendants": "on"})
    assert response.status_code == 302
    for page in (section, child):
        assert not is_live(page)
        entry = PageLogEntry.objects.get(page=page, action="portal.withdraw")
        assert entry.user == portal["bbt"]
        assert entry.data["reason"] == REASON


# --- taking a live page down -------------------------------------------------------------


@pytest.mark.django_db
def test_a_live_page_is_withdrawn_with_a_reason_before_it_is_deleted(
    client,
    portal,  # noqa: F811
    live_article,
):
    login(client, portal["bbt"])
    delete_url = reverse("wagtailadmin_pages:delete", args=[live_article.pk])
    assert (
        delete_url
        not in client.get(
            reverse("wagtailadmin_pages:edit", args=[live_article.pk])
        ).content.decode()
    )
    assert client.post(delete_url).status_code in (302, 403)
    assert is_live(live_article)
    assert public_status(live_article) == 200
    unpublish_url = reverse("wagtailadmin_pages:unpublish", args=[live_article.pk])
    client.post(unpublish_url, {"reason": REASON, "remove_entirely": "on"})
    assert PageLogEntry.objects.filter(page_id=live_article.pk, action="portal.withdraw").exists()
    assert client.post(delete_url).status_code == 302
    assert not NewsArticlePage.objects.filter(pk=live_article.pk).exists()
