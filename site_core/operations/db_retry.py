"""A visitor's read that loses its database connection mid-request is tried once more.

When PostgreSQL restarts (or an administrator ends connections), the requests being served
at that moment fail on their next query. Django reconnects by itself for the following
requests (CONN_HEALTH_CHECKS), but those in flight would answer 500. For GET and HEAD,
which change nothing, this middleware runs the view once more on a fresh connection.

It is the innermost middleware, so `get_response` is the view handler: the retry repeats
only the URL resolution, view middleware and the view. Writes (POST...) are never
repeated, nor anything inside a transaction, nor an error on a connection that still works
(a bad query, a statement timeout), nor a second time.
"""

import logging

from django.db import InterfaceError, OperationalError, connection

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD"})


class RetryReadAfterLostConnection:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        if request.method not in SAFE_METHODS or getattr(request, "portal_db_retried", False):
            return None
        if connection.in_atomic_block:
            return None
        if connection.connection is not None and connection.is_usable():
            return None  # the connection is fine: the query itself failed, a retry would too
        connection.close()  # the next query opens a new connection
        request.portal_db_retried = True
        logger.warning(
            "Database connection lost during %s %s; retrying once.", request.method, request.path
        )
        return self.get_response(request)
