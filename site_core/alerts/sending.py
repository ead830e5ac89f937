"""Announcing a page: who gets it, and sending each alert at most once.

1. `page_first_published` (site_core/alerts/signals.py), in the editor's request, only
   writes an AlertEvent (one per page, ever) and enqueues `announce_page` on the
   background worker, in the publishing transaction: both exist or neither.
2. `announce_page(event)` (site_core/alerts/tasks.py), in the worker: checks the page is
   still live, public, not an alias and not a copy whose original is elsewhere; writes a
   Delivery per matching confirmed subscription (unique per subscription and page, so a
   re-run adds nothing); then sends the pending ones.
3. Each delivery is claimed (PENDING → SENDING) in its own committed transaction before
   its message is handed to the mail server, and marked SENT after. A re-run, a second
   worker or a restart finds nothing PENDING to send twice; a crash between the claim and
   the mark leaves that one delivery SENDING, which `alerts_recover` reports as UNKNOWN
   rather than risking a second copy. A refused send (mail server down) goes back to
   PENDING with a delay, up to PORTAL_ALERTS_MAX_ATTEMPTS.

No address reaches a log: failures are logged with the delivery's id and the exception's
class only (an SMTP refusal's text names the recipient).
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from wagtail.models import Page, Site

from site_core.alerts import mail, registry
from site_core.alerts.models import (
    AlertEvent,
    Delivery,
    Subscription,
    SubscriptionRequest,
    SubscriptionTopic,
)

logger = logging.getLogger("portal.alerts")


def home_of(page):
    """The depth-2 page (a site's home in some language) above `page`."""
    return Page.objects.filter(path=page.path[: Page.steplen * 2]).first()


def sites_of(page):
    """The Sites whose home (in any language) holds `page`."""
    home = home_of(page)
    if home is None:
        return Site.objects.none()
    return Site.objects.filter(root_page__translation_key=home.translation_key)


def why_not_announced(page):
    """ "" when the page may be announced now, else the reason (kept on the event)."""
    if not page.live or page.expired:
        return "không còn đăng"
    if page.alias_of_id:
        return "bản sao (alias)"
    if page.get_view_restrictions().exists():
        return "trang hạn chế người xem"
    if hasattr(page, "get_canonical_url") and page.get_canonical_url():
        return "bản đăng lại, bài gốc ở nơi khác"
    if not registry.kinds_for_page(page):
        return "loại trang không có thư báo"
    return ""


def matching_subscriptions(page):
    """Confirmed subscriptions of the page's site and language following one of its topics."""
    topics = registry.page_topics(page)
    if not topics:
        return Subscription.objects.none()
    wanted = Q()
    for key, ids in topics.items():
        wanted |= Q(kind=key, object_id__in=ids)
    followed = SubscriptionTopic.objects.filter(wanted, subscription=OuterRef("pk"))
    return Subscription.objects.filter(
        Exists(followed),
        site__in=sites_of(page),
        language=page.locale.language_code,
    )


def write_deliveries(event, page):
    """One PENDING Delivery per matching subscription; those already written stay."""
    rows = [
        Delivery(event=event, subscription_id=pk)
        for pk in matching_subscriptions(page).values_list("pk", flat=True)
    ]
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    AlertEvent.objects.filter(pk=event.pk, matched_at__isnull=True).update(
        matched_at=timezone.now()
    )


def claim_next(event):
    """The next PENDING delivery of the event, claimed for this worker, or None."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(event=event, status=Delivery.PENDING, not_before__lte=timezone.now())
            .order_by("pk")
            .first()
        )
        if delivery is None:
            return None
        delivery.status = Delivery.SENDING
        delivery.claimed_at = timezone.now()
        delivery.attempts += 1
        delivery.save(update_fields=["status", "claimed_at", "attempts"])
    return delivery


def send_pending(event, page):
    """Sends the event's PENDING deliveries; returns (sent, retry later)."""
    sent = 0
    page_url = page.get_full_url()
    if hasattr(type(page), "prefetch_for_listing"):
        type(page).prefetch_for_listing([page])  # what its reference reads, once for all
    homes = {}
    topics = registry.page_topics(page)
    connection = get_connection(fail_silently=False)
    try:
        while (delivery := claim_next(event)) is not None:
            subscription = (
                Subscription.objects.select_related("site")
                .filter(pk=delivery.subscription_id)
                .first()
            )
            if subscription is None:  # unsubscribed meanwhile (the delivery went with it)
                continue
            key = (subscription.site_id, subscription.language)
            if key not in homes:  # the site's home and choices, once per site and language
                home = mail.language_home(subscription.site, subscription.language)
                homes[key] = (home, registry.offered_choices(home) if home else [])
            matched = [
                (topic.kind, topic.object_id)
                for topic in subscription.topics.all()
                if topic.object_id in topics.get(topic.kind, ())
            ]
            try:
                home, offered = homes[key]
                message = mail.alert_message(subscription, page, page_url, home, matched, offered)
                connection.send_messages([message])
            except Exception as error:  # noqa: BLE001 - any failure: retry later, never a 500
                give_up = delivery.attempts >= settings.PORTAL_ALERTS_MAX_ATTEMPTS
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=Delivery.FAILED if give_up else Delivery.PENDING,
                    not_before=timezone.now() + retry_delay(delivery.attempts),
                )
                logger.warning(
                    "Alert delivery %s failed (%s), attempt %s",
                    delivery.pk,
                    type(error).__name__,
                    delivery.attempts,
                )
                continue
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.SENT, sent_at=timezone.now()
            )
            sent += 1
    finally:
        connection.close()
    waiting = Delivery.objects.filter(event=event, status=Delivery.PENDING)
    return sent, waiting.order_by("not_before").values_list("not_before", flat=True).first()


