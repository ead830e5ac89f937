"""How much of the admin a Vietnamese collaborator, editor or board member still sees in English.

`run_report()` builds a throwaway portal (one page of every type, an English tree,
snippets, an image, a document) inside a transaction that it rolls back at the end, then
walks every admin screen of the publishing path with Django's test client as a
collaborator, an editor and a board member whose admin language is Vietnamese: login,
dashboard, explorer, the add and edit form of every page type, validation errors, the
workflow actions, their dialogs and messages, history and revisions, image and document
choosers and uploads, snippets, search, reports, account and unpublish. From tests the
same code runs on the test database. Settings that would reach outside the transaction
(cache, e-mail, media) are replaced while it runs.

Three ways English reaches a screen, and how each is counted:

- gettext lookups. Django's translation functions (gettext, ngettext, pgettext,
  npgettext, which `{% translate %}`, `{% blocktranslate %}` and the lazy variants all end
  in) are wrapped while the walk runs; every msgid looked up in Vietnamese with no entry
  in the Vietnamese catalogue is recorded with its screens. Wagtail's `wagtailConfig`
  strings and the telepath definitions of StreamField blocks and panels are made this
  way on the server, so they are covered too.
- lookups made before the walk: Wagtail evaluates some strings once, at start-up (the
  snippet chooser widgets' "Choose %(object)s"). RenderedEnglishScanner finds their
  English in the rendered screens by matching the untranslated msgids Django and the
  installed apps ship.
- the browser: Wagtail's React/Stimulus client calls `gettext()` on the djangojs
  catalogue served by JavaScriptCatalog at /admin/jsi18n/ (Wagtail's admin catalogue
  merged with LOCALE_PATHS). The report fetches that catalogue as the browser does and
  checks it against every msgid of Wagtail's client (admin/locale/en/.../djangojs.po).

Labels Django derives from a field name ("Link text") pass through no catalogue; they are
listed apart (Report.derived_labels) and not counted.

Translations live in the project's locale/ folder (LOCALE_PATHS), never in Wagtail.
"""

import ast
import datetime
import io
import json
import re
import tempfile
import uuid
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import django
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.forms import boundfield
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import trans_real

import wagtail
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)
from wagtail.users.models import UserProfile

CONTEXT_SEPARATOR = "\x04"
TRANSLATION_FUNCTIONS = ("gettext", "ngettext", "pgettext", "npgettext")
REPORT_PASSWORD = "bao-cao-dich-" + uuid.uuid4().hex  # throwaway users, rolled back

# --- which msgids count ----------------------------------------------------------------

# Placeholders and markup that carry no words: %(name)s, %s, %d, {name}, {0}, <b>, &nbsp;.
PLACEHOLDER_RE = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]"
    r"|%[-#0 +]*\d*(?:\.\d+)?[sdifrxX%]"
    r"|\{[^{}]*\}"
    r"|<[^<>]*>"
    r"|&#?\w+;"
)
# Setting-like identifiers (Django looks some of these up through gettext).
IDENTIFIER_RE = re.compile(r"^[A-Z0-9_]+$")
# Letters with the marks Vietnamese writes (đ, ă, â, ê, ô, ơ, ư, the tones, and the Latin
# Extended Additional block). A msgid containing one is the project's own text, already
# written in Vietnamese; Wagtail's and Django's msgids are plain English.
VIETNAMESE_LETTER_RE = re.compile(r"[đĐăĂâÂêÊôÔơƠưƯàáãèéìíĩòóõùúũýÀÁÃÈÉÌÍĨÒÓÕÙÚŨÝ\u1ea0-\u1ef9]")


def is_interface_text(msgid):
    """True for a msgid a person reads as words.

    Ignored, as not natural language: empty strings, pure punctuation or format strings
    such as "%(a)s: %(b)s", "{0} ({1})" or "—" (fewer than two letters once placeholders
    and tags are removed), and ALL_CAPS identifiers such as "DATE_FORMAT".
    Also ignored: msgids already in Vietnamese (the project's own strings).
    """
    if not msgid or not msgid.strip():
        return False
    if IDENTIFIER_RE.match(msgid.strip()):
        return False
    if VIETNAMESE_LETTER_RE.search(msgid):
        return False
    words = PLACEHOLDER_RE.sub(" ", msgid)
    return sum(1 for char in words if char.isalpha()) >= 2


class Message(NamedTuple):
    msgid: str
    plural: str = ""
    context: str = ""
    domain: str = "django"

    def catalog_key(self):
        key = f"{self.context}{CONTEXT_SEPARATOR}{self.msgid}" if self.context else self.msgid
        return (key, 0) if self.plural else key

    def __str__(self):
        text = f"{self.context} | {self.msgid}" if self.context else self.msgid
        if self.plural:
            text += f"  [plural: {self.plural}]"
        return text


# --- recording gettext lookups -----------------------------------------------------------


