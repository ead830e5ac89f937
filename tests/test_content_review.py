"""Nothing live changes without review: files, snippets and site settings (docs/content-review.md).

Each test plays the people of the portal through the admin's own views, by HTTP, and looks
at what an anonymous visitor then sees.
"""

import io

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import GroupSitePermission, WorkflowContentType, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from legal_docs.models import DocumentType, IssuingBody
from news.models import NewsCategory
from org_structure.models import Person
from site_core.editorial.setup import (
    ADMINS,
    BOARD,
    COLLABORATORS,
    EDITORS,
    WORKFLOW_NAME,
    grant_section,
    section_collection,
    setup_portal,
)
from site_core.models import PortalSettings
from tests import factories

pytestmark = pytest.mark.django_db

REFUSED = "Không thay được tệp"
LOCKED_IMAGE_HELP = "Ảnh này đang dùng trên nội dung đã đăng: chỉ Ban biên tập được thay tệp."


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def people(home_page, news_index):
    setup_portal()
    news_section = grant_section(news_index)

    def user(name, *group_names):
        person = get_user_model().objects.create_user(name, f"{name}@example.org", "x")
        for group_name in group_names:
            person.groups.add(Group.objects.get(name=group_name))
        if news_section and COLLABORATORS in group_names:
            person.groups.add(news_section)
        return person

    return {
        "ctv": user("ctv", COLLABORATORS),
        "btv": user("btv", EDITORS),
        "btv2": user("btv2", EDITORS),
        "bbt": user("bbt", BOARD),
        "bbt2": user("bbt2", BOARD),
        "qt": user("qt", ADMINS),
    }


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


