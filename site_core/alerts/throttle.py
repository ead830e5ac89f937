"""Limits on subscribe requests, so the form cannot be used to flood someone's mailbox.

Counted in the shared cache (Redis in production) per address and per client address, in
fixed windows. Keys hold an HMAC of the address, never the address. With the cache down
the count reads as nothing (django-redis ignores errors); the database keeps a second
limit per address (SubscriptionRequest rows of the last day), so a mailbox still gets
at most PORTAL_ALERTS_DAILY_PER_ADDRESS confirmation mails a day.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "alerts-throttle"


def digest(value):
    key = hashlib.sha256(("portal-alerts" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:32]


def _count(key, window):
    """Adds one to the window's counter; returns the count (0 when the cache is down)."""
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key) or 0
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


def allow(kind, value):
    """Counts one request of `kind` ("address" or "ip") for `value`; False over the limit."""
    limit, window = settings.PORTAL_ALERTS_THROTTLE[kind]
    return _count(f"{KEY_PREFIX}:{kind}:{digest(value)}", window) <= limit
