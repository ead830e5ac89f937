"""The whole publishing path through the real admin screens, in Chromium:
a collaborator writes and submits, an editor approves, the board approves, a visitor reads."""

import json

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from news.models import NewsArticlePage, NewsIndexPage
from site_core.editorial.setup import BOARD, COLLABORATORS, EDITORS, grant_section, setup_portal
from tests.browser import admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "trinh-duyet-2026"  # noqa: S105
TITLE = "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ năm"


@pytest.fixture
def portal(browser_site):
    news = browser_site.add_child(
        instance=NewsIndexPage(title="Tin hoạt động", slug="tin-hoat-dong", show_in_menus=True)
    )
    setup_portal()
    section = grant_section(news)
    users = {}
    for username, groups in {
        "ctv": [Group.objects.get(name=COLLABORATORS), section],
        "btv": [Group.objects.get(name=EDITORS)],
        "bbt": [Group.objects.get(name=BOARD)],
    }.items():
        user = get_user_model().objects.create_user(
            username, f"{username}@example.org", PASSWORD, first_name=username.upper()
        )
        user.groups.set(groups)
        users[username] = user
    return {"news": news, **users}


def log_in(browser, live_server, username):
    return admin.log_in(browser, live_server, username, PASSWORD, height=900)


def footer_action(tab, selector):
    """Click an action of the editor's footer menu, opening the menu when it is folded."""
    target = tab.locator(selector).first
    if not target.is_visible():
        tab.locator("footer [data-w-dropdown-target='toggle']").first.click()
    target.click()


def workflow_step(browser, live_server, username, article, screenshot, shot):
    tab = log_in(browser, live_server, username)
    # The reviewer finds the article on the dashboard, in the panel of what waits for them.
    panel = tab.locator("#portal-awaiting-review-section")
    assert TITLE in panel.inner_text()
    panel.get_by_role("link", name=TITLE).click()
    tab.wait_for_url(f"**/admin/pages/{article.pk}/edit/")
    # The StreamField is drawn by the admin's script: approving before it has drawn the
    # body would post an empty paragraph.
    tab.locator(".public-DraftEditor-content").first.wait_for()
    tab.wait_for_load_state("networkidle")
    with tab.expect_navigation():
        footer_action(tab, "[data-workflow-action-name='approve']")
    tab.wait_for_load_state("networkidle")
    screenshot(tab, shot)
    errors = tab.evaluate(
        """() => [...document.querySelectorAll('.error-message')].map(
            e => (e.closest('[data-field-wrapper]')?.querySelector('label')?.textContent || 'khối nội dung')
                 + ': ' + e.textContent.trim())"""
    )
    assert errors == [], errors
    tab.context.close()


def test_collaborator_editor_board_visitor(browser, live_server, portal, screenshot):
    news = portal["news"]

    # 1. The collaborator writes the article and submits it.
    tab = log_in(browser, live_server, "ctv")
    tab.goto(f"/admin/pages/add/news/newsarticlepage/{news.pk}/")
    tab.fill("#id_title", TITLE)
    tab.fill("#id_sapo", "Hội nghị bàn các nhiệm vụ trọng tâm của quý cuối năm.")
    tab.locator("[data-streamfield-stream-container] button, .c-sf-add-button").first.click()
    tab.get_by_role("option", name="Đoạn văn").or_(
        tab.locator("button", has_text="Đoạn văn")
    ).first.click()
    editor = tab.locator(".public-DraftEditor-content").first
    editor.click()
    editor.type("Sáng nay, Ban Chấp hành Đảng bộ tỉnh khai mạc hội nghị lần thứ năm.")
    # Draftail writes its state into the form's hidden input at most every 250 ms.
    tab.wait_for_function(
        "() => [...document.querySelectorAll('input[type=hidden]')]"
        ".some(input => input.value.includes('khai m'))"
    )
    screenshot(tab, "workflow-1-collaborator-writes")
    with tab.expect_navigation():
        footer_action(tab, "button[name='action-submit']")
    tab.wait_for_load_state("networkidle")
    assert "/add/" not in tab.url
    article = NewsArticlePage.objects.get(title=TITLE)
    assert not article.live
    body = json.loads(article.get_latest_revision().content["body"])
    assert "khai mạc hội nghị lần thứ năm" in body[0]["value"]
    assert article.current_workflow_task.name == "Biên tập viên duyệt"
    screenshot(tab, "workflow-2-submitted")
    # The collaborator has no way to publish.
    tab.goto(f"/admin/pages/{article.pk}/edit/")
    assert tab.locator("button[name='action-publish']").count() == 0
    tab.context.close()

    # A visitor cannot see it yet.
    visitor = browser.new_context(base_url=live_server.url).new_page()
    assert visitor.goto(article.url).status == 404

    # 2. The editor approves step 1.
    workflow_step(browser, live_server, "btv", article, screenshot, "workflow-3-editor-approved")
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_task.name == "Ban biên tập phê duyệt"
    assert visitor.goto(article.url).status == 404

    # 3. The board approves step 2, which publishes.
    workflow_step(browser, live_server, "bbt", article, screenshot, "workflow-4-board-approved")
    article.refresh_from_db()
    assert article.live

    # 4. The visitor reads it.
    response = visitor.goto(article.url)
    assert response.status == 200
    assert visitor.locator("h1").first.inner_text().strip() == TITLE
    screenshot(visitor, "workflow-5-visitor-reads")
    visitor.context.close()
