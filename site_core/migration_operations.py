"""Operations shared by the migrations that moved a model from site_core to its room."""

from django.db import migrations


def _move(apps, model, old_label, new_label):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    if not content_types.filter(app_label=new_label, model=model).exists():
        content_types.filter(app_label=old_label, model=model).update(app_label=new_label)


def move_content_type(model, old_label, new_label):
    """RunPython: the model's content type follows it to its new app.

    Wagtail stores the content type on every row of a multi-table model (a workflow task),
    and permissions hang on it, so existing rows keep resolving to the model. On a new
    database the content type does not exist yet and nothing happens.
    """

    def forwards(apps, schema_editor):
        _move(apps, model, old_label, new_label)

    def backwards(apps, schema_editor):
        _move(apps, model, new_label, old_label)

    return migrations.RunPython(forwards, backwards)
