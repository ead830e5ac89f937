"""`manage.py seed_demo` builds the whole demo portal, and a second run changes nothing.

The seed runs twice, once per module, inside a transaction that is rolled back when the
module ends, so the other test modules still start from the migrated database. Media
files go to a temporary MEDIA_ROOT. The first run is the session's (tests/demo_snapshot.py):
`seed_demo` on the migrated database, here or in the first module that needed the demo,
whose rows and files are copied back byte for byte (tests/test_seed_demo_snapshot.py); the
second run is this module's own.
"""

import io
import json
import time

import pytest

from django.apps import apps
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from history.models import HistoryEvent, HistoryPeriodPage
from home.models import HomePage
from legal_docs.models import (
    DocumentType,
    IssuingBody,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from legal_docs.tables import load_reference_tables
from news.models import EventPage, NewsArticlePage, NewsCategory
from org_structure.models import OrgMembership, OrgUnitPage, Person, Term
from site_core.demo.content import DATA_DIR
from site_core.models import PortalSettings

SECTION_SLUGS = [
    "lich-su",
    "co-cau-to-chuc",
    "tin-hoat-dong",
    "su-kien",
    "van-ban",
    "gioi-thieu",
    "lien-he",
]


def model_counts():
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def clear_caches():
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory, demo_snapshot):
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("seed-media")))
    media.enable()
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
        try:
            started = time.monotonic()
            demo_snapshot.load()  # the first run, or its rows and files copied back
            first_run = time.monotonic() - started
            first = model_counts()
            clear_caches()  # as a new `manage.py seed_demo` process would find them
            started = time.monotonic()
            call_command("seed_demo", verbosity=0)
            second_run = time.monotonic() - started
            second = model_counts()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            media.disable()
            raise
    clear_caches()
    yield {"first": first, "second": second, "timings": (first_run, second_run)}
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
    media.disable()
    clear_caches()


