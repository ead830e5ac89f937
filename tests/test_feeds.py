"""RSS 2.0 and Atom feeds (site_core/feeds.py): valid XML, the right items, absolute links."""

import datetime
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction, Site

from site_core.feeds import FEED_ITEM_LIMIT
from site_core.models import PortalSettings
from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own output
    assert channel is not None
    return channel, channel.findall("item")


def atom_entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own output
    assert feed.tag == f"{ATOM}feed"
    return feed, feed.findall(f"{ATOM}entry")


@pytest.fixture
def categories(news_index):
    return (
        factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang"),
        factories.NewsCategoryFactory(name="Dân vận", slug="dan-van"),
    )


@pytest.fixture
def articles(news_index, categories):
    party, mass = categories
    now = timezone.now()
    first = factories.NewsArticlePageFactory(
        parent=news_index,
        title="Hội nghị Ban Chấp hành & tổng kết",
        date=now - datetime.timedelta(days=2),
        byline="Nguyễn Văn A",
    )
    first.categories.add(party)
    first.save_revision().publish()
    second = factories.NewsArticlePageFactory(
        parent=news_index, title="Dân vận khéo ở cơ sở", date=now - datetime.timedelta(days=1)
    )
    second.categories.add(mass)
    second.save_revision().publish()
    draft = factories.NewsArticlePageFactory(parent=news_index, title="Bản nháp chưa duyệt")
    draft.categories.add(party)
    draft.unpublish()
    return first, second, draft


def test_news_rss_lists_live_articles_newest_first_with_absolute_links(client, articles):
    first, second, _ = articles

    channel, items = rss_items(client.get("/rss/tin-hoat-dong/"))

    assert [item.findtext("title") for item in items] == [second.title, first.title]
    assert "Bản nháp chưa duyệt" not in [item.findtext("title") for item in items]
    links = [item.findtext("link") for item in items]
    assert all(link.startswith("http://") for link in links)
    assert links[1].endswith(first.url)
    assert channel.findtext("link").startswith("http://")
    assert channel.findtext("language") == "vi"
    assert "Tin hoạt động" in channel.findtext("title")
    first_item = items[1]
    assert first_item.findtext("description") == first.sapo
    assert [c.text for c in first_item.findall("category")] == ["Xây dựng Đảng"]


def test_news_atom_parses_with_absolute_links(client, articles):
    feed, entries = atom_entries(client.get("/atom/tin-hoat-dong/"))

    assert len(entries) == 2
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith("http://")
        assert entry.findtext(f"{ATOM}updated")
    self_link = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == "http://testserver/atom/tin-hoat-dong/"


def test_category_feed_only_has_that_category(client, articles):
    first, second, _ = articles

    channel, items = rss_items(client.get("/rss/tin-hoat-dong/chuyen-muc/xay-dung-dang/"))

    assert [item.findtext("title") for item in items] == [first.title]
    assert channel.findtext("title").startswith("Xây dựng Đảng")
    assert channel.findtext("link").endswith("/tin-hoat-dong/chuyen-muc/xay-dung-dang/")

    _, entries = atom_entries(client.get("/atom/tin-hoat-dong/chuyen-muc/dan-van/"))
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [second.title]


@pytest.mark.parametrize(
    "url",
    [
        "/rss/tin-hoat-dong/chuyen-muc/khong-ton-tai/",
        "/atom/tin-hoat-dong/chuyen-muc/khong-ton-tai/",
        "/rss/tin-hoat-dong/chuyen-muc/%E2%80%A2/",
    ],
)
def test_unknown_category_is_404(client, articles, url):
    assert client.get(url).status_code == 404


def test_unpublished_category_is_404(client, articles, categories):
    categories[0].live = False
    categories[0].save()
    assert client.get("/rss/tin-hoat-dong/chuyen-muc/xay-dung-dang/").status_code == 404


def test_private_article_is_not_in_the_feed(client, articles):
    first, second, _ = articles
    PageViewRestriction.objects.create(
        page=first,
        restriction_type=PageViewRestriction.PASSWORD,
        password="bi-mat",  # noqa: S106
    )

    _, items = rss_items(client.get("/rss/tin-hoat-dong/"))

    assert [item.findtext("title") for item in items] == [second.title]


