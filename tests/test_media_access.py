"""Files follow the content that uses them (site_core/files/access.py, docs/files.md).

Every test asks for a file the way a visitor or a signed-in user would: by the document
URL (/documents/<id>/<name>), by the media URLs an image's original or rendition has,
and through the API.
"""

import contextlib
import importlib
import sys
from pathlib import Path

import pytest

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import clear_url_caches, reverse

from wagtail.models import Collection, PageViewRestriction, ReferenceIndex

from legal_docs.models import LegalDocumentPage
from site_core.editorial.setup import (
    ADMINS,
    BOARD,
    COLLABORATORS,
    EDITORS,
    grant_section,
    section_collection,
    setup_portal,
)
from site_core.models import PortalSettings
from tests import factories

PASSWORD = "mat-khau-thu-nghiem-2026"  # noqa: S105


def make_user(username, *groups, **fields):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, **fields
    )
    user.groups.add(*groups)
    return user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def status(client, url):
    return client.get(url).status_code


def reload_urls():
    importlib.reload(sys.modules[django_settings.ROOT_URLCONF])
    clear_url_caches()


@contextlib.contextmanager
def development_server(settings):
    """`make run`: DEBUG on, where the URLconf used to serve all of MEDIA_ROOT to anybody."""
    settings.DEBUG = True
    reload_urls()
    try:
        yield
    finally:
        settings.DEBUG = False
        reload_urls()


@pytest.fixture
def environments(settings):
    """Run the same checks as production (DEBUG off) and as the development server."""
    return lambda: [contextlib.nullcontext(), development_server(settings)]


@pytest.fixture
def people(home_page, news_index):
    """A collaborator of the news section, an editor and a board member (portal_setup)."""
    setup_portal()
    return {
        "ctv": make_user("ctv", Group.objects.get(name=COLLABORATORS), grant_section(news_index)),
        "btv": make_user("btv", Group.objects.get(name=EDITORS)),
        "bbt": make_user("bbt", Group.objects.get(name=BOARD)),
    }


def legal_document(parent, live=True, secrecy_level="", **kwargs):
    """A document page with one attached file; returns (page, wagtaildocs Document)."""
    page = factories.LegalDocumentPageFactory(
        parent=parent, live=live, secrecy_level=secrecy_level, **kwargs
    )
    attachment = factories.LegalDocumentAttachmentFactory(page=page)
    return page, attachment.document


def rendition_url(image):
    return image.get_rendition("fill-120x80").url


# --- documents: /documents/<id>/<name> -----------------------------------------------------


def test_a_document_file_follows_its_page(client, document_index):
    page, document = legal_document(document_index, live=True)
    assert status(client, document.url) == 200

    page.unpublish()
    assert status(client, document.url) == 404


def test_draft_document_file_is_not_served(client, document_index):
    _page, document = legal_document(document_index, live=False)
    assert status(client, document.url) == 404


def test_secret_document_file_is_never_public_even_forced_live(client, document_index):
    page, document = legal_document(document_index, live=False, secrecy_level="toi-mat")
    assert status(client, document.url) == 404

    # A mistake in the page's status does not open its files.
    LegalDocumentPage.objects.filter(pk=page.pk).update(live=True)
    assert status(client, document.url) == 404


def test_secrecy_set_in_a_draft_of_a_live_document_closes_its_file(client, document_index):
    page, document = legal_document(document_index, live=True)
    assert status(client, document.url) == 200

    # The editor refuses this; a script or a later form change might not.
    page.secrecy_level = "mat"
    page.save_revision(clean=False)
    assert status(client, document.url) == 404


def test_a_public_page_elsewhere_does_not_open_a_secret_documents_file(
    client, document_index, standard_page
):
    page, document = legal_document(document_index, live=False, secrecy_level="mat")
    standard_page.body = factories.paragraph(
        f'<p><a linktype="document" id="{document.pk}">Tải về</a></p>'
    )
    standard_page.save_revision().publish()

    assert status(client, document.url) == 404


@pytest.mark.parametrize("restricted", ["index", "page"])
def test_document_under_a_view_restriction_is_not_public(client, document_index, restricted):
    page, document = legal_document(document_index, live=True)
    PageViewRestriction.objects.create(
        page=document_index if restricted == "index" else page,
        restriction_type=PageViewRestriction.PASSWORD,
        password="mat-khau",  # noqa: S106
    )
    assert status(client, document.url) == 404


def test_signed_in_users_need_rights_over_the_collection(document_index, people):
    _page, document = legal_document(document_index, live=False, secrecy_level="mat")

    # The collaborator may choose files of the news section's collection only.
    assert status(signed_in(people["ctv"]), document.url) == 403
    assert status(signed_in(people["btv"]), document.url) == 200
    assert status(signed_in(people["bbt"]), document.url) == 200
    superuser = make_user("quan-tri", is_superuser=True, is_staff=True)
    assert status(signed_in(superuser), document.url) == 200


