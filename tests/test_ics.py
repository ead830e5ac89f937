"""iCalendar files of events (news/ics.py): RFC 5545 framing, folding, escaping, scope."""

import datetime

import pytest

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import PageViewRestriction, Site

from news.ics import escape_text, fold_line
from tests import factories


def unfold(body):
    """Content lines of an iCalendar body (RFC 5545 3.1 unfolding)."""
    return body.replace("\r\n ", "").split("\r\n")


def check_framing(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    body = raw.decode("utf-8")
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    # Every line ends in CRLF: no bare LF or CR anywhere.
    assert raw.count(b"\n") == raw.count(b"\r\n") == raw.count(b"\r")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
    lines = unfold(body)
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    return lines


def vevents(lines):
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            name, value = line.split(":", 1)
            current[name] = value
    return events


@pytest.fixture(autouse=True)
def default_language():
    """reverse() gives the Vietnamese URLs, whatever language an earlier test's request to
    /en/ left active in this thread (LocaleMiddleware does not reset it)."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def event(event_index):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    return factories.EventPageFactory(
        parent=event_index,
        title="Đại hội đại biểu Đảng bộ tỉnh lần thứ XII, nhiệm kỳ 2025–2030; phiên trù bị",
        start=start,
        end=start + datetime.timedelta(hours=3, minutes=30),
        place="Hội trường Tỉnh ủy, số 1; đường 30/4",
        summary="Dòng một\nDòng hai, có dấu phẩy; và \\ gạch chéo",
    )


def test_escape_text():
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    assert escape_text("chuông\x07") == "chuông"


def test_fold_line_never_splits_a_character_and_keeps_75_octets():
    line = "SUMMARY:" + "Đảng bộ tỉnh Đồng Nai " * 10
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert folded.replace("\r\n ", "") == line


def test_single_event_file(client, event):
    response = client.get(reverse("event_ics", args=[event.pk]))

    lines = check_framing(response)
    assert 'filename="su-kien-' in response["Content-Disposition"]
    (vevent,) = vevents(lines)
    assert vevent["UID"] == f"su-kien-{event.pk}@localhost"
    assert vevent["DTSTART"] == event.start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert vevent["DTEND"] == event.end.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert vevent["DTSTAMP"].endswith("Z")
    assert vevent["SUMMARY"] == (
        "Đại hội đại biểu Đảng bộ tỉnh lần thứ XII\\, nhiệm kỳ 2025–2030\\; phiên trù bị"
    )
    assert vevent["LOCATION"] == "Hội trường Tỉnh ủy\\, số 1\\; đường 30/4"
    assert vevent["DESCRIPTION"].startswith(
        "Dòng một\\nDòng hai\\, có dấu phẩy\\; và \\\\ gạch chéo\\n"
    )
    assert vevent["URL"] == f"http://testserver{event.url}"


def test_upcoming_list_has_one_vevent_per_upcoming_live_event(client, event_index, event):
    now = timezone.now()
    second = factories.EventPageFactory(
        parent=event_index, title="Hội nghị sơ kết", start=now + datetime.timedelta(days=1)
    )
    factories.EventPageFactory(
        parent=event_index,
        title="Đã diễn ra",
        start=now - datetime.timedelta(days=5),
        end=now - datetime.timedelta(days=4),
    )
    factories.EventPageFactory(parent=event_index, title="Bản nháp", live=False)
    ongoing = factories.EventPageFactory(
        parent=event_index,
        title="Đang diễn ra",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )

    lines = check_framing(client.get(reverse("events_ics")))

    events = vevents(lines)
    assert [e["UID"].split("@")[0] for e in events] == [
        f"su-kien-{ongoing.pk}",
        f"su-kien-{second.pk}",
        f"su-kien-{event.pk}",
    ]
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 3
    assert any(line.startswith("X-WR-CALNAME:Sự kiện") for line in lines)


def test_event_without_end_has_no_dtend(client, event_index):
    event = factories.EventPageFactory(parent=event_index, end=None)

    (vevent,) = vevents(check_framing(client.get(reverse("event_ics", args=[event.pk]))))

    assert "DTEND" not in vevent


@pytest.mark.parametrize("pk", [0, 999_999, 2**31, 10**30])
def test_unknown_event_is_404(client, event_index, pk):
    assert client.get(f"/lich/su-kien/{pk}.ics").status_code == 404


def test_draft_and_private_events_are_404(client, event_index):
    draft = factories.EventPageFactory(parent=event_index, live=False)
    assert client.get(reverse("event_ics", args=[draft.pk])).status_code == 404
    private = factories.EventPageFactory(parent=event_index)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(reverse("event_ics", args=[private.pk])).status_code == 404
    assert f"su-kien-{private.pk}@" not in client.get(reverse("events_ics")).content.decode()
    other = factories.NewsArticlePageFactory(
        parent=factories.NewsIndexPageFactory(parent=event_index.get_parent())
    )
    assert client.get(reverse("event_ics", args=[other.pk])).status_code == 404


def test_event_of_another_site_is_404(client, root_page, event):
    other_home = factories.HomePageFactory(parent=root_page)
    other_events = factories.EventIndexPageFactory(parent=other_home, slug="lich")
    foreign = factories.EventPageFactory(parent=other_events)
    Site.objects.create(hostname="phuong.example", port=80, root_page=other_home)

    assert client.get(reverse("event_ics", args=[foreign.pk])).status_code == 404
    response = client.get(reverse("event_ics", args=[foreign.pk]), HTTP_HOST="phuong.example")
    assert response.status_code == 200


def test_upcoming_list_query_budget(client, event_index, org_chart, django_assert_max_num_queries):
    unit = factories.OrgUnitPageFactory(parent=org_chart, title="Ban Tuyên giáo")
    for _ in range(5):
        factories.EventPageFactory(parent=event_index, organiser=unit)
    client.get(reverse("events_ics"))  # site settings row and caches

    with django_assert_max_num_queries(6):
        lines = check_framing(client.get(reverse("events_ics")))

    assert sum("Ban Tuyên giáo" in line for line in lines) == 5


def test_event_page_links_its_calendar_file(client, event):
    html = client.get(event.url).content.decode()
    assert f'href="{reverse("event_ics", args=[event.pk])}"' in html


def test_event_index_links_the_upcoming_calendar(client, event_index):
    html = client.get(event_index.url).content.decode()
    assert f'href="{reverse("events_ics")}"' in html
