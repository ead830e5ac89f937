"""The admin of every day, in Chromium at 1280 px, for a collaborator, an editor, a board
member and an administrator: Vietnamese once the JavaScript ran (tests/admin_i18n/browser_walk.py),
the reviewer's primary buttons, the sent-back banner, the message after approval, the
create form's autosave and the portal's branding.

Screenshots of the reviewer's edit page and of the collaborator's sent-back page go to the
artifacts folder (docs/screenshots/admin-*.png keeps a copy).
"""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Page

from news.models import NewsArticlePage, NewsIndexPage
from site_core.editorial.setup import BOARD, COLLABORATORS, EDITORS, grant_section, setup_portal
from tests import factories
from tests.admin_i18n.browser_walk import BrowserReport
from tests.admin_i18n.portal import tiny_png
from tests.browser import admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "hang-ngay-2026"  # noqa: S105
NAMES = {  # username -> (given name, family and middle names)
    "ctv": ("An", "Nguyễn Văn"),
    "btv": ("Bình", "Trần Thị"),
    "bbt": ("Cường", "Lê Văn"),
    "qtv": ("Dũng", "Phạm Văn"),
}


@pytest.fixture
def newsroom(browser_site):
    news = browser_site.add_child(
        instance=NewsIndexPage(title="Tin hoạt động", slug="tin-hoat-dong", show_in_menus=True)
    )
    setup_portal()
    groups = {
        "ctv": [Group.objects.get(name=COLLABORATORS), grant_section(news)],
        "btv": [Group.objects.get(name=EDITORS)],
        "bbt": [Group.objects.get(name=BOARD)],
        "qtv": [],
    }
    users = {}
    for username, (given, family) in NAMES.items():
        user = get_user_model().objects.create_user(
            username,
            f"{username}@example.org",
            PASSWORD,
            first_name=given,
            last_name=family,
            is_superuser=username == "qtv",
        )
        user.groups.set(groups[username])
        users[username] = user
    ctv, btv, bbt = users["ctv"], users["btv"], users["bbt"]
    now = timezone.now()
    older = []
    for days in (0.2, 3, 15, 70, 800):  # "giờ", "ngày", "tuần", "tháng", "năm" trước
        page = factories.NewsArticlePageFactory(parent=news, title=f"Tin cũ {days} ngày")
        when = now - datetime.timedelta(days=days)
        Page.objects.filter(pk=page.pk).update(
            latest_revision_created_at=when, last_published_at=when
        )
        older.append(page)

    def submitted(title):
        # Content the editor's form posts back unchanged (a date to the minute, rich text
        # with Draftail's block keys): approving from the editor is no edit
        # (site_core/editorial/workflow_rules.py).
        page = factories.NewsArticlePageFactory(
            parent=news,
            title=title,
            live=False,
            date=now.replace(second=0, microsecond=0),
            body=factories.paragraph('<p data-block-key="k0a1b">Toàn văn tin hoạt động.</p>'),
        )
        page.save_revision(user=ctv)
        return page, page.get_workflow().start(page, ctv)

    in_review, _ = submitted("Tin chờ biên tập viên duyệt")
    at_board, state = submitted("Tin chờ Ban biên tập phê duyệt")
    state.current_task_state.approve(user=btv)
    sent_back, state = submitted("Tin bị Ban biên tập trả lại")
    state.current_task_state.approve(user=btv)
    state.refresh_from_db()
    state.current_task_state.specific.reject(user=bbt, comment="Cần bổ sung nguồn tin.")
    return {
        "news": news,
        "users": users,
        "in_review": in_review,
        "at_board": at_board,
        "sent_back": sent_back,
        "live": older[0],
    }


def log_in(browser, live_server, username):
    return admin.log_in(browser, live_server, username, PASSWORD, height=800)


def open_footer_menu(tab):
    tab.locator("footer [data-w-dropdown-target='toggle']").first.click()
    tab.wait_for_timeout(200)