def test_collaborator_reaches_files_of_their_own_collection(news_index, people):
    document = factories.DocumentFactory(collection=section_collection(news_index))

    assert status(signed_in(people["ctv"]), document.url) == 200
    assert status(Client(), document.url) == 404


def test_document_used_in_rich_text_of_a_live_page_is_public(client, standard_page):
    document = factories.DocumentFactory()
    assert status(client, document.url) == 404

    standard_page.body = factories.paragraph(
        f'<p><a linktype="document" id="{document.pk}">Biểu mẫu</a></p>'
    )
    standard_page.save_revision().publish()
    assert status(client, document.url) == 200


def test_media_documents_url_is_never_served(client, document_index, environments):
    _page, document = legal_document(document_index, live=True)
    media_url = document.file.url
    assert media_url.startswith("/media/documents/")

    for environment in environments():
        with environment:
            assert status(client, media_url) == 404
            assert status(client, document.url) == 200


# --- public collections ---------------------------------------------------------------------


def test_superuser_marks_a_collection_public(client, home_page, people):
    from site_core.files.models import PublicCollection

    collection = Collection.get_first_root_node().add_child(name="Biểu mẫu dùng chung")
    document = factories.DocumentFactory(collection=collection)
    image = factories.ImageFactory(collection=collection)
    assert status(client, document.url) == 404

    add_url = reverse("public_collections:add")
    # Not the board, not the editors, not the technical administrators.
    admin = make_user("quan-ly", Group.objects.get(name=ADMINS))
    for user in (people["bbt"], people["btv"], admin):
        client_of_user = signed_in(user)
        assert client_of_user.get(reverse("public_collections:index")).status_code == 302
        response = client_of_user.post(add_url, {"collection": collection.pk})
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert not PublicCollection.objects.exists()

    superuser = signed_in(make_user("quan-tri", is_superuser=True, is_staff=True))
    response = superuser.post(
        add_url, {"collection": collection.pk, "reason": "Biểu mẫu cho mọi người."}
    )
    assert response.status_code == 302
    assert PublicCollection.objects.filter(collection=collection).exists()
    listing = superuser.get(reverse("public_collections:index"))
    assert "Biểu mẫu dùng chung" in listing.content.decode()

    assert status(client, document.url) == 200
    assert status(client, image.file.url) == 200
    assert status(client, rendition_url(image)) == 200


def test_public_collection_does_not_open_a_secret_documents_file(client, document_index):
    from site_core.files.models import PublicCollection

    collection = Collection.get_first_root_node().add_child(name="Công khai")
    PublicCollection.objects.create(collection=collection)
    page = factories.LegalDocumentPageFactory(
        parent=document_index, live=False, secrecy_level="mat"
    )
    document = factories.DocumentFactory(collection=collection)
    factories.LegalDocumentAttachmentFactory(page=page, document=document)

    assert status(client, document.url) == 404


# --- images: originals and renditions under /media/ -------------------------------------------


def test_image_follows_the_article_that_uses_it(client, news_index, environments):
    live_image = factories.ImageFactory()
    draft_image = factories.ImageFactory()
    factories.NewsArticlePageFactory(parent=news_index, featured_image=live_image)
    factories.NewsArticlePageFactory(parent=news_index, featured_image=draft_image, live=False)
    urls = {
        "live original": live_image.file.url,
        "live rendition": rendition_url(live_image),
        "draft original": draft_image.file.url,
        "draft rendition": rendition_url(draft_image),
    }

    for environment in environments():
        with environment:
            answers = {name: status(client, url) for name, url in urls.items()}
            assert answers == {
                "live original": 200,
                "live rendition": 200,
                "draft original": 404,
                "draft rendition": 404,
            }


def test_image_of_an_unpublished_change_stays_private(client, news_index, environments):
    old_image = factories.ImageFactory()
    new_image = factories.ImageFactory()
    article = factories.NewsArticlePageFactory(parent=news_index, featured_image=old_image)
    article.featured_image = new_image
    article.save_revision()  # a draft; the live article still shows the old image

    for environment in environments():
        with environment:
            assert status(client, rendition_url(old_image)) == 200
            assert status(client, rendition_url(new_image)) == 404


def test_image_on_a_restricted_page_is_not_public(client, news_index, environments):
    open_image = factories.ImageFactory()
    restricted_image = factories.ImageFactory()
    factories.NewsArticlePageFactory(parent=news_index, listing_image=open_image)
    restricted = factories.NewsArticlePageFactory(parent=news_index, listing_image=restricted_image)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)

    for environment in environments():
        with environment:
            assert status(client, rendition_url(open_image)) == 200
            assert status(client, rendition_url(restricted_image)) == 404