class MissingTranslationRecorder:
    """Wraps Django's translation functions and notes lookups with no Vietnamese entry."""

    def __init__(self, language):
        self.language = language
        self.screen = ""
        self.missing = defaultdict(set)  # Message -> {screen name}
        self.derived_labels = defaultdict(set)  # label -> {screen name}
        self._translated_values = None

    def _catalog(self):
        return trans_real.translation(translation.get_language())._catalog

    def _is_output_of_a_translation(self, catalog, text):
        # gettext(gettext(x)) looks the Vietnamese result up again; that is not a miss.
        if self._translated_values is None:
            self._translated_values = {value for _key, value in catalog.items()}
        return text in self._translated_values

    def check(self, msgid, plural="", context=""):
        active = translation.get_language() or ""
        if active != self.language and not active.startswith(self.language + "-"):
            return
        # Lazy proxies are resolved through gettext before they get here; a non-str is
        # a proxy whose own lookup has already been recorded.
        if not isinstance(msgid, str) or not is_interface_text(msgid):
            return
        msgid = msgid.replace("\r\n", "\n").replace("\r", "\n")
        message = Message(msgid, plural if isinstance(plural, str) else "", context or "")
        catalog = self._catalog()
        if message.catalog_key() in catalog:
            return
        if self._is_output_of_a_translation(catalog, msgid):
            return
        self.missing[message].add(self.screen or "?")

    @contextmanager
    def recording(self):
        trans = translation._trans
        originals = {name: getattr(trans, name) for name in TRANSLATION_FUNCTIONS}

        def gettext(message):
            self.check(message)
            return originals["gettext"](message)

        def ngettext(singular, plural, number):
            self.check(singular, plural)
            return originals["ngettext"](singular, plural, number)

        def pgettext(context, message):
            self.check(message, context=context)
            return originals["pgettext"](context, message)

        def npgettext(context, singular, plural, number):
            self.check(singular, plural, context)
            return originals["npgettext"](context, singular, plural, number)

        wrappers = {
            "gettext": gettext,
            "ngettext": ngettext,
            "pgettext": pgettext,
            "npgettext": npgettext,
        }
        # A form field without a label gets one made from its name ("link_text" ->
        # "Link text") without gettext: English that no catalogue can translate.
        original_pretty_name = boundfield.pretty_name

        def pretty_name(name):
            label = original_pretty_name(name)
            if is_interface_text(label) and translation.get_language() == self.language:
                self.derived_labels[label].add(self.screen or "?")
            return label

        try:
            for name, wrapper in wrappers.items():
                setattr(trans, name, wrapper)
            boundfield.pretty_name = pretty_name
            yield self
        finally:
            for name, original in originals.items():
                setattr(trans, name, original)
            boundfield.pretty_name = original_pretty_name


# --- the JavaScript catalogue --------------------------------------------------------------


def _po_string(lines):
    """A .po string from its quoted pieces ('"Add "', '"page"' -> 'Add page')."""
    return "".join(ast.literal_eval(line) for line in lines)


def read_po_entries(path, domain="django"):
    """(Message, [msgstr, ...]) for each entry of a .po file; header and obsolete skipped."""
    entries = []
    entry, keyword = {}, None  # keyword -> one list of quoted pieces per occurrence

    def text(keyword):
        return _po_string(entry[keyword][0]) if keyword in entry else ""

    def flush():
        if text("msgid"):
            message = Message(text("msgid"), text("msgid_plural"), text("msgctxt"), domain)
            entries.append((message, [_po_string(pieces) for pieces in entry.get("msgstr", [])]))

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            entry[keyword][-1].append(line)
            continue
        keyword, _, rest = line.partition(" ")
        keyword = keyword.split("[")[0]  # msgstr[0] -> msgstr
        if keyword in ("msgctxt", "msgid") and "msgstr" in entry:
            flush()
            entry = {}
        entry.setdefault(keyword, []).append([rest])
    flush()
    return entries


def read_po_messages(path, domain="django"):
    return [message for message, _translations in read_po_entries(path, domain)]


def wagtail_js_messages():
    source = Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po"
    return read_po_messages(source, domain="djangojs")


def parse_js_catalog(text):
    """The catalogue object of Django's JavaScriptCatalog response."""
    match = re.search(r"const newcatalog = (\{.*?\});\n", text, re.S)
    return json.loads(match.group(1)) if match else {}


def missing_js_messages(catalog):
    missing = []
    for message in wagtail_js_messages():
        if not is_interface_text(message.msgid):
            continue
        key = message.catalog_key()
        if isinstance(key, tuple):
            key = key[0]  # the JS catalogue keeps plural forms under the singular msgid
        if key not in catalog:
            missing.append(message)
    return missing


# --- English that reached a screen without a lookup the recorder saw ----------------------


def source_messages():
    """Every msgid Django and the installed apps ship, from their English .po files."""
    paths = [Path(django.__file__).parent / "conf/locale/en/LC_MESSAGES/django.po"]
    for app_config in apps.get_app_configs():
        path = Path(app_config.path) / "locale/en/LC_MESSAGES/django.po"
        if path.exists():
            paths.append(path)
    messages = set()
    for path in paths:
        messages.update(read_po_messages(path))
    return messages