def test_feed_is_bounded_and_queries_do_not_grow(
    client, news_index, categories, django_assert_max_num_queries
):
    for index in range(FEED_ITEM_LIMIT + 2):
        article = factories.NewsArticlePageFactory(parent=news_index, title=f"Tin số {index}")
        article.categories.add(*categories)
        article.save()

    client.get("/rss/tin-hoat-dong/")  # creates the site's settings row, fills the caches
    with django_assert_max_num_queries(10):
        _, items = rss_items(client.get("/rss/tin-hoat-dong/"))

    assert len(items) == FEED_ITEM_LIMIT


def test_feed_item_text_is_escaped_html(client, news_index):
    factories.NewsArticlePageFactory(
        parent=news_index, title="Tin <b>đậm</b>", sapo="Sapo có <script>alert(1)</script> & ký tự"
    )

    _, items = rss_items(client.get("/rss/tin-hoat-dong/"))

    description = items[0].findtext("description")
    assert "<script>" not in description
    assert "&lt;script&gt;" in description
    assert items[0].findtext("title") == "Tin <b>đậm</b>"


def test_events_feed(client, event_index):
    event = factories.EventPageFactory(
        parent=event_index, title="Hội nghị trực tuyến", place="Hội trường A"
    )
    factories.EventPageFactory(parent=event_index, title="Sự kiện nháp", live=False)

    channel, items = rss_items(client.get("/rss/su-kien/"))

    assert [item.findtext("title") for item in items] == [event.title]
    assert "Địa điểm: Hội trường A" in items[0].findtext("description")
    assert channel.findtext("link").endswith(event_index.url)
    _, entries = atom_entries(client.get("/atom/su-kien/"))
    assert len(entries) == 1


def test_documents_feed_titles_carry_the_number(client, document_index, document_type, issuer):
    document = factories.LegalDocumentPageFactory(
        parent=document_index,
        number=9,
        title="Nghị quyết về chuyển đổi số",
        document_type=document_type,
        issuer=issuer,
    )

    _, items = rss_items(client.get("/rss/van-ban/"))

    assert [item.findtext("title") for item in items] == [f"09-NQ/TU – {document.title}"]
    assert items[0].findtext("link").startswith("http://")
    _, entries = atom_entries(client.get("/atom/van-ban/"))
    assert len(entries) == 1


def test_feed_covers_only_the_current_site(client, articles, root_page):
    other_home = factories.HomePageFactory(parent=root_page, title="Đảng bộ phường")
    other_news = factories.NewsIndexPageFactory(parent=other_home, slug="tin-phuong")
    factories.NewsArticlePageFactory(parent=other_news, title="Tin của đảng bộ phường")
    Site.objects.create(hostname="phuong.example", port=80, root_page=other_home)

    _, items = rss_items(client.get("/rss/tin-hoat-dong/"))
    assert "Tin của đảng bộ phường" not in [item.findtext("title") for item in items]

    _, items = rss_items(client.get("/rss/tin-hoat-dong/", HTTP_HOST="phuong.example"))
    assert [item.findtext("title") for item in items] == ["Tin của đảng bộ phường"]
    assert items[0].findtext("link").startswith("http://phuong.example/")


def test_english_feed_lists_english_pages_only(client, articles):
    first = articles[0]
    english = Locale.objects.get(language_code="en")
    translation = first.copy_for_translation(english, copy_parents=True)
    translation.title = "Meeting of the Executive Committee"
    translation.save_revision().publish()

    _, items = rss_items(client.get("/en/rss/tin-hoat-dong/"))

    assert [item.findtext("title") for item in items] == ["Meeting of the Executive Committee"]
    assert "/en/" in items[0].findtext("link")
    _, items = rss_items(client.get("/rss/tin-hoat-dong/"))
    assert "Meeting of the Executive Committee" not in [item.findtext("title") for item in items]


def test_feed_in_a_language_without_a_tree_is_404(client, articles):
    assert client.get("/en/rss/tin-hoat-dong/").status_code == 404


# --- Atom as the W3C feed validator reads it (RFC 4287) ------------------------------------


def rfc3339(text):
    """A date-time of RFC 3339 (with its offset), as Atom requires."""
    assert text and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", text)
    return datetime.datetime.fromisoformat(text)


