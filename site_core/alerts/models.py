"""Visitors' e-mail alerts: who asked for what, and what was sent to whom.

An address is kept only to send to it: no page, admin view, log line or API shows it
(the board sees counts per topic, site_core/alerts/admin_views.py). A request to
subscribe is a SubscriptionRequest until its confirmation link is used (double opt-in);
only then does a Subscription exist, or change. Unsubscribing deletes the Subscription,
its topics and its delivery records.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from wagtail.models import Page, Site


def new_secret():
    return secrets.token_urlsafe(24)


def normalise_email(address):
    return (address or "").strip().lower()


class Subscription(models.Model):
    """A confirmed address on one site, in one language, with its topics."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    email = models.EmailField(max_length=254)
    secret = models.CharField(max_length=64, default=new_secret)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "đăng ký nhận tin"
        verbose_name_plural = "đăng ký nhận tin"
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["site", "email"], name="alerts_one_per_site_email")
        ]

    def __str__(self):
        # Never the address: this is what the admin or a log would print.
        return f"Đăng ký #{self.pk}"


class SubscriptionTopic(models.Model):
    """One topic a subscription follows: a kind registered by a domain app (a document
    type, an issuing body, a news category) and the id of the chosen row."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="topics")
    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "kind", "object_id"], name="alerts_topic_unique"
            )
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="alerts_topic_lookup_idx")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class SubscriptionRequest(models.Model):
    """A request to subscribe (or to change an existing subscription's topics), waiting
    for its confirmation link. Nothing changes for the address before that."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    email = models.EmailField(max_length=254)
    topics = models.JSONField(default=list)  # [[kind, object_id], ...]
    secret = models.CharField(max_length=64, default=new_secret)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    mailed_at = models.DateTimeField(null=True, blank=True)  # claimed before sending

    class Meta:
        default_permissions = ()
        indexes = [models.Index(fields=["email", "created_at"], name="alerts_request_email_idx")]

    def __str__(self):
        return f"Yêu cầu #{self.pk}"


class AlertEvent(models.Model):
    """A page announced to its subscribers: at most one per page, ever (its first publish)."""

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    matched_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    skipped = models.CharField(max_length=100, blank=True)

    class Meta:
        default_permissions = ()
        indexes = [
            models.Index(
                fields=["created_at"],
                name="alerts_event_unfinished_idx",
                condition=models.Q(finished_at__isnull=True),
            )
        ]

    def __str__(self):
        return f"Thư báo trang #{self.page_id}"


class Delivery(models.Model):
    """One alert to one subscription: written before it is sent, claimed (SENDING) in its
    own transaction, then marked SENT. The unique constraint keeps a page from being
    written twice for a subscription; the claim keeps two workers, a re-run or a restart
    from sending it twice. A delivery a crash left in SENDING is never sent again (at
    most once): `alerts_recover` marks it UNKNOWN."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"
    STATUS_CHOICES = [
        (PENDING, "chờ gửi"),
        (SENDING, "đang gửi"),
        (SENT, "đã gửi"),
        (FAILED, "gửi không được"),
        (UNKNOWN, "không rõ (máy gửi dừng giữa chừng)"),
    ]

    event = models.ForeignKey(AlertEvent, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    not_before = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event"], name="alerts_one_delivery_per_page"
            )
        ]
        indexes = [models.Index(fields=["event", "status"], name="alerts_delivery_status_idx")]

    def __str__(self):
        return f"Thư #{self.pk} ({self.get_status_display()})"
