"""Visitors' pages: subscribe, confirm, manage, unsubscribe (URLs in site_core/alerts/urls.py).

- Subscribing answers the same page whatever the address (new, pending, subscribed,
  throttled): it only writes a SubscriptionRequest and enqueues its confirmation mail
  (the request never talks to the mail server, so its time says nothing either).
- The links in mails carry signed tokens (site_core/alerts/tokens.py). Following one with
  GET never changes anything (mail scanners follow links): confirming and unsubscribing
  are a button that POSTs. The one-click unsubscribe of RFC 8058 is a POST to the same
  URL by the mail client, without a CSRF token: the token in the URL is the proof.
- A bad or altered link answers 400, an expired confirmation 400, a link whose
  subscription is gone 404, each with a Vietnamese explanation.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from site_core import navigation
from site_core.alerts import registry, throttle, tokens
from site_core.alerts.forms import SubscribeForm, TopicsForm
from site_core.alerts.mail import language_home
from site_core.alerts.models import (
    Subscription,
    SubscriptionRequest,
    SubscriptionTopic,
    normalise_email,
)
from site_core.alerts.tasks import send_confirmation
from site_core.security.signin import client_ip

BAD_LINK = "bad"
EXPIRED_LINK = "expired"
GONE = "gone"


def private(response):
    """Per-visitor pages with secrets in their URL: kept nowhere, and their URL is not sent
    as a Referer to the pages they link to."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def link_problem(request, problem):
    status = 404 if problem == GONE else 400
    return private(
        render(request, "portal_alerts/link_problem.html", {"problem": problem}, status=status)
    )


def read_token(request, token, reader, model):
    """(row, None) or (None, error response)."""
    try:
        value = reader(token)
    except tokens.ExpiredToken:
        return None, link_problem(request, EXPIRED_LINK)
    except tokens.BadToken:
        return None, link_problem(request, BAD_LINK)
    row = tokens.find(model, value)
    if row is None:
        return None, link_problem(request, GONE)
    return row, None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    site = navigation.current_site(request)
    home = navigation.localized_home(site)
    if home is None:
        raise Http404
    offered = registry.offered_choices(home)
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST, offered=offered)
        if form.is_valid():
            if not throttle.allow("ip", client_ip(request) or "?"):
                form.add_error(
                    None,
                    gettext(
                        "Có quá nhiều yêu cầu đăng ký từ máy của bạn. Xin vui lòng thử lại sau."
                    ),
                )
                status = 429
            else:
                accept_request(site, form.cleaned_data["email"], form.chosen_topics())
                return render(request, "portal_alerts/subscribe_done.html", {})
    else:
        form = SubscribeForm(offered=offered)
    return render(
        request, "portal_alerts/subscribe.html", {"form": form, "offered": offered}, status=status
    )


def accept_request(site, address, topics):
    """Writes the request and enqueues its mail, unless this address had enough mails
    lately; says nothing either way."""
    email = normalise_email(address)
    if not throttle.allow("address", email):
        return
    day_ago = timezone.now() - datetime.timedelta(days=1)
    if (
        SubscriptionRequest.objects.filter(email=email, created_at__gte=day_ago).count()
        >= settings.PORTAL_ALERTS_DAILY_PER_ADDRESS
    ):
        return
    with transaction.atomic():
        request_row = SubscriptionRequest.objects.create(
            site=site, language=get_language() or settings.LANGUAGE_CODE, email=email, topics=topics
        )
        send_confirmation.enqueue(request_row.pk)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    request_row, problem = read_token(
        request, token, tokens.read_confirm_token, SubscriptionRequest
    )
    if problem:
        return problem
    home = language_home(request_row.site, request_row.language)
    topics = registry.topic_labels(request_row.topics, home)
    if request.method != "POST":
        return private(
            render(request, "portal_alerts/confirm.html", {"topics": topics, "token": token})
        )
    subscription = confirm_request(request_row)
    if subscription is None:
        return link_problem(request, GONE)
    return private(
        render(
            request,
            "portal_alerts/confirmed.html",
            {"topics": topics, "manage_token": tokens.manage_token(subscription)},
        )
    )


def confirm_request(request_row):
    """The request's topics become its address's subscription on that site (created or
    replaced); the request, and older ones of the same address, are deleted."""
    known = registry.kinds_by_key()
    try:
        with transaction.atomic():
            row = SubscriptionRequest.objects.select_for_update().filter(pk=request_row.pk).first()
            if row is None:  # used meanwhile (a double click)
                return None
            subscription, _created = Subscription.objects.select_for_update().get_or_create(
                site_id=row.site_id, email=row.email, defaults={"language": row.language}
            )
            subscription.language = row.language
            subscription.confirmed_at = timezone.now()
            subscription.save(update_fields=["language", "confirmed_at"])
            replace_topics(subscription, [(k, pk) for k, pk in row.topics if k in known])
            SubscriptionRequest.objects.filter(
                site_id=row.site_id, email=row.email, created_at__lte=row.created_at
            ).delete()
    except IntegrityError:  # the same address confirmed twice at once: the other won
        return Subscription.objects.filter(
            site_id=request_row.site_id, email=request_row.email
        ).first()
    return subscription


def replace_topics(subscription, pairs):
    subscription.topics.all().delete()
    SubscriptionTopic.objects.bulk_create(
        SubscriptionTopic(subscription=subscription, kind=kind, object_id=pk)
        for kind, pk in sorted(set(map(tuple, pairs)))
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    subscription, problem = read_token(request, token, tokens.read_manage_token, Subscription)
    if problem:
        return problem
    home = language_home(subscription.site, subscription.language)
    offered = registry.offered_choices(home)
    saved = False
    if request.method == "POST":
        form = TopicsForm(request.POST, offered=offered)
        if form.is_valid():
            with transaction.atomic():
                replace_topics(subscription, form.chosen_topics())
            saved = True
    else:
        initial = {}
        for topic in subscription.topics.all():
            initial.setdefault(f"topic_{topic.kind}", []).append(topic.object_id)
        form = TopicsForm(initial=initial, offered=offered)
    return private(
        render(
            request,
            "portal_alerts/manage.html",
            {"form": form, "token": token, "saved": saved},
        )
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET: a button (mail scanners follow links); POST (the button, or a mail client's
    one-click `List-Unsubscribe=One-Click`): the subscription is deleted at once."""
    try:
        value = tokens.read_manage_token(token)
    except tokens.BadToken:
        return link_problem(request, BAD_LINK)
    subscription = tokens.find(Subscription, value)
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()  # its topics and delivery records go with it
        return private(render(request, "portal_alerts/unsubscribed.html", {}))
    if subscription is None:
        return private(render(request, "portal_alerts/unsubscribed.html", {}))
    return private(render(request, "portal_alerts/unsubscribe.html", {"token": token}))
