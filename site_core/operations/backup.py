"""Backups of the portal: the database plus the uploaded files, checked by SHA-256.

One backup is one directory under BACKUP_DIR, named after its local time of creation:

    portal-20260315-023000/
        manifest.json      what is inside: checksums, sizes, database, migrations
        database.dump      PostgreSQL: `pg_dump --format=custom`
        database.sqlite3   SQLite: a consistent copy through sqlite3's backup API
        media.tar          MEDIA_ROOT (images, renditions, documents)

A backup is written into a hidden `.partial-*` directory and renamed when complete, so an
interrupted run never counts as a backup and never pushes a good one out of retention.
The files hold password hashes and unpublished content: directories are created 0700 and
files 0600.

`manage.py backup` and `manage.py restore` are thin wrappers around this module; see
docs/backup.md for the operator's side.
"""

import contextlib
import datetime
import hashlib
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db import DatabaseError, connection, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

MANIFEST = "manifest.json"
FORMAT = 1
NAME_PATTERN = re.compile(r"^portal-\d{8}-\d{6}(-\d+)?$")
PG_DUMP_FILE = "database.dump"
SQLITE_FILE = "database.sqlite3"
MEDIA_FILE = "media.tar"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A refusal or failure, with a message for the operator (Vietnamese)."""


def _say(progress, message):
    if progress is not None:
        progress(message)


def human_size(size):
    if size < 1024:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            break
    return f"{size:.1f} {unit}".replace(".", ",")


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --- settings --------------------------------------------------------------------------


def backup_dir():
    return Path(settings.BACKUP_DIR)


def database_settings():
    db = connection.settings_dict  # what Django connects to (the test database in tests)
    vendor = connection.vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(f"Chỉ sao lưu được PostgreSQL và SQLite, không phải “{vendor}”.")
    return vendor, db


def media_root():
    """MEDIA_ROOT when the uploads are on the local disk; None with a remote storage (S3),
    which the storage provider backs up (versioning, replication)."""
    backend = settings.STORAGES.get("default", {}).get("BACKEND", "")
    if backend != "django.core.files.storage.FileSystemStorage":
        return None
    return Path(settings.MEDIA_ROOT)


def pg_env(db):
    """libpq environment for pg_dump/pg_restore: the password never appears in `ps`."""
    env = {**os.environ}
    values = {
        "PGHOST": db.get("HOST") or "",
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": db.get("USER") or "",
        "PGPASSWORD": db.get("PASSWORD") or "",
        "PGDATABASE": db["NAME"],
    }
    options = db.get("OPTIONS") or {}
    for option, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
    ):
        if options.get(option):
            values[variable] = str(options[option])
    for variable, value in values.items():
        if value:
            env[variable] = value
        else:
            env.pop(variable, None)
    return env


def run_tool(args, db, what):
    program = shutil.which(args[0])
    if program is None:
        raise BackupError(
            f"Không tìm thấy chương trình {args[0]} (gói postgresql-client, cùng phiên bản "
            f"chính với máy chủ PostgreSQL hoặc mới hơn). Đặt BACKUP_PG_DUMP/BACKUP_PG_RESTORE "
            f"nếu nó nằm ngoài PATH."
        )
    result = subprocess.run(  # noqa: S603 - fixed program and arguments, no shell
        [program, *args[1:]], env=pg_env(db), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{what} thất bại (mã {result.returncode}):\n{result.stderr.strip()}")
    return result


def tool_version(program):
    path = shutil.which(program)
    if path is None:
        return ""
    result = subprocess.run(  # noqa: S603 - fixed program
        [path, "--version"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip()


def applied_migrations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [list(row) for row in cursor.fetchall()]


# --- backup ----------------------------------------------------------------------------


def _private_dir(path):
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def _new_name(root, now):
    base = "portal-" + timezone.localtime(now).strftime("%Y%m%d-%H%M%S")
    name, suffix = base, 2
    while (root / name).exists():
        name, suffix = f"{base}-{suffix}", suffix + 1
    return name


def dump_database(target_dir, progress=None):
    vendor, db = database_settings()
    if vendor == "postgresql":
        target = target_dir / PG_DUMP_FILE
        _say(progress, f"Sao lưu cơ sở dữ liệu PostgreSQL “{db['NAME']}” (pg_dump)…")
        run_tool(
            [settings.BACKUP_PG_DUMP, "--format=custom", "--no-password", "--file", str(target)],
            db,
            "pg_dump",
        )
        info = {"tool": tool_version(settings.BACKUP_PG_DUMP)}
        info["server_version"] = connection.pg_version
    else:
        target = target_dir / SQLITE_FILE
        _say(progress, f"Sao lưu cơ sở dữ liệu SQLite “{db['NAME']}”…")
        source = sqlite3.connect(db["NAME"])
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
        info = {"tool": f"sqlite3 {sqlite3.sqlite_version}"}
    target.chmod(0o600)
    _say(progress, f"  {target.name}: {human_size(target.stat().st_size)}")
    return {"vendor": vendor, "name": str(db["NAME"]), "file": target.name, **info}


def archive_media(target_dir, progress=None):
    root = media_root()
    if root is None:
        _say(
            progress,
            "Tệp tải lên nằm trên kho lưu trữ ngoài (không phải ổ đĩa): không đóng gói media; "
            "hãy sao lưu kho đó bằng công cụ của nhà cung cấp.",
        )
        return None
    target = target_dir / MEDIA_FILE
    _say(progress, f"Đóng gói thư mục media “{root}”…")
    count = 0
    with tarfile.open(target, "w") as archive:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                archive.add(path, arcname=str(path.relative_to(root)), recursive=False)
                count += path.is_file()
    target.chmod(0o600)
    _say(progress, f"  {target.name}: {count} tệp, {human_size(target.stat().st_size)}")
    return {"file": target.name, "root": str(root), "files": count}


def create_backup(directory=None, keep=None, progress=None):
    """Write one complete backup; prune to the newest `keep`. Returns its path."""
    root = _private_dir(Path(directory) if directory else backup_dir())
    now = timezone.now()
    partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=root))
    complete = False
    try:
        database = dump_database(partial, progress)
        media = archive_media(partial, progress)
        _say(progress, "Tính mã kiểm tra SHA-256…")
        files = {}
        for path in sorted(partial.iterdir()):
            files[path.name] = {"sha256": sha256_of(path), "bytes": path.stat().st_size}
        manifest = {
            "format": FORMAT,
            "created": timezone.localtime(now).isoformat(),
            "host": socket.gethostname(),
            "database": database,
            "media": media,
            "migrations": applied_migrations(),
            "files": files,
        }
        manifest_path = partial / MANIFEST
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        manifest_path.chmod(0o600)
        final = root / _new_name(root, now)
        partial.rename(final)
        complete = True
    finally:
        if not complete:
            shutil.rmtree(partial, ignore_errors=True)
    _say(progress, f"Đã tạo bản sao lưu {final}")
    if keep is None:
        keep = settings.BACKUP_KEEP
    for removed in prune(root, keep):
        _say(progress, f"Xóa bản sao lưu cũ {removed.name} (giữ {keep} bản mới nhất)")
    return final


# --- listing and retention -------------------------------------------------------------


def read_manifest(path):
    manifest_path = Path(path) / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text())
    except FileNotFoundError as error:
        raise BackupError(f"“{path}” không phải bản sao lưu: thiếu {MANIFEST}.") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"Không đọc được {manifest_path}: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{manifest_path} không đúng định dạng bản sao lưu (format {FORMAT}).")
    return manifest


def list_backups(root=None):
    """Complete backups under `root`, oldest first."""
    root = Path(root) if root else backup_dir()
    if not root.is_dir():
        return []
    found = []
    for path in root.iterdir():
        if not (path.is_dir() and NAME_PATTERN.match(path.name)):
            continue
        try:
            created = read_manifest(path).get("created", "")
        except BackupError:
            continue  # not ours or damaged: never counted, never deleted
        found.append((str(created), path.name, path))
    return [path for _, _, path in sorted(found)]


def prune(root, keep):
    """Delete all but the newest `keep` complete backups; 0 keeps everything."""
    if keep <= 0:
        return []
    old = list_backups(root)[:-keep]
    for path in old:
        shutil.rmtree(path)
    return old


# --- restore ---------------------------------------------------------------------------


def resolve(name_or_path):
    path = Path(name_or_path)
    if not path.is_dir() and not path.is_absolute():
        candidate = backup_dir() / name_or_path
        if candidate.is_dir():
            path = candidate
    if not path.is_dir():
        raise BackupError(f"Không tìm thấy bản sao lưu “{name_or_path}”.")
    return path


def latest():
    backups = list_backups()
    if not backups:
        raise BackupError(f"Chưa có bản sao lưu nào trong {backup_dir()}.")
    return backups[-1]


def verify(path, progress=None):
    """Check every file against the manifest; returns the manifest or raises BackupError."""
    path = Path(path)
    manifest = read_manifest(path)
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise BackupError(f"{path / MANIFEST} không liệt kê tệp nào.")
    _say(progress, f"Kiểm tra mã SHA-256 của {len(files)} tệp trong {path}…")
    for name, expected in files.items():
        if Path(name).name != name or name in {"", ".", ".."} or not isinstance(expected, dict):
            raise BackupError(f"{MANIFEST} có mục không hợp lệ: “{name}”.")
        target = path / name
        if not target.is_file():
            raise BackupError(f"Bản sao lưu thiếu tệp {name}. Không khôi phục.")
        if target.stat().st_size != expected.get("bytes") or sha256_of(target) != expected.get(
            "sha256"
        ):
            raise BackupError(
                f"Tệp {name} không khớp mã kiểm tra SHA-256 ghi trong {MANIFEST}: bản sao lưu đã "
                f"bị hỏng hoặc bị sửa. Không khôi phục; hãy dùng một bản sao lưu khác."
            )
        _say(progress, f"  {name}: khớp ({human_size(expected['bytes'])})")
    database = manifest.get("database") or {}
    if database.get("file") not in files:
        raise BackupError(f"{MANIFEST} không chỉ ra tệp cơ sở dữ liệu.")
    media = manifest.get("media")
    if media is not None and media.get("file") not in files:
        raise BackupError(f"{MANIFEST} không chỉ ra tệp media.")
    return manifest


def check_media_root(root, backup_path):
    """Refuse a MEDIA_ROOT whose emptying would destroy more than uploads."""
    resolved = root.resolve()
    protected = [Path("/"), Path.home().resolve(), Path(settings.BASE_DIR).resolve()]
    backup_resolved = Path(backup_path).resolve()
    if (
        resolved in protected
        or Path(settings.BASE_DIR).resolve().is_relative_to(resolved)
        or backup_resolved.is_relative_to(resolved)
    ):
        raise BackupError(
            f"MEDIA_ROOT “{root}” chứa mã nguồn, thư mục nhà hoặc chính bản sao lưu: không "
            f"khôi phục media vào đó. Đặt MEDIA_ROOT riêng cho tệp tải lên."
        )


def _staging_dir(candidates):
    for parent in candidates:
        try:
            return Path(tempfile.mkdtemp(prefix=".restore-media-", dir=parent))
        except OSError:
            continue
    return Path(tempfile.mkdtemp(prefix="portal-restore-media-"))


def unpack_media(path, manifest, progress=None):
    """Extract media.tar beside the backup; returns the staging directory (or None)."""
    media = manifest.get("media")
    root = media_root()
    if media is None or root is None:
        return None
    check_media_root(root, path)
    staging = _staging_dir([Path(path).parent, root.parent])
    _say(progress, "Giải nén tệp media vào thư mục tạm…")
    try:
        with tarfile.open(Path(path) / media["file"]) as archive:
            # "data": no absolute paths, no links out of the target, no device files.
            archive.extractall(staging, filter="data")
    except (tarfile.TarError, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(f"Không giải nén được {media['file']}: {error}") from error
    return staging


EXTENSION_ENTRY = re.compile(r"^\d+;\s+\d+\s+\d+\s+EXTENSION\s+-\s+(\S+)")
EXTENSION_COMMENT = re.compile(r"^\d+;\s+\d+\s+\d+\s+COMMENT\s+-\s+EXTENSION\s")


def restore_list(source, db):
    """The dump's table of contents without its extensions, which are created here instead.

    `--clean` would drop and recreate an extension (`unaccent`), which only its owner may
    do: often a superuser who ran CREATE EXTENSION once. Extensions are kept and only
    created when missing (a new, empty database)."""
    listing = run_tool([settings.BACKUP_PG_RESTORE, "--list", str(source)], db, "pg_restore --list")
    kept = []
    for line in listing.stdout.splitlines():
        extension = EXTENSION_ENTRY.match(line)
        if extension:
            create_extension(extension.group(1))
        elif not EXTENSION_COMMENT.match(line):
            kept.append(line)
    return "\n".join(kept) + "\n"


def create_extension(name):
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE EXTENSION IF NOT EXISTS {connection.ops.quote_name(name)}")
    except DatabaseError as error:
        raise BackupError(
            f"Không tạo được phần mở rộng PostgreSQL “{name}” ({error}). Nhờ quản trị "
            f"PostgreSQL chạy: CREATE EXTENSION {name}; trong cơ sở dữ liệu rồi khôi phục lại."
        ) from error


def restore_database(path, manifest, progress=None):
    vendor, db = database_settings()
    database = manifest["database"]
    if database.get("vendor") != vendor:
        raise BackupError(
            f"Bản sao lưu là cơ sở dữ liệu {database.get('vendor')}, cấu hình hiện tại là {vendor}."
        )
    source = Path(path) / database["file"]
    if vendor == "postgresql":
        _say(progress, f"Khôi phục cơ sở dữ liệu “{db['NAME']}” (pg_restore)…")
        with tempfile.TemporaryDirectory(prefix="portal-restore-") as work:
            contents = Path(work) / "contents.list"
            contents.write_text(restore_list(source, db))
            connections.close_all()  # no session of ours may hold a lock on the tables
            run_tool(
                [
                    settings.BACKUP_PG_RESTORE,
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",  # all or nothing: on failure nothing changed
                    "--exit-on-error",
                    "--no-password",
                    "--use-list",
                    str(contents),
                    "--dbname",
                    str(db["NAME"]),
                    str(source),
                ],
                db,
                "pg_restore",
            )
    else:
        connections.close_all()
        _say(progress, f"Khôi phục cơ sở dữ liệu SQLite “{db['NAME']}”…")
        backup = sqlite3.connect(source)
        target = sqlite3.connect(db["NAME"])
        try:
            with target:
                backup.backup(target)
        finally:
            target.close()
            backup.close()
    _say(progress, "  xong.")


def replace_media(staging, progress=None):
    root = media_root()
    _say(progress, f"Thay nội dung thư mục media “{root}” bằng bản sao lưu…")
    root.mkdir(parents=True, exist_ok=True)
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    for child in staging.iterdir():
        shutil.move(str(child), str(root / child.name))
    count = sum(1 for item in root.rglob("*") if item.is_file())
    staging.rmdir()
    _say(progress, f"  {count} tệp.")


def forget_runtime_state(progress=None):
    """After the data went back in time: nothing cached from the newer state, and every
    session signs in again (a session from the backup may belong to a revoked account)."""
    deleted, _ = Session.objects.all().delete()
    for alias in settings.CACHES:
        cache = caches[alias]
        if hasattr(cache, "delete_pattern"):  # django-redis: only our prefix, not the database
            cache.delete_pattern("*")
        else:
            cache.clear()
    _say(progress, f"Đã xóa bộ nhớ đệm và {deleted} phiên đăng nhập (mọi người đăng nhập lại).")


def migration_notes(manifest):
    """Compare the backup's applied migrations with the code's; lines for the operator."""
    in_backup = {tuple(item) for item in manifest.get("migrations", [])}
    on_disk = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    notes = []
    unknown = sorted(in_backup - on_disk)
    if unknown:
        notes.append(
            f"Cảnh báo: bản sao lưu có {len(unknown)} migration mà mã nguồn này không có (ví dụ "
            f"{unknown[0][0]}.{unknown[0][1]}): hãy chạy đúng phiên bản mã nguồn đã tạo bản sao lưu."
        )
    if on_disk - in_backup:
        notes.append("Mã nguồn mới hơn bản sao lưu: chạy `manage.py migrate` rồi `setup_portal`.")
    return notes


def describe(manifest):
    created = manifest.get("created", "?")
    with contextlib.suppress(TypeError, ValueError):
        created = datetime.datetime.fromisoformat(created).strftime("%d/%m/%Y %H:%M:%S")
    return f"bản sao lưu lúc {created} từ máy {manifest.get('host', '?')}"
