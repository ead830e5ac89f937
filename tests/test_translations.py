"""English translations: made through the admin, live only through the workflow; the
language switcher, hreflang, translated snippets, English UI strings and ASCII slugs."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)
from wagtail_localize.models import Translation

from news.models import NewsCategory
from site_core import navigation
from site_core.editorial.setup import BOARD, COLLABORATORS, EDITORS, WORKFLOW_NAME, grant_section
from site_core.editorial.setup import setup_portal as run_setup
from site_core.forms import admin_js_slug
from site_core.models import StandardPage
from tests import factories

PASSWORD = "mat-khau-thu-nghiem-2026"  # noqa: S105


def make_user(username, *groups):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(*groups)
    return user


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def portal(home_page, standard_page):
    run_setup()
    return {
        "home": home_page,
        "about": standard_page,
        "btv": make_user("btv", Group.objects.get(name=EDITORS)),
        "bbt": make_user("bbt", Group.objects.get(name=BOARD)),
    }


def submit_translation(client, page, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [locale.pk]})


def translate_as(client, user, page, locale):
    client.force_login(user)
    response = submit_translation(client, page, locale)
    assert response.status_code == 302, response.content.decode()[:500]
    return page.get_translation(locale).specific


def edit_post(client, page, fields, action=None):
    """POST the normal page editor the way the browser does; returns the response."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client.get(url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key, value in nested_form_data(fields).items():
        data[key] = value
    if action:
        data[action] = "1"
    return client.post(url, data)


def workflow_action(client, page, action="approve"):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": ""})


def english_tree(home_page, english, *pages):
    """English translations (drafts, like new ones) of the home page and `pages`."""
    home_en = home_page.copy_for_translation(english)
    translations = [page.copy_for_translation(english) for page in pages]
    return [home_en, *translations]


def publish(*pages):
    for page in pages:
        page.refresh_from_db()  # a stale copy would write back an old numchild
        page.save_revision().publish()


# --- translations go through the workflow ----------------------------------------------


@pytest.mark.django_db
def test_editorial_groups_may_translate_collaborators_may_not(portal):
    perm = "wagtail_localize.submit_translation"
    assert portal["btv"].has_perm(perm)
    assert portal["bbt"].has_perm(perm)
    ctv = make_user("ctv", Group.objects.get(name=COLLABORATORS))
    assert not ctv.has_perm(perm)
    # The grant is idempotent like the rest of setup_portal.
    before = Group.objects.get(name=BOARD).permissions.count()
    run_setup()
    assert Group.objects.get(name=BOARD).permissions.count() == before


@pytest.mark.django_db
def test_translation_is_a_draft_and_goes_live_through_both_approvals(client, portal, english):
    home_en = translate_as(client, portal["bbt"], portal["home"], english)
    about_en = translate_as(client, portal["bbt"], portal["about"], english)
    for page in (home_en, about_en):
        assert page.locale == english
        assert not page.live
    assert about_en.translation_key == portal["about"].translation_key
    assert about_en.get_parent().pk == home_en.pk
    assert home_en.get_workflow().name == WORKFLOW_NAME
    assert about_en.get_workflow().name == WORKFLOW_NAME
    # Simple mode: no synced translation, the normal editor with "Gửi duyệt".
    assert not Translation.objects.filter(target_locale=english, enabled=True).exists()
    publish(home_en)  # the English home itself is not under test here

    ctv = make_user("ctv", Group.objects.get(name=COLLABORATORS), grant_section(portal["about"]))
    client.force_login(ctv)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[about_en.pk]))
    assert editor.status_code == 200
    html = editor.content.decode()
    assert 'id="page-edit-form"' in html
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    english_fields = {
        "title": "Introduction",
        "slug": "introduction",
        "body": streamfield([("paragraph", rich_text("<p>About the portal.</p>"))]),
    }
    assert edit_post(client, about_en, english_fields, "action-publish").status_code == 302
    about_en.refresh_from_db()
    assert not about_en.live  # the collaborator's publish is a draft save
    assert about_en.get_latest_revision_as_object().title == "Introduction"

    assert edit_post(client, about_en, english_fields, "action-submit").status_code == 302
    about_en.refresh_from_db()
    assert about_en.current_workflow_state.status == "in_progress"

    client.force_login(portal["btv"])
    assert workflow_action(client, about_en).status_code == 302
    about_en.refresh_from_db()
    assert not about_en.live
    client.force_login(portal["bbt"])
    assert workflow_action(client, about_en).status_code == 302
    about_en.refresh_from_db()
    assert about_en.live
    client.logout()
    response = client.get("/en/introduction/")
    assert response.status_code == 200
    assert "About the portal." in response.content.decode()


@pytest.mark.django_db
def test_translating_below_an_untranslated_parent_is_refused(client, portal, english):
    # wagtail-localize would add the missing English home as an alias: live at once.
    client.force_login(portal["bbt"])
    response = submit_translation(client, portal["about"], english)
    assert response.status_code == 200
    assert "chưa có bản dịch" in response.content.decode()
    assert not Page.objects.filter(locale=english).exists()