def test_image_embedded_in_rich_text_follows_the_page(client, standard_page, environments):
    image = factories.ImageFactory()
    standard_page.body = factories.paragraph(
        f'<p>Ảnh:</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Ảnh"/>'
    )
    standard_page.save_revision().publish()
    url = rendition_url(image)
    assert status(client, url) == 200

    standard_page.unpublish()
    for environment in environments():
        with environment:
            assert status(client, url) == 404


def test_signed_in_users_see_images_they_may_choose(news_index, people, environments):
    image = factories.ImageFactory()  # root collection, used by nothing
    url = rendition_url(image)

    for environment in environments():
        with environment:
            assert status(Client(), url) == 404
            assert status(signed_in(people["ctv"]), url) == 403
            assert status(signed_in(people["btv"]), url) == 200


def test_portal_logo_and_published_people_are_public(client, home_page, site):
    logo = factories.ImageFactory()
    settings_row = PortalSettings.for_site(site)
    settings_row.logo = logo
    settings_row.save()
    published = factories.PersonFactory(photo=factories.ImageFactory())
    unpublished = factories.PersonFactory(photo=factories.ImageFactory(), live=False)

    assert status(client, rendition_url(logo)) == 200
    assert status(client, rendition_url(published.photo)) == 200
    assert status(client, rendition_url(unpublished.photo)) == 404


def test_files_no_record_names_are_never_served(client, home_page, settings, environments):
    stray = Path(settings.MEDIA_ROOT) / "khac" / "tep-nhap.txt"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_text("bản nháp nội bộ")
    avatar = Path(settings.MEDIA_ROOT) / "avatar_images" / "avatar-khong-ai-dung.png"
    avatar.parent.mkdir(parents=True, exist_ok=True)
    avatar.write_bytes(b"\x89PNG")

    for environment in environments():
        with environment:
            for path in (
                "/media/khac/tep-nhap.txt",
                "/media/avatar_images/avatar-khong-ai-dung.png",
                "/media/images/khong-co.jpg",
                "/media/original_images/../khac/tep-nhap.txt",
            ):
                assert status(client, path) == 404, path


def test_one_files_decision_costs_a_constant_number_of_queries(
    client, news_index, django_assert_max_num_queries
):
    shared = factories.ImageFactory()
    alone = factories.ImageFactory()
    factories.NewsArticlePageFactory(parent=news_index, listing_image=alone)
    factories.add_children(factories.NewsArticlePageFactory, news_index, 1, listing_image=shared)
    factories.add_children(
        factories.NewsArticlePageFactory, news_index, 25, listing_image=shared, live=False
    )
    # add_children skips the indexes for speed; index the pages as Wagtail's signal would.
    for page in news_index.get_children().specific():
        ReferenceIndex.create_or_update_for_object(page)

    for image in (alone, shared):
        url = rendition_url(image)
        client.get(url)  # content types are cached after the first request
        # The rendition by its file name, then one query over the image's references.
        with django_assert_max_num_queries(2):
            assert status(client, url) == 200


def test_nginx_backend_hands_the_file_to_the_web_server(client, news_index, settings):
    image = factories.ImageFactory()
    factories.NewsArticlePageFactory(parent=news_index, featured_image=image)
    settings.SENDFILE_BACKEND = "site_core.files.sendfile_nginx"
    settings.SENDFILE_ROOT = str(settings.MEDIA_ROOT)
    settings.SENDFILE_URL = "/protected-media/"

    response = client.get(image.file.url)

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + image.file.name
    assert response.content == b""


# --- the API --------------------------------------------------------------------------------


def test_api_lists_only_public_files(client, document_index, news_index):
    _live_page, public_document = legal_document(document_index, live=True)
    _draft_page, draft_document = legal_document(document_index, live=False)
    _secret_page, secret_document = legal_document(document_index, live=False, secrecy_level="mat")
    public_image = factories.ImageFactory()
    draft_image = factories.ImageFactory()
    factories.NewsArticlePageFactory(parent=news_index, featured_image=public_image)
    factories.NewsArticlePageFactory(parent=news_index, featured_image=draft_image, live=False)

    documents = client.get("/api/v2/documents/").json()
    images = client.get("/api/v2/images/").json()

    assert [item["id"] for item in documents["items"]] == [public_document.pk]
    assert [item["id"] for item in images["items"]] == [public_image.pk]
    assert status(client, f"/api/v2/documents/{public_document.pk}/") == 200
    assert status(client, f"/api/v2/images/{public_image.pk}/") == 200
    for url in (
        f"/api/v2/documents/{draft_document.pk}/",
        f"/api/v2/documents/{secret_document.pk}/",
        f"/api/v2/images/{draft_image.pk}/",
    ):
        assert status(client, url) == 404, url
    # Search still works on the restricted listing.
    found = client.get("/api/v2/documents/", {"search": draft_document.title}).json()
    assert found["items"] == []
