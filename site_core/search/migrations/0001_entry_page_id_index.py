"""The search index entries, newest page first: a btree index on each entry's page id.

The stock entries keep the object id as text (`object_id`), indexed only after the
content type. `portal_search_page_id(object_id)` is that id as an integer (NULL when it is
not one, so that no entry of any model can fail it), and its index lets the site search
read the newest matching entries first (site_core/search/query.py, `newest_matches`)
instead of walking the pages and reading each one's entry. No-op on SQLite.
"""

from django.db import migrations

CREATE_SQL = """
CREATE OR REPLACE FUNCTION portal_search_page_id(text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN $1 ~ '^[0-9]{1,9}$' THEN $1::integer END $$;
CREATE INDEX IF NOT EXISTS portal_search_entry_page_id
    ON wagtailsearch_indexentry (portal_search_page_id(object_id));
"""

DROP_SQL = """
DROP INDEX IF EXISTS portal_search_entry_page_id;
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
