"""The four-eyes task moves here from site_core: its table and rows stay as they are.

Only Django's record of the model changes app (state), and the content type that Wagtail
stores on every task row follows it, so existing workflows keep their task.
"""

import django.db.models.deletion
from django.db import migrations, models

from site_core.migration_operations import move_content_type


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("site_core", "0008_media_file_indexes"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="FourEyesApprovalTask",
                    fields=[
                        (
                            "task_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.task",
                            ),
                        ),
                        (
                            "groups",
                            models.ManyToManyField(
                                help_text=(
                                    "Pages/snippets at this step in a workflow will be "
                                    "moderated or approved by these groups of users"
                                ),
                                to="auth.group",
                                verbose_name="groups",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "bước duyệt bốn mắt",
                        "verbose_name_plural": "bước duyệt bốn mắt",
                        "db_table": "site_core_foureyesapprovaltask",
                    },
                    bases=("wagtailcore.task",),
                ),
            ],
            database_operations=[],
        ),
        move_content_type("foureyesapprovaltask", "site_core", "editorial"),
    ]
