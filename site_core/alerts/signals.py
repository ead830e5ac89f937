"""The page_published receiver (connected in AlertsConfig.ready)."""

from django.db import IntegrityError, transaction

from site_core.alerts import registry
from site_core.alerts.models import AlertEvent, Subscription
from site_core.alerts.tasks import announce_page


def page_first_published(sender, instance, revision=None, **kwargs):
    """A page of an announced type going live for the first time: write its AlertEvent
    and enqueue the task. A republished edit (first_published_at earlier than this
    publish), a scheduled publish not yet live, an alias, and a page already announced
    enqueue nothing; what else keeps a page from being announced (restricted, withdrawn
    meanwhile, a copy whose original is elsewhere) is checked by the task when it runs."""
    page = instance
    if not page.live or page.alias_of_id or not registry.announces(type(page)):
        return
    if page.first_published_at is None or page.first_published_at != page.last_published_at:
        return
    if not Subscription.objects.exists():  # nobody to tell (a fresh portal, the demo's seed)
        return
    try:
        with transaction.atomic():
            event, created = AlertEvent.objects.get_or_create(page_id=page.pk)
    except IntegrityError:  # announced by a concurrent publish
        return
    if created:
        announce_page.enqueue(event.pk)