def _fragment_pattern(text):
    pieces = PLACEHOLDER_RE.split(" ".join(text.split()))
    return re.compile("(.+?)".join(re.escape(piece) for piece in pieces))


class RenderedEnglishScanner:
    """Finds screen text that is an untranslated msgid of Django or an installed app.

    Some strings are looked up once, before the walk: Wagtail builds each snippet
    chooser widget ("Choose %(object)s") when the snippet is registered, in the language
    active at start-up. The recorder never sees those lookups, but their English
    reaches the screen. Msgids with markup, or that begin with a placeholder, are not
    searched for, nor single lower-case words (they cannot be told from content and
    identifiers reliably).
    """

    def __init__(self, language):
        catalog = trans_real.translation(language)._catalog
        self.by_first_word = defaultdict(list)
        for message in source_messages():
            if "<" in message.msgid or not is_interface_text(message.msgid):
                continue
            if re.fullmatch(r"[a-z_-]+", message.msgid):
                continue  # "site", "slug": verbose names that look like identifiers
            if message.catalog_key() in catalog:
                continue
            for text in filter(None, (message.msgid, message.plural)):
                first = re.match(r"[^\s%{]+(?=\s|$)", text)
                if first:
                    self.by_first_word[first.group(0)].append((_fragment_pattern(text), message))

    def scan(self, screen):
        found = set()
        for _source, text in screen.fragments:
            text = " ".join(text.split())
            for pattern, message in self.by_first_word.get(text.split(" ", 1)[0], ()):
                if pattern.fullmatch(text):
                    found.add(message)
        return found


# --- what a screen shows ----------------------------------------------------------------


class _VisibleText(HTMLParser):
    """Collects (source, text): "text" for text nodes, "attr:<name>" for attributes a
    person reads (labels, tooltips, placeholders, button values), "json" for strings in
    JSON the admin's JavaScript renders (sidebar, StreamField, comments)."""

    TEXT_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "aria-description"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.in_script = None  # None, "code" or "json"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            is_json = tag == "script" and attrs.get("type") == "application/json"
            self.in_script = "json" if is_json else "code"
        for name, value in attrs.items():
            if not value:
                continue
            if name in self.TEXT_ATTRIBUTES:
                self.parts.append((f"attr:{name}", value))
            elif name.startswith("data-") and name.endswith("-value"):
                self.parts.extend(("json", text) for text in _json_strings(value))
            elif name == "value" and attrs.get("type") in ("submit", "button"):
                self.parts.append(("attr:value", value))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.in_script = None

    def handle_data(self, data):
        if self.in_script == "json":
            self.parts.extend(("json", text) for text in _json_strings(data))
        elif self.in_script is None and data.strip():
            self.parts.append(("text", " ".join(data.split())))


def _json_strings(text):
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return [text]
    found = []

    def walk(node):
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for item in node.values():
                walk(item)

    walk(value)
    return found


