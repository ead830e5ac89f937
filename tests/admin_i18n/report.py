"""Walk the editorial path in Vietnamese and report the English it met.

Three ways English reaches a screen, and how each is found:

- A lookup during the walk (`{% translate %}`, gettext, the lazy variants, Wagtail's
  `wagtailConfig` strings and the telepath definitions of blocks and panels) of a msgid
  that Django or an installed app ships and the Vietnamese catalogues lack. The walk
  runs with a marker catalogue first in LOCALE_PATHS (catalogues.write_marker_catalogue),
  so each such string carries a marker naming it, wherever it lands: text, attributes,
  JSON, or the e-mails a screen sends.
- A lookup made before the walk: Wagtail evaluates some strings once, at start-up (the
  snippet chooser widgets' "Choose %(object)s"), so they carry no marker.
  StartupEnglishScanner finds their English in the screens' text instead.
- The browser: Wagtail's client calls `gettext()` on the djangojs catalogue served at
  /admin/jsi18n/. The walk fetches it as the browser does and checks it against every
  msgid of Wagtail's client.

Labels Django derives from a field name ("Link text") pass through no catalogue; they are
listed apart (Report.derived_labels).
"""

import json
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from django.utils.text import capfirst

from .catalogues import (
    MARKER_RE,
    PLACEHOLDER_RE,
    is_interface_text,
    missing_as_po,
    untranslated_messages,
    wagtail_js_messages,
    write_marker_catalogue,
)
from .path import EditorialPath
from .portal import PORTAL_APPS, portal_page_models
from .walker import Walker


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

    def as_po(self):
        """What is missing, as a .po fragment to translate (comments name the screens)."""
        js = {message: ["JavaScript (djangojs)"] for message in self.missing_js}
        return missing_as_po({**self.missing, **js})


def walk_admin(portal, language="vi"):
    """Walk the editorial path of `portal` in `language`; returns a Report."""
    untranslated = untranslated_messages(language)
    with tempfile.TemporaryDirectory(prefix="i18n-markers-") as markers:
        write_marker_catalogue(markers, language, untranslated)
        with (
            override_settings(LOCALE_PATHS=[markers, *settings.LOCALE_PATHS]),
            translation.override(language),
        ):
            walker = Walker(language, portal.users)
            js_catalog = EditorialPath(walker, portal).walk()
    model_labels = model_field_labels()
    report = Report(language=language, screens=walker.screens)
    report.missing = missing_on_screens(walker.screens, untranslated)
    report.derived_labels = derived_labels(walker.screens, model_labels)
    report.missing_js = missing_js_messages(parse_js_catalog(js_catalog))
    report.uncovered_page_types = [
        model.__name__ for model in portal_page_models() if model not in portal.pages
    ]
    return report


def missing_on_screens(screens, untranslated):
    """{Message: sorted screen names} for the untranslated msgids the screens show."""
    scanner = StartupEnglishScanner(untranslated)
    missing = defaultdict(set)
    for screen in screens:
        marked = {untranslated[int(index)] for index in MARKER_RE.findall(screen.raw)}
        for message in marked | scanner.scan(screen):
            missing[message].add(screen.name)
    return {message: sorted(names) for message, names in missing.items()}


def model_field_labels():
    """(field name, label) of the portal's model fields named by a plain string.

    The portal's verbose names are Vietnamese written by hand, some spelt like the field
    ("sapo", "fax"): a label made from one is not English made from a field name. Lazy
    verbose names come from libraries (TranslatableMixin's "locale"): the catalogues
    judge those.
    """
    return {
        (model_field.name, capfirst(model_field.verbose_name))
        for app_label in PORTAL_APPS
        for model in apps.get_app_config(app_label).get_models()
        for model_field in model._meta.get_fields(include_parents=False)
        if isinstance(getattr(model_field, "verbose_name", None), str)
    }


def derived_labels(screens, model_labels):
    """{label: sorted screen names} of the labels Django made from a form field's name."""
    found = defaultdict(set)
    for screen in screens:
        for _field_name, label in screen.derived_labels - model_labels:
            found[label].add(screen.name)
    return {label: sorted(names) for label, names in found.items()}


def _fragment_pattern(text):
    pieces = PLACEHOLDER_RE.split(" ".join(text.split()))
    return re.compile("(.+?)".join(re.escape(piece) for piece in pieces))


class StartupEnglishScanner:
    """Finds screen text that is an untranslated msgid, looked up before the walk.

    Wagtail builds each snippet chooser widget ("Choose %(object)s") when the snippet is
    registered, in the language active at start-up, so no marker reaches the screen.
    Msgids with markup, or that begin with a placeholder, are not searched for, nor
    single lower-case words (they cannot be told from content and identifiers reliably).
    """

    def __init__(self, untranslated):
        self.by_first_word = defaultdict(list)
        for message in untranslated:
            if "<" in message.msgid or re.fullmatch(r"[a-z_-]+", message.msgid):
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


def parse_js_catalog(text):
    """The catalogue object of Django's JavaScriptCatalog response."""
    match = re.search(r"const newcatalog = (\{.*?\});\n", text, re.S)
    return json.loads(match.group(1)) if match else {}


def missing_js_messages(catalog):
    """Msgids of Wagtail's client that the served catalogue lacks (plural forms are kept
    under the singular msgid, with the context in front as in Django's keys)."""
    missing = []
    for message in wagtail_js_messages():
        if not is_interface_text(message.msgid):
            continue
        key = f"{message.context}\x04{message.msgid}" if message.context else message.msgid
        if key not in catalog:
            missing.append(message)
    return missing
