"""The two-step moderation workflow, driven through the admin views as people use it."""

import datetime
import json

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission, Page, PageLogEntry, Workflow, WorkflowPage
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from news.models import NewsArticlePage
from site_core.editorial.models import FourEyesApprovalTask
from site_core.editorial.setup import (
    BOARD,
    COLLABORATORS,
    EDITORS,
    WORKFLOW_NAME,
    grant_section,
    setup_portal,
)

PASSWORD = "mat-khau-thu-nghiem-2026"  # noqa: S105


def make_user(username, *groups):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username.upper()
    )
    for group in groups:
        user.groups.add(group)
    return user


@pytest.fixture
def portal(home_page, news_index, event_index):
    setup_portal()
    collaborators = Group.objects.get(name=COLLABORATORS)
    news_group = grant_section(news_index)
    editors = Group.objects.get(name=EDITORS)
    board = Group.objects.get(name=BOARD)
    return {
        "home": home_page,
        "news": news_index,
        "events": event_index,
        "ctv": make_user("ctv", collaborators, news_group),
        "btv": make_user("btv", editors),
        "btv2": make_user("btv2", editors),
        "bbt": make_user("bbt", board),
        "bbt2": make_user("bbt2", board),
    }


def login(client, user):
    client.force_login(user)
    return client


def article_post_data(client, parent, title, submit=True, extra=None):
    """The add form as the browser would post it: its own fields plus a StreamField body."""
    url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", parent.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = {key: values[0] if len(values) == 1 else values for key, values in data.lists()}
    data.update(
        nested_form_data(
            {
                "title": title,
                "slug": "",
                "sapo": f"Sapo của bài {title}.",
                "date": "20/11/2026 09:30",
                "body": streamfield([("paragraph", rich_text(f"<p>Nội dung {title}.</p>"))]),
            }
        )
    )
    if submit:
        data["action-submit"] = "1"
    data.update(extra or {})
    return url, data


def form_errors(response):
    """The fields a re-rendered admin form complains about, for readable failures."""
    html = response.content.decode()
    found = []
    for part in html.split("error-message")[:-1]:
        label = part.rsplit('for="id_', 1)
        found.append(label[1].split('"', 1)[0] if len(label) == 2 else "?")
    return found or html[:500]


def create_article(client, parent, title, **kwargs):
    url, data = article_post_data(client, parent, title, **kwargs)
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    return NewsArticlePage.objects.get(title=title)


def approve(client, page, comment=""):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": comment})


def reject(client, page, comment):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    return client.post(url, {"comment": comment})


def visitor_status(page):
    page.refresh_from_db()
    return Client().get(page.url).status_code if page.url else 404


@pytest.mark.django_db
def test_setup_is_idempotent_and_replaces_wagtail_defaults(portal):
    from django.contrib.auth.models import Permission

    from wagtail.models import GroupCollectionPermission, Task, WorkflowTask

    def counts():
        return [
            model.objects.count()
            for model in (
                Group,
                Permission,
                GroupPagePermission,
                GroupCollectionPermission,
                Workflow,
                WorkflowTask,
                WorkflowPage,
                Task,
            )
        ]

    before = counts()
    call_command("setup_portal", verbosity=0)
    assert counts() == before
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    # Root and every language tree of the site fall under our workflow.
    ours = Workflow.objects.get(name=WORKFLOW_NAME)
    assert Page.get_first_root_node().get_workflow() == ours
    assert portal["news"].get_workflow() == ours
    tasks = [task.specific for task in ours.tasks.order_by("workflow_tasks__sort_order")]
    assert [type(task) for task in tasks] == [FourEyesApprovalTask, FourEyesApprovalTask]
    assert [list(t.groups.values_list("name", flat=True)) for t in tasks] == [[EDITORS], [BOARD]]


@pytest.mark.django_db
def test_english_tree_gets_the_same_workflow(portal):
    from wagtail.models import Locale

    english_home = portal["home"].copy_for_translation(Locale.objects.get(language_code="en"))
    assert english_home.get_workflow().name == WORKFLOW_NAME
    assert GroupPagePermission.objects.filter(
        page=english_home, group__name=BOARD, permission__codename="publish_page"
    ).exists()


