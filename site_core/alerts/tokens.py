"""Signed links: a confirmation that expires, a management/unsubscribe link that does not.

Each carries the row's id and its random secret (compared in constant time), signed with
SECRET_KEY under a salt of its own; no address is ever in a link (links end up in the
web server's logs).
"""

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare

CONFIRM_SALT = "portal_alerts.confirm"
MANAGE_SALT = "portal_alerts.manage"


class BadToken(Exception):
    """The link is not one the portal made (or was altered)."""


class ExpiredToken(BadToken):
    """A confirmation link older than PORTAL_ALERTS_CONFIRM_MAX_AGE."""


def confirm_token(request_row):
    return signing.dumps([request_row.pk, request_row.secret], salt=CONFIRM_SALT)


def manage_token(subscription):
    return signing.dumps([subscription.pk, subscription.secret], salt=MANAGE_SALT)


def _read(token, salt, max_age=None):
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise BadToken from error
    except (ValueError, TypeError, UnicodeError) as error:
        raise BadToken from error
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not isinstance(value[0], int)
        or not isinstance(value[1], str)
    ):
        raise BadToken
    return value


def read_confirm_token(token):
    """(request id, secret); raises ExpiredToken or BadToken."""
    return _read(token, CONFIRM_SALT, max_age=settings.PORTAL_ALERTS_CONFIRM_MAX_AGE)


def read_manage_token(token):
    return _read(token, MANAGE_SALT)


def find(model, token_value):
    """The row the token names, if its secret still matches; else None."""
    pk, secret = token_value
    row = model.objects.filter(pk=pk).first()
    if row is None or not constant_time_compare(row.secret, secret):
        return None
    return row