@pytest.fixture
def draft_translation(portal, english):
    """An English home (live) and a draft translation of the introduction."""
    home_en, about_en = english_tree(portal["home"], english, portal["about"])
    publish(home_en)
    return about_en


def post_synced_publish(client, page):
    """The synced translation editor's only button: POST action=publish to the edit view."""
    Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=page.locale
    ).update(enabled=True)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})


def post_sync_and_publish(client, page):
    """ "Sync translated pages" with "Publish immediately"."""
    source = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    ).source
    Translation.objects.filter(source=source).update(enabled=True)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    return client.post(url, {"publish_translations": "on"})


def post_convert_to_alias(client, page):
    """An alias is live whenever its (live) Vietnamese source is."""
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    return client.post(url)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "attempt", [post_synced_publish, post_sync_and_publish, post_convert_to_alias]
)
def test_localize_publishing_paths_are_closed_to_the_board(
    client, admin_client, portal, english, attempt, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import TranslationSource

    # Make the English draft the way the admin does, so localize knows its source.
    client.force_login(portal["bbt"])
    home_en = translate_as(client, portal["bbt"], portal["home"], english)
    publish(home_en)
    about_en = translate_as(client, portal["bbt"], portal["about"], english)
    assert TranslationSource.objects.filter(object_id=portal["about"].translation_key).exists()

    with django_capture_on_commit_callbacks(execute=True):  # localize publishes on commit
        response = attempt(client, about_en)
    assert response.status_code in (302, 403)
    about_en.refresh_from_db()
    assert not about_en.live
    assert about_en.alias_of_id is None

    # The same request from a superuser does publish: the path is real, the rule closes it.
    with django_capture_on_commit_callbacks(execute=True):  # localize publishes on commit
        attempt(admin_client, about_en)
    about_en.refresh_from_db()
    assert about_en.live


@pytest.mark.django_db
def test_board_sees_no_localize_publish_options(client, portal, english):
    client.force_login(portal["bbt"])
    home_en = translate_as(client, portal["bbt"], portal["home"], english)
    publish(home_en)
    about_en = translate_as(client, portal["bbt"], portal["about"], english)
    source = Translation.objects.get(
        target_locale=english, source__object_id=about_en.translation_key
    )
    sync = client.get(reverse("wagtail_localize:update_translations", args=[source.source_id]))
    assert sync.status_code == 200
    assert 'type="checkbox" name="publish_translations"' not in sync.content.decode()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[about_en.pk])).content.decode()
    assert "localize-convert-to-alias" not in editor
    assert "localize-restart-translation" not in editor


# --- language switcher and hreflang --------------------------------------------------------


def switcher_links(html):
    """{language: (href, current)} of the header's language switcher."""
    import re

    links = {}
    for tag in re.findall(r'<a class="language-switcher__link"[^>]*>', html):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        assert attrs["lang"] == attrs["hreflang"]
        links[attrs["lang"]] = (attrs["href"], "aria-current" in attrs)
    return links


def hreflangs(html):
    import re

    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


@pytest.fixture
def bilingual(portal, english, history_index):
    home_en, about_en = english_tree(portal["home"], english, portal["about"])
    about_en.title, about_en.slug = "Introduction", "introduction"
    about_en.save()
    publish(home_en, about_en)
    return {**portal, "home_en": home_en, "about_en": about_en, "history": history_index}


@pytest.mark.django_db
def test_switcher_links_to_the_translation_or_the_other_home(client, bilingual):
    html = client.get("/gioi-thieu/").content.decode()
    assert switcher_links(html) == {
        "vi": ("/gioi-thieu/", True),
        "en": ("/en/introduction/", False),
    }
    # No English version: the English home.
    assert switcher_links(client.get("/lich-su/").content.decode())["en"] == ("/en/", False)
    html = client.get("/en/introduction/").content.decode()
    assert switcher_links(html) == {
        "vi": ("/gioi-thieu/", False),
        "en": ("/en/introduction/", True),
    }
    assert 'lang="en"' in html.split(">", 2)[1]  # <html lang="en">
    # Search keeps the query in the other language.
    links = switcher_links(client.get("/tim-kiem/?q=dang+bo").content.decode())
    assert links["en"] == ("/en/tim-kiem/?q=dang+bo", False)


@pytest.mark.django_db
def test_switcher_ignores_draft_translations(client, portal, english):
    home_en, about_en = english_tree(portal["home"], english, portal["about"])
    assert switcher_links(client.get("/gioi-thieu/").content.decode()) == {}
    publish(home_en)
    assert switcher_links(client.get("/gioi-thieu/").content.decode())["en"] == ("/en/", False)


@pytest.mark.django_db
def test_hreflang_lists_both_languages_and_x_default(client, bilingual):
    for url in ("/gioi-thieu/", "/en/introduction/"):
        alternates = hreflangs(client.get(url).content.decode())
        assert alternates == {
            "vi": "http://testserver/gioi-thieu/",
            "en": "http://testserver/en/introduction/",
            "x-default": "http://testserver/gioi-thieu/",
        }
    assert hreflangs(client.get("/lich-su/").content.decode()) == {}


