"""The demo portal copied back by tests/demo_snapshot.py is the one `seed_demo` built: every
table's rows byte for byte, the sequences where they were, the same media files; and a
load replaces whatever the database held before it."""

import hashlib
import io

import pytest

from django.db import connection

from wagtail.models import Page, Site

from home.models import HomePage
from news.models import NewsArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def tables():
    with connection.cursor() as cursor:
        copies = {}
        for table in connection.introspection.table_names(cursor, include_views=False):
            if table == "django_migrations":
                continue
            buffer = io.BytesIO()
            cursor.copy_expert(
                f"COPY {connection.ops.quote_name(table)} TO STDOUT (FORMAT binary)", buffer
            )
            copies[table] = buffer.getvalue()
    return copies


def sequences():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value "
            "FROM pg_sequences WHERE schemaname = current_schema()"
        )
        return sorted(cursor.fetchall(), key=lambda row: row[0])


def files(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_a_load_gives_back_the_seeded_demo_exactly(demo_snapshot, settings, tmp_path):
    first = settings.MEDIA_ROOT = tmp_path / "first"
    demo_snapshot.load()
    seeded = tables()
    assert seeded == demo_snapshot.tables  # taken, or copied back, as they are
    assert seeded["wagtailcore_page"] and seeded["wagtailsearch_indexentry"]
    assert HomePage.objects.count() >= 2  # the province's and a sub-portal's at least
    assert NewsArticlePage.objects.live().exists()
    media = files(first)
    assert any(name.startswith("original_images/") for name in media), sorted(media)[:5]

    # Whatever the database holds (a change to the demo, rows of another test, sequences
    # moved on), the next load is the demo as seeded.
    home = HomePage.objects.first()
    home.title = "Đã sửa sau khi nạp"
    home.save()
    factories.StandardPageFactory(parent=home, title="Trang thêm sau khi nạp")
    Site.objects.filter(is_default_site=False).delete()
    second = settings.MEDIA_ROOT = tmp_path / "second"
    demo_snapshot.load()
    assert tables() == seeded
    assert sequences() == sorted(demo_snapshot.sequences, key=lambda row: row[0])
    assert files(second) == media
    assert Page.find_problems() == ([], [], [], [], [])
    assert not Page.objects.filter(title="Trang thêm sau khi nạp").exists()
    # New rows get ids after the demo's, as after a seed.
    page = factories.StandardPageFactory(parent=HomePage.objects.first(), title="Trang mới")
    assert page.pk > max(Page.objects.exclude(pk=page.pk).values_list("pk", flat=True))
