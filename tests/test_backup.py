"""`manage.py backup` and `manage.py restore` on the real PostgreSQL test database.

pg_dump and pg_restore are separate processes that only see committed rows, so these tests
are transactional. A transactional test ends by emptying every table, which would leave
the tests that follow without the rows the migrations created (root page, locales, site):
`baseline` dumps the database once before this module and restores it after the last
test's flush, and `committed_db` restores it before each test, so every test starts from
the migrated rows and the module leaves the database as it found it.
"""

import builtins
import io
import json
import shutil
import stat

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import CommandError, call_command

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from site_core.operations import backup as backups
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

PDF = factories.PDF_BYTES + b"% noi dung rieng cua tep sao luu\n"
PASSWORD = "Mat-khau-sao-luu-2026"  # noqa: S105 - a test account's


def clear_caches():
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(scope="module")
def baseline(django_db_setup, django_db_blocker, tmp_path_factory):
    """A dump of the test database as this module found it; restored when it is done."""
    from django.conf import settings

    assert shutil.which(settings.BACKUP_PG_DUMP), "pg_dump is needed (postgresql-client)"
    path = tmp_path_factory.mktemp("baseline")
    with django_db_blocker.unblock():
        manifest = {"database": backups.dump_database(path)}
    yield path, manifest
    with django_db_blocker.unblock():
        backups.restore_database(path, manifest)
    clear_caches()


@pytest.fixture
def committed_db(baseline, transactional_db, settings, tmp_path):
    if not Page.objects.exists():  # emptied by the previous test's flush
        backups.restore_database(*baseline)
    clear_caches()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_DIR = tmp_path / "backups"


def run(command, *args, **options):
    out = io.StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


def make_content():
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root, slug="trang-chu-sao-luu")
    editor = get_user_model().objects.create_user(
        username="bientapvien-sao-luu", email="btv@example.org", password=PASSWORD
    )
    page = factories.StandardPageFactory(parent=home, title="Giới thiệu Đảng bộ", slug="gioi-thieu")
    page.save_revision(user=editor).publish()
    page.title = "Giới thiệu Đảng bộ (bản nháp sửa)"
    page.save_revision(user=editor)
    document = factories.DocumentFactory(
        title="Báo cáo chính trị", filename="bao-cao.pdf", content=PDF
    )
    image = factories.ImageFactory(title="Ảnh hội nghị")
    return {"home": home, "page": page, "editor": editor, "document": document, "image": image}


def snapshot(content):
    page = content["page"]
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk")
    image = content["image"]
    return {
        "pages": list(
            Page.objects.filter(path__startswith=content["home"].path)
            .order_by("path")
            .values_list("pk", "title", "url_path", "live", "latest_revision_id")
        ),
        "revisions": [(r.pk, r.user_id, r.content["title"]) for r in revisions],
        "user": get_user_model()
        .objects.filter(pk=content["editor"].pk)
        .values_list("username", "password")
        .first(),
        "document": (content["document"].pk, content["document"].file.name),
        "document_bytes": read(content["document"].file),
        "image": (image.pk, image.file.name, image.width, image.height),
        "image_bytes": read(image.file),
    }


def read(field_file):
    with field_file.storage.open(field_file.name, "rb") as handle:
        return handle.read()


def wipe(content, media_root):
    content["home"].delete()
    content["editor"].delete()
    content["document"].delete()
    content["image"].delete()
    shutil.rmtree(media_root, ignore_errors=True)


def test_backup_wipe_and_restore_bring_back_pages_revisions_users_and_files(committed_db, settings):
    content = make_content()
    before = snapshot(content)
    ids = {name: item.pk for name, item in content.items()}
    assert len(before["revisions"]) == 2

    output = run("backup")
    backups_made = backups.list_backups()
    assert len(backups_made) == 1
    path = backups_made[0]
    assert "pg_dump" in output and "media.tar" in output and str(path) in output
    manifest = json.loads((path / "manifest.json").read_text())
    assert set(manifest["files"]) == {"database.dump", "media.tar"}
    assert manifest["database"]["name"] == settings.DATABASES["default"]["NAME"]
    # Password hashes inside: only the owner may read.
    assert stat.S_IMODE(path.stat().st_mode) == 0o700
    assert all(stat.S_IMODE((path / name).stat().st_mode) == 0o600 for name in manifest["files"])

    wipe(content, settings.MEDIA_ROOT)
    assert not Page.objects.filter(pk=ids["page"]).exists()
    assert not Revision.objects.filter(pk=before["revisions"][0][0]).exists()
    assert not get_user_model().objects.filter(username="bientapvien-sao-luu").exists()
    assert not get_document_model().objects.filter(pk=ids["document"]).exists()
    assert not (settings.MEDIA_ROOT / before["document"][1]).exists()

    output = run("restore", path.name, interactive=False)
    assert "khớp" in output and "pg_restore" in output and "Khôi phục xong" in output

    restored = {
        "home": Page.objects.get(pk=ids["home"]),
        "page": Page.objects.get(pk=ids["page"]),
        "editor": get_user_model().objects.get(pk=ids["editor"]),
        "document": get_document_model().objects.get(pk=ids["document"]),
        "image": get_image_model().objects.get(pk=ids["image"]),
    }
    after = snapshot(restored)
    assert after == before
    assert restored["editor"].check_password(PASSWORD)
    assert (
        restored["page"].specific.get_latest_revision_as_object().title.endswith("(bản nháp sửa)")
    )


def test_a_tampered_backup_is_refused_and_nothing_changes(committed_db, settings):
    content = make_content()
    run("backup", verbosity=0)
    path = backups.latest()
    with open(path / "media.tar", "r+b") as archive:
        archive.seek(1000)
        byte = archive.read(1)
        archive.seek(1000)
        archive.write(bytes([byte[0] ^ 0xFF]))
    content["editor"].delete()  # a change after the backup, which a restore would undo
    document_file = settings.MEDIA_ROOT / content["document"].file.name

    with pytest.raises(CommandError, match="media.tar không khớp mã kiểm tra SHA-256"):
        run("restore", str(path), interactive=False)

    assert not get_user_model().objects.filter(username="bientapvien-sao-luu").exists()
    assert document_file.read_bytes() == PDF


def test_restore_asks_first_and_a_no_changes_nothing(committed_db, monkeypatch):
    content = make_content()
    run("backup", verbosity=0)
    content["editor"].delete()
    asked = []
    monkeypatch.setattr(builtins, "input", lambda prompt: asked.append(prompt) or "no")

    with pytest.raises(CommandError, match="Đã hủy"):
        run("restore", "--latest")

    assert "sẽ bị thay thế" in asked[0]
    assert not get_user_model().objects.filter(username="bientapvien-sao-luu").exists()


def test_backup_keeps_only_the_newest(committed_db, settings):
    foreign = settings.BACKUP_DIR / "ghi-chu-cua-quan-tri"
    foreign.mkdir(parents=True)
    made = []
    for _ in range(3):
        run("backup", "--keep", "2", verbosity=0)
        made.append(backups.list_backups()[-1])
    assert backups.list_backups() == made[1:]
    assert not made[0].exists()
    assert foreign.is_dir()  # never touches what is not a backup
    assert not list(settings.BACKUP_DIR.glob(".partial-*"))
