"""The messages: a confirmation request, and an alert for a new page.

Both are plain text with an HTML alternative, in the subscriber's language (Vietnamese
unless they subscribed on /en/). Every alert carries a one-click unsubscribe link in its
text and the RFC 8058 headers (`List-Unsubscribe` with that link, `List-Unsubscribe-Post:
List-Unsubscribe=One-Click`), so a mail client's "Unsubscribe" button POSTs to it.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from site_core.alerts import registry, tokens
from site_core.navigation import localized_home


def site_url(site, language, name, token):
    with translation.override(language):
        return site.root_url + reverse(name, args=[token])


def site_name(site):
    return site.site_name or site.hostname


def language_home(site, language):
    """The site's home page in the subscriber's language (None without one)."""
    return localized_home(site, Locale.objects.filter(language_code=language).first())


def message(subject, template, context, to, language, headers=None):
    with translation.override(language):
        text = render_to_string(f"portal_alerts/email/{template}.txt", context)
        html = render_to_string(f"portal_alerts/email/{template}.html", context)
    mail = EmailMultiAlternatives(
        subject=" ".join(str(subject).split()),
        body=text,
        from_email=settings.PORTAL_ALERTS_FROM_EMAIL,
        to=[to],
        headers={"Auto-Submitted": "auto-generated", **(headers or {})},
    )
    mail.attach_alternative(html, "text/html")
    return mail


def confirmation_message(request_row, home):
    site = request_row.site
    language = request_row.language
    context = {
        "site_name": site_name(site),
        "confirm_url": site_url(
            site, language, "alerts_confirm", tokens.confirm_token(request_row)
        ),
        "topics": registry.topic_labels(request_row.topics, home),
        "days": settings.PORTAL_ALERTS_CONFIRM_MAX_AGE // 86400,
    }
    with translation.override(language):
        subject = translation.gettext("Xác nhận đăng ký nhận tin – %(site)s") % {
            "site": context["site_name"]
        }
    return message(subject, "confirm", context, request_row.email, language)


def alert_message(subscription, page, page_url, home, matched, offered=None):
    """The alert for `page` (specific, live) to `subscription`; `matched` are the
    (kind key, id) pairs of the subscription the page belongs to; `offered` the choices of
    the subscription's site and language, when the caller kept them."""
    site = subscription.site
    language = subscription.language
    token = tokens.manage_token(subscription)
    unsubscribe_url = site_url(site, language, "alerts_unsubscribe", token)
    search_type = getattr(page, "search_type", None)
    context = {
        "site_name": site_name(site),
        "page": page,
        "page_url": page_url,
        "kind_label": search_type.label if search_type else "",
        "reference": page.get_reference() if hasattr(page, "get_reference") else "",
        "summary": page.get_summary() if hasattr(page, "get_summary") else "",
        "date": page.get_listing_date() if hasattr(page, "get_listing_date") else None,
        "topics": registry.topic_labels(matched, home, offered),
        "manage_url": site_url(site, language, "alerts_manage", token),
        "unsubscribe_url": unsubscribe_url,
    }
    with translation.override(language):
        subject = translation.gettext("%(kind)s mới: %(title)s") % {
            "kind": context["kind_label"] or translation.gettext("Nội dung"),
            "title": " ".join(filter(None, [context["reference"], page.title])),
        }
        subject = f"[{context['site_name']}] {subject}"
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<alerts.{site.hostname}>",
    }
    return message(subject, "alert", context, subscription.email, language, headers)
