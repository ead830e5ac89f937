"""Roles stay in their lane (issue 8, holes 4 and 5), tried through the admin as an attacker.

Hole 4: a member of "Quản trị" (user management) manages ordinary accounts only: no
superuser status, no passwords of staff accounts, no edits of superusers or of other
managers, no group with more rights for anyone (itself included), no group permissions.

Hole 5: a collaborator scoped to one section sees, in the admin's choosers, search and
reports, only live public pages and the pages of the sections they work in.
"""

import json

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

from news.models import NewsArticlePage
from site_core.editorial.setup import ADMINS, BOARD, EDITORS
from tests import factories
from tests.test_workflow import (  # noqa: F401  (portal: the fixture)
    PASSWORD,
    article_post_data,
    form_errors,
    make_user,
    portal,
)

User = get_user_model()

NEW_PASSWORD = "mat-khau-moi-cua-ke-tan-cong-2026"  # noqa: S105
CLASSIFIED_TITLE = "Nghị quyết về nhân sự Đại hội khóa mới (bản mật)"
DRAFT_EVENT_TITLE = "Sự kiện nhân sự chưa công bố"
PUBLIC_DOC_TITLE = "Nghị quyết về nhân sự làm công tác dân vận"
OWN_DRAFT_TITLE = "Dự thảo tin nhân sự của chuyên mục"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def refused(response):
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard
    (or 403 for XHR); either way the page asked for is not served."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def form_data(client, url):
    """The admin form at `url` as the browser would post it (a dict of lists)."""
    response = client.get(url)
    assert response.status_code == 200, url
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    return {key: data.getlist(key) for key in data}


def field_input(response, name):
    """The <input> named `name` in an admin form page, or None."""
    assert response.status_code == 200
    return WagtailTestUtils.get_soup(response.content).find("input", attrs={"name": name})


def edit_user_url(user):
    return reverse("wagtailusers_users:edit", args=[user.pk])


def account_data(user, **changes):
    """What the user edit form posts for `user`, with `changes` (lists for multi-values)."""
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name or "Tên",
        "last_name": user.last_name or "Họ",
        "is_active": "on" if user.is_active else "",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
    }
    if user.is_superuser:
        data["is_superuser"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


@pytest.fixture
def roles(portal):  # noqa: F811  (the fixture of tests/test_workflow.py)
    admins = Group.objects.get(name=ADMINS)
    portal["qt"] = make_user("qt", admins)
    portal["qt2"] = make_user("qt2", admins)
    portal["root"] = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    portal["root2"] = User.objects.create_superuser("root2", "root2@example.org", PASSWORD)
    portal["plain"] = make_user("plain")  # an account with no group and no admin access
    portal["admins"] = admins
    return portal


# Hole 4: a role rises above itself.


@pytest.mark.django_db
def test_user_manager_cannot_grant_superuser_status(roles):
    qt = client_for(roles["qt"])
    ctv = roles["ctv"]
    # The edit form does not offer the box, and a forged POST does not make a superuser.
    box = field_input(qt.get(edit_user_url(ctv)), "is_superuser")
    assert box is None or box.has_attr("disabled")
    response = qt.post(edit_user_url(ctv), account_data(ctv, is_superuser="on"))
    ctv.refresh_from_db()
    assert not ctv.is_superuser
    assert response.status_code == 200  # the form comes back with a message
    assert "Chỉ quản trị hệ thống" in response.content.decode()
    # Nor does creating an account with the box ticked.
    response = qt.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "moi",
            "email": "moi@example.org",
            "first_name": "Mới",
            "last_name": "Tài khoản",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "is_superuser": "on",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="moi").exists()
    assert field_input(qt.get(reverse("wagtailusers_users:add")), "is_superuser").has_attr(
        "disabled"
    )
    # A superuser still grants it.
    root = client_for(roles["root"])
    response = root.post(edit_user_url(ctv), account_data(ctv, is_superuser="on"))
    assert response.status_code == 302
    ctv.refresh_from_db()
    assert ctv.is_superuser