def check_atom(feed, entries):
    """The rules of RFC 4287 the validator applies to a feed and each entry."""
    for element in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{element}")) == 1, element
    assert urlsplit(feed.findtext(f"{ATOM}id")).scheme in ("http", "https", "tag")
    rfc3339(feed.findtext(f"{ATOM}updated"))
    assert [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert feed.findtext(f"{ATOM}author/{ATOM}name")
    ids = []
    for entry in entries:
        for element in ("id", "title", "updated", "published"):
            assert len(entry.findall(f"{ATOM}{element}")) == 1, element
        ids.append(entry.findtext(f"{ATOM}id"))
        assert re.fullmatch(r"tag:[a-z0-9.-]+,\d{4}-\d\d-\d\d:trang/\d+", ids[-1])
        rfc3339(entry.findtext(f"{ATOM}updated"))
        rfc3339(entry.findtext(f"{ATOM}published"))
        assert entry.findtext(f"{ATOM}author/{ATOM}name").strip()
        alternate = entry.find(f"{ATOM}link")
        assert alternate.get("rel") == "alternate"
        assert alternate.get("href").startswith("http://testserver/")
    assert len(set(ids)) == len(ids)
    # The feed's updated is the latest change, not a future event's date.
    assert rfc3339(feed.findtext(f"{ATOM}updated")) <= timezone.now()


def entries_by_title(entries):
    return {entry.findtext(f"{ATOM}title"): entry for entry in entries}


def test_news_atom_is_valid_and_every_entry_has_an_author(client, articles, site):
    first, second, _ = articles

    feed, entries = atom_entries(client.get("/atom/tin-hoat-dong/"))

    check_atom(feed, entries)
    found = entries_by_title(entries)
    assert found[first.title].findtext(f"{ATOM}author/{ATOM}name") == "Nguyễn Văn A"
    portal = PortalSettings.for_site(site).portal_name
    assert found[second.title].findtext(f"{ATOM}author/{ATOM}name") == portal
    assert (
        found[second.title].findtext(f"{ATOM}id") == f"tag:localhost,2025-01-01:trang/{second.pk}"
    )
    assert rfc3339(found[second.title].findtext(f"{ATOM}published")) == second.date
    # The id stays when the page moves to another slug or another host serves the feed.
    second.slug = "tin-moi"
    second.save_revision().publish()
    _, entries = atom_entries(client.get("/atom/tin-hoat-dong/", HTTP_HOST="portal.example"))
    moved = entries_by_title(entries)[second.title]
    assert moved.findtext(f"{ATOM}id") == f"tag:localhost,2025-01-01:trang/{second.pk}"


def test_events_atom_is_dated_by_the_event(client, event_index, org_chart, site):
    unit = factories.OrgUnitPageFactory(parent=org_chart, title="Ban Tuyên giáo")
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=30)
    held = factories.EventPageFactory(parent=event_index, start=start, organiser=unit)
    plain = factories.EventPageFactory(parent=event_index, organiser=None)
    for event in (held, plain):
        event.save_revision().publish()

    feed, entries = atom_entries(client.get("/atom/su-kien/"))

    check_atom(feed, entries)
    found = entries_by_title(entries)
    entry = found[held.title]
    assert rfc3339(entry.findtext(f"{ATOM}published")) == start
    held.refresh_from_db()
    assert rfc3339(entry.findtext(f"{ATOM}updated")) == held.last_published_at
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Ban Tuyên giáo"
    portal = PortalSettings.for_site(site).portal_name
    assert found[plain.title].findtext(f"{ATOM}author/{ATOM}name") == portal


def test_documents_atom_is_dated_by_the_issue_date(client, document_index, issuer):
    document = factories.LegalDocumentPageFactory(
        parent=document_index, issuer=issuer, date_issued=datetime.date(2022, 9, 29)
    )
    document.save_revision().publish()

    feed, entries = atom_entries(client.get("/atom/van-ban/"))

    check_atom(feed, entries)
    (entry,) = entries
    published = timezone.localtime(rfc3339(entry.findtext(f"{ATOM}published")))
    assert (published.date(), published.time()) == (document.date_issued, datetime.time.min)
    assert rfc3339(entry.findtext(f"{ATOM}updated")).year == timezone.now().year
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == issuer.name
