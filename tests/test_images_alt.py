"""Alt text: an image's description is required in the admin and is what visitors' <img> say.

Wagtail uses `Image.description` as alt text; site_core/files/image_forms.py (through
WAGTAILIMAGES_IMAGE_FORM_BASE) makes it required on every admin path that saves an image.
"""

import io
import re

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from site_core.files.image_forms import DESCRIPTION_IS_FILENAME, DESCRIPTION_REQUIRED
from tests import factories

DESCRIPTION = "Đồng chí Bí thư Tỉnh ủy phát biểu khai mạc hội nghị"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def png(name="hoi-nghi.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (178, 0, 32)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def add_form_data(**fields):
    return {
        "title": "Khai mạc hội nghị",
        "file": png(),
        "collection": Collection.get_first_root_node().pk,
        "tags": "",
        **fields,
    }


def form_errors(response):
    return response.context["form"].errors


def test_add_view_refuses_an_image_without_description(admin_client):
    response = admin_client.post(reverse("wagtailimages:add"), add_form_data())

    assert response.status_code == 200
    assert form_errors(response)["description"] == [DESCRIPTION_REQUIRED]
    assert DESCRIPTION_REQUIRED in response.content.decode()
    assert not get_image_model().objects.exists()


def test_add_view_refuses_blank_or_file_name_descriptions(admin_client):
    for description, message in (
        ("   ", DESCRIPTION_REQUIRED),
        ("IMG_0042.JPG", DESCRIPTION_IS_FILENAME),
    ):
        response = admin_client.post(
            reverse("wagtailimages:add"), add_form_data(description=description)
        )
        assert response.status_code == 200, description
        assert form_errors(response)["description"] == [message]
    assert not get_image_model().objects.exists()


def test_add_view_saves_an_image_with_its_description(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"), add_form_data(description=f"  {DESCRIPTION} ")
    )

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.title == "Khai mạc hội nghị"
    assert image.description == DESCRIPTION
    assert image.default_alt_text == DESCRIPTION


def test_add_form_tells_the_editor_what_the_description_is_for(admin_client):
    html = admin_client.get(reverse("wagtailimages:add")).content.decode()

    assert "Mô tả ảnh (văn bản thay thế)" in html
    assert "trình đọc màn hình" in html
    assert re.search(r'<input[^>]*name="description"[^>]*required', html)


def test_editing_an_image_made_by_code_asks_for_its_description(admin_client):
    image = factories.ImageFactory(title="Ảnh cũ")  # created by code: no description
    url = reverse("wagtailimages:edit", args=[image.pk])
    data = {"title": "Ảnh cũ", "collection": image.collection_id, "tags": ""}

    response = admin_client.post(url, {**data, "description": ""})
    assert response.status_code == 200
    assert form_errors(response)["description"] == [DESCRIPTION_REQUIRED]

    response = admin_client.post(url, {**data, "description": DESCRIPTION})
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.description == DESCRIPTION


def test_multiple_upload_creates_the_image_only_once_it_is_described(admin_client):
    # The uploader's first request carries only the file: Wagtail keeps it aside as an
    # UploadedFile and answers with the edit form instead of creating an undescribed image.
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": png("quang-canh.png"), "collection": Collection.get_first_root_node().pk},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    answer = response.json()
    assert answer["success"] is True
    assert "uploaded_file_id" in answer
    assert 'name="uploaded-image-' in answer["form"]
    assert "Mô tả ảnh (văn bản thay thế)" in answer["form"]
    assert not get_image_model().objects.exists()
    upload = UploadedFile.objects.get(pk=answer["uploaded_file_id"])

    url = reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload.pk])
    prefix = f"uploaded-image-{upload.pk}"
    data = {
        f"{prefix}-title": "Quang cảnh hội nghị",
        f"{prefix}-collection": Collection.get_first_root_node().pk,
        f"{prefix}-tags": "",
    }
    refused = admin_client.post(url, {**data, f"{prefix}-description": ""}).json()
    assert refused["success"] is False
    assert DESCRIPTION_REQUIRED in refused["form"]
    assert not get_image_model().objects.exists()

    saved = admin_client.post(url, {**data, f"{prefix}-description": DESCRIPTION}).json()
    assert saved["success"] is True
    image = get_image_model().objects.get(pk=saved["image_id"])
    assert image.description == DESCRIPTION
    assert image.width == 64
    assert not UploadedFile.objects.filter(pk=upload.pk).exists()


def test_visitors_get_the_description_as_alt_text(client, news_index):
    image = factories.ImageFactory(title="hoi-nghi-2025", description=DESCRIPTION)
    article = factories.NewsArticlePageFactory(
        parent=news_index, title="Khai mạc hội nghị", featured_image=image
    )

    article_html = client.get(article.url).content.decode()
    index_html = client.get(news_index.url).content.decode()

    for html in (article_html, index_html):
        alts = re.findall(r'<img[^>]*\balt="([^"]*)"', html)
        assert DESCRIPTION in alts
        assert "hoi-nghi-2025" not in alts


def test_a_card_image_without_description_is_decorative(client, news_index):
    image = factories.ImageFactory(title="IMG_0042")  # made by code, never described
    factories.NewsArticlePageFactory(
        parent=news_index, title="Khai mạc hội nghị", featured_image=image
    )

    html = client.get(news_index.url).content.decode()

    card_images = re.findall(r'<div class="card__media">\s*(<img[^>]*>)', html)
    assert card_images
    assert all('alt=""' in tag for tag in card_images)
