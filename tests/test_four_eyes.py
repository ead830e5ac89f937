"""Four eyes over what is actually published, and secrecy during review.

Each test drives the admin's own views by HTTP, as a reviewer trying to get their own
words published would. Wagtail publishes the latest revision when the last step approves,
so the four-eyes rule must look at every revision written since submission.
"""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from wagtail.models import TaskState
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from legal_docs.models import LegalDocumentPage
from site_core.editorial.setup import BOARD, BOARD_TASK, EDITOR_TASK, EDITORS
from tests import factories, test_workflow
from tests.test_workflow import (
    approve,
    create_article,
    form_errors,
    login,
    make_user,
    visitor_status,
)

portal = test_workflow.portal  # the groups, users and sections of the workflow tests

APPROVE = 'data-workflow-action-name="approve"'
REJECT = 'data-workflow-action-name="reject"'


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form(client, page, text, **fields):
    """The edit form as the browser would post it, with a new paragraph and `fields`."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data = {key: values[0] if len(values) == 1 else values for key, values in data.lists()}
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])})
    )
    data.update(fields)
    return data, html


def save_and_approve(client, page, text):
    """Edit the text and press "Phê duyệt" in the same request (the edit view's menu)."""
    data, html = edit_form(client, page, text)
    assert APPROVE in html  # offered: this reviewer has not written anything yet
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    return client.post(edit_url(page), data)


def save_draft(client, page, text, **fields):
    data, _html = edit_form(client, page, text, **fields)
    return client.post(edit_url(page), data)


def approve_task_state(client, page, task_state):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def latest_text(page):
    page.refresh_from_db()
    return str(page.get_latest_revision_as_object().body)


def current_task(page):
    page.refresh_from_db()
    task = page.current_workflow_task
    return task.name if task else None


def refused(response):
    """Wagtail answers a refused workflow action with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def awaiting_review_html(user):
    reviewer = Client()
    reviewer.force_login(user)
    html = reviewer.get(reverse("wagtailadmin_home")).content.decode()
    return html.split('id="portal-awaiting-review-section"', 1)[1].split("</section>", 1)[0]


@pytest.fixture
def at_board_step(client, portal):
    """An article by a collaborator, approved by an editor, waiting for the board."""
    article = create_article(login(client, portal["ctv"]), portal["news"], "Tin hội nghị tỉnh")
    assert approve(login(client, portal["btv"]), article).status_code == 302
    assert current_task(article) == BOARD_TASK
    return article


@pytest.mark.django_db
def test_board_member_cannot_edit_and_approve_in_one_request(client, portal, at_board_step):
    article = at_board_step
    response = save_and_approve(login(client, portal["bbt"]), article, "Câu Ban biên tập tự thêm.")
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert visitor_status(article) == 404
    # The edit is not lost, the refusal is explained, and the editors read the new text.
    assert "Câu Ban biên tập tự thêm." in latest_text(article)
    said = messages_of(response)
    assert "không thể tự phê duyệt" in said and "Phần sửa của bạn đã được lưu" in said
    assert current_task(article) == EDITOR_TASK

    assert approve(login(client, portal["btv"]), article).status_code == 302
    assert current_task(article) == BOARD_TASK
    # The board member who wrote the sentence is neither offered nor allowed to approve it.
    login(client, portal["bbt"])
    assert APPROVE not in client.get(edit_url(article)).content.decode()
    assert refused(approve(client, article))
    assert not article.live
    assert approve(login(client, portal["bbt2"]), article).status_code == 302
    article.refresh_from_db()
    assert article.live
    assert "Câu Ban biên tập tự thêm." in str(article.body)


@pytest.mark.django_db
def test_approving_from_the_edit_page_without_changing_the_text_publishes(
    client, portal, at_board_step
):
    """The browser's form differs from its initial data in form only (rich text serialised
    anew), so Wagtail saves a revision by the reviewer when they approve from the edit page:
    it changes nothing they could be the author of, and must not refuse their approval."""
    article = at_board_step
    text = latest_text(article)
    paragraph = article.get_latest_revision_as_object().body[0]
    login(client, portal["bbt"])
    data, _html = edit_form(client, article, "")
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text(str(paragraph.value)))])})
    )
    data.update({"body-0-id": paragraph.id})
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    revisions_before = article.revisions.count()
    response = client.post(edit_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.revisions.count() == revisions_before + 1  # the form "changed"
    assert article.live
    assert str(article.body) == text


@pytest.mark.django_db
def test_board_member_cannot_save_a_draft_then_approve(client, portal, at_board_step):
    article = at_board_step
    board_step = article.current_workflow_task_state
    login(client, portal["bbt"])
    assert save_draft(client, article, "Đoạn Ban biên tập viết lại.").status_code == 302
    assert refused(approve_task_state(client, article, board_step))
    article.refresh_from_db()
    assert not article.live
    board_step.refresh_from_db()
    assert board_step.status != TaskState.STATUS_APPROVED
    # Whatever step the page is at, the author of the draft cannot approve it.
    assert refused(approve(client, article))
    article.refresh_from_db()
    assert not article.live


@pytest.mark.django_db
def test_edit_during_review_sends_the_page_back_to_the_first_step(client, portal, at_board_step):
    article = at_board_step
    response = save_draft(login(client, portal["bbt"]), article, "Bản sửa của Ban biên tập.")
    assert response.status_code == 302
    assert "quay lại bước “Biên tập viên duyệt”" in messages_of(response)
    assert current_task(article) == EDITOR_TASK
    # It waits for the editors again, not for the board.
    assert article.title in awaiting_review_html(portal["btv"])
    assert article.title not in awaiting_review_html(portal["bbt2"])
    assert approve(login(client, portal["btv2"]), article).status_code == 302
    assert current_task(article) == BOARD_TASK
    assert article.title not in awaiting_review_html(portal["bbt"])
    assert article.title in awaiting_review_html(portal["bbt2"])
    assert approve(login(client, portal["bbt2"]), article).status_code == 302
    article.refresh_from_db()
    assert article.live
    assert "Bản sửa của Ban biên tập." in str(article.body)


@pytest.mark.django_db
def test_editor_who_edits_cannot_approve_the_first_step(client, portal):
    article = create_article(login(client, portal["ctv"]), portal["news"], "Tin cơ sở")
    response = save_and_approve(login(client, portal["btv"]), article, "Câu biên tập viên thêm.")
    assert response.status_code == 302
    assert "không thể tự phê duyệt" in messages_of(response)
    assert current_task(article) == EDITOR_TASK
    assert "Câu biên tập viên thêm." in latest_text(article)
    assert APPROVE not in client.get(edit_url(article)).content.decode()
    assert refused(approve(client, article))
    assert current_task(article) == EDITOR_TASK
    # Another editor reads it and it moves on to the board.
    assert approve(login(client, portal["btv2"]), article).status_code == 302
    assert current_task(article) == BOARD_TASK


@pytest.fixture
def editor_and_board_member(portal):
    return make_user("kiemnhiem", Group.objects.get(name=EDITORS), Group.objects.get(name=BOARD))


@pytest.mark.django_db
def test_one_person_never_approves_two_steps(client, portal, editor_and_board_member):
    both = editor_and_board_member
    article = create_article(login(client, portal["ctv"]), portal["news"], "Tin hai bước")
    assert approve(login(client, both), article).status_code == 302
    assert current_task(article) == BOARD_TASK
    board_step = article.current_workflow_task_state
    # Not offered: neither in the editor's action menu nor on the dashboard...
    html = client.get(edit_url(article)).content.decode()
    assert APPROVE not in html
    assert REJECT in html  # asking for changes stays possible
    assert article.title not in awaiting_review_html(both)
    assert board_step not in TaskState.objects.reviewable_by(both)
    # ...and refused when forged, by the view and by the task itself.
    assert refused(approve(client, article))
    with pytest.raises(PermissionDenied):
        board_step.task.specific.on_action(board_step, both, "approve")
    article.refresh_from_db()
    assert not article.live
    assert approve(login(client, portal["bbt"]), article).status_code == 302
    article.refresh_from_db()
    assert article.live


@pytest.mark.django_db
def test_approval_through_another_pages_url_is_refused(client, portal, editor_and_board_member):
    """The workflow view checks the actions on the page in its URL, then approves the task
    state given by id: the task must check that task state itself."""
    both = editor_and_board_member
    mine = create_article(login(client, portal["ctv"]), portal["news"], "Tin đã duyệt bước một")
    other = create_article(client, portal["news"], "Tin của người khác")
    assert approve(login(client, both), mine).status_code == 302
    assert approve(login(client, portal["btv"]), other).status_code == 302
    mine.refresh_from_db()
    login(client, both)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[other.pk, "approve", mine.current_workflow_task_state.pk],
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in (302, 403)
    mine.refresh_from_db()
    assert not mine.live
    assert current_task(mine) == BOARD_TASK


# --- secrecy ------------------------------------------------------------------------------


@pytest.fixture
def document_in_review(client, portal, document_index):
    """A legal document submitted by an editor and approved by another: at the board."""
    doc = factories.LegalDocumentPageFactory(
        parent=document_index,
        title="Nghị quyết về công tác cán bộ",
        live=False,
        date_issued=datetime.date(2024, 3, 1),
        date_effective=datetime.date(2024, 3, 1),
    )
    data, _html = edit_form(login(client, portal["btv"]), doc, "Điều 1.", **{"action-submit": "1"})
    response = client.post(edit_url(doc), data)
    assert response.status_code == 302, form_errors(response)
    assert approve(login(client, portal["btv2"]), doc).status_code == 302
    assert current_task(doc) == BOARD_TASK
    return doc


@pytest.mark.django_db
def test_secrecy_set_during_review_stops_the_workflow(client, portal, document_in_review):
    doc = document_in_review
    board_step = doc.current_workflow_task_state
    login(client, portal["bbt"])
    response = save_draft(client, doc, "Điều 1.", secrecy_level="mat")
    assert response.status_code == 302, form_errors(response)
    assert "độ mật “Mật” nên quy trình duyệt đã dừng" in messages_of(response)
    doc.refresh_from_db()
    assert doc.current_workflow_state is None  # cancelled, not waiting in anyone's queue
    assert doc.get_latest_revision_as_object().secrecy_level == "mat"
    assert not doc.live
    # Nobody can approve it any more; trying is answered, not a server error.
    response = approve_task_state(login(client, portal["bbt2"]), doc, board_step)
    assert response.status_code == 302
    doc.refresh_from_db()
    assert not doc.live
    assert visitor_status(doc) == 404
    # Not stuck: once declassified it can be submitted again.
    data, html = edit_form(login(client, portal["bbt"]), doc, "Điều 1.", secrecy_level="")
    assert "chỉ được lưu bản nháp" in html
    data["action-submit"] = "1"
    assert client.post(edit_url(doc), data).status_code == 302
    assert current_task(doc) == EDITOR_TASK


@pytest.mark.django_db
def test_approving_a_secret_latest_revision_ends_the_workflow(client, portal, document_in_review):
    doc = document_in_review
    # A revision made without the editor (a script, a translation sync) carries a level.
    draft = doc.get_latest_revision_as_object()
    draft.secrecy_level = "toi-mat"
    draft.save_revision()
    response = approve(login(client, portal["bbt2"]), doc)
    assert response.status_code == 302  # not a server error
    doc.refresh_from_db()
    assert not doc.live
    assert doc.current_workflow_state is None  # ended, not left in progress
    assert LegalDocumentPage.objects.get(pk=doc.pk).live is False
    page = client.get(response["Location"])
    assert "độ mật “Tối mật”" in page.content.decode()
