"""site_core: StandardPage, slugs, pagination, 404 and the settings modules."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.test import RequestFactory

from wagtail.models import Page

from home.models import HomePage
from site_core.models import StandardPage, paginate, vietnamese_slugify
from tests import factories

BASE_DIR = Path(__file__).resolve().parent.parent
STANDARD_PAGE_BUDGET = 7


# --- page tree -----------------------------------------------------------------------


def test_standard_page_parents_and_children():
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}
    assert set(StandardPage.allowed_subpage_models()) == {StandardPage}


def test_standard_page_can_be_created_under_home_and_standard_page(standard_page, root_page):
    assert StandardPage.can_create_at(standard_page.get_parent())
    assert StandardPage.can_create_at(standard_page)
    assert not StandardPage.can_create_at(root_page)


# --- rendering -----------------------------------------------------------------------


def test_standard_page_renders_its_fields(client, standard_page):
    standard_page.body = factories.paragraph("<p>Cổng thông tin thành lập năm 2022.</p>")
    standard_page.listing_summary = "Giới thiệu về cổng thông tin."
    standard_page.save_revision().publish()

    response = client.get(standard_page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Giới thiệu" in html
    assert "Cổng thông tin thành lập năm 2022." in html


def test_standard_page_query_budget(standard_page, assert_render_budget):
    assert_render_budget(standard_page.url, STANDARD_PAGE_BUDGET)


def test_standard_page_admin_forms_open(admin_client, standard_page, admin_edit_url, admin_add_url):
    assert admin_client.get(admin_edit_url(standard_page)).status_code == 200
    assert (
        admin_client.get(admin_add_url(StandardPage, standard_page.get_parent())).status_code == 200
    )
    assert admin_client.get(admin_add_url(StandardPage, standard_page)).status_code == 200


def test_draft_standard_page_is_404_for_visitors(client, home_page):
    draft = factories.StandardPageFactory(parent=home_page, title="Bản nháp", live=False)
    assert client.get(f"/{draft.slug}/").status_code == 404


# --- slugs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đảng bộ tỉnh Đồng Nai", "dang-bo-tinh-dong-nai"),
        ("Nghị quyết số 09-NQ/TU", "nghi-quyet-so-09-nqtu"),
        ("  Ủy ban Kiểm tra Tỉnh ủy  ", "uy-ban-kiem-tra-tinh-uy"),
        ("", ""),
    ],
)
def test_vietnamese_slugify(title, slug):
    assert vietnamese_slugify(title) == slug


def test_page_created_by_code_gets_an_ascii_slug_from_its_title(home_page):
    page = home_page.add_child(instance=StandardPage(title="Đảng bộ tỉnh Đồng Nai"))
    again = home_page.add_child(instance=StandardPage(title="Đảng bộ tỉnh Đồng Nai"))

    assert page.slug == "dang-bo-tinh-dong-nai"
    assert again.slug == "dang-bo-tinh-dong-nai-2"
    assert page.url == "/dang-bo-tinh-dong-nai/"


def test_every_page_type_created_by_code_gets_the_slug(news_index):
    article = news_index.add_child(
        instance=factories.NewsArticlePageFactory.build(title="Đảng bộ tỉnh Đồng Nai", slug="")
    )
    assert article.slug == "dang-bo-tinh-dong-nai"


# --- 404 and pagination --------------------------------------------------------------


@pytest.mark.parametrize("path", ["/khong-co-trang-nay/", "/tin-hoat-dong/khong-co/", "/a/b/c/"])
def test_unknown_path_is_a_vietnamese_404(client, home_page, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()


@pytest.mark.parametrize(
    ("raw", "number"),
    [(None, 1), ("", 1), ("abc", 1), ("-1", 3), ("0", 3), ("2", 2), ("99999", 3), ("1.5", 1)],
)
def test_paginate_never_fails(raw, number):
    request = RequestFactory().get("/", {} if raw is None else {"page": raw})
    page = paginate(request, list(range(25)), per_page=10)
    assert page.number == number


# --- tree set-up ---------------------------------------------------------------------


def test_home_fixture_is_the_default_site_root(site, home_page):
    assert site.root_page_id == home_page.pk
    assert home_page.depth == 2
    assert home_page.url == "/"
    assert home_page.locale.language_code == "vi"
    assert Page.objects.filter(depth=2).count() >= 2  # Wagtail's welcome page stays


# --- settings ------------------------------------------------------------------------


def test_base_settings_are_safe_for_production():
    from site_core.settings import base

    assert base.DEBUG is False
    assert "django.contrib.postgres" in base.INSTALLED_APPS


def _import_settings(module, **env):
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    clean_env.update(env)
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", f"import {module} as s; print(s.DEBUG)"],
        cwd=BASE_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production_settings_refuse_to_import_without_secret_key():
    result = _import_settings(
        "site_core.settings.production",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/portal",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_settings_import_with_the_environment_set():
    result = _import_settings(
        "site_core.settings.production",
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/portal",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


# --- the chrome every visitor page shares (site_core/templates/base.html) ---------------


@pytest.fixture
def portal(site):
    from site_core.models import PortalSettings

    settings = PortalSettings.for_site(site)
    settings.portal_name = "Cổng thông tin điện tử Đảng bộ tỉnh Đồng Nai"
    settings.organisation_name = "Đảng bộ tỉnh Đồng Nai"
    settings.save()
    return settings


def _title(html):
    return html.split("<title>", 1)[1].split("</title>", 1)[0].strip()


def test_home_title_names_the_portal_once(client, home_page, portal):
    home_page.seo_title = portal.portal_name
    home_page.hero_heading = portal.portal_name
    home_page.save_revision().publish()

    assert _title(client.get("/").content.decode()) == portal.portal_name


def test_home_title_with_its_own_seo_title_adds_the_portal_name(client, home_page, portal):
    home_page.seo_title = "Trang chủ"
    home_page.save_revision().publish()

    assert _title(client.get("/").content.decode()) == f"Trang chủ – {portal.portal_name}"


def test_other_pages_keep_the_portal_name_after_their_title(client, standard_page, portal):
    html = client.get(standard_page.url).content.decode()

    assert _title(html) == f"{standard_page.title} – {portal.portal_name}"


def test_every_page_links_a_favicon_served_as_a_static_file(client, standard_page):
    from django.contrib.staticfiles import finders

    html = client.get(standard_page.url).content.decode()

    assert '<link rel="icon" href="/static/editorial/emblem.svg" type="image/svg+xml">' in html
    emblem = Path(finders.find("editorial/emblem.svg")).read_text()
    assert emblem.startswith("<svg") and "<polygon" not in emblem  # not the old star
    assert ">ĐB</text>" in emblem


def test_footer_names_one_governing_body(client, standard_page, portal):
    html = client.get(standard_page.url).content.decode()

    assert html.count("Cơ quan chủ quản") == 1
    assert "Cơ quan chủ quản: Đảng bộ tỉnh Đồng Nai" in html


def test_demo_footer_text_names_no_second_governing_body():
    from site_core.demo import content

    data = content.read("site")
    assert "chủ quản" not in data["portal_settings"]["footer_text"]


def test_header_menu_button_folds_search_and_menu(client, standard_page):
    html = client.get(standard_page.url).content.decode()
    button = html.split('<button class="menu-toggle"', 1)[1].split(">", 1)[0]

    # Hidden until portal.js runs: without JavaScript the menu simply stays open.
    assert 'aria-controls="site-search-form main-menu"' in button and " hidden" in button
    assert 'id="site-search-form"' in html and 'id="main-menu"' in html
