"""An index on wagtailcore_page (depth, path): the children of a page in one range scan.

`child_of(page)` filters `depth = d AND path LIKE 'prefix%'`; Wagtail's own indexes cover
the path alone, so the children of the home page (the home page's sections, menus) were
found by reading every page of the site. With (depth, path) the database reads only the
children. On PostgreSQL the path half uses varchar_pattern_ops, which LIKE 'prefix%' needs.
"""

from django.db import migrations

INDEX = "portal_page_depth_path_idx"


def create_index(apps, schema_editor):
    path = "path varchar_pattern_ops" if schema_editor.connection.vendor == "postgresql" else "path"
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, {path})")


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0009_move_task_and_public_collection"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
