"""Faults: the cache server (Redis) down, the database restarted.

The outage is real: the caches are django-redis pointed at a port where nothing listens,
configured exactly as production configures them (`redis_caches` in settings/base.py).
Visitors must get their pages, uncached; editors signed in before the outage must stay
signed in and be able to save.
"""

import os
import socket
import subprocess
import sys

import pytest

from django.conf import settings
from django.test import override_settings

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from site_core.settings.base import redis_caches
from tests import factories

DEAD_REDIS_PORT = 6390


def dead_redis():
    """The production cache configuration, with the Redis server gone."""
    return override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{DEAD_REDIS_PORT}/0"))


@pytest.fixture(autouse=True)
def nothing_listens_on_the_dead_port():
    with socket.socket() as probe:
        probe.settimeout(0.5)
        assert probe.connect_ex(("127.0.0.1", DEAD_REDIS_PORT)) != 0, "a server listens"


@pytest.fixture
def content(home_page, news_index, document_index):
    image = factories.ImageFactory(description="Quang cảnh hội nghị")
    article = factories.NewsArticlePageFactory(
        parent=news_index, title="Hội nghị tổng kết công tác năm", featured_image=image
    )
    private_section = factories.StandardPageFactory(parent=home_page, title="Nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.LOGIN
    )
    private_index = factories.NewsIndexPageFactory(parent=private_section, slug="tin-noi-bo")
    factories.NewsArticlePageFactory(parent=private_index, title="Thông báo nội bộ mật")
    document = factories.LegalDocumentPageFactory(
        parent=document_index, summary="Về việc chuyển đổi số trong các cơ quan Đảng."
    )
    attachment = factories.LegalDocumentAttachmentFactory(
        page=document, document=factories.DocumentFactory(filename="nq-chuyen-doi-so.pdf")
    )
    return {
        "home": home_page,
        "article": article,
        "register": document_index,
        "document": document,
        "file": attachment.document,
    }


@pytest.mark.django_db
def test_visitor_pages_are_served_uncached_while_redis_is_down(client, content):
    article, document = content["article"], content["document"]
    with dead_redis():
        home = client.get(content["home"].url)
        assert home.status_code == 200
        assert article.title in home.content.decode()
        # The list of private sections normally comes from the cache: still applied.
        assert "Thông báo nội bộ mật" not in home.content.decode()

        page = client.get(article.url)
        assert page.status_code == 200
        assert article.title in page.content.decode()
        assert "Quang cảnh hội nghị" in page.content.decode()  # its image, rendition made

        register = client.get(content["register"].url, {"q": "chuyển đổi số"})
        assert register.status_code == 200
        # A register row shows the document's number and trích yếu, linked to it.
        assert f'href="{document.url}"' in register.content.decode()
        assert client.get(document.url).status_code == 200

        search = client.get("/tim-kiem/", {"q": "hoi nghi tong ket"})
        assert search.status_code == 200
        assert article.title in search.content.decode()

        assert client.get("/sitemap.xml").status_code == 200
        download = client.get(content["file"].url)
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_pages_published_before_the_outage_are_still_served_after_a_warm_cache(client, content):
    """Caches warmed while Redis was up (here: local memory) do not matter once it is gone."""
    assert client.get(content["home"].url).status_code == 200
    with dead_redis():
        for url in (content["home"].url, content["article"].url, content["register"].url):
            assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_editor_signed_in_before_the_outage_stays_signed_in_and_saves(
    client, django_user_model, content, admin_edit_url
):
    editor = django_user_model.objects.create_superuser(
        username="bientapvien", email="btv@example.org", password=None
    )
    client.force_login(editor)
    article = content["article"]
    assert client.get("/admin/").status_code == 200

    with dead_redis():
        dashboard = client.get("/admin/")
        assert dashboard.status_code == 200  # not a redirect to the sign-in page
        assert dashboard.context["request"].user == editor

        url = admin_edit_url(article)
        form = client.get(url)
        assert form.status_code == 200
        data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
        fields = {
            "title": "Hội nghị tổng kết công tác năm (bản sửa khi Redis ngừng)",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung sửa.</p>"))]),
        }
        for key, value in nested_form_data(fields).items():
            data[key] = value
        saved = client.post(url, data)
        assert saved.status_code == 302, saved.content.decode()[:2000]

    article.refresh_from_db()
    assert article.get_latest_revision().as_object().title.endswith("(bản sửa khi Redis ngừng)")


@pytest.mark.django_db
def test_production_settings_keep_sessions_out_of_the_cache_and_recover_the_database():
    """Under the real production settings module: sessions are not cache-only, and after the
    database drops the connection (as a PostgreSQL restart does) the next request's
    connection check reconnects instead of failing."""
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    script = """
from django.conf import settings
from django.db import close_old_connections, connection, connections

assert settings.SESSION_ENGINE in {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}, settings.SESSION_ENGINE
assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
with connection.cursor() as cursor:
    cursor.execute("SELECT pg_backend_pid()")
    pid = cursor.fetchone()[0]
other = connections.create_connection("default")
with other.cursor() as cursor:
    cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
other.close()
close_old_connections()  # what Django does when the next request starts
with connection.cursor() as cursor:
    cursor.execute("SELECT 1")
    print("reconnected", cursor.fetchone()[0])
"""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": url,
        "REDIS_URL": f"redis://127.0.0.1:{DEAD_REDIS_PORT}/0",
        "ALLOWED_HOSTS": "portal.example",
    }
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "reconnected 1" in result.stdout
