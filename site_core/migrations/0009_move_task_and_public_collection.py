"""FourEyesApprovalTask went to site_core.editorial, PublicCollection to site_core.files.

State only: the tables keep their names (the models set db_table), so no row moves.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0008_media_file_indexes"),
        ("editorial", "0001_initial"),
        ("portal_files", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="FourEyesApprovalTask"),
                migrations.DeleteModel(name="PublicCollection"),
            ],
            database_operations=[],
        ),
    ]