@pytest.mark.django_db
def test_user_manager_cannot_touch_a_superuser_account(roles):
    qt = client_for(roles["qt"])
    target = roles["root"]
    # The users list offers no edit or delete link for the superuser...
    listing = qt.get(reverse("wagtailusers_users:index")).content.decode()
    assert edit_user_url(target) not in listing
    assert reverse("wagtailusers_users:delete", args=[target.pk]) not in listing
    assert edit_user_url(roles["ctv"]) in listing  # ordinary accounts stay manageable
    # ...and the URLs refuse, whatever is posted.
    assert refused(qt.get(edit_user_url(target)))
    response = qt.post(
        edit_user_url(target),
        account_data(target, password1=NEW_PASSWORD, password2=NEW_PASSWORD, is_active=""),
    )
    assert refused(response)
    target.refresh_from_db()
    assert target.check_password(PASSWORD)
    assert target.is_active and target.is_superuser
    assert refused(qt.post(reverse("wagtailusers_users:delete", args=[target.pk])))
    # The bulk actions of the list skip the superuser and the other manager too.
    other_manager = roles["qt2"]
    ids = f"?id={target.pk}&id={other_manager.pk}"
    bulk = reverse("wagtail_bulk_action", args=["site_core", "user", "set_active_state"])
    qt.post(bulk + ids, {"mark_as_active": "False"})
    assert User.objects.filter(pk__in=[target.pk, other_manager.pk], is_active=True).count() == 2
    bulk_delete = reverse("wagtail_bulk_action", args=["site_core", "user", "delete"])
    qt.post(bulk_delete + ids)
    assert User.objects.filter(pk__in=[target.pk, other_manager.pk]).count() == 2
    # Another superuser may set the password.
    root2 = client_for(roles["root2"])
    response = root2.post(
        edit_user_url(target),
        account_data(target, password1=NEW_PASSWORD, password2=NEW_PASSWORD),
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_user_manager_cannot_set_passwords_of_staff(roles):
    qt = client_for(roles["qt"])
    board_member = roles["bbt"]
    assert 'name="password1"' not in qt.get(edit_user_url(board_member)).content.decode()
    response = qt.post(
        edit_user_url(board_member),
        account_data(board_member, password1=NEW_PASSWORD, password2=NEW_PASSWORD),
    )
    assert "Chỉ quản trị hệ thống" in response.content.decode()
    board_member.refresh_from_db()
    assert board_member.check_password(PASSWORD)
    # Nor the e-mail address, where a password reset would be sent.
    response = qt.post(
        edit_user_url(board_member), account_data(board_member, email="qt@example.org")
    )
    assert "Chỉ quản trị hệ thống" in response.content.decode()
    board_member.refresh_from_db()
    assert board_member.email == "bbt@example.org"
    # Another manager's account is out of reach altogether.
    assert refused(qt.get(edit_user_url(roles["qt2"])))
    # An account without any group or admin access is an ordinary one: its password may be
    # reset by the user manager.
    plain = roles["plain"]
    response = qt.post(
        edit_user_url(plain), account_data(plain, password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    )
    assert response.status_code == 302
    plain.refresh_from_db()
    assert plain.check_password(NEW_PASSWORD)
    # A superuser sets the board member's password.
    root = client_for(roles["root"])
    response = root.post(
        edit_user_url(board_member),
        account_data(board_member, password1=NEW_PASSWORD, password2=NEW_PASSWORD),
    )
    assert response.status_code == 302
    board_member.refresh_from_db()
    assert board_member.check_password(NEW_PASSWORD)


@pytest.mark.django_db
def test_user_manager_cannot_add_anyone_to_a_group_with_more_rights(roles):
    qt_user, ctv, admins = roles["qt"], roles["ctv"], roles["admins"]
    qt = client_for(qt_user)
    editors = Group.objects.get(name=EDITORS)
    board = Group.objects.get(name=BOARD)
    groups = [str(pk) for pk in ctv.groups.values_list("pk", flat=True)]
    # The form does not offer "Quản trị"; a forged choice is refused.
    offered = WagtailTestUtils.get_soup(qt.get(edit_user_url(ctv)).content).find_all(
        "input", attrs={"name": "groups"}
    )
    assert str(editors.pk) in [box["value"] for box in offered]
    assert str(admins.pk) not in [box["value"] for box in offered]
    response = qt.post(edit_user_url(ctv), account_data(ctv, groups=[*groups, str(admins.pk)]))
    assert response.status_code == 200
    assert not ctv.groups.filter(pk=admins.pk).exists()
    # Nor may the manager give itself more: its own groups are not editable.
    response = qt.post(
        edit_user_url(qt_user),
        account_data(qt_user, groups=[str(admins.pk), str(board.pk)]),
    )
    assert "Bạn không tự đổi nhóm của mình được" in response.content.decode()
    assert not qt_user.groups.filter(pk=board.pk).exists()
    # The bulk "assign role" refuses the same.
    bulk = reverse("wagtail_bulk_action", args=["site_core", "user", "assign_role"])
    qt.post(f"{bulk}?id={ctv.pk}&id={qt_user.pk}", {"role": str(admins.pk)})
    qt.post(f"{bulk}?id={qt_user.pk}", {"role": str(board.pk)})
    assert not ctv.groups.filter(pk=admins.pk).exists()
    assert not qt_user.groups.filter(pk=board.pk).exists()
    # What the role is for still works: ordinary accounts join content groups.
    qt.post(f"{bulk}?id={roles['plain'].pk}", {"role": str(board.pk)})
    assert roles["plain"].groups.filter(pk=board.pk).exists()
    response = qt.post(edit_user_url(ctv), account_data(ctv, groups=[*groups, str(editors.pk)]))
    assert response.status_code == 302
    assert ctv.groups.filter(pk=editors.pk).exists()
    # A superuser makes someone a user manager.
    root = client_for(roles["root"])
    groups = [str(pk) for pk in ctv.groups.values_list("pk", flat=True)]
    response = root.post(edit_user_url(ctv), account_data(ctv, groups=[*groups, str(admins.pk)]))
    assert response.status_code == 302
    assert ctv.groups.filter(pk=admins.pk).exists()


@pytest.mark.django_db
def test_user_manager_cannot_change_group_permissions(roles):
    admins = roles["admins"]
    assert not admins.permissions.filter(content_type__app_label="auth").exists()
    editors = Group.objects.get(name=EDITORS)
    add_redirect = Permission.objects.get(codename="add_redirect")
    edit_group_url = reverse("wagtailusers_groups:edit", args=[editors.pk])
    qt = client_for(roles["qt"])
    assert refused(qt.get(edit_group_url))
    root = client_for(roles["root"])
    data = form_data(root, edit_group_url)
    data["permissions"] = [*data.get("permissions", []), str(add_redirect.pk)]
    assert refused(qt.post(edit_group_url, data))
    assert not editors.permissions.filter(pk=add_redirect.pk).exists()
    # The way around: make an account of one's own a superuser or a manager, then use it.
    response = qt.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "tay-trong",
            "email": "tay-trong@example.org",
            "first_name": "Tay",
            "last_name": "Trong",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "is_superuser": "on",
            "groups": [str(admins.pk)],
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="tay-trong").exists()
    # An account in a content group is within the role; it cannot edit groups either.
    response = qt.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "tay-trong",
            "email": "tay-trong@example.org",
            "first_name": "Tay",
            "last_name": "Trong",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "groups": [str(editors.pk)],
        },
    )
    assert response.status_code == 302
    accomplice = User.objects.get(username="tay-trong")
    assert not accomplice.is_superuser
    assert refused(client_for(accomplice).post(edit_group_url, data))
    assert not editors.permissions.filter(pk=add_redirect.pk).exists()
    # A superuser edits the group's permissions through the same form.
    response = root.post(edit_group_url, data)
    assert response.status_code == 302
    assert editors.permissions.filter(pk=add_redirect.pk).exists()


