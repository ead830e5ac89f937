"""Upload caps: oversized documents and images, and images with too many pixels, are refused
with a Vietnamese form error on every admin upload path, never a 500.

The pixel test files are real PNGs of a huge, blank 1-bit canvas: a few kilobytes on disk,
hundreds of millions of pixels once decoded (a "decompression bomb").
"""

import io
import struct
import zlib

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

pytestmark = pytest.mark.django_db

DESCRIPTION = "Quang cảnh hội nghị Ban Chấp hành Đảng bộ tỉnh"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def blank_png(width, height):
    """A valid 1-bit greyscale PNG of width × height, compressed to almost nothing."""
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed pixels
    compressor = zlib.compressobj(1)
    block = row * 1000
    parts = [compressor.compress(block) for _ in range(height // 1000)]
    parts.append(compressor.compress(row * (height % 1000)))
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", b"".join(parts))
        + png_chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def bomb_bytes():
    # 30 000 × 30 000 = 900 million pixels, beyond Pillow's own DecompressionBombError limit.
    data = blank_png(30_000, 30_000)
    assert len(data) < 1_000_000
    return data


@pytest.fixture(scope="module")
def big_photo_bytes():
    # 11 000 × 11 000 = 121 million pixels: below Pillow's limit, above the portal's cap.
    return blank_png(11_000, 11_000)


def upload(data, name="hoi-nghi.png", content_type="image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def small_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (178, 0, 32)).save(buffer, "PNG")
    return buffer.getvalue()


def root_collection():
    return Collection.get_first_root_node().pk


def image_add(client, data):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Hội nghị",
            "description": DESCRIPTION,
            "file": upload(data),
            "collection": root_collection(),
            "tags": "",
        },
    )


def file_errors(response):
    return " ".join(response.context["form"].errors.get("file", []))


def test_settings_cap_documents_and_image_pixels():
    from django.conf import settings

    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 100 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 20 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 50_000_000


def test_add_view_refuses_a_decompression_bomb_with_a_form_error(admin_client, bomb_bytes):
    response = image_add(admin_client, bomb_bytes)

    assert response.status_code == 200
    assert "Ảnh quá nhiều điểm ảnh" in file_errors(response)
    assert "Ảnh quá nhiều điểm ảnh" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_add_view_refuses_an_image_above_the_pixel_cap(admin_client, big_photo_bytes):
    response = image_add(admin_client, big_photo_bytes)

    assert response.status_code == 200
    errors = file_errors(response)
    assert "Ảnh quá nhiều điểm ảnh (11000 × 11000)" in errors
    assert "tối đa 40 triệu điểm ảnh" in errors
    assert not get_image_model().objects.exists()

    # An ordinary full-size photo still goes in.
    response = image_add(admin_client, blank_png(6000, 4000))  # 24 megapixels
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (6000, 4000)


def test_add_view_refuses_an_oversized_image(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50
    response = image_add(admin_client, small_png())

    assert response.status_code == 200
    assert "Tệp ảnh quá lớn" in file_errors(response)
    assert not get_image_model().objects.exists()


def test_multiple_uploader_refuses_a_decompression_bomb(admin_client, bomb_bytes):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload(bomb_bytes), "collection": root_collection()},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert "Ảnh quá nhiều điểm ảnh" in answer["error_message"]
    assert not get_image_model().objects.exists()
    assert not UploadedFile.objects.exists()


def test_multiple_uploader_tells_its_script_the_vietnamese_size_error(admin_client):
    html = admin_client.get(reverse("wagtailimages:add_multiple")).content.decode()

    assert "Tệp ảnh quá lớn\\u003B dung lượng tối đa là 10,0" in html


def test_image_chooser_upload_refuses_a_decompression_bomb(admin_client, bomb_bytes):
    response = admin_client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Hội nghị",
            "image-chooser-upload-description": DESCRIPTION,
            "image-chooser-upload-file": upload(bomb_bytes),
            "image-chooser-upload-collection": root_collection(),
            "image-chooser-upload-tags": "",
        },
    )

    assert response.status_code == 200
    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    assert "Ảnh quá nhiều điểm ảnh" in answer["htmlFragment"]
    assert not get_image_model().objects.exists()


@pytest.fixture
def small_document_cap(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    return b"%PDF-1.4\n" + b"0" * 2000


def test_document_add_view_refuses_an_oversized_file(admin_client, small_document_cap):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Nghị quyết",
            "file": upload(small_document_cap, "nghi-quyet.pdf", "application/pdf"),
            "collection": root_collection(),
            "tags": "",
        },
    )

    assert response.status_code == 200
    assert "Tệp tài liệu quá lớn (2,0" in file_errors(response)
    assert not get_document_model().objects.exists()


def test_document_multiple_uploader_refuses_an_oversized_file(admin_client, small_document_cap):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": upload(small_document_cap, "nghi-quyet.pdf", "application/pdf"),
            "collection": root_collection(),
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    answer = response.json()
    assert answer["success"] is False
    assert "Tệp tài liệu quá lớn" in answer["error_message"]
    assert not get_document_model().objects.exists()


def test_document_chooser_upload_refuses_an_oversized_file(admin_client, small_document_cap):
    response = admin_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Nghị quyết",
            "document-chooser-upload-file": upload(
                small_document_cap, "nghi-quyet.pdf", "application/pdf"
            ),
            "document-chooser-upload-collection": root_collection(),
            "document-chooser-upload-tags": "",
        },
    )

    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    assert "Tệp tài liệu quá lớn" in answer["htmlFragment"]
    assert not get_document_model().objects.exists()


def test_document_form_shows_the_cap(admin_client):
    html = admin_client.get(reverse("wagtaildocs:add")).content.decode()

    assert "Dung lượng tối đa: 50,0" in html
