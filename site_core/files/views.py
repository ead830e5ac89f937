"""MEDIA_URL served through the app in every environment, after the file's check.

- original_images/<name>: an image's original, by its file name;
- images/<name>: a rendition, found by its file name, judged by its image;
- documents/<name>: never served here; documents go through Wagtail's serve view
  (/documents/<id>/<name>, WAGTAILDOCS_SERVE_METHOD = "serve_view") and its hook;
- avatar_images/<name>: admin users' profile pictures, for signed-in admin users;
- anything else: 404.

Files are sent with Wagtail's sendfile, which honours SENDFILE_BACKEND: in production the
web server in front sends the bytes (X-Accel-Redirect, site_core/files/sendfile_nginx.py).
See docs/files.md.
"""

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.utils.module_loading import import_string

from wagtail.images import get_image_model
from wagtail.users.models import UserProfile
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

from site_core.files.access import NOT_FOUND, PUBLIC, check_file_access

ORIGINALS_FOLDER = "original_images"
RENDITIONS_FOLDER = "images"
AVATARS_FOLDER = "avatar_images"
# Browsers and shared caches may keep a public file this long after it stops being public.
PUBLIC_MAX_AGE = 300


def sendfile_backend():
    """SENDFILE_BACKEND when set (production), else Wagtail's streaming backend, as the
    documents serve view does."""
    backend = getattr(settings, "SENDFILE_BACKEND", None)
    if backend:
        return import_string(f"{backend}.sendfile")
    return sendfile_streaming_backend.sendfile


def file_response(request, field_file, access):
    try:
        local_path = field_file.path
    except NotImplementedError:  # remote storage: stream it through the app
        response = FileResponse(field_file.open("rb"))
    else:
        response = sendfile(request, local_path, attachment=False, backend=sendfile_backend())
        if response.get("Content-Encoding") == "None":  # sendfile writes a missing one as text
            del response["Content-Encoding"]
    if access == PUBLIC:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def original_image(request, path):
    image = get_image_model().objects.filter(file=f"{ORIGINALS_FOLDER}/{path}").first()
    if image is None:
        raise Http404(NOT_FOUND)
    return file_response(request, image.file, check_file_access(request, image))


def rendition(request, path):
    rendition_model = get_image_model().get_rendition_model()
    found = (
        rendition_model.objects.filter(file=f"{RENDITIONS_FOLDER}/{path}")
        .select_related("image")
        .first()
    )
    if found is None:
        raise Http404(NOT_FOUND)
    return file_response(request, found.file, check_file_access(request, found.image))


def avatar(request, path):
    user = request.user
    if not (user.is_authenticated and user.has_perm("wagtailadmin.access_admin")):
        raise Http404(NOT_FOUND)
    profile = UserProfile.objects.filter(avatar=f"{AVATARS_FOLDER}/{path}").first()
    if profile is None:
        raise Http404(NOT_FOUND)
    return file_response(request, profile.avatar, access=None)


def not_served(request, path):
    """Documents and every other path under MEDIA_URL: never served directly."""
    raise Http404(NOT_FOUND)
