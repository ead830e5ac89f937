"""The home app's signal receivers, connected from HomeConfig.ready()."""

from django.db.models.signals import post_save

from home.models import HomePage
from site_core.editorial.setup import workflow_for_new_translation


def home_translation_created(sender, instance, created, raw=False, **kwargs):
    """A new language tree of a portal gets the same workflow and groups as its source."""
    if created and not raw and instance.depth == 2:
        workflow_for_new_translation(instance)


def connect():
    post_save.connect(home_translation_created, sender=HomePage, dispatch_uid="home_translation")