@pytest.mark.django_db
def test_full_path_collaborator_editor_board_visitor(client, portal, settings):
    # The address `make run HOST=… PORT=…` serves at (the Makefile exports it).
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8001"
    mail.outbox.clear()
    article = create_article(login(client, portal["ctv"]), portal["news"], "Hội nghị sơ kết quý IV")
    assert not article.live
    assert article.current_workflow_state.status == "in_progress"
    assert visitor_status(article) == 404
    # Step 1 is announced to the editors, in Vietnamese, with a link to the page.
    to_editors = [m for m in mail.outbox if "btv@example.org" in m.to]
    assert to_editors and "Chờ duyệt" in to_editors[0].subject
    assert f"http://127.0.0.1:8001/admin/pages/{article.pk}/edit/" in to_editors[0].body
    assert not [m for m in mail.outbox if "bbt@example.org" in m.to]

    mail.outbox.clear()
    response = approve(login(client, portal["btv"]), article, "Đạt yêu cầu biên tập.")
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_task.name == "Ban biên tập phê duyệt"
    assert visitor_status(article) == 404
    assert [m for m in mail.outbox if "bbt@example.org" in m.to]

    mail.outbox.clear()
    response = approve(login(client, portal["bbt"]), article)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert visitor_status(article) == 200
    to_author = [m for m in mail.outbox if "ctv@example.org" in m.to]
    assert to_author and "Đã duyệt" in to_author[0].subject
    assert article.full_url in to_author[0].body
    # The audit log names every step with who did it.
    actions = list(
        PageLogEntry.objects.filter(page=article)
        .order_by("timestamp")
        .values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "ctv") in actions
    assert ("wagtail.workflow.approve", "btv") in actions
    assert ("wagtail.workflow.approve", "bbt") in actions
    assert ("wagtail.publish", "bbt") in actions


@pytest.mark.django_db
def test_collaborator_cannot_publish(client, portal):
    login(client, portal["ctv"])
    url, data = article_post_data(
        client,
        portal["news"],
        "Bài cộng tác viên tự đăng",
        submit=False,
        extra={"action-publish": "1"},
    )
    assert client.post(url, data).status_code == 302
    article = NewsArticlePage.objects.get(title="Bài cộng tác viên tự đăng")
    assert not article.live
    # Editing it again with action-publish still leaves it unpublished.
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    html = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in html
    data = querydict_from_html(html, form_id="page-edit-form")
    data = {k: v[0] if len(v) == 1 else v for k, v in data.lists()}
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Sửa.</p>"))])}))
    data["action-publish"] = "1"
    assert client.post(edit_url, data).status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert visitor_status(article) == 404


@pytest.mark.django_db
def test_board_cannot_publish_around_the_editors(client, portal):
    login(client, portal["bbt"])
    url, data = article_post_data(
        client,
        portal["news"],
        "Ban biên tập đăng thẳng",
        submit=False,
        extra={"action-publish": "1"},
    )
    assert 'name="action-publish"' not in client.get(url).content.decode()
    response = client.post(url, data)
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(title="Ban biên tập đăng thẳng")
    assert not article.live  # saved as a draft, not lost, not published


@pytest.mark.django_db
def test_four_eyes_nobody_approves_their_own_submission(client, portal):
    article = create_article(
        login(client, portal["btv"]), portal["news"], "Tin do biên tập viên viết"
    )
    task_state = article.current_workflow_task_state
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    edit_html = client.get(edit_url).content.decode()
    assert 'data-workflow-action-name="reject"' in edit_html
    assert 'data-workflow-action-name="approve"' not in edit_html
    other_editor = Client()
    other_editor.force_login(portal["btv2"])
    assert 'data-workflow-action-name="approve"' in other_editor.get(edit_url).content.decode()
    # A forged POST is refused (Wagtail turns the PermissionDenied into a redirect to the
    # dashboard with an error) and changes nothing.
    response = approve(client, article)
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == reverse("wagtailadmin_home")
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    # Another editor may approve; the board member who did not write it finishes.
    assert approve(login(client, portal["btv2"]), article).status_code == 302
    assert approve(login(client, portal["bbt"]), article).status_code == 302
    article.refresh_from_db()
    assert article.live


@pytest.mark.django_db
def test_four_eyes_at_the_board_step(client, portal):
    article = create_article(
        login(client, portal["bbt"]), portal["news"], "Tin do Ban biên tập viết"
    )
    assert approve(login(client, portal["btv"]), article).status_code == 302
    refused = approve(login(client, portal["bbt"]), article)
    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_task.name == "Ban biên tập phê duyệt"
    assert approve(login(client, portal["bbt2"]), article).status_code == 302
    article.refresh_from_db()
    assert article.live


