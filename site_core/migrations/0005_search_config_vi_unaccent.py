"""The `vi_unaccent` text search configuration the search backend uses on PostgreSQL.

`unaccent` folds every Vietnamese mark (đ -> d included), then `simple` lower-cases without
stemming, so "nghi quyet" and "Nghị quyết" give the same lexemes. No-op on SQLite, where
site_core.search folds the text in Python. After a change here run `manage.py update_index`.

The search backend matches `(title || body) @@ query`; the stock GIN indexes cover title and
body one by one, so a GIN index on the concatenation lets PostgreSQL use an index there.
"""

from django.db import migrations

CREATE_SQL = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vi_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION vi_unaccent (COPY = simple);
    END IF;
END
$$;
ALTER TEXT SEARCH CONFIGURATION vi_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
"""

CREATE_INDEX_SQL = """
CREATE INDEX IF NOT EXISTS site_core_search_title_body_gin
    ON wagtailsearch_indexentry USING gin ((title || body));
"""

DROP_SQL = """
DROP INDEX IF EXISTS site_core_search_title_body_gin;
DROP TEXT SEARCH CONFIGURATION IF EXISTS vi_unaccent;
"""


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_SQL)
        schema_editor.execute(CREATE_INDEX_SQL)


def drop_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0004_four_eyes_approval_task"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_config, drop_config, elidable=False)]