def open_help_menu(tab):
    tab.locator("#wagtail-sidebar").get_by_role("button", name="Trợ giúp").click()
    tab.wait_for_timeout(200)


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_daily_path_reads_vietnamese_in_the_browser(browser, live_server, newsroom, screenshot):
    report = BrowserReport()
    news, live = newsroom["news"], newsroom["live"]

    # Collaborator: dashboard, the section's pages (relative times), the sent-back page,
    # a new article with its date picker, the help menu, a refused bulk action.
    tab = log_in(browser, live_server, "ctv")
    report.read(tab, "Bảng điều khiển (ctv)")
    tab.goto(f"/admin/pages/{news.pk}/")
    listing = report.read(tab, "Danh sách tin (ctv)")
    times = " ".join(text for _source, text in listing.fragments)
    for unit in ("giờ trước", "ngày trước", "tuần trước", "tháng trước", "năm trước"):
        assert unit in times
    tab.goto(edit_url(newsroom["sent_back"]))
    report.read(tab, "Tin bị trả lại (ctv)")
    open_footer_menu(tab)
    report.read(tab, "Tin bị trả lại: trình đơn (ctv)")
    screenshot(tab, "admin-sent-back-collaborator")
    tab.goto(f"/admin/pages/add/news/newsarticlepage/{news.pk}/")
    tab.locator("#id_title").wait_for()
    report.read(tab, "Thêm tin (ctv)")
    labels = tab.eval_on_selector_all(
        ".xdsoft_datepicker :is(.xdsoft_prev, .xdsoft_today_button, .xdsoft_next)",
        "buttons => buttons.map(b => b.getAttribute('aria-label'))",
    )
    assert labels and set(labels) == {"Tháng trước", "Về hôm nay", "Tháng sau"}, labels
    assert set(tab.locator(".xdsoft_save_selected").all_inner_texts()) <= {"Chọn", ""}
    open_help_menu(tab)
    report.read(tab, "Trình đơn trợ giúp (ctv)")
    # The menu is drawn from the sidebar's JSON: no link to Wagtail's English guide.
    assert "guide.wagtail.org" not in tab.locator("#wagtail-sidebar-props").text_content()
    assert "guide.wagtail.org" not in tab.locator("#wagtail-sidebar").inner_html()
    tab.get_by_role("link", name="Hướng dẫn biên tập").click()
    tab.wait_for_url("**/admin/huong-dan/")
    report.read(tab, "Hướng dẫn biên tập (ctv)")
    tab.goto(f"/admin/bulk/wagtailcore/page/delete/?id={live.pk}&next=/admin/")
    report.read(tab, "Xóa hàng loạt bị từ chối (ctv)")
    tab.context.close()

    # Editor: the review, the footer's two primary actions, a duplicate image upload.
    tab = log_in(browser, live_server, "btv")
    report.read(tab, "Bảng điều khiển (btv)")
    tab.goto(edit_url(newsroom["in_review"]))
    report.read(tab, "Tin chờ duyệt (btv)")
    screenshot(tab, "admin-reviewer-edit")
    open_footer_menu(tab)
    report.read(tab, "Tin chờ duyệt: trình đơn (btv)")
    # An upload: the list item is drawn by the uploader's script. (The duplicate-image
    # dialogs are server-rendered: the catalogue walk, tests/test_admin_i18n.py, reads them.)
    tab.goto("/admin/images/multiple/add/")
    picture = {"name": "anh-moi.png", "mimeType": "image/png", "buffer": tiny_png()}
    tab.locator("#fileupload").set_input_files(files=[picture])
    tab.locator("#upload-list li.upload-complete").first.wait_for()
    report.read(tab, "Tải nhiều ảnh (btv)")
    for url, name in (
        (f"/admin/pages/{news.pk}/", "Danh sách tin (btv)"),
        ("/admin/reports/workflow/", "Báo cáo quy trình (btv)"),
        (f"/admin/pages/{newsroom['in_review'].pk}/history/", "Lịch sử trang (btv)"),
        ("/admin/account/", "Tài khoản (btv)"),
    ):
        tab.goto(url)
        report.read(tab, name)
    tab.context.close()

    # Board: approving publishes, and the message links to the live page.
    article = newsroom["at_board"]
    tab = log_in(browser, live_server, "bbt")
    report.read(tab, "Bảng điều khiển (bbt)")
    tab.goto(edit_url(article))
    report.read(tab, "Tin chờ phê duyệt (bbt)")
    tab.locator(".public-DraftEditor-content").first.wait_for()
    tab.wait_for_load_state("networkidle")
    with tab.expect_navigation():
        tab.locator("footer button[data-workflow-action-name='approve']").first.click()
    message = report.read(tab, "Sau khi phê duyệt (bbt)")
    article.refresh_from_db()
    assert article.live, tab.locator(".messages").inner_text()
    text = " ".join(t for _s, t in message.fragments)
    assert f"Đã duyệt và đăng “{article.title}”" in text
    assert tab.locator(f".messages a[href='{article.url}']").count() == 1
    tab.context.close()

    # Administrator: users by full name.
    tab = log_in(browser, live_server, "qtv")
    tab.goto("/admin/users/")
    users = report.read(tab, "Người dùng (qtv)")
    text = " ".join(t for _s, t in users.fragments)
    for given, family in NAMES.values():
        assert f"{family} {given}" in text
    tab.context.close()

    assert len(report.screens) >= 20
    assert report.count == 0, "\n" + report.as_text()


