"""A stale edit form is refused: two editors open the same page, the first saves, and the
second one's save (from the form loaded before) must not overwrite the newer revision."""

import pytest

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from tests import factories

pytestmark = pytest.mark.django_db


def editor(username, given_name, family_names):
    user = get_user_model().objects.create_superuser(
        username, f"{username}@example.org", "mat-khau-thu-nghiem-2026"
    )
    # Vietnamese order (site_core.models.User): family and middle names in last_name.
    user.first_name, user.last_name = given_name, family_names
    user.save()
    client = Client()
    client.force_login(user)
    return client


def open_edit_form(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response)


def form_data(response):
    """The edit form as the browser posts it; the StreamField is drawn by script, so add it."""
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = {key: values[0] if len(values) == 1 else values for key, values in data.lists()}
    data.update(
        nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>Nội dung trang giới thiệu.</p>"))])}
        )
    )
    return data


@pytest.fixture
def page(standard_page):
    standard_page.save_revision()  # a page edited through the admin always has revisions
    return standard_page


def test_second_editor_saving_an_older_form_is_refused(page):
    lan = editor("lan", "Lan", "Nguyễn Thị")
    minh = editor("minh", "Minh", "Trần Văn")
    url, lan_form = open_edit_form(lan, page)
    _, minh_form = open_edit_form(minh, page)
    assert minh_form["loaded_revision_id"] == lan_form["loaded_revision_id"]

    lan_form["title"] = "Giới thiệu (bản của chị Lan)"
    response = lan.post(url, lan_form)
    assert response.status_code == 302
    lan_revision = page.revisions.order_by("-created_at", "-id").first()
    assert lan_revision.content["title"] == "Giới thiệu (bản của chị Lan)"

    minh_form["title"] = "Giới thiệu (bản của anh Minh)"
    response = minh.post(url, minh_form)

    assert response.status_code == 200
    html = response.content.decode()
    when = timezone.localtime(lan_revision.created_at).strftime("%H:%M ngày %d/%m/%Y")
    assert "Nguyễn Thị Lan đã lưu bản nháp “Giới thiệu (bản của chị Lan)” lúc " + when in html
    # The refused editor keeps what they typed.
    assert 'value="Giới thiệu (bản của anh Minh)"' in html
    page.refresh_from_db()
    latest = page.get_latest_revision()
    assert latest.pk == lan_revision.pk
    assert latest.user.username == "lan"
    assert page.title == "Giới thiệu"  # the live version was not touched


def test_saving_again_after_the_refusal_is_a_deliberate_overwrite(page):
    lan = editor("lan", "Lan", "Nguyễn Thị")
    minh = editor("minh", "Minh", "Trần Văn")
    url, lan_form = open_edit_form(lan, page)
    _, minh_form = open_edit_form(minh, page)
    lan.post(url, {**lan_form, "title": "Bản của chị Lan"})

    refused = minh.post(url, {**minh_form, "title": "Bản của anh Minh"})
    assert refused.status_code == 200
    again = form_data(refused)
    assert again["title"] == "Bản của anh Minh"

    response = minh.post(url, again)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision().content["title"] == "Bản của anh Minh"


def test_publishing_from_an_older_form_is_refused_too(page):
    lan = editor("lan", "Lan", "Nguyễn Thị")
    minh = editor("minh", "Minh", "Trần Văn")
    url, lan_form = open_edit_form(lan, page)
    _, minh_form = open_edit_form(minh, page)
    lan.post(url, {**lan_form, "title": "Bản của chị Lan", "action-publish": "1"})
    page.refresh_from_db()
    assert page.title == "Bản của chị Lan"

    response = minh.post(url, {**minh_form, "title": "Bản của anh Minh", "action-publish": "1"})

    assert response.status_code == 200
    assert "Nguyễn Thị Lan đã xuất bản “Bản của chị Lan”" in response.content.decode()
    page.refresh_from_db()
    assert page.title == "Bản của chị Lan"


def test_stale_snippet_edit_form_is_refused_too(db):
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    category.save_revision()
    lan = editor("lan", "Lan", "Nguyễn Thị")
    minh = editor("minh", "Minh", "Trần Văn")
    url = reverse("wagtailsnippets_news_newscategory:edit", args=[category.pk])

    def open_form(client):
        response = client.get(url)
        assert response.status_code == 200
        data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
        return {key: values[0] if len(values) == 1 else values for key, values in data.lists()}

    lan_form, minh_form = open_form(lan), open_form(minh)
    assert lan.post(url, {**lan_form, "name": "Xây dựng Đảng (chị Lan)"}).status_code == 302

    response = minh.post(url, {**minh_form, "name": "Xây dựng Đảng (anh Minh)"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Nguyễn Thị Lan đã lưu bản nháp “Xây dựng Đảng (chị Lan)” lúc" in html
    assert 'value="Xây dựng Đảng (anh Minh)"' in html
    category.refresh_from_db()
    assert category.get_latest_revision().user.username == "lan"