# Hole 5: collaborators see what they should not.


@pytest.fixture
def secrets(roles, document_index, event_index, news_index):
    roles["secret"] = factories.LegalDocumentPageFactory(
        parent=document_index, title=CLASSIFIED_TITLE, live=False, secrecy_level="mat"
    )
    roles["draft_event"] = factories.EventPageFactory(
        parent=event_index, title=DRAFT_EVENT_TITLE, live=False
    )
    roles["public_doc"] = factories.LegalDocumentPageFactory(
        parent=document_index, title=PUBLIC_DOC_TITLE
    )
    roles["own_draft"] = factories.NewsArticlePageFactory(
        parent=news_index, title=OWN_DRAFT_TITLE, live=False
    )
    roles["documents"] = document_index
    return roles


def chooser_search(client, query, page_type=None):
    params = {"q": query}
    if page_type:
        params["page_type"] = page_type
    response = client.get(reverse("wagtailadmin_choose_page_search"), params)
    assert response.status_code == 200
    return response.content.decode()


def chooser_browse(client, parent):
    """The chooser's listing of `parent`'s children (a modal workflow response: JSON)."""
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[parent.pk]))
    assert response.status_code == 200
    return json.loads(response.content)["html"]


@pytest.mark.django_db
def test_page_chooser_and_admin_search_hide_drafts_outside_the_section(secrets):
    ctv = client_for(secrets["ctv"])
    for page_type in (None, "legal_docs.legaldocumentpage"):
        html = chooser_search(ctv, "nhân sự", page_type)
        assert CLASSIFIED_TITLE not in html
        assert PUBLIC_DOC_TITLE in html  # live public pages may be chosen
    html = chooser_search(ctv, "nhân sự")
    assert DRAFT_EVENT_TITLE not in html
    assert OWN_DRAFT_TITLE in html  # drafts of the collaborator's own section
    # Browsing: the documents index lists only the public document, and browsing "into"
    # a secret page by its id does not show its title.
    browse = chooser_browse(ctv, secrets["documents"])
    assert CLASSIFIED_TITLE not in browse
    assert PUBLIC_DOC_TITLE in browse
    inside = ctv.get(reverse("wagtailadmin_choose_page_child", args=[secrets["secret"].pk]))
    assert inside.status_code == 404
    # The admin's page search.
    search = ctv.get(reverse("wagtailadmin_pages:search"), {"q": "nhân sự"})
    assert CLASSIFIED_TITLE not in search.content.decode()
    # Editors and the board work on the whole site: they find it.
    for member in ("btv", "bbt"):
        client = client_for(secrets[member])
        assert CLASSIFIED_TITLE in chooser_search(client, "nhân sự", "legal_docs.legaldocumentpage")
        assert CLASSIFIED_TITLE in chooser_search(client, "nhân sự")
        assert CLASSIFIED_TITLE in chooser_browse(client, secrets["documents"])
        search = client.get(reverse("wagtailadmin_pages:search"), {"q": "nhân sự"})
        assert CLASSIFIED_TITLE in search.content.decode()


