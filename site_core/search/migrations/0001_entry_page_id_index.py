"""The search index entries, newest page first: one GIN index on each entry's page id and
its title || body.

The stock entries keep the object id as text (`object_id`), indexed only after the
content type. `portal_search_page_id(object_id)` is that id as an integer (NULL when it is
not one, so that no entry of any model can fail it). With `btree_gin` (a trusted contrib
extension, like `unaccent`), one GIN index holds both the page id and the vector that the
backend matches, so that "the matching entries of the pages newer than N" is a single index
scan: the few keys of the page-id range drive it, and the words' long posting lists are
only skipped through (site_core/search/query.py, `newest_matches`). A btree on the page id
alone would let PostgreSQL walk the newest entries and test each one's vectors, which it
prices far below the cost of decompressing them. No-op on SQLite.
"""

from django.db import migrations

CREATE_SQL = """
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE OR REPLACE FUNCTION portal_search_page_id(text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN $1 ~ '^[0-9]{1,9}$' THEN $1::integer END $$;
CREATE INDEX IF NOT EXISTS portal_search_entry_page_vector
    ON wagtailsearch_indexentry USING gin (portal_search_page_id(object_id), (title || body));
"""

DROP_SQL = """
DROP INDEX IF EXISTS portal_search_entry_page_vector;
DROP FUNCTION IF EXISTS portal_search_page_id(text);
"""


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_SQL)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0005_search_config_vi_unaccent"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
