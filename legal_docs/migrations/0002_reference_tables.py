"""Load the document types and issuing bodies of legal_docs/data/ (idempotent)."""

from django.db import migrations

from legal_docs.tables import load_reference_tables


def load(apps, schema_editor):
    load_reference_tables(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("legal_docs", "0001_initial"),
        ("site_core", "0003_english_locale"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
