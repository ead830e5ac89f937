"""The portal's WSGI application plus one static file, for `make bench` (tools/bench.py).

In production nginx serves /static/ and gunicorn never sees it. To measure the physical
limit of the same server (gunicorn, its workers, the load generator, the loopback) the
benchmark asks for one static file through this wrapper: /__bench_static__/portal.css is
answered from the bytes of the collected css/portal.css, without Django; every other path
goes to site_core.wsgi.application. Both passes of the benchmark run gunicorn with this
module, so pages and the static file are served by the same processes.

    gunicorn -c deploy/gunicorn.conf.py tools.bench_wsgi:application
"""

from pathlib import Path

from django.conf import settings

from site_core.wsgi import application as django_application
from tools.bench import STATIC_PATH


class StaticBaseline:
    """WSGI: STATIC_PATH from `file` (read once per process), the rest from `app`."""

    def __init__(self, app, file):
        self.app = app
        self.file = Path(file)
        self.body = None

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != STATIC_PATH:
            return self.app(environ, start_response)
        if self.body is None:
            self.body = self.file.read_bytes()
        start_response(
            "200 OK",
            [
                ("Content-Type", "text/css; charset=utf-8"),
                ("Content-Length", str(len(self.body))),
                ("Cache-Control", "public, max-age=31536000, immutable"),
            ],
        )
        return [self.body]


application = StaticBaseline(django_application, Path(settings.STATIC_ROOT) / "css" / "portal.css")
