"""Fixtures shared by the test modules: a portal home on the default Site and its sections.

pytest-django runs the migrations, so Root (depth 1), Wagtail's welcome page, the default
Site and the vi/en locales exist in every test. `home_page` adds our HomePage next to the
welcome page and points the default Site at it.
"""

import pytest

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page, Site
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from tests import factories
from tests.demo_snapshot import DemoSnapshot


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, with autovacuum off on every table: the plan tests
    (tests/test_query_plans.py, tests/test_search_plans.py) explain queries on tiny tables,
    and a table that autovacuum analysed half-way through the run would be planned
    differently from one that it did not reach."""
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in connection.introspection.table_names(cursor):
                cursor.execute(
                    f"ALTER TABLE {connection.ops.quote_name(table)} "
                    "SET (autovacuum_enabled = false)"
                )


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, tmp_path_factory):
    """`demo_snapshot.load()`: the demo portal and its files (in settings.MEDIA_ROOT), seeded
    once per session and copied back after that (tests/demo_snapshot.py). Needs database
    access: a `db` or `transactional_db` test, or `django_db_blocker.unblock()`."""
    return DemoSnapshot(tmp_path_factory.mktemp("demo-snapshot"))


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the portal's language. A request to /en/ leaves English active
    in the test's thread (LocaleMiddleware activates it and nothing deactivates it), and
    reverse() and gettext in the next test, whichever module it is in, would follow it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def home_page(root_page):
    home = factories.HomePageFactory(parent=root_page)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.site_name = "Cổng thông tin điện tử Đảng bộ tỉnh"
    site.save()
    # Site root paths, settings and renditions are cached; an earlier test may have filled
    # the cache with pages that its transaction rolled back.
    for cache in caches.all(initialized_only=True):
        cache.clear()
    return home


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def news_index(home_page):
    return factories.NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return factories.EventIndexPageFactory(parent=home_page)


@pytest.fixture
def history_index(home_page):
    return factories.HistoryIndexPageFactory(parent=home_page)


@pytest.fixture
def org_chart(home_page):
    return factories.OrgChartPageFactory(parent=home_page)


@pytest.fixture
def document_index(home_page):
    return factories.LegalDocumentIndexPageFactory(parent=home_page)


@pytest.fixture
def standard_page(home_page):
    return factories.StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")


@pytest.fixture
def document_type(db):
    return factories.DocumentTypeFactory(name="Nghị quyết", abbreviation="NQ")


@pytest.fixture
def issuer(db):
    return factories.IssuingBodyFactory(name="Tỉnh ủy", abbreviation="TU")


@pytest.fixture
def assert_render_budget(client, django_assert_max_num_queries):
    """GET `url` as an anonymous visitor within `budget` queries; returns the response.

    A first request warms the caches (site root paths, renditions) so that the budget is
    what every later visitor costs.
    """

    def check(url, budget):
        warm = client.get(url)
        assert warm.status_code == 200, url
        with django_assert_max_num_queries(budget) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        print(f"\n[queries] {url}: {len(captured.captured_queries)} (budget {budget})")
        return response

    return check


@pytest.fixture
def admin_edit_url():
    def url(page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    return url


@pytest.fixture
def admin_add_url():
    def url(model, parent):
        return reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )

    return url


@pytest.fixture
def post_page_form(admin_client):
    """POST a page's admin add/edit form as a superuser, the way the browser would.

    The form is read from the GET response (hidden inputs, management forms, current
    values); `fields` (nested, as for `nested_form_data`) overrides it. StreamFields are
    rendered client-side, so their data must be in `fields`. `action` is e.g.
    "action-publish"; without it the admin saves a draft.
    """

    def post(url, fields, action=None):
        page = admin_client.get(url)
        assert page.status_code == 200, url
        data = querydict_from_html(page.content.decode(), form_id="page-edit-form")
        for key, value in nested_form_data(fields).items():
            if isinstance(value, list | tuple):
                data.setlist(key, [str(item) for item in value])
            else:
                data[key] = value
        if action:
            data[action] = action
        return admin_client.post(url, data)

    return post


def pytest_collection_modifyitems(config, items):
    """Browser tests run last: their live server needs transactional tests, which end by
    emptying the tables that every other test expects the migrations to have filled."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
