"""Indexes on the file names of images and renditions.

The media views (site_core/media_views.py) find the image or rendition behind every
/media/original_images/ and /media/images/ request by its file name; Wagtail does not
index that column, so without these each request would read the whole table.
"""

from django.db import migrations

INDEXES = [
    ("site_core_image_file_idx", "wagtailimages_image"),
    ("site_core_rendition_file_idx", "wagtailimages_rendition"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0007_public_collection"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} (file)",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, table in INDEXES
    ]
