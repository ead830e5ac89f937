"""A SENDFILE_BACKEND for nginx: the app checks, nginx sends the bytes.

Answers with an empty response whose X-Accel-Redirect header names the file under
SENDFILE_URL, an `internal` location of nginx that maps to SENDFILE_ROOT (MEDIA_ROOT).
Wagtail's documents serve view and the media views (site_core/files/views.py) use it
through `wagtail.utils.sendfile`. The same contract as django-sendfile's nginx backend;
docs/files.md has the nginx configuration.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse


def sendfile(request, filename, **kwargs):
    root = Path(settings.SENDFILE_ROOT).resolve()
    try:
        relative = Path(filename).resolve().relative_to(root)
    except ValueError:  # outside the media root: nothing nginx may serve
        raise Http404("Không có tệp này.") from None
    response = HttpResponse()
    response["X-Accel-Redirect"] = quote(
        f"{settings.SENDFILE_URL.rstrip('/')}/{relative.as_posix()}"
    )
    return response
