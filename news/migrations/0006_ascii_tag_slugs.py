"""Tags saved with Unicode slugs (“đại-đoàn-kết”) get the folded ASCII one (news/tags.py)."""

from django.db import migrations

from site_core.text import vietnamese_slugify


def ascii_slugs(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    for tag in Tag.objects.order_by("pk").iterator():
        if tag.slug.isascii():
            continue
        base = vietnamese_slugify(tag.name) or "the"
        slug, number = base, 1
        while Tag.objects.filter(slug=slug).exclude(pk=tag.pk).exists():
            number += 1
            slug = f"{base}-{number}"
        tag.slug = slug
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0005_query_indexes"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(ascii_slugs, migrations.RunPython.noop)]
