"""PublicCollection moves here from site_core: its table and rows stay as they are."""

import django.db.models.deletion
from django.db import migrations, models

from site_core.migration_operations import move_content_type


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("site_core", "0008_media_file_indexes"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PublicCollection",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "reason",
                            models.CharField(
                                blank=True,
                                help_text="Ví dụ: ảnh và biểu mẫu dùng chung cho mọi trang.",
                                max_length=255,
                                verbose_name="lý do công khai",
                            ),
                        ),
                        (
                            "collection",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="wagtailcore.collection",
                                verbose_name="thư mục",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "thư mục công khai",
                        "verbose_name_plural": "thư mục công khai",
                        "db_table": "site_core_publiccollection",
                    },
                ),
            ],
            database_operations=[],
        ),
        move_content_type("publiccollection", "site_core", "portal_files"),
    ]
