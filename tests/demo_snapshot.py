"""The demo portal, seeded once per test session and copied back wherever a test needs it.

`seed_demo` takes 20 s or more on an idle machine, and the modules that start from the demo
(tests/test_seed_bulk.py, the browser walks) each needed it again: a transactional test's
database is emptied after every test. The first `load()` of a session runs `seed_demo` as
before, then keeps every table's rows (PostgreSQL COPY, binary), the sequences' values and
the media files; every later `load()` empties the tables and copies them back, which gives
the same rows, ids and files in well under a second.

Nothing outlives the session (the copy is in memory and in a temporary folder), so a
changed migration, demo text or seed step can never be served from an old copy. The demo
dates its events from the day it runs: a copy from another day (a session across midnight,
Asia/Ho_Chi_Minh) is seeded again.

`seed_demo` itself is still tested by running it, twice, in tests/test_seed_demo.py.
"""

import io
import shutil
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

# Which migrations ran is the schema's, not the demo's: left as it is (as `flush` does).
KEEP = {"django_migrations"}


class DemoSnapshot:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.tables = None  # {table: COPY binary bytes}
        self.sequences = None  # [(qualified name, last_value or None)]
        self.day = None
        self.seeded = 0  # how many times this session ran seed_demo (for the tests' own check)

    @property
    def media(self):
        return self.directory / "media"

    def load(self):
        """The demo portal in the database and its files under settings.MEDIA_ROOT.

        The first time (and on a new day) `seed_demo` runs on the database as the caller
        has it, which must be the migrated one, as for `seed_demo` itself; after that the
        database is replaced whatever it holds. Runs in the caller's transaction if there
        is one: rolled back with it.
        """
        media_root = Path(settings.MEDIA_ROOT)
        if self.tables is None or self.day != timezone.localdate():
            day = timezone.localdate()
            call_command("seed_demo", verbosity=0)
            self.seeded += 1
            self.take(media_root)
            self.day = day
        else:
            self.restore(media_root)

    def take(self, media_root):
        with connection.cursor() as cursor:
            tables = {}
            for table in self.table_names(cursor):
                buffer = io.BytesIO()
                cursor.copy_expert(
                    f"COPY {connection.ops.quote_name(table)} TO STDOUT (FORMAT binary)", buffer
                )
                tables[table] = buffer.getvalue()
            cursor.execute(
                "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value "
                "FROM pg_sequences WHERE schemaname = current_schema()"
            )
            self.sequences = cursor.fetchall()
        self.tables = tables
        if self.media.exists():
            shutil.rmtree(self.media)
        if media_root.exists():
            shutil.copytree(media_root, self.media)
        else:
            self.media.mkdir(parents=True)

    def restore(self, media_root):
        with transaction.atomic(), connection.cursor() as cursor:
            current = self.table_names(cursor)
            assert set(current) == set(self.tables), "the schema changed during the session"
            # Inside a test's transaction, foreign keys checked at commit would keep TRUNCATE
            # from running: check them now (as Django's TestCase does at its end).
            connection.check_constraints()
            for statement in connection.ops.sql_flush(no_style(), current):
                cursor.execute(statement)
            for table, rows in self.tables.items():
                cursor.copy_expert(
                    f"COPY {connection.ops.quote_name(table)} FROM STDIN (FORMAT binary)",
                    io.BytesIO(rows),
                )
            connection.check_constraints()
            for sequence, last_value in self.sequences:
                if last_value is None:  # never used: the next value is its start
                    cursor.execute("ALTER SEQUENCE " + sequence + " RESTART")
                else:
                    cursor.execute("SELECT setval(%s, %s, true)", [sequence, last_value])
        shutil.copytree(self.media, media_root, dirs_exist_ok=True)
        # COPY sends no signals: what seed_demo's saves would have invalidated (the sites'
        # root paths, settings, navigation version) may still be cached from other tests.
        for cache in caches.all(initialized_only=True):
            cache.clear()

    @staticmethod
    def table_names(cursor):
        return [
            table
            for table in connection.introspection.table_names(cursor, include_views=False)
            if table not in KEEP
        ]