def retry_delay(attempts):
    return datetime.timedelta(seconds=settings.PORTAL_ALERTS_RETRY_SECONDS * 2 ** (attempts - 1))


def finish(event, skipped=""):
    AlertEvent.objects.filter(pk=event.pk).update(finished_at=timezone.now(), skipped=skipped)


def announce(event_id):
    """The work of the `announce_page` task. Returns a summary (no addresses); the next
    run's time when some deliveries wait for a retry."""
    event = AlertEvent.objects.filter(pk=event_id).first()
    if event is None or event.finished_at is not None:
        return {"sent": 0, "retry_at": None}
    page = Page.objects.filter(pk=event.page_id).first()
    page = page.specific if page is not None else None
    reason = "đã xóa" if page is None else why_not_announced(page)
    if reason:
        finish(event, reason)
        return {"sent": 0, "skipped": reason, "retry_at": None}
    if event.matched_at is None:
        write_deliveries(event, page)
    sent, retry_at = send_pending(event, page)
    if retry_at is None:
        finish(event)
    return {"sent": sent, "retry_at": retry_at}


def recover(stuck_after=datetime.timedelta(hours=1)):
    """After a worker's crash: deliveries left SENDING become UNKNOWN (never resent), and
    every unfinished event is returned to be enqueued again (re-running one is harmless)."""
    unknown = Delivery.objects.filter(
        status=Delivery.SENDING, claimed_at__lt=timezone.now() - stuck_after
    ).update(status=Delivery.UNKNOWN)
    events = list(AlertEvent.objects.filter(finished_at__isnull=True).values_list("pk", flat=True))
    return unknown, events


def send_confirmation(request_id):
    """Mails a SubscriptionRequest its confirmation link, at most once."""
    claimed = SubscriptionRequest.objects.filter(pk=request_id, mailed_at__isnull=True).update(
        mailed_at=timezone.now()
    )
    if not claimed:
        return False
    request_row = SubscriptionRequest.objects.select_related("site").get(pk=request_id)
    home = mail.language_home(request_row.site, request_row.language)
    try:
        mail.confirmation_message(request_row, home).send()
    except Exception as error:  # noqa: BLE001 - logged without the address
        logger.warning("Confirmation %s not sent (%s)", request_id, type(error).__name__)
        return False
    return True


def forget_stale_requests():
    """Requests whose confirmation link has expired are deleted with their address."""
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.PORTAL_ALERTS_CONFIRM_MAX_AGE)
    return SubscriptionRequest.objects.filter(created_at__lt=cutoff).delete()[0]
