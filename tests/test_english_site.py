"""The English site (/en/) has its own header, footer and settings.

The portal settings are per site; their texts (name, governing body, licence, footer,
links) also have a translation per language (PortalSettingsTranslation), which /en/ pages
show, with the Vietnamese text wherever the English one is left empty. Vietnamese pages
keep the Vietnamese texts. Edits made in the admin show at once, cached pages included.

The demo's English tree (every menu section, no empty list) is walked in
tests/test_seed_demo.py, which seeds the demo once for its module.
"""

import pytest

from django.core.cache import cache
from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from site_core.cache import pages
from site_core.models import LocalizedPortalSettings, PortalSettings, PortalSettingsTranslation

pytestmark = pytest.mark.django_db

VIETNAMESE = {
    "portal_name": "Cổng thông tin điện tử Đảng bộ tỉnh Đồng Nai",
    "organisation_name": "Đảng bộ tỉnh Đồng Nai",
    "tagline": "Thông tin chính thống về hoạt động của Đảng bộ tỉnh",
    "address": "Số 2 đường Nguyễn Văn Trị, phường Trấn Biên",
    "responsible_person": "Phạm Thị D, Trưởng Ban biên tập",
    "licence": "Quyết định số 797-QĐ/TU ngày 29/09/2022",
    "footer_text": "<p>Khi phát hành lại thông tin từ cổng, đề nghị ghi rõ nguồn.</p>",
}
ENGLISH = {
    "portal_name": "Dong Nai Provincial Party Committee Portal",
    "organisation_name": "Party Organisation of Dong Nai Province",
    "tagline": "Official information on the provincial Party organisation",
    "responsible_person": "Pham Thi D, Editor-in-chief",
    "licence": "Decision No. 797-QĐ/TU of 29 September 2022",
    "footer_text": "<p>When republishing information from the portal, please cite the source.</p>",
}


@pytest.fixture(autouse=True)
def page_cache(settings):
    # Whole pages are cached as in production: a settings change must still show.
    settings.PORTAL_PAGE_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {}
    cache.clear()


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def portal(site):
    portal = PortalSettings.objects.create(site=site, **VIETNAMESE)
    portal.related_links = VIETNAMESE_LINKS
    portal.save()
    return portal


@pytest.fixture
def english_tree(home_page, standard_page, english):
    """The home page and 'Giới thiệu' with live English translations."""
    translations = {}
    for key, source, title in (("home", home_page, "Home"), ("about", standard_page, "Intro")):
        page = source.copy_for_translation(english)
        page.title, page.slug = title, f"{title.lower()}-en"
        page.save_revision().publish()
        translations[key] = page
    return translations


def english_texts(portal, **fields):
    translation = PortalSettingsTranslation(portal_settings=portal, language="en", **fields)
    translation.save()
    return translation


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def footer_of(html):
    return html[html.index('<footer class="site-footer"') :]


def header_of(html):
    return html[html.index('<header class="site-header"') : html.index("</header>")]


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["site_core", "portalsettings", site.pk])


VIETNAMESE_LINKS = [("link", {"title": "Báo Đồng Nai", "url": "https://baodongnai.vn/"})]


def settings_form(admin_client, url, **fields):
    """The settings form as the browser posts it. StreamFields are drawn by JavaScript, so
    the HTML holds none of their inputs: the Vietnamese links are posted as they are."""
    html = admin_client.get(url).content.decode()
    data = querydict_from_html(html, form_id="w-editor-form")
    fields = {
        "related_links": streamfield(VIETNAMESE_LINKS),
        "social_links": streamfield([]),
        **fields,
    }
    for key, value in nested_form_data(fields).items():
        data[key] = value
    return html, data


def test_english_pages_show_the_english_settings_vietnamese_pages_the_vietnamese(
    client, portal, english_tree
):
    english_texts(
        portal,
        **ENGLISH,
        related_links=[("link", {"title": "Dong Nai Newspaper", "url": "https://baodongnai.vn/"})],
    )
    for url in ("/en/", "/en/intro-en/"):
        html = html_of(client, url)
        header, footer = header_of(html), footer_of(html)
        assert ENGLISH["organisation_name"] in header and ENGLISH["portal_name"] in header
        assert ENGLISH["tagline"] in header
        assert f"Governing body: {ENGLISH['organisation_name']}" in footer
        assert ENGLISH["licence"] in footer and ENGLISH["responsible_person"] in footer
        assert "please cite the source" in footer and "Dong Nai Newspaper" in footer
        assert "© " in footer and ENGLISH["organisation_name"] in footer.split("©")[1]
        for vietnamese in ("Đảng bộ tỉnh Đồng Nai", "Quyết định số 797", "Báo Đồng Nai"):
            assert vietnamese not in header + footer, (url, vietnamese)
    for url in ("/", "/gioi-thieu/"):
        html = html_of(client, url)
        footer = footer_of(html)
        assert f"Cơ quan chủ quản: {VIETNAMESE['organisation_name']}" in footer
        assert VIETNAMESE["licence"] in footer and "Báo Đồng Nai" in footer
        assert VIETNAMESE["portal_name"] in header_of(html)
        for english_text in ENGLISH.values():
            assert english_text not in html, (url, english_text)


