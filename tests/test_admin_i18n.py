"""The admin speaks Vietnamese on the collaborator → editor → board path.

The walk of tests/admin_i18n renders every screen of the path once for the module, in
the first test that asks for it; the other tests read its result (plain data, which
outlives that test's rolled-back transaction).
"""

import datetime
import gettext
import re
import zoneinfo
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from news.models import NewsArticlePage
from site_core.editorial.setup import EDITORS, setup_portal
from tests.admin_i18n.catalogues import entry_translations, read_entries
from tests.admin_i18n.portal import build_portal
from tests.admin_i18n.report import walk_admin

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES"
HO_CHI_MINH = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")

# Interface strings a Vietnamese editor must not meet in English.
ENGLISH = [
    "Save draft",
    "Publish",
    "Submit to",
    "Submit for moderation",
    "Approve",
    "Approve with comment",
    "Request changes",
    "Dashboard",
    "Pages",
    "Images",
    "Documents",
    "Snippets",
    "Settings",
    "Reports",
    "Help",
    "Edit",
    "Delete",
    "Add child page",
    "Search",
    "History",
    "Preview",
    "Live",
    "Draft",
    "Status",
    "Unpublish",
    "Lock",
    "Unlock",
    "Cancel",
    "Save",
    "Choose",
    "Upload",
    "Comments",
    "Workflow",
    "Locked pages",
    "Sort by",
    "Filter",
    "Actions",
    "Sign in",
    "Log out",
    "Account",
    "Notifications",
    "Insert a block",
    "Move up",
    "Move down",
    "Duplicate",
    "In moderation",
    "Changes requested",
    "View live",
    "Current draft",
    "Compare",
    "Revisions",
    "Privacy",
    "Collection",
    "Title",
    "Password",
]
ENGLISH_RE = re.compile(r"(?<![\w.-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w-])")

# English that Wagtail's templates write out without gettext, so no catalogue reaches
# it: the aria-label of the header's action bar (wagtailadmin/shared/headers/_actions.html)
# and the screen-reader-only submit of the search forms (shared/header.html, home.html).
HARDCODED_IN_WAGTAIL = {("attr:aria-label", "Actions"), ("attr:value", "Search")}
# Form fields Wagtail leaves unlabelled, so Django makes the label from the field name:
# the external-link chooser's "link_text" and the snippet chooser's "locale" filter.
KNOWN_DERIVED_LABELS = {"Link text", "Locale"}