@pytest.mark.django_db
def test_related_documents_field_offers_no_secret_drafts(secrets):
    ctv = client_for(secrets["ctv"])
    add_url = reverse(
        "wagtailadmin_pages:add", args=["news", "newsarticlepage", secrets["news"].pk]
    )
    html = ctv.get(add_url).content.decode()
    assert CLASSIFIED_TITLE not in html
    assert PUBLIC_DOC_TITLE in html
    # Choosing it by a forged id is refused by the form.
    url, data = article_post_data(
        ctv,
        secrets["news"],
        "Tin có văn bản mật đính kèm",
        submit=False,
        extra={"related_documents": [str(secrets["secret"].pk)]},
    )
    response = ctv.post(url, data)
    assert response.status_code == 200
    assert "related_documents" in form_errors(response)
    assert not NewsArticlePage.objects.filter(title="Tin có văn bản mật đính kèm").exists()
    # A live public document is a valid choice.
    data["related_documents"] = [str(secrets["public_doc"].pk)]
    assert ctv.post(url, data).status_code == 302
    article = NewsArticlePage.objects.get(title="Tin có văn bản mật đính kèm")
    assert list(article.related_documents.all()) == [secrets["public_doc"]]
    # The board still finds it in the same field.
    assert CLASSIFIED_TITLE in client_for(secrets["bbt"]).get(add_url).content.decode()


@pytest.mark.django_db
def test_reports_show_no_titles_outside_the_section(secrets):
    bbt = secrets["bbt"]
    # The secret draft is the last edited legal document; the draft event is in review and
    # locked by the board member.
    secrets["secret"].save_revision(user=bbt, log_action=True)
    event = secrets["draft_event"]
    event.save_revision(user=bbt, log_action=True)
    event.get_workflow().start(event, bbt)
    Page.objects.filter(pk=event.pk).update(locked=True, locked_by=bbt)
    ctv = client_for(secrets["ctv"])
    url = reverse("wagtailadmin_reports:page_types_usage")
    for address in (url, reverse("wagtailadmin_reports:page_types_usage_results")):
        html = ctv.get(address).content.decode()
        assert CLASSIFIED_TITLE not in html
    # The row names the last edited document the collaborator may see instead.
    assert PUBLIC_DOC_TITLE in html
    assert CLASSIFIED_TITLE in client_for(bbt).get(url).content.decode()
    # The other reports are filtered by Wagtail itself (pages the user may edit, publish,
    # unlock or explore); they stay so.
    for name in ("locked_pages", "aging_pages", "site_history", "workflow", "workflow_tasks"):
        html = ctv.get(reverse(f"wagtailadmin_reports:{name}")).content.decode()
        assert CLASSIFIED_TITLE not in html, name
        assert DRAFT_EVENT_TITLE not in html, name
    board = client_for(bbt)
    assert DRAFT_EVENT_TITLE in board.get(reverse("wagtailadmin_reports:workflow")).content.decode()
    assert (
        CLASSIFIED_TITLE in board.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    )
