"""A visitor's page survives the database dropping its connection mid-request.

The connection is really ended by the server (pg_terminate_backend from a second
connection, as a PostgreSQL restart would), in the middle of serving the page. The test
runs outside a transaction so that the request's fresh connection sees the data.
"""

import psycopg2
import pytest

from django.core.cache import caches
from django.db import connection
from django.test import Client

from wagtail import hooks
from wagtail.models import Page

from site_core.operations import backup as backups

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def baseline(django_db_setup, django_db_blocker, tmp_path_factory):
    """The test database as this module found it: a transactional test empties it."""
    path = tmp_path_factory.mktemp("db-retry-baseline")
    with django_db_blocker.unblock():
        manifest = {"database": backups.dump_database(path)}
    yield path, manifest
    with django_db_blocker.unblock():
        backups.restore_database(path, manifest)


@pytest.fixture(autouse=True)
def committed_db(baseline, transactional_db):
    if not Page.objects.exists():  # emptied by the previous test's flush
        backups.restore_database(*baseline)
    for cache in caches.all(initialized_only=True):
        cache.clear()


def end_this_connection():
    """Terminate the connection Django is using, from another one."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    other = psycopg2.connect(**connection.get_connection_params())
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        other.close()


@pytest.fixture
def connection_dropped_once():
    """During the first page served, the database ends the request's connection."""
    served = []

    def drop_first(page, request, serve_args, serve_kwargs):
        served.append(request.method)
        if len(served) == 1:
            end_this_connection()

    with hooks.register_temporarily("before_serve_page", drop_first):
        yield served
    connection.close()  # a request that was not retried leaves the dead connection behind


def test_page_read_is_served_after_the_connection_is_lost(home_page, connection_dropped_once):
    response = Client(raise_request_exception=False).get(home_page.url)

    assert response.status_code == 200
    assert home_page.title in response.content.decode()
    assert connection_dropped_once == ["GET", "GET"]  # served again on a new connection