def visitor_html(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- files of live content ------------------------------------------------------------------


def png(name, colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name, text):
    body = b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def file_bytes(obj):
    obj.refresh_from_db()
    with obj.file.open("rb") as handle:
        return handle.read()


def image_case(people, news_index, document_index):
    image = factories.ImageFactory(
        title="Khai mạc hội nghị",
        description="Đồng chí Bí thư phát biểu khai mạc hội nghị",
        collection=section_collection(news_index),
        uploaded_by_user=people["ctv"],
    )
    page = factories.NewsArticlePageFactory(
        parent=news_index, title="Khai mạc hội nghị", featured_image=image, live=False
    )

    edit_url = reverse("wagtailimages:edit", args=[image.pk])

    def post(client, number):
        return client.post(
            edit_url,
            {
                "title": image.title,
                "description": image.description,
                "collection": image.collection_id,
                "tags": "",
                "file": png(f"anh-moi-{number}.png", (0, 40 * number, 0)),
            },
        )

    return image, page, edit_url, post


def document_case(people, news_index, document_index):
    document = factories.DocumentFactory(
        title="Toàn văn nghị quyết",
        collection=section_collection(news_index),
        uploaded_by_user=people["ctv"],
    )
    page = factories.LegalDocumentPageFactory(
        parent=document_index, title="Nghị quyết về xây dựng Đảng", number=9, live=False
    )
    factories.LegalDocumentAttachmentFactory(page=page, document=document, title="Toàn văn")
    page.save()  # the attachment is an inline of the page: index the page again

    edit_url = reverse("wagtaildocs:edit", args=[document.pk])

    def post(client, number):
        return client.post(
            edit_url,
            {
                "title": document.title,
                "collection": document.collection_id,
                "tags": "",
                "file": pdf(f"toan-van-{number}.pdf", f"ban {number}"),
            },
        )

    return document, page, edit_url, post


@pytest.mark.parametrize("case", [image_case, document_case], ids=["image", "document"])
def test_replacing_a_file_that_live_content_uses_is_for_the_board(
    case, people, news_index, document_index
):
    media, page, edit_url, post = case(people, news_index, document_index)
    uploader = as_user(people["ctv"])

    # While only a draft uses it, the uploader may still replace the file.
    response = post(uploader, 1)
    assert response.status_code == 302, response.context["form"].errors
    draft_file = file_bytes(media)

    page.save_revision().publish()

    # Once a live page uses it, nobody below the board replaces the file.
    for name in ("ctv", "btv"):
        assert as_user(people[name]).get(edit_url).status_code == 200, name
        response = post(as_user(people[name]), 2)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert REFUSED in html, name
        assert page.title in html, name  # says where it is used
        assert file_bytes(media) == draft_file, name

    response = post(as_user(people["bbt"]), 3)
    assert response.status_code == 302, response.context["form"].errors
    assert file_bytes(media) != draft_file


def test_the_edit_form_says_the_file_is_locked_before_anyone_tries(
    people, news_index, document_index
):
    _image, page, edit_url, _post = image_case(people, news_index, document_index)
    page.save_revision().publish()
    html = as_user(people["ctv"]).get(edit_url)
    assert LOCKED_IMAGE_HELP in html.content.decode()
    board = as_user(people["bbt"]).get(edit_url)
    assert LOCKED_IMAGE_HELP not in board.content.decode()


# --- reference tables: the board's ----------------------------------------------------------


def test_only_the_board_renames_issuing_bodies_and_document_types(
    people, document_index, document_type, issuer
):
    document = factories.LegalDocumentPageFactory(
        parent=document_index,
        title="Nghị quyết về xây dựng Đảng",
        number=9,
        document_type=document_type,
        issuer=issuer,
    )
    editor = as_user(people["btv"])
    renames = [
        (issuer, "legal_docs_issuingbody", {"name": "Tỉnh ủy (tên mới)", "abbreviation": "TU"}),
        (
            document_type,
            "legal_docs_documenttype",
            {"name": "Nghị quyết mới", "abbreviation": "NQ"},
        ),
    ]
    for obj, viewset, data in renames:
        if "level" in [field.name for field in obj._meta.fields]:
            data = {**data, "level": obj.level}
        url = reverse(f"wagtailsnippets_{viewset}:edit", args=[obj.pk])
        response = editor.post(url, data)
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response.url != reverse(
            f"wagtailsnippets_{viewset}:list"
        )
        add = editor.post(reverse(f"wagtailsnippets_{viewset}:add"), data)
        assert add.status_code in (302, 403)
    assert IssuingBody.objects.get(pk=issuer.pk).name == "Tỉnh ủy"
    assert DocumentType.objects.get(pk=document_type.pk).name == "Nghị quyết"
    assert not IssuingBody.objects.filter(name="Tỉnh ủy (tên mới)").exists()
    for url in (document.url, document_index.url):
        html = visitor_html(url)
        assert "Tỉnh ủy" in html and "Tỉnh ủy (tên mới)" not in html

    # Editors still pick them when writing a document.
    add_form = editor.get(
        reverse(
            "wagtailadmin_pages:add", args=["legal_docs", "legaldocumentpage", document_index.pk]
        )
    )
    assert add_form.status_code == 200
    for viewset, name in (("issuingbody", "Tỉnh ủy"), ("documenttype", "Nghị quyết")):
        chooser_url = reverse(f"wagtailsnippetchoosers_legal_docs_{viewset}:choose")
        assert chooser_url in add_form.content.decode()
        chooser = editor.get(chooser_url)
        assert chooser.status_code == 200
        assert name in chooser.json()["html"]

    board = as_user(people["bbt"])
    obj, viewset, data = renames[0]
    response = board.post(
        reverse(f"wagtailsnippets_{viewset}:edit", args=[obj.pk]), {**data, "level": obj.level}
    )
    assert response.status_code == 302
    assert IssuingBody.objects.get(pk=issuer.pk).name == "Tỉnh ủy (tên mới)"
    assert "Tỉnh ủy (tên mới)" in visitor_html(document.url)


# --- people and news categories: through the workflow ---------------------------------------


def person_case(org_chart, news_index):
    unit = factories.OrgUnitPageFactory(parent=org_chart, title="Ban Tổ chức Tỉnh ủy")
    person = factories.PersonFactory(full_name="Nguyễn Văn Ánh", honorific="TS.")
    factories.OrgMembershipFactory(unit=unit, person=person, position="Trưởng ban")
    data = {
        "full_name": "Nguyễn Văn Ánh Dương",
        "honorific": "TS.",
        "photo": "",
        "biography": rich_text("<p>Tiểu sử.</p>"),
        "email": "",
        "phone": "",
    }
    return person, "org_structure_person", data, unit.url, "Nguyễn Văn Ánh Dương"


def category_case(org_chart, news_index):
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    article = factories.NewsArticlePageFactory(parent=news_index, title="Hội nghị chuyên đề")
    article.categories.set([category])
    article.save_revision().publish()
    data = {
        "name": "Xây dựng Đảng vững mạnh",
        "slug": "xay-dung-dang",
        "description": "",
        "sort_order": "0",
    }
    return category, "news_newscategory", data, article.url, "Xây dựng Đảng vững mạnh"


def snippet_approve(client, obj, viewset):
    obj.refresh_from_db()
    task_state = obj.current_workflow_task_state
    url = reverse(
        f"wagtailsnippets_{viewset}:workflow_action", args=[obj.pk, "approve", task_state.pk]
    )
    return client.post(url, {"comment": ""})


@pytest.mark.parametrize("case", [person_case, category_case], ids=["person", "category"])
def test_snippet_changes_go_live_only_after_two_other_people_approve(
    case, people, org_chart, news_index
):
    obj, viewset, data, public_url, new_text = case(org_chart, news_index)
    model = type(obj)
    old_text = str(getattr(obj, "full_name", None) or obj.name)
    edit_url = reverse(f"wagtailsnippets_{viewset}:edit", args=[obj.pk])
    assert old_text in visitor_html(public_url)

    # The board cannot publish around the editors: a direct "Publish" only saves a draft.
    as_user(people["bbt"]).post(edit_url, {**data, "action-publish": "1"})
    assert new_text not in visitor_html(public_url)

    response = as_user(people["btv"]).post(edit_url, {**data, "action-submit": "1"})
    assert response.status_code == 302
    obj = model.objects.get(pk=obj.pk)
    assert obj.workflow_in_progress
    assert obj.get_workflow().name == WORKFLOW_NAME
    assert new_text not in visitor_html(public_url)

    # It waits on the reviewers' dashboard like an article.
    dashboard = as_user(people["btv2"]).get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert edit_url in dashboard.content.decode()

    # Whoever submitted does not approve; another editor, then the board do.
    snippet_approve(as_user(people["btv"]), obj, viewset)
    assert obj.current_workflow_task.name.startswith("Biên tập viên")
    snippet_approve(as_user(people["btv2"]), obj, viewset)
    obj = model.objects.get(pk=obj.pk)
    assert obj.current_workflow_task.name.startswith("Ban biên tập")
    assert new_text not in visitor_html(public_url)

    response = snippet_approve(as_user(people["bbt2"]), obj, viewset)
    assert response.status_code == 302
    obj = model.objects.get(pk=obj.pk)
    assert obj.current_workflow_state is None
    assert obj.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    assert new_text in visitor_html(public_url)


# --- site settings: the board's -------------------------------------------------------------


def test_only_the_board_changes_the_portal_settings(people, site):
    PortalSettings.objects.update_or_create(site=site, defaults={"portal_name": "Cổng cũ"})
    url = reverse("wagtailsettings:edit", args=["site_core", "portalsettings", site.pk])
    data = nested_form_data(
        {
            "portal_name": "Cổng mới",
            "organisation_name": "Đảng bộ tỉnh",
            "tagline": "",
            "logo": "",
            "address": "",
            "phone": "",
            "fax": "",
            "email": "",
            "responsible_person": "",
            "licence": "",
            "footer_text": rich_text("<p>Chân trang.</p>"),
            "related_links": streamfield([]),
            "social_links": streamfield([]),
            "translations": inline_formset([]),  # the texts in other languages
        }
    )
    for name in ("qt", "btv"):
        client = as_user(people[name])
        assert client.get(url).status_code in (302, 403), name
        assert client.post(url, data).status_code in (302, 403), name
        assert PortalSettings.for_site(site).portal_name == "Cổng cũ", name

    response = as_user(people["bbt"]).post(url, data)
    assert response.status_code == 302
    assert PortalSettings.for_site(site).portal_name == "Cổng mới"


# --- setup ----------------------------------------------------------------------------------


def test_setup_takes_back_direct_publishing_and_is_idempotent(people):
    def perm(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    editors = Group.objects.get(name=EDITORS)
    board = Group.objects.get(name=BOARD)
    admins = Group.objects.get(name=ADMINS)
    # A database set up by an earlier version.
    editors.permissions.add(
        perm("legal_docs", "change_issuingbody"),
        perm("legal_docs", "add_documenttype"),
        perm("org_structure", "delete_person"),
    )
    board.permissions.add(
        perm("org_structure", "publish_person"), perm("news", "publish_newscategory")
    )
    admins.permissions.add(perm("site_core", "change_portalsettings"))

    call_command("setup_portal", verbosity=0)

    def codenames(group):
        return set(group.permissions.values_list("codename", flat=True))

    assert not codenames(editors) & {
        "change_issuingbody",
        "add_issuingbody",
        "change_documenttype",
        "add_documenttype",
        "delete_person",
        "publish_person",
        "publish_newscategory",
    }
    assert {"add_person", "change_person", "add_newscategory", "change_newscategory"} <= codenames(
        editors
    )
    assert not codenames(board) & {"publish_person", "publish_newscategory"}
    assert {"change_issuingbody", "change_documenttype", "delete_person"} <= codenames(board)
    assert "change_portalsettings" not in codenames(admins)
    assert not Group.objects.filter(
        permissions__codename__in=["publish_person", "publish_newscategory"]
    ).exists()
    assert {wct.workflow.name for wct in WorkflowContentType.objects.all()} == {WORKFLOW_NAME}
    assert Person.get_default_workflow().name == WORKFLOW_NAME
    assert NewsCategory.get_default_workflow().name == WORKFLOW_NAME
    assert GroupSitePermission.objects.filter(
        group=board, permission__codename="change_portalsettings"
    ).exists()

    def counts():
        return [
            WorkflowContentType.objects.count(),
            GroupSitePermission.objects.count(),
            Group.permissions.through.objects.count(),
        ]

    before = counts()
    call_command("setup_portal", verbosity=0)
    assert counts() == before
