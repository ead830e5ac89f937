from django.db.models.signals import post_save


def home_translation_created(sender, instance, created, raw=False, **kwargs):
    """A new language tree of a portal gets the same workflow and groups as its source."""
    if created and not raw and instance.depth == 2:
        from site_core.editorial.setup import workflow_for_new_translation

        workflow_for_new_translation(instance)


def connect():
    from home.models import HomePage

    post_save.connect(home_translation_created, sender=HomePage, dispatch_uid="home_translation")