def test_an_empty_english_text_shows_the_vietnamese_one(client, portal, english_tree):
    english_texts(portal, organisation_name=ENGLISH["organisation_name"])
    footer = footer_of(html_of(client, "/en/"))
    assert f"Governing body: {ENGLISH['organisation_name']}" in footer
    # Left empty in English: the Vietnamese name, address, licence and links.
    assert VIETNAMESE["portal_name"] in footer and VIETNAMESE["address"] in footer
    assert VIETNAMESE["licence"] in footer and "Báo Đồng Nai" in footer


def test_without_english_texts_english_pages_keep_the_vietnamese_settings(
    client, portal, english_tree
):
    footer = footer_of(html_of(client, "/en/"))
    assert VIETNAMESE["organisation_name"] in footer and VIETNAMESE["licence"] in footer
    # The labels are English all the same.
    assert "Governing body:" in footer and "Licence:" in footer


def test_english_settings_added_in_the_admin_show_on_cached_english_pages(
    client, admin_client, site, portal, english_tree
):
    for url in ("/en/", "/"):
        html_of(client, url)
        assert client.get(url).headers.get(pages.STATUS_HEADER) == "HIT", url
    url = settings_url(site)
    english = {
        "language": "en",
        "portal_name": ENGLISH["portal_name"],
        "organisation_name": ENGLISH["organisation_name"],
        "tagline": "",
        "address": "",
        "responsible_person": "",
        "licence": ENGLISH["licence"],
        "footer_text": rich_text(ENGLISH["footer_text"]),
        "related_links": streamfield([]),
        "social_links": streamfield([]),
    }
    form, data = settings_form(admin_client, url, translations=inline_formset([english]))
    # The editor finds the English texts in their own tab.
    assert "Ngôn ngữ khác" in form and "Bản dịch theo ngôn ngữ" in form
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    translation = portal.translations.get()
    assert translation.language == "en" and translation.licence == ENGLISH["licence"]

    footer = footer_of(html_of(client, "/en/"))
    assert ENGLISH["licence"] in footer and ENGLISH["organisation_name"] in footer
    footer = footer_of(html_of(client, "/"))
    assert VIETNAMESE["licence"] in footer and ENGLISH["licence"] not in footer

    # Changed again: the cached English page follows.
    english["id"] = translation.pk
    english["licence"] = "Decision No. 15-QĐ/TU of 20 November 2025"
    _form, data = settings_form(
        admin_client, url, translations=inline_formset([english], initial=1)
    )
    assert admin_client.post(url, data).status_code == 302
    html_of(client, "/en/")
    assert "Decision No. 15-QĐ/TU" in footer_of(html_of(client, "/en/"))


def test_a_second_english_translation_is_refused_with_a_message(
    admin_client, site, portal, english_tree
):
    translation = english_texts(portal, licence=ENGLISH["licence"])
    url = settings_url(site)
    texts = {
        "portal_name": "",
        "organisation_name": "",
        "tagline": "",
        "address": "",
        "responsible_person": "",
        "licence": "",
        "footer_text": rich_text(""),
        "related_links": streamfield([]),
        "social_links": streamfield([]),
    }
    first = {**texts, "id": translation.pk, "language": "en", "licence": ENGLISH["licence"]}
    second = {**texts, "language": "en", "portal_name": "Another"}
    _form, data = settings_form(
        admin_client, url, translations=inline_formset([first, second], initial=1)
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert portal.translations.count() == 1


def test_vietnamese_reads_no_translation_and_english_reads_it_once(
    portal, django_assert_num_queries
):
    english_texts(portal, licence=ENGLISH["licence"])
    portal = PortalSettings.objects.get(pk=portal.pk)
    with django_assert_num_queries(0):
        assert portal.localized("vi") is portal
    with django_assert_num_queries(1):
        localized = portal.localized("en")
        assert portal.localized("en-gb") is localized
    assert isinstance(localized, LocalizedPortalSettings)
    assert localized.licence == ENGLISH["licence"]
    assert localized.address == VIETNAMESE["address"]  # empty in English
    assert localized.site_id == portal.site_id and localized.pk == portal.pk


def test_settings_translation_languages_are_the_other_site_languages():
    field = PortalSettingsTranslation._meta.get_field("language")
    assert [code for code, _name in field.choices] == ["en"]


def test_an_english_page_of_a_site_without_settings_renders(client, site, english_tree):
    # No settings row at all (a new site): the defaults, no error, no empty label.
    html = html_of(client, "/en/intro-en/")
    assert "<h1" in html and ">Intro<" in html
    assert "Governing body" not in html and "Licence:" not in html