def test_demo_texts_are_readable_json():
    """The demo's texts are UTF-8 JSON with the Vietnamese letters as they are, not escaped."""
    files = sorted(DATA_DIR.glob("*.json"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert isinstance(json.loads(text), dict)
        assert "\\u" not in text, path.name
    assert "Đảng bộ tỉnh Đồng Nai" in (DATA_DIR / "site.json").read_text(encoding="utf-8")


@pytest.mark.django_db
def test_migration_loads_reference_tables_once():
    assert DocumentType.objects.filter(abbreviation="NQ", name="Nghị quyết").exists()
    assert DocumentType.objects.filter(abbreviation="QĐi", name="Quy định").exists()
    assert IssuingBody.objects.filter(name="Ban Thường vụ Tỉnh ủy", abbreviation="TU").exists()
    assert set(DocumentType.objects.values_list("locale__language_code", flat=True)) == {"vi"}
    assert load_reference_tables() == (0, 0)


@pytest.mark.django_db
def test_seed_builds_the_required_content(seeded):
    periods = HistoryPeriodPage.objects.live()
    assert periods.count() >= 6
    assert all(p.start_year for p in periods)
    years = set(HistoryEvent.objects.values_list("year", flat=True))
    assert {1698, 1808, 1976, 1991, 2022, 2025} <= years
    assert HistoryEvent.objects.filter(year=1808).exclude(note="").exists()
    assert HistoryEvent.objects.filter(year=2022, month=9, day=29).exists()
    assert HistoryEvent.objects.filter(year=2025, month=7, day=1).exists()
    assert HistoryEvent.objects.filter(year=2025, month=9, day=30).exists()

    units = OrgUnitPage.objects.live().filter(locale__language_code="vi")
    assert units.filter(kind="dang-bo-truc-thuoc").count() >= 8
    standing = units.get(kind="thuong-truc")
    assert [a.specific.kind for a in standing.get_ancestors().type(OrgUnitPage)] == [
        "ban-chap-hanh",
        "ban-thuong-vu",
    ]
    assert OrgMembership.objects.filter(term__start_year=2025, end_date__isnull=True).exists()
    assert OrgMembership.objects.filter(term__start_year=2020, end_date__lt=timezone.localdate())
    assert OrgMembership.objects.filter(term__start_year=2015).exists()

    articles = NewsArticlePage.objects.live()
    assert articles.count() >= 40
    assert {a.date.year for a in articles} >= {2024, 2025, 2026}
    assert articles.values("source_unit").distinct().count() >= 5
    assert articles.filter(is_featured=True).exists()
    assert articles.filter(related_documents__isnull=False).exists()
    assert not articles.filter(featured_image__isnull=True).exists()
    for category in NewsCategory.objects.filter(locale__language_code="vi"):
        assert articles.filter(categories=category).exists(), category.name
    news_images = Collection.objects.get(name="Ảnh tin demo")
    assert get_image_model().objects.filter(collection=news_images).count() >= 40

    now = timezone.now()
    events = EventPage.objects.live()
    assert events.count() >= 8
    assert events.filter(start__gt=now).exists()
    assert events.filter(start__lt=now).exists()

    # The register in Vietnamese (the English site translates a few of its documents).
    documents = LegalDocumentPage.objects.live().filter(locale__language_code="vi")
    assert documents.count() >= 25
    assert not LegalDocumentPage.objects.exclude(secrecy_level="").exists()
    decision = next(d for d in documents if d.number_symbol == "797-QĐ/TU")
    assert decision.date_issued.strftime("%d/%m/%Y") == "29/09/2022"
    assert decision.issuer.name == "Ban Thường vụ Tỉnh ủy"
    assert decision.term == "2020–2025"
    attachment = decision.attachments.get()
    with attachment.document.open_file() as handle:
        assert handle.read(5) == b"%PDF-"
    assert attachment.document.collection.name == "Văn bản demo"
    symbols = {d.number_symbol for d in documents}
    assert {"09-NQ/TU", "57-NQ/TW", "45-CT/TW", "01-KL/TW", "55-KH/TU", "36-HD/VPTW"} <= symbols
    assert "05-QC/BTCTU-BDVTU" in symbols
    twice = [d for d in documents if d.number_symbol == "01-NQ/TU"]
    assert sorted(d.term for d in twice) == ["2020–2025", "2025–2030"]
    statuses = dict(
        LegalDocumentPage.objects.with_status().values_list("slug", "status_code").distinct()
    )
    assert LegalDocumentPage.STATUS_REPLACED in statuses.values()
    assert LegalDocumentPage.STATUS_EXPIRED in statuses.values()
    relation_types = set(LegalDocumentRelation.objects.values_list("relation_type", flat=True))
    assert {"amends", "replaces", "guides", "repeals"} <= relation_types
    assert get_document_model().objects.filter(collection__name="Văn bản demo").count() >= 25

    # Everything is published through a revision, so the admin shows a history; but the
    # province's copies of the proposals still waiting or sent back (drafts by design).
    from news.models import ProvinceProposal

    drafts = ProvinceProposal.objects.exclude(draft__live=True).values("draft_id")
    pages = Page.objects.filter(depth__gt=1)
    assert sorted(pages.filter(live=False).values_list("pk", flat=True)) == sorted(
        row["draft_id"] for row in drafts
    )
    assert not pages.exclude(pk__in=drafts).filter(live_revision__isnull=True).exists()


@pytest.mark.django_db
def test_home_is_the_site_root_and_every_section_is_in_its_menu(seeded, client):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.depth == 2
    assert home.locale.language_code == "vi"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    settings = PortalSettings.for_site(site)
    assert settings.portal_name == "Cổng thông tin điện tử Đảng bộ tỉnh Đồng Nai"
    assert settings.licence.startswith("Quyết định số 797-QĐ/TU ngày 29/09/2022")
    assert all(link.value["url"].startswith("https://") for link in settings.related_links)

    menu = list(home.get_children().live().in_menu())
    assert [page.slug for page in menu] == SECTION_SLUGS

    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for page in menu:
        url = page.relative_url(site)
        assert f'href="{url}"' in html, url
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_second_run_changes_no_row_counts(seeded):
    first, second = seeded["first"], seeded["second"]
    changed = {
        label: (first[label], second[label]) for label in first if first[label] != second[label]
    }
    assert changed == {}


@pytest.mark.django_db
def test_demo_logins_lists_the_accounts_that_exist(seeded):
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    text = out.getvalue()
    assert "http://testserver/admin/" in text
    assert "Cổng thông tin: http://testserver/\n" in text  # the public root, not /trang-chu/
    assert "admin" in text
    assert "dongnai-demo-2026" in text


@pytest.mark.django_db
def test_demo_logins_prints_the_configured_host_and_port(seeded, settings):
    """`make run HOST=0.0.0.0 PORT=8001` exports WAGTAILADMIN_BASE_URL: the banner and
    every e-mail link follow it rather than port 8000."""
    settings.WAGTAILADMIN_BASE_URL = "http://0.0.0.0:8001"
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    assert "Cổng thông tin: http://0.0.0.0:8001/\n" in out.getvalue()
    assert "Trang quản trị: http://0.0.0.0:8001/admin/" in out.getvalue()
    assert "8000" not in out.getvalue()
    assert "/trang-chu/" not in out.getvalue()


@pytest.mark.django_db
def test_demo_role_accounts_and_their_scope(seeded):
    from django.contrib.auth import get_user_model

    from news.models import NewsIndexPage
    from site_core.demo.users import demo_password

    users = {
        u.username: u for u in get_user_model().objects.filter(username__in=["ctv", "btv", "bbt"])
    }
    assert set(users) == {"ctv", "btv", "bbt"}
    assert all(user.check_password(demo_password()) for user in users.values())
    assert not any(user.is_superuser for user in users.values())
    province = Site.objects.get(is_default_site=True).root_page
    news = NewsIndexPage.objects.child_of(province).get()
    documents = Page.objects.child_of(province).get(slug="van-ban")
    ctv = users["ctv"]
    assert news.permissions_for_user(ctv).can_add_subpage()
    assert not news.permissions_for_user(ctv).can_publish()
    assert not documents.permissions_for_user(ctv).can_add_subpage()
    assert documents.permissions_for_user(users["btv"]).can_add_subpage()
    assert not documents.permissions_for_user(users["btv"]).can_publish()
    assert documents.permissions_for_user(users["bbt"]).can_unpublish()
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    for username in ("ctv", "btv", "bbt"):
        assert f"  {username} " in out.getvalue()


@pytest.mark.django_db
def test_demo_sub_portals_with_their_accounts_articles_and_documents(seeded, client):
    from django.contrib.auth import get_user_model

    from home.models import SubPortal
    from site_core.demo.users import demo_password, subportal_logins

    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    logins = out.getvalue()
    portals = {portal.slug: portal for portal in SubPortal.objects.select_related("site", "unit")}
    assert set(portals) == {"phuong-tran-bien", "co-quan-dang-tinh"}
    assert portals["phuong-tran-bien"].unit.title == "Đảng bộ phường Trấn Biên"
    assert portals["co-quan-dang-tinh"].unit.title == "Đảng ủy các cơ quan Đảng tỉnh"
    for slug, name, accounts in subportal_logins():
        site = portals[slug].site
        home = site.root_page
        assert site.hostname == f"{slug}.localhost"
        assert f"http://{slug}.localhost" in logins
        assert NewsArticlePage.objects.live().descendant_of(home).count() >= 12
        assert LegalDocumentPage.objects.live().descendant_of(home).count() >= 3
        response = client.get("/", HTTP_HOST=site.hostname)
        assert response.status_code == 200
        assert name in response.content.decode()
        users = get_user_model().objects.filter(username__in=accounts)
        assert users.count() == 3
        for user in users:
            assert user.check_password(demo_password()) and not user.is_superuser
            assert [g.name.endswith(f" · {name}") for g in user.groups.all()] == [True]
            assert f"  {user.username} " in logins
            # Named in Vietnamese order: family, middle and given name, the given name last.
            family, given = user.last_name, user.first_name
            assert user.get_full_name() == f"{family} {given}"
            assert " " in family and " " not in given
            # Their rights stop at their own portal.
            assert home.permissions_for_user(user).can_edit()
            province = Site.objects.get(is_default_site=True).root_page
            assert not province.permissions_for_user(user).can_edit()


@pytest.mark.django_db
def test_demo_org_chart_by_term_and_person_pages(seeded, client):
    site = Site.objects.get(is_default_site=True)
    assert list(
        Term.objects.filter(site=site).values_list("start_year", "end_year", "is_current")
    ) == [(2025, 2030, True), (2020, 2025, False), (2015, 2020, False)]
    chart = "/co-cau-to-chuc/"
    current = client.get(chart).content.decode()
    assert "Đảng bộ phường Trấn Biên" in current and "Thành ủy Biên Hòa" not in current
    past = client.get(f"{chart}nhiem-ky/2015-2020/")
    assert past.status_code == 200
    html = past.content.decode()
    assert "Thành ủy Biên Hòa" in html and "Ban Dân vận Tỉnh ủy" in html
    assert "Trương Văn O" in html and "Đảng bộ phường Trấn Biên" not in html
    person = Person.objects.get(full_name="Tô Văn X")
    page = client.get(f"{chart}can-bo/{person.slug}/").content.decode()
    for years in ("2020–2025", "2015–2020"):
        assert f"Nhiệm kỳ {years}" in page
    english = client.get("/en/organisation-structure/nhiem-ky/2015-2020/")
    assert english.status_code == 200 and "View by term" in english.content.decode()
    assert client.get(f"/en/organisation-structure/can-bo/{person.slug}/").status_code == 200


@pytest.mark.django_db
def test_english_translations_of_the_demo(seeded, client):
    from wagtail.models import Locale

    from org_structure.models import OrgChartPage
    from site_core.models import StandardPage

    english = Locale.objects.get(language_code="en")
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    home_en = home.get_translation(english)
    assert home_en.live
    pages = {
        "/gioi-thieu/": ("/en/introduction/", StandardPage),
        "/co-cau-to-chuc/": ("/en/organisation-structure/", OrgChartPage),
        "/lien-he/": ("/en/contact/", StandardPage),
    }
    for vi_url, (en_url, model) in pages.items():
        source = model.objects.descendant_of(home).get(
            locale__language_code="vi", url_path__endswith=vi_url
        )
        translation = source.get_translation(english)
        assert translation.live and translation.relative_url(site) == en_url
        html = client.get(vi_url).content.decode()
        assert f'href="{en_url}" lang="en" hreflang="en"' in html
    menu = [page.title for page in home_en.get_children().live().in_menu()]
    assert menu == [
        "History",
        "Organisation structure",
        "News",
        "Events",
        "Documents",
        "Introduction",
        "Contact",
    ]
    units = OrgUnitPage.objects.filter(locale=english).live()
    assert units.count() == OrgUnitPage.objects.filter(locale__language_code="vi").count()
    assert units.filter(title="Provincial Party Standing Committee").exists()
    assert units.filter(title="Organisation Commission").exists()
    standing = units.get(title="Provincial Party Standing Committee")
    assert standing.memberships.filter(position="Secretary of the Provincial Party Committee")
    html = client.get(standing.relative_url(site)).content.decode()
    assert "Leaders and members" in html and "Term 2025–2030" in html
    # The snippets are translated too (same translation_key, English names).
    for model, name in (
        (NewsCategory, "Party building"),
        (DocumentType, "Resolution"),
        (IssuingBody, "Provincial Party Standing Committee"),
    ):
        translation = model.objects.get(locale=english, name=name)
        assert model.objects.filter(
            locale__language_code="vi", translation_key=translation.translation_key
        ).exists()


ENGLISH_SECTIONS = {
    # English URL of each menu section: a text of the section's own content.
    "/en/history/": "Nguyen Huu Canh founds Gia Dinh Prefecture",
    "/en/organisation-structure/": "Provincial Party Standing Committee",
    "/en/news/": "96th anniversary of the founding of the Communist Party of Vietnam",
    "/en/events/": "Forum on digital transformation in Party work",
    "/en/documents/": "on breakthroughs in science, technology, innovation",
    "/en/introduction/": "The Provincial Party Committee Portal",
    "/en/contact/": "Editorial Board of the Provincial Party Committee Portal",
}


@pytest.mark.django_db
def test_every_english_menu_section_answers_with_content(seeded, client):
    """/en/ links only to English pages that exist, and none of them shows an empty list."""
    import re

    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    home = client.get("/en/").content.decode()
    menu = home[home.index('<nav id="main-menu"') : home.index("</nav>", home.index("main-menu"))]
    links = re.findall(r'href="([^"]+)"', menu)
    assert links == ["/en/", *ENGLISH_SECTIONS]
    for url, text in ENGLISH_SECTIONS.items():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert text in html, url
        assert 'class="empty"' not in html, url
        assert '<html lang="en">' in html
    # The lists' own labels are English too.
    for url, english_labels, vietnamese_labels in (
        ("/en/history/", ["Periods", "Read the full text of the period"], ["Các giai đoạn"]),
        ("/en/events/", ["Upcoming and under way", "When:", "Where:"], ["Thời gian:"]),
        ("/en/documents/", ["Number and symbol", "In force", "Keywords or number"], ["Tất cả"]),
        ("/en/news/", ["All", "Party building"], ["Danh sách tin"]),
    ):
        html = client.get(url).content.decode()
        for label in english_labels:
            assert label in html, (url, label)
        for label in vietnamese_labels:
            assert label not in html, (url, label)
    # Each listing holds its English items only.
    for model, index_url, count in (
        (HistoryPeriodPage, "/en/history/", 7),
        (NewsArticlePage, "/en/news/", 8),
        (EventPage, "/en/events/", 6),
        (LegalDocumentPage, "/en/documents/", 8),
    ):
        pages = model.objects.live().filter(locale=english)
        assert pages.count() == count
        site = Site.objects.get(is_default_site=True)
        for page in pages:
            url = page.relative_url(site)
            assert url.startswith(index_url), url
            assert client.get(url).status_code == 200, url
    # The English home shows news, upcoming events and new documents, not empty boxes.
    assert "No news has been published yet" not in home
    assert "There are no upcoming events" not in home and "No documents yet" not in home
    assert "Forum on digital transformation in Party work" in home
    assert "Resolution No. 57-NQ/TW" in home


@pytest.mark.django_db
def test_english_demo_pages_link_to_english_snippets_and_pages(seeded):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    for article in NewsArticlePage.objects.filter(locale=english):
        assert article.categories.exists()
        assert all(category.locale_id == english.pk for category in article.categories.all())
        assert article.source_unit.locale_id == english.pk
        assert all(doc.locale_id == english.pk for doc in article.related_documents.all())
    for event in EventPage.objects.filter(locale=english):
        assert event.organiser.locale_id == english.pk
        assert all(news.locale_id == english.pk for news in event.related_news.all())
    for document in LegalDocumentPage.objects.filter(locale=english):
        assert document.document_type.locale_id == english.pk
        assert document.issuer.locale_id == english.pk
        assert document.attachments.get().title == "Full text (PDF, in Vietnamese)"
        assert document.number_symbol  # the same number and symbol as the original
    plan = LegalDocumentPage.objects.get(locale=english, number=55)
    assert [r.target.locale_id for r in plan.relations.all()] == [english.pk]
    period = HistoryPeriodPage.objects.filter(locale=english).order_by("path").first()
    assert period.events.first().title == "Nguyen Huu Canh founds Gia Dinh Prefecture"


@pytest.mark.django_db
def test_english_demo_settings_show_on_english_pages_only(seeded, client):
    portal = PortalSettings.objects.get(site__is_default_site=True)
    assert portal.translations.get().language == "en"
    english = client.get("/en/history/").content.decode()
    footer = english[english.index('<footer class="site-footer"') :]
    assert "Governing body: Party Organisation of Dong Nai Province" in footer
    assert "Decision No. 797-QĐ/TU of 29 September 2022" in footer
    assert "Communist Party of Vietnam Online Newspaper (English)" in footer
    assert "Cơ quan chủ quản" not in footer and "Quyết định số 797" not in footer
    vietnamese = client.get("/lich-su/").content.decode()
    footer = vietnamese[vietnamese.index('<footer class="site-footer"') :]
    assert "Cơ quan chủ quản: Đảng bộ tỉnh Đồng Nai" in footer
    assert "Party Organisation of Dong Nai Province" not in vietnamese


def ascii_path(url):
    """The path of `url` as a browser shows it, ASCII only: no %-encoded letters."""
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(url).path)
    return path if path.isascii() else None


@pytest.mark.django_db
def test_every_public_url_of_the_demo_is_readable_ascii(seeded, client):
    """The sitemap (every page of both languages: sections, categories, articles, events,
    documents named by their number, people's units) and every link of the home page and of
    an article (categories, tags, units, attachments) have ASCII paths."""
    import re
    import xml.etree.ElementTree as ET

    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own output
    locations = []
    for file_location in index.iter(f"{namespace}loc"):
        content = client.get(file_location.text.removeprefix("http://testserver")).content
        locations += [loc.text for loc in ET.fromstring(content).iter(f"{namespace}loc")]  # noqa: S314
    assert len(locations) > 50
    assert [url for url in locations if ascii_path(url) is None] == []

    article = NewsArticlePage.objects.live().filter(locale__language_code="vi").first()
    assert article.tags.exists()
    links = []
    for url in ("/", article.url, "/en/"):
        response = client.get(url)
        assert response.status_code == 200, url
        links += re.findall(r'href="([^"#]+)"', response.content.decode())
    local = [link for link in links if link.startswith("/") and not link.startswith("//")]
    assert any("/the/" in link for link in local)  # the article's tags are there
    assert [link for link in local if ascii_path(link) is None] == []


def test_demo_pictures_carry_no_text_and_differ_by_seed():
    """The headline is printed beside the picture: drawing it in shows it twice."""
    import inspect
    import io

    from PIL import Image

    from site_core.demo import images

    assert "draw.text" not in inspect.getsource(images.news_picture)
    first = Image.open(io.BytesIO(images.news_picture("Tin thứ nhất")))
    assert first.size == (1200, 675)
    assert images.news_picture("Tin thứ nhất") == images.news_picture("Tin thứ nhất")
    assert images.news_picture("Tin thứ nhất") != images.news_picture("Tin thứ hai")


@pytest.mark.django_db
def test_demo_proposals_to_the_province_one_in_each_state(seeded, client):
    """One sub-portal article waiting on the province, one published there with its link
    and the original as canonical, one returned with the board's comment; the second
    seed run changed none of them (the counts above)."""
    from news.models import ProvinceProposal
    from site_core.demo.subportals import RETURN_COMMENT

    proposals = {p.state: p for p in ProvinceProposal.objects.select_related("draft")}
    assert set(proposals) == {
        ProvinceProposal.WAITING,
        ProvinceProposal.PUBLISHED,
        ProvinceProposal.RETURNED,
    }
    assert ProvinceProposal.objects.count() == 3
    province = Site.objects.get(is_default_site=True)
    for proposal in proposals.values():
        assert proposal.source_site.subportal.slug == "phuong-tran-bien"
        assert proposal.draft.get_site() == province
    assert proposals[ProvinceProposal.RETURNED].comment == RETURN_COMMENT
    published = proposals[ProvinceProposal.PUBLISHED]
    assert published.published_url == published.draft.full_url
    response = client.get(published.draft.url_path[len(province.root_page.url_path) - 1 :])
    assert response.status_code == 200
    assert f'<link rel="canonical" href="{published.original_url}">' in response.content.decode()
    assert seeded["first"]["news.ProvinceProposal"] == seeded["second"]["news.ProvinceProposal"]


@pytest.mark.django_db
def test_demo_ledger_credits_every_province_article_once(seeded):
    """Sổ nhuận bút: two rate tables, every Vietnamese demo article of the province in the
    ledger (translations not again), graded and paid from the table of its date, the demo
    collaborator among the authors; the second run wrote no line (the counts above)."""
    from news.models import RoyaltyEntry, RoyaltyRateTable
    from site_core.demo.ledger import RATE_TABLES

    assert RoyaltyRateTable.objects.count() == len(RATE_TABLES)
    province = NewsArticlePage.objects.filter(
        locale__language_code="vi", first_published_at__isnull=False
    ).descendant_of(Site.objects.get(is_default_site=True).root_page)
    entries = RoyaltyEntry.objects.filter(site__is_default_site=True)
    assert set(entries.values_list("article_id", flat=True)) == set(
        province.values_list("pk", flat=True)
    )
    assert not RoyaltyEntry.objects.exclude(article__locale__language_code="vi").exists()
    graded = entries.exclude(kind="")
    assert graded.count() >= 40 and all(entry.amount > 0 for entry in graded)
    assert entries.filter(user__username="ctv").count() >= 5
    assert entries.filter(share__lt=100).exists()
    assert {e.rate_table.effective_from.year for e in graded.select_related("rate_table")} == {
        2024,
        2026,
    }
    assert seeded["first"]["news.RoyaltyEntry"] == seeded["second"]["news.RoyaltyEntry"]