@pytest.mark.django_db
def test_reject_with_comment_and_resubmit_restarts_the_workflow(client, portal):
    article = create_article(login(client, portal["ctv"]), portal["news"], "Tin cần sửa")
    assert approve(login(client, portal["btv"]), article).status_code == 302
    mail.outbox.clear()
    response = reject(login(client, portal["bbt"]), article, "Thiếu nguồn ảnh, bổ sung giúp.")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.current_workflow_state.status == "needs_changes"
    to_author = [m for m in mail.outbox if "ctv@example.org" in m.to]
    assert to_author and "Thiếu nguồn ảnh, bổ sung giúp." in to_author[0].body
    # The author sees the comment in the editor.
    login(client, portal["ctv"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    html = client.get(edit_url).content.decode()
    assert "Thiếu nguồn ảnh, bổ sung giúp." in html
    data = querydict_from_html(html, form_id="page-edit-form")
    data = {k: v[0] if len(v) == 1 else v for k, v in data.lists()}
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Đã bổ sung.</p>"))])})
    )
    data["action-submit"] = "1"
    assert client.post(edit_url, data).status_code == 302
    article.refresh_from_db()
    state = article.current_workflow_state
    assert state.status == "in_progress"
    # The changed text goes back to the editors first, not straight to the board.
    assert article.current_workflow_task.name == "Biên tập viên duyệt"


@pytest.mark.django_db
def test_collaborator_outside_their_section_is_refused(client, portal):
    login(client, portal["ctv"])
    url = reverse("wagtailadmin_pages:add", args=["news", "eventpage", portal["events"].pk])
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"title": "Sự kiện lạ"}).status_code in (302, 403)
    assert not Page.objects.filter(title="Sự kiện lạ").exists()
    # Editing a page of another section is refused too.
    edit_url = reverse("wagtailadmin_pages:edit", args=[portal["events"].pk])
    assert client.get(edit_url).status_code in (302, 403)


@pytest.mark.django_db
def test_scheduled_publication_after_approval(client, portal):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    article = create_article(
        login(client, portal["ctv"]),
        portal["news"],
        "Tin đăng theo lịch",
        extra={"go_live_at": timezone.localtime(go_live).strftime("%d/%m/%Y %H:%M")},
    )
    assert approve(login(client, portal["btv"]), article).status_code == 302
    assert approve(login(client, portal["bbt"]), article).status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert article.revisions.filter(approved_go_live_at__isnull=False).exists()
    call_command("publish_scheduled", verbosity=0)
    article.refresh_from_db()
    assert not article.live  # not before its time
    # Let the clock pass the go-live time: move the approved revision's date into the past.
    revision = article.revisions.get(approved_go_live_at__isnull=False)
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled", verbosity=0)
    article.refresh_from_db()
    assert article.live


@pytest.mark.django_db
def test_board_withdraws_with_a_reason_in_the_history(client, portal):
    article = create_article(login(client, portal["ctv"]), portal["news"], "Tin sẽ bị gỡ")
    approve(login(client, portal["btv"]), article)
    approve(login(client, portal["bbt"]), article)
    article.refresh_from_db()
    assert article.live
    login(client, portal["bbt"])
    url = reverse("wagtailadmin_pages:unpublish", args=[article.pk])
    assert "Lý do gỡ bài" in client.get(url).content.decode()
    client.post(url, {})  # no reason: refused
    article.refresh_from_db()
    assert article.live
    client.post(
        url,
        {
            "reason": "Thông tin chưa chính xác, chờ xác minh.",
            "public_reason": "Ban biên tập gỡ bài để xác minh thông tin.",
        },
    )
    article.refresh_from_db()
    assert not article.live
    entry = PageLogEntry.objects.get(page=article, action="portal.withdraw")
    assert entry.user == portal["bbt"]
    assert entry.data["reason"] == "Thông tin chưa chính xác, chờ xác minh."
    history = client.get(reverse("wagtailadmin_pages:history", args=[article.pk]))
    assert "Thông tin chưa chính xác, chờ xác minh." in history.content.decode()
    # Editors cannot withdraw.
    login(client, portal["btv"])
    client.post(url, {"reason": "thử"})
    assert not PageLogEntry.objects.filter(
        page=article, action="portal.withdraw", user=portal["btv"]
    ).exists()


