"""iCalendar (RFC 5545) files of events, written by hand: the format is small.

    /lich/su-kien.ics               upcoming events of the site, in the active language
    /lich/su-kien/<id>.ics          one event ("Thêm vào lịch")

Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character;
TEXT values escape backslash, semicolon, comma and newlines; times are in UTC.
"""

import datetime
import re

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from news.models import EventPage
from site_core.models import PortalSettings
from site_core.navigation import current_site, localized_home, page_full_url

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
UPCOMING_LIMIT = 200
MAX_PAGE_ID = 2**31 - 1  # Page ids are 32-bit; a longer number in the URL is no page
# RFC 5545 3.3.11: control characters other than HTAB are not allowed in TEXT.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(value):
    """Escape a TEXT value: \\ ; , and newlines (RFC 5545 3.3.11)."""
    value = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    value = CONTROL_CHARACTERS.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line):
    """Split a content line into lines of at most 75 octets (RFC 5545 3.1).

    Continuation lines start with one space, which counts towards their 75 octets.
    A multi-octet UTF-8 character is never split.
    """
    lines = []
    current, size = [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > MAX_LINE_OCTETS:
            lines.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += octets
    lines.append("".join(current))
    return CRLF.join(lines)


def format_utc(value):
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def uri_value(value):
    # A URI is not TEXT: no escaping, but it must stay on one logical line.
    return re.sub(r"[\r\n]", "", value)


def event_lines(event, request, site, stamp):
    lines = [
        "BEGIN:VEVENT",
        f"UID:su-kien-{event.pk}@{site.hostname}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{format_utc(event.start)}",
    ]
    if event.end and event.end >= event.start:
        lines.append(f"DTEND:{format_utc(event.end)}")
    lines.append(f"SUMMARY:{escape_text(event.title)}")
    if event.place:
        lines.append(f"LOCATION:{escape_text(event.place)}")
    description = [event.summary or event.listing_summary]
    if event.organiser_id:
        description.append(f"Đơn vị tổ chức: {event.organiser.title}")
    url = page_full_url(event, request)
    if url:
        description.append(url)
    lines.append(f"DESCRIPTION:{escape_text(chr(10).join(d for d in description if d))}")
    if url:
        lines.append(f"URL:{uri_value(url)}")
    if event.last_published_at:
        lines.append(f"LAST-MODIFIED:{format_utc(event.last_published_at)}")
    lines.append("END:VEVENT")
    return lines


def build_calendar(events, request, site, name):
    """The whole VCALENDAR as a str with CRLF line endings."""
    stamp = format_utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{escape_text(site.hostname)}//Cong thong tin dien tu//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ]
    for event in events:
        if event.start:
            lines += event_lines(event, request, site, stamp)
    lines.append("END:VCALENDAR")
    return CRLF.join(fold_line(line) for line in lines) + CRLF


def calendar_response(body, filename):
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def events_queryset():
    return EventPage.objects.live().public().defer_streamfields().select_related("organiser")


@require_GET
def event_ics(request, pk):
    site = current_site(request)
    if pk > MAX_PAGE_ID:
        raise Http404("Không có sự kiện này.")
    event = events_queryset().filter(pk=pk, start__isnull=False).first()
    if site is None or event is None:
        raise Http404("Không có sự kiện này.")
    url_parts = event.get_url_parts(request)
    if not url_parts or url_parts[0] != site.pk:
        raise Http404("Sự kiện không thuộc cổng thông tin này.")
    body = build_calendar([event], request, site, event.title)
    return calendar_response(body, f"su-kien-{event.slug}.ics")


@require_GET
def upcoming_events_ics(request):
    site = current_site(request)
    root = localized_home(site)
    if root is None:
        raise Http404("Không có cổng thông tin bằng ngôn ngữ này.")
    now = timezone.now()
    events = (
        events_queryset()
        .descendant_of(root)
        .filter(start__isnull=False)
        .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .order_by("start", "pk")[:UPCOMING_LIMIT]
    )
    portal_name = PortalSettings.for_request(request).portal_name or site.site_name
    body = build_calendar(events, request, site, f"Sự kiện – {portal_name}")
    return calendar_response(body, "su-kien.ics")
