"""The admin for the people who use it daily (issue 13, editors): the workflow's buttons
and messages, no autosave from a refused create form, no bulk action that would be
refused, the portal's branding and help, people by full name.

The same in Chromium, with what JavaScript draws: tests/browser/test_admin_daily.py.
"""

import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from news.models import NewsArticlePage
from site_core.editorial.setup import BOARD, COLLABORATORS, EDITORS, grant_section, setup_portal
from tests.admin_i18n.walker import form_data
from tests.test_workflow import approve, article_post_data, create_article, make_user, reject

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(home_page, news_index):
    setup_portal()
    return {
        "news": news_index,
        "ctv": make_user("ctv", Group.objects.get(name=COLLABORATORS), grant_section(news_index)),
        "btv": make_user("btv", Group.objects.get(name=EDITORS)),
        "bbt": make_user("bbt", Group.objects.get(name=BOARD)),
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def messages_html(response):
    return " ".join(re.findall(r'<div class="messages".*?</ul>', response.content.decode(), re.S))


def edit_form(client, page, **fields):
    """The edit form as the browser posts it (the StreamField is drawn by JavaScript)."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(client.get(url).content.decode(), {})
    # The blocks as stored, with their ids, as the browser's StreamField posts them back.
    body = json.loads(page.specific.get_latest_revision().content["body"])
    data["body-count"] = str(len(body))
    for index, block in enumerate(body):
        data.update(
            {
                f"body-{index}-type": block["type"],
                f"body-{index}-value": rich_text(block["value"]),
                f"body-{index}-id": block["id"],
                f"body-{index}-order": str(index),
                f"body-{index}-deleted": "",
            }
        )
    data.update(fields)
    return url, data


def footer(html):
    """The editor's footer action menu: (main buttons' HTML, dropdown's HTML)."""
    menu = html.split('class="w-dropdown-button', 1)[1].split("</footer>", 1)[0]
    main, _, dropdown = menu.partition('data-controller="w-dropdown"')
    return main, dropdown


# --- the workflow's buttons ------------------------------------------------------------------


def test_reviewer_gets_send_back_and_approve_as_the_main_buttons(portal):
    article = create_article(client_for(portal["ctv"]), portal["news"], "Tin chờ duyệt")
    html = client_for(portal["btv"]).get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    main, dropdown = footer(html.content.decode())
    assert re.search(r'data-workflow-action-name="reject"[^>]*>.*?Trả lại', main, re.S)
    assert re.search(
        r'data-workflow-action-name="approve"[^>]*>\s*<svg.*?</svg>\s*Duyệt\s*<', main, re.S
    )
    assert "Lưu bản nháp" in dropdown and "Lưu bản nháp" not in main  # behind the arrow
    assert "Duyệt kèm ý kiến" in dropdown


def test_board_main_button_says_it_publishes(portal):
    article = create_article(client_for(portal["ctv"]), portal["news"], "Tin chờ phê duyệt")
    approve(client_for(portal["btv"]), article)
    html = client_for(portal["bbt"]).get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    main, _dropdown = footer(html.content.decode())
    assert "Duyệt và xuất bản" in main and "Trả lại" in main


def test_writer_keeps_save_draft_as_the_main_button(portal):
    client = client_for(portal["ctv"])
    url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", portal["news"].pk])
    main, dropdown = footer(client.get(url).content.decode())
    assert "Lưu bản nháp" in main
    assert "Gửi duyệt theo Quy trình đăng tin" in dropdown


def test_sent_back_by_the_board_resubmits_to_the_first_step_and_says_so(portal):
    ctv = client_for(portal["ctv"])
    article = create_article(ctv, portal["news"], "Tin bị trả lại")
    approve(client_for(portal["btv"]), article)
    reject(client_for(portal["bbt"]), article, "Cần bổ sung nguồn tin.")
    response = ctv.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    html = response.content.decode()
    label = "Gửi duyệt lại: Biên tập viên duyệt"
    assert re.search(r'name="action-submit"[^>]*>.*?' + label, html, re.S)
    assert "Gửi duyệt lại: Ban biên tập phê duyệt" not in html
    banner = messages_html(response)
    assert f"“{label}”" in banner and "“Gửi duyệt”" not in banner
    # The button does what it says.
    url, data = edit_form(ctv, article, **{"action-submit": "1"})
    assert ctv.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.current_workflow_task.name == "Biên tập viên duyệt"


# --- messages after a workflow action --------------------------------------------------------


def test_approval_from_the_editor_links_to_the_explorer_then_to_the_live_page(portal):
    article = create_article(client_for(portal["ctv"]), portal["news"], "Tin được duyệt")
    explorer = reverse("wagtailadmin_explore", args=[portal["news"].pk])
    for role, expected in (("btv", "Bài chuyển sang bước “Ban biên tập phê duyệt”"), ("bbt", "")):
        client = client_for(portal[role])
        url, data = edit_form(
            client,
            article,
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        )
        response = client.post(url, data, follow=True)
        text = messages_html(response)
        assert "Đã cập nhật trang" not in text  # Wagtail's generic message is replaced
        if role == "btv":
            assert f"Đã duyệt “Tin được duyệt”. {expected}." in text
            assert f'href="{explorer}"' in text
    article.refresh_from_db()
    assert article.live
    assert "Đã duyệt và đăng “Tin được duyệt” lên cổng thông tin." in text
    assert f'href="{article.url}"' in text and "Xem trang đã đăng" in text


def test_send_back_from_the_dialog_links_to_the_explorer(portal):
    article = create_article(client_for(portal["ctv"]), portal["news"], "Tin trả lại")
    client = client_for(portal["btv"])
    reject(client, article, "Thiếu ảnh.")
    response = client.get(reverse("wagtailadmin_home"))
    text = messages_html(response)
    assert "Đã trả lại “Tin trả lại” cho CTV để sửa." in text
    assert reverse("wagtailadmin_explore", args=[portal["news"].pk]) in text


# --- autosave on the create view --------------------------------------------------------------


def test_refused_create_form_is_rendered_without_autosave(portal):
    client = client_for(portal["ctv"])
    url, data = article_post_data(client, portal["news"], "Tin thiếu sapo")
    fresh = client.get(url).content.decode()
    assert 'data-w-autosave-interval-value="500"' in fresh  # Wagtail's autosave, as shipped
    data["sapo"] = ""
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200 and "Chưa tạo được trang" in html
    assert "data-w-autosave-interval-value" not in html
    assert "w-autosave" not in re.search(r'<form[^>]*id="page-edit-form"[^>]*>', html, re.S)[0]
    assert "w-autosave-indicator" not in html  # the header claims nothing
    assert not NewsArticlePage.objects.filter(title="Tin thiếu sapo").exists()


# --- bulk actions ------------------------------------------------------------------------------


def bulk_urls(client, page):
    html = client.get(reverse("wagtailadmin_explore", args=[page.pk])).content.decode()
    return set(re.findall(r"/admin/bulk/wagtailcore/page/(\w+)/", html))


def test_collaborator_is_offered_no_page_bulk_action_and_a_forged_one_is_refused(portal):
    ctv = client_for(portal["ctv"])
    draft = create_article(ctv, portal["news"], "Bản nháp riêng", submit=False)
    assert bulk_urls(ctv, portal["news"]) == set()
    assert {"delete", "move"} <= bulk_urls(client_for(portal["btv"]), portal["news"])
    for action in ("delete", "move"):
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
        response = ctv.get(f"{url}?id={draft.pk}")
        assert "Bạn không có quyền" in response.content.decode()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    ctv.post(f"{url}?id={draft.pk}", {})
    assert Page.objects.filter(pk=draft.pk).exists()
    # One's own draft is still deleted one at a time, as Wagtail allows.
    single = reverse("wagtailadmin_pages:delete", args=[draft.pk])
    assert ctv.post(single).status_code == 302
    assert not Page.objects.filter(pk=draft.pk).exists()


def test_editor_may_bulk_delete_a_draft(portal):
    draft = create_article(client_for(portal["ctv"]), portal["news"], "Nháp bỏ", submit=False)
    btv = client_for(portal["btv"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    btv.post(f"{url}?id={draft.pk}", {})
    assert not Page.objects.filter(pk=draft.pk).exists()


# --- branding, help, names ---------------------------------------------------------------------


def test_admin_carries_the_portal_name_emblem_and_its_own_guide(portal, site):
    html = Client().get(reverse("wagtailadmin_login")).content.decode()
    assert "<title>Đăng nhập - Quản trị " in html
    assert "editorial/emblem.svg" in html and 'rel="icon"' in html
    assert "wagtailadmin/images/favicon.ico" not in html
    response = client_for(portal["btv"]).get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)[1]
    assert "guide.wagtail.org" not in props
    assert reverse("portal_editor_guide") in props
    assert "editorial/emblem.svg" in html.split("data-wagtail-sidebar-branding-logo", 1)[1][:600]
    guide = client_for(portal["ctv"]).get(reverse("portal_editor_guide")).content.decode()
    assert "Gửi duyệt lại: Biên tập viên duyệt" in guide


def test_people_are_shown_by_full_name_in_vietnamese_order(portal):
    user = get_user_model()(first_name="An", last_name="Nguyễn Văn", username="an")
    assert user.get_full_name() == "Nguyễn Văn An"
    assert user.get_short_name() == "An"
    assert get_user_model()(first_name="Quản trị hệ thống").get_full_name() == ("Quản trị hệ thống")
    portal["ctv"].first_name, portal["ctv"].last_name = "An", "Nguyễn Văn"
    portal["ctv"].save()
    article = create_article(client_for(portal["ctv"]), portal["news"], "Tin của An")
    btv = client_for(portal["btv"])
    reject(btv, article, "Sửa lại.")
    text = messages_html(btv.get(reverse("wagtailadmin_home")))
    assert "cho Nguyễn Văn An để sửa" in text