@pytest.mark.django_db
def test_dashboard_panels(client, portal):
    first = create_article(login(client, portal["ctv"]), portal["news"], "Bài gửi trước")
    second = create_article(client, portal["news"], "Bài gửi sau")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Bài tôi đã gửi duyệt" in html
    assert "Bài gửi trước" in html and "Đang chờ duyệt" in html
    # The editor sees what waits for them, oldest first.
    html = login(client, portal["btv"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "Bài chờ tôi duyệt" in html
    assert html.index(first.title) < html.index(second.title)
    # The board sees nothing yet: the editors have not approved.
    html = login(client, portal["bbt"]).get(reverse("wagtailadmin_home")).content.decode()
    assert "Không có bài nào đang chờ bạn duyệt." in html


@pytest.mark.django_db
def test_section_collection_scopes_a_collaborators_media(portal):
    from wagtail.documents.permissions import permission_policy as document_policy
    from wagtail.images.permissions import permission_policy as image_policy
    from wagtail.models import Collection

    section = Collection.objects.get(name=portal["news"].title)
    root = Collection.get_first_root_node()
    for policy in (image_policy, document_policy):
        allowed = set(policy.collections_user_has_permission_for(portal["ctv"], "add"))
        assert allowed == {section}
        assert root in set(policy.collections_user_has_permission_for(portal["btv"], "add"))


@pytest.fixture
def sub_portal(portal, root_page):
    """An affiliated committee's portal: its own Site and tree in the same installation."""
    from wagtail.models import Site

    from tests import factories

    home = factories.HomePageFactory(parent=root_page, title="Đảng bộ phường Trấn Biên")
    Site.objects.create(
        hostname="tranbien.localhost", port=80, root_page=home, site_name="Phường Trấn Biên"
    )
    news = factories.NewsIndexPageFactory(parent=home)
    setup_portal()
    suffix = " · Phường Trấn Biên"
    return {
        "home": home,
        "news": news,
        "btv": make_user("btv_tb", Group.objects.get(name=EDITORS + suffix)),
        "bbt": make_user("bbt_tb", Group.objects.get(name=BOARD + suffix)),
        "workflow": Workflow.objects.get(name=WORKFLOW_NAME + suffix),
    }


@pytest.mark.django_db
def test_sub_portal_has_its_own_groups_and_workflow(client, portal, sub_portal):
    assert sub_portal["news"].get_workflow() == sub_portal["workflow"]
    assert portal["news"].get_workflow().name == WORKFLOW_NAME
    tasks = [
        t.specific for t in sub_portal["workflow"].tasks.order_by("workflow_tasks__sort_order")
    ]
    assert [list(t.groups.values_list("name", flat=True)) for t in tasks] == [
        [EDITORS + " · Phường Trấn Biên"],
        [BOARD + " · Phường Trấn Biên"],
    ]
    # Editors of one portal can neither see nor change the other's pages.
    province_news, ward_news = portal["news"], sub_portal["news"]
    assert ward_news.permissions_for_user(sub_portal["btv"]).can_edit()
    assert not province_news.permissions_for_user(sub_portal["btv"]).can_edit()
    assert not ward_news.permissions_for_user(portal["btv"]).can_edit()
    login(client, sub_portal["btv"])
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[province_news.pk])).status_code == 302
    )
    assert client.get(reverse("wagtailadmin_pages:edit", args=[ward_news.pk])).status_code == 200


@pytest.mark.django_db
def test_sub_portal_submission_goes_to_its_own_editors(client, portal, sub_portal):
    from django.contrib.auth.models import Group as AuthGroup

    writer = make_user("ctv_tb", AuthGroup.objects.get(name=COLLABORATORS + " · Phường Trấn Biên"))
    writer.groups.add(grant_section(sub_portal["news"], "Cộng tác viên · Tin phường Trấn Biên"))
    mail.outbox.clear()
    article = create_article(login(client, writer), sub_portal["news"], "Tin phường Trấn Biên")
    recipients = {address for message in mail.outbox for address in message.to}
    assert "btv_tb@example.org" in recipients
    assert "btv@example.org" not in recipients
    assert approve(login(client, portal["btv"]), article).status_code == 302  # not theirs
    article.refresh_from_db()
    assert article.current_workflow_task.name == "Biên tập viên duyệt · Phường Trấn Biên"
    assert approve(login(client, sub_portal["btv"]), article).status_code == 302
    assert approve(login(client, sub_portal["bbt"]), article).status_code == 302
    article.refresh_from_db()
    assert article.live


@pytest.mark.django_db
def test_an_emptied_paragraph_cannot_be_submitted_but_can_be_kept_as_draft(client, portal):
    login(client, portal["ctv"])
    empty = {"body": streamfield([("paragraph", rich_text(""))])}
    url, data = article_post_data(client, portal["news"], "Tin chưa viết xong")
    data.update(nested_form_data(empty))
    response = client.post(url, data)
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body"][0]
    assert "Đoạn văn đang trống" in json.dumps(error.as_json_data(), ensure_ascii=False)
    assert not NewsArticlePage.objects.filter(title="Tin chưa viết xong").exists()

    url, data = article_post_data(client, portal["news"], "Tin chưa viết xong", submit=False)
    data.update(nested_form_data(empty))
    assert client.post(url, data).status_code == 302
    draft = NewsArticlePage.objects.get(title="Tin chưa viết xong")
    assert draft.current_workflow_state is None