def test_reviewer_sees_send_back_and_approve_as_primary_buttons(browser, live_server, newsroom):
    tab = log_in(browser, live_server, "btv")
    tab.goto(edit_url(newsroom["in_review"]))
    reject = tab.locator("footer button[data-workflow-action-name='reject']").first
    approve = tab.locator("footer button[data-workflow-action-name='approve']").first
    assert reject.is_visible() and approve.is_visible()  # not folded behind the arrow
    assert reject.inner_text().strip() == "Trả lại"
    assert approve.inner_text().strip() == "Duyệt"
    assert not tab.locator("footer button[name='action-save-draft']").first.is_visible()
    tab.context.close()


def test_sent_back_page_names_the_real_next_step(browser, live_server, newsroom):
    tab = log_in(browser, live_server, "ctv")
    tab.goto(edit_url(newsroom["sent_back"]))
    banner = tab.locator(".messages").inner_text()
    label = "Gửi duyệt lại: Biên tập viên duyệt"
    assert f"“{label}”" in banner and "Lưu bản nháp" in banner
    open_footer_menu(tab)
    button = tab.locator("footer button[name='action-submit']")
    assert button.inner_text().strip() == label
    with tab.expect_navigation():
        button.click()
    page = NewsArticlePage.objects.get(pk=newsroom["sent_back"].pk)
    assert page.current_workflow_task.name == "Biên tập viên duyệt"
    tab.context.close()


def test_refused_create_form_is_not_autosaved(browser, live_server, newsroom):
    news = newsroom["news"]
    tab = log_in(browser, live_server, "ctv")
    tab.goto(f"/admin/pages/add/news/newsarticlepage/{news.pk}/")
    # The title set without input events: Wagtail's autosave does not run before the
    # submission (it would create the draft from the fresh form, as Wagtail intends).
    tab.evaluate(
        "() => { const title = document.querySelector('#id_title');"
        " title.value = 'Tin thiếu sapo'; title.form.noValidate = true; }"
    )
    open_footer_menu(tab)
    with tab.expect_navigation():
        tab.locator("footer button[name='action-submit']").click()
    tab.wait_for_load_state("networkidle")
    assert "Chưa tạo được trang" in tab.locator(".messages").inner_text()
    # The refused form has unsaved changes; Wagtail's autosave would create the page now.
    tab.fill("#id_title", "Tin thiếu sapo, đã sửa tiêu đề")
    tab.wait_for_timeout(2500)
    assert not NewsArticlePage.objects.filter(title__startswith="Tin thiếu sapo").exists()
    assert not tab.get_by_text("Đã lưu", exact=True).is_visible()
    assert "/add/" in tab.url
    tab.context.close()


def test_admin_carries_the_portal_name_and_emblem(browser, live_server, newsroom):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto("/admin/login/")
    assert "Cổng thông tin điện tử Đảng bộ tỉnh" in tab.title()
    assert tab.locator(".login-logo img").get_attribute("alt") == (
        "Cổng thông tin điện tử Đảng bộ tỉnh"
    )
    favicon = tab.locator("link[rel='icon']").get_attribute("href")
    assert "wagtailadmin" not in favicon
    context.close()
    tab = log_in(browser, live_server, "btv")
    sidebar = tab.locator("#wagtail-sidebar")
    assert sidebar.locator("img.portal-admin-emblem__image").count() == 1
    assert sidebar.locator("svg.icon-wagtail").count() == 0  # no bird
    tab.context.close()