class ColdCache:
    """Stands in for the shared cache: the switcher's entries always miss, the rest (the
    navigation version) is the real cache."""

    def __getattr__(self, name):
        return getattr(cache, name)

    def get(self, key, *args, **kwargs):
        if key.startswith(navigation.LANGUAGE_LINKS_KEY):
            return None
        return cache.get(key, *args, **kwargs)

    def set(self, key, *args, **kwargs):
        if not key.startswith(navigation.LANGUAGE_LINKS_KEY):
            cache.set(key, *args, **kwargs)


@pytest.mark.django_db
def test_switcher_costs_no_query_warm_and_one_cold(client, bilingual, monkeypatch):
    def count(url):
        client.get(url)  # warm site root paths, settings, fragments
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for url in ("/gioi-thieu/", "/en/introduction/", "/lich-su/"):
        warm = count(url)
        monkeypatch.setattr(navigation, "language_links", lambda request, page: [])
        without = count(url)
        monkeypatch.undo()
        monkeypatch.setattr(navigation, "cache", ColdCache())
        cold = count(url)
        monkeypatch.undo()
        assert warm == without, url
        assert cold - without <= 1, url


# --- snippets ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_news_category_translates_and_editors_see_their_language(client, portal, english):
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    client.force_login(portal["bbt"])
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["news", "newscategory", category.pk],
    )
    assert client.post(url, {"locales": [english.pk]}).status_code == 302
    translation = NewsCategory.objects.get(locale=english)
    assert translation.translation_key == category.translation_key
    assert not translation.live  # a draft until the board publishes it
    translation.name = "Party building"
    translation.save()

    news_index = factories.NewsIndexPageFactory(parent=portal["home"])
    add = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news_index.pk])
    html = client.get(add).content.decode()
    assert "Xây dựng Đảng" in html
    assert "Party building" not in html


# --- English UI strings --------------------------------------------------------------------


@pytest.mark.django_db
def test_english_pages_have_english_chrome(client, bilingual):
    html = client.get("/en/introduction/").content.decode()
    for text in ("Skip to main content", "Search the portal", ">Home<", "Main menu"):
        assert text in html, text
    assert "Bỏ qua đến nội dung chính" not in html
    vi = client.get("/gioi-thieu/").content.decode()
    assert "Bỏ qua đến nội dung chính" in vi

    missing = client.get("/en/khong-co-trang-nay/")
    assert missing.status_code == 404
    assert "Page not found" in missing.content.decode()
    assert "Không tìm thấy trang" in client.get("/khong-co-trang-nay/").content.decode()


# --- slugs ---------------------------------------------------------------------------------

TITLE = "Đảng bộ tỉnh Đồng Nai"


@pytest.mark.django_db
@pytest.mark.parametrize("posted_slug", ["", admin_js_slug(TITLE)])
def test_admin_add_view_makes_ascii_slugs(home_page, admin_add_url, post_page_form, posted_slug):
    assert admin_js_slug(TITLE) == "ang-bo-tinh-ong-nai"
    url = admin_add_url(StandardPage, home_page)
    response = post_page_form(url, {"title": TITLE, "slug": posted_slug, "body": streamfield([])})
    assert response.status_code == 302
    assert StandardPage.objects.get(title=TITLE).slug == "dang-bo-tinh-dong-nai"


@pytest.mark.django_db
def test_admin_keeps_a_slug_the_editor_chose(home_page, admin_add_url, post_page_form):
    url = admin_add_url(StandardPage, home_page)
    response = post_page_form(url, {"title": TITLE, "slug": "dong-nai", "body": streamfield([])})
    assert response.status_code == 302
    assert StandardPage.objects.get(title=TITLE).slug == "dong-nai"


@pytest.mark.django_db
def test_admin_slug_widget_transliterates_vietnamese(admin_client, home_page, admin_add_url):
    import json
    import re

    html = admin_client.get(admin_add_url(StandardPage, home_page)).content.decode()
    tag = re.search(r'<input[^>]*id="id_slug"[^>]*>', html).group(0)
    value = re.search(r'data-w-slug-formatters-value="([^"]*)"', tag).group(1)
    formatters = json.loads(value.replace("&quot;", '"'))
    replacements = {replacement for _regex, replacement in formatters}
    assert {"D", "d", "a", "o", "u"} <= replacements
    assert any("Đ" in regex for (regex, _flags), replacement in formatters if replacement == "D")


@pytest.mark.django_db
def test_pages_made_by_code_get_ascii_slugs(home_page):
    page = home_page.add_child(instance=StandardPage(title=TITLE))
    assert page.slug == "dang-bo-tinh-dong-nai"
    second = home_page.add_child(instance=StandardPage(title=TITLE))
    assert second.slug.startswith("dang-bo-tinh-dong-nai-")