def visible_fragments(html):
    """What a person can read on a screen, as (source, text) pairs; see _VisibleText."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.parts


# --- the walk -----------------------------------------------------------------------------


@dataclass
class Screen:
    name: str
    role: str
    url: str
    status: int = 0
    html: str = field(default="", repr=False)
    error: str = ""

    @property
    def ok(self):
        return not self.error and 200 <= self.status < 300

    @cached_property
    def fragments(self):
        """visible_fragments() of the screen, parsed once."""
        return visible_fragments(self.html)


@dataclass
class Report:
    language: str
    screens: list = field(default_factory=list)
    missing: dict = field(default_factory=dict)  # Message -> sorted screen names
    missing_js: list = field(default_factory=list)  # Message
    uncovered_page_types: list = field(default_factory=list)
    # Labels Django made from field names (not translatable in a catalogue), with screens.
    derived_labels: dict = field(default_factory=dict)

    @property
    def count(self):
        return len(self.missing) + len(self.missing_js)

    @property
    def failed_screens(self):
        return [screen for screen in self.screens if not screen.ok]

    def messages(self):
        return sorted(self.missing, key=str) + sorted(self.missing_js, key=str)

    def as_po(self):
        """The missing messages as a .po fragment to translate."""
        out = []

        def quote(text):
            return json.dumps(text, ensure_ascii=False)

        for message in self.messages():
            screens = self.missing.get(message) or ["JavaScript (djangojs)"]
            out.append("#. " + ", ".join(screens)[:300])
            if message.context:
                out.append(f"msgctxt {quote(message.context)}")
            out.append(f"msgid {quote(message.msgid)}")
            if message.plural:
                out.append(f"msgid_plural {quote(message.plural)}")
                out.append('msgstr[0] ""')
            else:
                out.append('msgstr ""')
            out.append("")
        return "\n".join(out)


def _tiny_png():
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (16, 12), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _report_settings(media_root):
    hosts = list(settings.ALLOWED_HOSTS)
    return {
        "ALLOWED_HOSTS": [*hosts, "testserver"],
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        # Never touch the shared cache (Redis): the throwaway portal would poison
        # Wagtail's cached site root paths for the real one.
        "CACHES": {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "i18n-report",
            },
            "renditions": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "i18n-report-renditions",
            },
        },
        "SESSION_ENGINE": "django.contrib.sessions.backends.db",
        "MEDIA_ROOT": media_root,
        "STORAGES": {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "SECURE_SSL_REDIRECT": False,
        # The walker signs its throwaway users in with force_login: without this, every
        # screen would be the second-factor enrollment page (site_core/security/two_factor.py).
        "PORTAL_2FA_REQUIRED": False,
    }


class PortalBuilder:
    """A small portal with one page of every type, snippets, an image and a document."""

    def __init__(self):
        self.stamp = uuid.uuid4().hex[:8]
        self.pages = {}

    def add(self, parent, page):
        page = parent.add_child(instance=page)
        self.pages.setdefault(type(page), page)
        return page

    def build(self):
        from history.models import HistoryIndexPage, HistoryPeriodPage
        from home.models import HomePage
        from legal_docs.models import (
            DocumentType,
            IssuingBody,
            LegalDocumentIndexPage,
            LegalDocumentPage,
        )
        from news.models import (
            EventIndexPage,
            EventPage,
            NewsArticlePage,
            NewsCategory,
            NewsIndexPage,
        )
        from org_structure.models import OrgChartPage, OrgUnitPage, Person
        from site_core.models import StandardPage

        locale = Locale.get_default()
        body = [("paragraph", RichText("<p>Nội dung thử nghiệm.</p>"))]
        root = Page.get_first_root_node()
        home = self.add(
            root,
            HomePage(
                title="Trang chủ (báo cáo bản dịch)",
                slug=f"bao-cao-ban-dich-{self.stamp}",
                hero_heading="Cổng thông tin điện tử Đảng bộ tỉnh",
            ),
        )
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.save()
        self.home = home
        # An English tree beside it, as on the real portal: the admin shows locale
        # switchers, the translations panel and wagtail-localize's actions.
        english, _ = Locale.objects.get_or_create(language_code="en")
        self.english_home = home.copy_for_translation(english)

        self.category = NewsCategory.objects.create(
            name="Xây dựng Đảng", slug=f"xay-dung-dang-{self.stamp}", locale=locale, live=True
        )
        self.person = Person.objects.create(full_name="Nguyễn Văn Thử", live=True)
        # The data migrations load the reference tables; create one only if they are empty.
        self.document_type, _ = DocumentType.objects.get_or_create(
            abbreviation="NQ", locale=locale, defaults={"name": "Nghị quyết"}
        )
        self.issuer = IssuingBody.objects.filter(locale=locale).first()
        if self.issuer is None:
            self.issuer = IssuingBody.objects.create(
                name="Tỉnh ủy", abbreviation="TU", locale=locale
            )

        collection = Collection.get_first_root_node()
        self.image = get_image_model().objects.create(
            title="Ảnh hội nghị",
            file=ImageFile(io.BytesIO(_tiny_png()), name="hoi-nghi.png"),
            collection=collection,
        )
        self.document = get_document_model().objects.create(
            title="Toàn văn nghị quyết",
            file=ContentFile(TINY_PDF, name="nghi-quyet.pdf"),
            collection=collection,
        )

        self.news = self.add(home, NewsIndexPage(title="Tin hoạt động", slug="tin-hoat-dong"))
        self.add(
            self.news,
            NewsArticlePage(
                title="Tin đã đăng",
                slug="tin-da-dang",
                sapo="Tin thử nghiệm.",
                body=body,
                date=timezone.now(),
            ),
        )
        events = self.add(home, EventIndexPage(title="Sự kiện", slug="su-kien"))
        start = timezone.now() + datetime.timedelta(days=7)
        self.add(
            events,
            EventPage(
                title="Hội nghị Ban Chấp hành",
                slug="hoi-nghi",
                start=start,
                end=start + datetime.timedelta(hours=3),
            ),
        )
        history = self.add(home, HistoryIndexPage(title="Lịch sử", slug="lich-su"))
        self.add(
            history,
            HistoryPeriodPage(
                title="Thời kỳ 1930–1945", slug="1930-1945", start_year=1930, end_year=1945
            ),
        )
        org = self.add(home, OrgChartPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc"))
        self.add(org, OrgUnitPage(title="Ban Tổ chức", slug="ban-to-chuc", abbreviation="BTC"))
        documents = self.add(home, LegalDocumentIndexPage(title="Văn bản", slug="van-ban"))
        self.add(
            documents,
            LegalDocumentPage(
                title="Nghị quyết số 01",
                slug="nghi-quyet-01",
                number=1,
                document_type=self.document_type,
                issuer=self.issuer,
                term="2025–2030",
                date_issued=datetime.date(2026, 1, 5),
                summary="Về công tác xây dựng Đảng.",
            ),
        )
        self.add(home, StandardPage(title="Giới thiệu", slug="gioi-thieu", body=body))
        return self

    def make_users(self):
        from site_core.editorial.setup import (
            BOARD,
            COLLABORATORS,
            EDITORS,
            grant_section,
            setup_portal,
        )

        setup_portal()
        news_group = grant_section(self.news)
        users = {}
        for role, groups in (
            ("ctv", [Group.objects.get(name=COLLABORATORS), news_group]),
            ("btv", [Group.objects.get(name=EDITORS)]),
            ("bbt", [Group.objects.get(name=BOARD)]),
        ):
            user = get_user_model().objects.create_user(
                f"bao-cao-dich-{role}-{self.stamp}",
                f"{role}-{self.stamp}@example.invalid",
                REPORT_PASSWORD,
                first_name=role.upper(),
                last_name="Thử nghiệm",
            )
            user.groups.set(groups)
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "vi"
            profile.save()
            users[role] = user
        return users


ROLE_NAMES = {
    "": "khách",
    "ctv": "cộng tác viên",
    "btv": "biên tập viên",
    "bbt": "ban biên tập",
}


class Walker:
    """Renders admin screens as one role at a time, noting every screen and its HTML."""

    def __init__(self, recorder, language, users):
        self.recorder = recorder
        self.users = users
        self.client = Client(HTTP_ACCEPT_LANGUAGE=language)
        self.role = ""
        self.screens = []

    def as_role(self, role):
        self.client.logout()
        if role:
            self.client.force_login(self.users[role])
        self.role = role

    def _record(self, name, url, call):
        screen = Screen(name=f"{name} ({ROLE_NAMES[self.role]})", role=self.role, url=url)
        self.recorder.screen = screen.name
        try:
            # A savepoint per screen: a screen that fails leaves the others working.
            with transaction.atomic():
                response = call()
        except Exception as error:  # a broken screen is reported, not fatal
            screen.error = f"{type(error).__name__}: {error}"
            self.screens.append(screen)
            return None
        screen.status = response.status_code
        screen.html = self._html_of(response)
        chain = getattr(response, "redirect_chain", None)
        if chain:
            screen.url = chain[-1][0]
        self.screens.append(screen)
        return response

    @staticmethod
    def _html_of(response):
        if getattr(response, "streaming", False):
            return ""
        content = response.content.decode("utf-8", "replace")
        if response.get("Content-Type", "").startswith("application/json"):
            try:
                data = json.loads(content)
            except ValueError:
                return content
            if not isinstance(data, dict):
                return ""
            return data.get("html") or data.get("htmlFragment") or ""
        return content

    def get(self, name, url, **kwargs):
        return self._record(name, url, lambda: self.client.get(url, follow=True, **kwargs))

    def post(self, name, url, data, **kwargs):
        return self._record(name, url, lambda: self.client.post(url, data, follow=True, **kwargs))

    def get_quietly(self, url):
        """A GET that is not a screen (to read a form before posting it)."""
        self.recorder.screen = f"(đọc biểu mẫu) {url}"
        return self.client.get(url)


def _form_data(html, fields, form_id="page-edit-form"):
    data = querydict_from_html(html, form_id=form_id)
    data = {key: values[0] if len(values) == 1 else values for key, values in data.lists()}
    data.update(nested_form_data(fields))
    return data


BODY = {"body": streamfield([("paragraph", rich_text("<p>Nội dung đã sửa.</p>"))])}


def _article_fields(title):
    return {
        "title": title,
        "slug": "",
        "sapo": f"Sapo của bài {title}.",
        "date": "20/11/2026 09:30",
        "body": streamfield([("paragraph", rich_text(f"<p>Nội dung {title}.</p>"))]),
    }


def walk_path(walker, portal):
    """The collaborator → editor → board path, screen by screen."""
    from news.models import NewsArticlePage

    news = portal.news
    add_article = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news.pk])

    # Login, as anyone arriving.
    walker.as_role("")
    walker.get("Đăng nhập", reverse("wagtailadmin_login"))
    walker.post(
        "Đăng nhập sai mật khẩu",
        reverse("wagtailadmin_login"),
        {"username": "khong-co-ai", "password": "sai"},
    )
    walker.get("Quên mật khẩu", reverse("wagtailadmin_password_reset"))

    # The collaborator writes and submits.
    walker.as_role("ctv")
    walker.get("Bảng điều khiển", reverse("wagtailadmin_home"))
    walker.get("Danh sách trang (gốc)", reverse("wagtailadmin_explore_root"))
    walker.get("Danh sách trang (mục tin)", reverse("wagtailadmin_explore", args=[news.pk]))
    walker.get("Chọn loại trang", reverse("wagtailadmin_pages:add_subpage", args=[news.pk]))
    walker.get("Thêm tin (biểu mẫu)", add_article)
    html = walker.get_quietly(add_article).content.decode()
    invalid = _form_data(html, {"title": "", "sapo": "", "body": streamfield([])})
    invalid["action-submit"] = "1"
    walker.post("Thêm tin: lỗi nhập liệu", add_article, invalid)
    submit = _form_data(html, _article_fields("Tin gửi duyệt"))
    submit["action-submit"] = "1"
    walker.post("Gửi duyệt (thông báo sau khi gửi)", add_article, submit)
    sent_back = _form_data(html, _article_fields("Tin sẽ bị trả lại"))
    sent_back["action-submit"] = "1"
    walker.post("Gửi duyệt bài thứ hai", add_article, sent_back)
    draft = _form_data(html, _article_fields("Bản nháp"))
    walker.post("Lưu bản nháp (thông báo)", add_article, draft)
    draft_page = NewsArticlePage.objects.get(title="Bản nháp", path__startswith=news.path)
    edit_draft = reverse("wagtailadmin_pages:edit", args=[draft_page.pk])
    html = walker.get_quietly(edit_draft).content.decode()
    walker.post("Sửa bản nháp: lưu (thông báo)", edit_draft, _form_data(html, BODY))
    walker.post("Sửa bản nháp: lỗi nhập liệu", edit_draft, _form_data(html, {**BODY, "title": ""}))
    article = NewsArticlePage.objects.get(title="Tin gửi duyệt", path__startswith=news.path)
    second = NewsArticlePage.objects.get(title="Tin sẽ bị trả lại", path__startswith=news.path)
    edit_article = reverse("wagtailadmin_pages:edit", args=[article.pk])
    walker.get("Sửa tin đang chờ duyệt", edit_article)
    walker.get(
        "Hủy quy trình (xác nhận)",
        reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[article.pk]),
    )
    walker.get("Chọn ảnh", reverse("wagtailimages_chooser:choose"))
    walker.get("Chọn ảnh: kết quả tìm", reverse("wagtailimages_chooser:choose_results") + "?q=hội")
    walker.get("Chọn tài liệu", reverse("wagtaildocs_chooser:choose"))
    walker.get("Chọn trang (liên kết)", reverse("wagtailadmin_choose_page"))
    walker.get("Liên kết ngoài", reverse("wagtailadmin_choose_page_external_link"))
    walker.get("Chọn chuyên mục", reverse("wagtailsnippetchoosers_news_newscategory:choose"))
    walker.post(
        "Chọn ảnh: tải lên tệp không phải ảnh",
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Không phải ảnh",
            "image-chooser-upload-file": ContentFile(b"not an image", name="anh.png"),
        },
    )
    walker.get(
        "Xem trước (bảng)",
        reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk]) + "?mode=",
    )
    walker.get("Tìm kiếm trang", reverse("wagtailadmin_pages:search") + "?q=tin")
    walker.get("Tìm kiếm: không thấy", reverse("wagtailadmin_pages:search") + "?q=zzzz")
    html = walker.get("Tài khoản", reverse("wagtailadmin_account")).content.decode()
    account = querydict_from_html(html, form_index=0)
    walker.post("Tài khoản: lưu (thông báo)", reverse("wagtailadmin_account"), account)

    # The editor reviews: approve with a comment, send the second back.
    walker.as_role("btv")
    walker.get("Bảng điều khiển", reverse("wagtailadmin_home"))
    walker.get("Sửa tin chờ duyệt", edit_article)
    article.refresh_from_db()
    state = article.current_workflow_task_state
    for action, name in (("approve", "Duyệt"), ("reject", "Trả lại")):
        walker.get(
            f"Hộp thoại “{name}”",
            reverse("wagtailadmin_pages:workflow_action", args=[article.pk, action, state.pk]),
        )
    for action, name in (("approve", "Duyệt kèm ý kiến"), ("reject", "Trả lại")):
        walker.get(
            f"Hộp thoại “{name}” trong trình soạn",
            reverse(
                "wagtailadmin_pages:collect_workflow_action_data",
                args=[article.pk, action, state.pk],
            ),
        )
    walker.get(
        "Xem trước bước duyệt",
        reverse("wagtailadmin_pages:workflow_preview", args=[article.pk, state.task_id]),
    )
    walker.post(
        "Duyệt kèm ý kiến (thông báo)",
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", state.pk]),
        {"comment": "Đạt yêu cầu."},
    )
    walker.get("Bảng điều khiển sau khi duyệt", reverse("wagtailadmin_home"))
    second.refresh_from_db()
    second_state = second.current_workflow_task_state
    walker.post(
        "Trả lại kèm ý kiến (thông báo)",
        reverse("wagtailadmin_pages:workflow_action", args=[second.pk, "reject", second_state.pk]),
        {"comment": "Thiếu nguồn ảnh."},
    )
    walker.get("Bảng điều khiển sau khi trả lại", reverse("wagtailadmin_home"))
    walker.post("Khóa trang", reverse("wagtailadmin_pages:lock", args=[second.pk]), {})
    walker.get("Trang bị khóa (sửa)", reverse("wagtailadmin_pages:edit", args=[second.pk]))
    for page_type, page in sorted(portal.pages.items(), key=lambda item: item[0].__name__):
        walker.get(
            f"Sửa trang: {page_type._meta.verbose_name}",
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )
    # The add form of every page type that may still be created somewhere in the portal.
    add_forms = {}
    for parent in portal.pages.values():
        for child_type in parent.specific_class.allowed_subpage_models():
            if child_type._meta.app_label in PORTAL_APPS and child_type.can_create_at(parent):
                add_forms.setdefault(child_type, parent)
    for child_type, parent in sorted(add_forms.items(), key=lambda item: item[0].__name__):
        meta = child_type._meta
        walker.get(
            f"Thêm trang: {meta.verbose_name}",
            reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]),
        )
    walker.get(
        "Sửa trang chủ bản tiếng Anh",
        reverse("wagtailadmin_pages:edit", args=[portal.english_home.pk]),
    )
    walker.get("Lịch sử trang", reverse("wagtailadmin_pages:history", args=[article.pk]))
    walker.get(
        "Lịch sử quy trình", reverse("wagtailadmin_pages:workflow_history", args=[article.pk])
    )
    walker.get(
        "Chi tiết quy trình",
        reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=[article.pk, article.current_workflow_state.pk],
        ),
    )
    revisions = list(article.revisions.order_by("created_at").values_list("pk", flat=True))
    walker.get(
        "Xem phiên bản",
        reverse("wagtailadmin_pages:revisions_view", args=[article.pk, revisions[0]]),
    )
    walker.get(
        "So sánh phiên bản",
        reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, "earliest", "latest"]),
    )
    walker.get("Ảnh", reverse("wagtailimages:index"))
    walker.get("Tải ảnh lên", reverse("wagtailimages:add"))
    walker.get("Tải nhiều ảnh", reverse("wagtailimages:add_multiple"))
    walker.get("Sửa ảnh", reverse("wagtailimages:edit", args=[portal.image.pk]))
    walker.get("Tài liệu", reverse("wagtaildocs:index"))
    walker.get("Tải tài liệu lên", reverse("wagtaildocs:add"))
    walker.get("Tải nhiều tài liệu", reverse("wagtaildocs:add_multiple"))
    walker.get("Sửa tài liệu", reverse("wagtaildocs:edit", args=[portal.document.pk]))
    walker.post(
        "Tải ảnh lên (thông báo)",
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh tải lên",
            "file": ContentFile(_tiny_png(), name="tai-len.png"),
            "description": "Quang cảnh hội nghị",
            "collection": Collection.get_first_root_node().pk,
        },
    )
    # The description (alt text) is required: site_core/files/image_forms.py.
    walker.post(
        "Tải ảnh lên thiếu mô tả (lỗi)",
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh tải lên",
            "file": ContentFile(_tiny_png(), name="tai-len.png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    walker.post(
        "Sửa ảnh thiếu mô tả (lỗi)",
        reverse("wagtailimages:edit", args=[portal.image.pk]),
        {"title": portal.image.title, "collection": portal.image.collection_id},
    )
    walker.post(
        "Tải tài liệu lên (thông báo)",
        reverse("wagtaildocs:add"),
        {
            "title": "Tài liệu tải lên",
            "file": ContentFile(TINY_PDF, name="tai-len.pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    walker.get("Chọn ảnh: tải lên", reverse("wagtailimages_chooser:create"))
    walker.get("Chọn tài liệu: tải lên", reverse("wagtaildocs_chooser:create"))
    walker.get("Danh mục (snippets)", reverse("wagtailsnippets:index"))
    # Editors change people and categories (through the workflow); the reference tables
    # are the board's (docs/content-review.md), so the board walks those.
    for role, obj in (
        ("btv", portal.person),
        ("btv", portal.category),
        ("bbt", portal.document_type),
        ("bbt", portal.issuer),
    ):
        if walker.role != role:
            walker.as_role(role)
        viewset = type(obj).snippet_viewset
        label = type(obj)._meta.verbose_name_plural
        walker.get(f"Danh sách: {label}", reverse(viewset.get_url_name("list")))
        walker.get(f"Thêm: {label}", reverse(viewset.get_url_name("add")))
        edit = reverse(viewset.get_url_name("edit"), args=[obj.pk])
        response = walker.get(f"Sửa: {label}", edit)
        if response is not None and response.status_code == 200:
            data = _form_data(response.content.decode(), {}, form_id="w-editor-form")
            walker.post(f"Sửa: {label}: lưu (thông báo)", edit, data)
        walker.get(f"Lịch sử: {label}", reverse(viewset.get_url_name("history"), args=[obj.pk]))
    walker.as_role("btv")
    walker.get("Báo cáo: quy trình", reverse("wagtailadmin_reports:workflow"))
    walker.get("Báo cáo: các bước duyệt", reverse("wagtailadmin_reports:workflow_tasks"))
    walker.get("Báo cáo: trang lâu chưa sửa", reverse("wagtailadmin_reports:aging_pages"))
    walker.get("Báo cáo: nhật ký", reverse("wagtailadmin_reports:site_history"))
    walker.get("Tài khoản", reverse("wagtailadmin_account"))

    # The collaborator sees the page sent back.
    walker.as_role("ctv")
    edit_second = reverse("wagtailadmin_pages:edit", args=[second.pk])
    html = walker.get("Tin bị trả lại (sửa)", edit_second).content.decode()
    walker.get("Bảng điều khiển (bài bị trả lại)", reverse("wagtailadmin_home"))
    resubmit = _form_data(html, BODY)
    resubmit["action-submit"] = "1"
    walker.post("Gửi duyệt lại khi trang bị khóa", edit_second, resubmit)

    # The board approves, which publishes, then withdraws with a reason.
    walker.as_role("bbt")
    walker.get("Bảng điều khiển", reverse("wagtailadmin_home"))
    walker.get("Báo cáo: trang bị khóa", reverse("wagtailadmin_reports:locked_pages"))
    walker.post("Mở khóa trang", reverse("wagtailadmin_pages:unlock", args=[second.pk]), {})
    html = walker.get("Sửa tin chờ phê duyệt", edit_article).content.decode()
    approve = _form_data(html, BODY)
    approve["action-workflow-action"] = "1"
    approve["workflow-action-name"] = "approve"
    walker.post("Phê duyệt và đăng từ trình soạn (thông báo)", edit_article, approve)
    walker.get("Danh sách trang sau khi đăng", reverse("wagtailadmin_explore", args=[news.pk]))
    walker.get("Sửa tin đã đăng", edit_article)
    walker.get("Lịch sử tin đã đăng", reverse("wagtailadmin_pages:history", args=[article.pk]))
    unpublish = reverse("wagtailadmin_pages:unpublish", args=[article.pk])
    walker.get("Gỡ bài (xác nhận)", unpublish)
    walker.post("Gỡ bài không lý do", unpublish, {})
    walker.post("Gỡ bài (thông báo)", unpublish, {"reason": "Thông tin cần xác minh."})
    walker.get("Lịch sử sau khi gỡ", reverse("wagtailadmin_pages:history", args=[article.pk]))
    person_viewset = type(portal.person).snippet_viewset
    edit_person = reverse(person_viewset.get_url_name("edit"), args=[portal.person.pk])
    html = walker.get("Sửa nhân sự (ban biên tập)", edit_person).content.decode()
    publish = _form_data(html, {}, form_id="w-editor-form")
    publish["action-publish"] = "1"
    walker.post("Xuất bản nhân sự (thông báo)", edit_person, publish)
    walker.get("Báo cáo: quy trình", reverse("wagtailadmin_reports:workflow"))
    walker.get("Tài khoản", reverse("wagtailadmin_account"))

    # Unlocked again by the board, the sent-back article goes back to the editors.
    walker.as_role("ctv")
    html = walker.get_quietly(edit_second).content.decode()
    resubmit = _form_data(html, BODY)
    resubmit["action-submit"] = "1"
    walker.post("Gửi duyệt lại (thông báo)", edit_second, resubmit)

    # What the admin's JavaScript reads.
    return walker.client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()


PORTAL_APPS = {"home", "history", "org_structure", "news", "legal_docs", "site_core"}


def portal_page_models():
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if model._meta.app_label in PORTAL_APPS]


def run_report(language="vi"):
    """Walk the editorial path in `language`; returns a Report. Changes nothing lasting."""
    report = Report(language=language)
    recorder = MissingTranslationRecorder(language)
    with (
        tempfile.TemporaryDirectory(prefix="i18n-report-") as media_root,
        override_settings(**_report_settings(media_root)),
        translation.override(language),
        transaction.atomic(),
    ):
        for cache in caches.all():
            cache.clear()  # the report's own local-memory caches, from an earlier run
        portal = PortalBuilder().build()
        walker = Walker(recorder, language, portal.make_users())
        with recorder.recording():
            js_catalog = walk_path(walker, portal)
        # Nothing the walk created may remain.
        transaction.set_rollback(True)
    report.screens = walker.screens
    scanner = RenderedEnglishScanner(language)
    for screen in walker.screens:
        for message in scanner.scan(screen):
            recorder.missing[message].add(screen.name)
    report.missing = {message: sorted(screens) for message, screens in recorder.missing.items()}
    # A derived label counts where it is shown, not where a hidden or custom-rendered
    # field merely has one.
    shown = {screen.name: {text for _s, text in screen.fragments} for screen in walker.screens}
    report.derived_labels = {}
    for label, screens in recorder.derived_labels.items():
        where = sorted(name for name in screens if label in shown.get(name, ()))
        if where:
            report.derived_labels[label] = where
    report.missing_js = missing_js_messages(parse_js_catalog(js_catalog))
    covered = set(portal.pages)
    report.uncovered_page_types = [
        model.__name__ for model in portal_page_models() if model not in covered
    ]
    return report