@pytest.fixture
def walk_portal(
    home_page,
    news_index,
    event_index,
    history_index,
    org_chart,
    document_index,
    standard_page,
    document_type,
    issuer,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path  # the walk uploads images and documents
    sections = {
        "home": home_page,
        "news": news_index,
        "events": event_index,
        "history": history_index,
        "org": org_chart,
        "documents": document_index,
        "standard": standard_page,
    }
    return build_portal(sections, document_type, issuer)


@pytest.fixture(scope="module")
def walks():
    return {}


@pytest.fixture
def report(walks, request, db):
    """The walk in Vietnamese, run once for the module: in the first test that asks, on
    that test's portal (conftest's fixtures are per test); its result is plain data.
    Asking for `db` here sets the test database up before the portal's fixtures, so a
    test run alone (-k) works too."""
    if "vi" not in walks:
        walks["vi"] = walk_admin(request.getfixturevalue("walk_portal"), "vi")
    return walks["vi"]


def test_no_untranslated_admin_string_on_the_path(report):
    assert len(report.screens) > 100
    # The failure message is a .po fragment to translate, each entry naming its screens.
    assert report.count == 0, "\n" + report.as_po()


def test_every_screen_of_the_path_renders(report):
    failed = [(s.name, s.url, s.error or s.status) for s in report.failed_screens]
    assert not failed
    assert not report.uncovered_page_types
    assert set(report.derived_labels) <= KNOWN_DERIVED_LABELS


def test_no_english_interface_string_on_any_screen(report):
    found = []
    for screen in report.screens:
        for source, text in screen.fragments:
            if (source, text) in HARDCODED_IN_WAGTAIL:
                continue
            for match in ENGLISH_RE.finditer(text):
                found.append((screen.name, source, match.group(0), text[:80]))
    assert not found


def test_key_screens_say_it_in_vietnamese(report):
    text = {screen.name: " ".join(t for _s, t in screen.fragments) for screen in report.screens}
    assert "Gửi duyệt theo Quy trình đăng tin" in text["Thêm tin (biểu mẫu) (cộng tác viên)"]
    assert "Lưu bản nháp" in text["Thêm tin (biểu mẫu) (cộng tác viên)"]
    editor_view = text["Sửa tin chờ duyệt (biên tập viên)"]
    assert "Duyệt kèm ý kiến" in editor_view and "Trả lại" in editor_view
    assert (
        "Đã tạo trang “Tin gửi duyệt” và gửi duyệt."
        in text["Gửi duyệt (thông báo sau khi gửi) (cộng tác viên)"]
    )
    assert "Bảng điều khiển" in text["Bảng điều khiển (biên tập viên)"]


def test_admin_dates_are_dd_mm_yyyy_and_24_hour(report):
    html = {screen.name: screen.html for screen in report.screens}
    # The date pickers write and read d/m/Y with a 24-hour clock, weeks from Monday.
    article_form = html["Sửa trang: tin hoạt động (biên tập viên)"]
    assert '"format": "d/m/Y H:i"' in article_form
    assert '"dayOfWeekStart": 1' in article_form
    assert '"format": "d/m/Y"' in html["Sửa trang: văn bản (biên tập viên)"]
    # Listing columns show the full date as dd/mm/yyyy hh:mm.
    listing = html["Danh sách trang sau khi đăng (ban biên tập)"]
    assert re.search(r'data-w-tooltip-content-value="\d{2}/\d{2}/\d{4} \d{2}:\d{2}"', listing)


def test_date_typed_in_vietnamese_is_stored_in_ho_chi_minh_time(client, news_index):
    setup_portal()
    editor = get_user_model().objects.create_user("btv-ngay", "btv-ngay@example.org", "x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news_index.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data = {key: values[0] if len(values) == 1 else values for key, values in data.lists()}
    data.update(
        nested_form_data(
            {
                "title": "Tin ghi ngày kiểu Việt Nam",
                "slug": "",
                "sapo": "Sapo.",
                "date": "20/11/2026 09:30",
                "go_live_at": "20/11/2026 14:30",
                "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
            }
        )
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:300]
    article = NewsArticlePage.objects.get(title="Tin ghi ngày kiểu Việt Nam")
    assert article.date == datetime.datetime(2026, 11, 20, 9, 30, tzinfo=HO_CHI_MINH)
    assert article.date.astimezone(datetime.UTC).hour == 2  # UTC+7, stored as an instant
    revision = article.latest_revision
    go_live = datetime.datetime.fromisoformat(revision.content["go_live_at"])
    assert go_live == datetime.datetime(2026, 11, 20, 14, 30, tzinfo=HO_CHI_MINH)
    # The editor shows it back the way it was typed.
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content
    assert 'value="20/11/2026 09:30"' in edit_html.decode()


PLACEHOLDER_RE = re.compile(r"%\([^)]*\)[sdif]|%[sdif]|\{[^{}]*\}|<[^<>]+>")


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_catalogue_is_compiled_and_keeps_every_placeholder(domain):
    with open(LOCALE_DIR / f"{domain}.mo", "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    assert compiled.info()["plural-forms"] == "nplurals=1; plural=0;"
    problems = []
    for entry in read_entries(LOCALE_DIR / f"{domain}.po"):
        translations = entry_translations(entry)
        if len(translations) != 1 or not translations[0].strip():
            problems.append((entry.msgid, "exactly one non-empty msgstr (vi has one form)"))
            continue
        if entry.msgid_plural:
            compiled_text = compiled.ngettext(entry.msgid, entry.msgid_plural, 2)
        else:
            compiled_text = compiled.gettext(entry.msgid)
        if compiled_text != translations[0]:
            problems.append((entry.msgid, "the .mo is older than the .po: run msgfmt"))
        source = set(PLACEHOLDER_RE.findall(entry.msgid_plural or entry.msgid))
        if set(PLACEHOLDER_RE.findall(translations[0])) != source:
            problems.append((entry.msgid, "placeholders or markup differ"))
    assert not problems
