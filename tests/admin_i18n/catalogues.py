"""The gettext catalogues the walk checks the admin against, read and written with polib.

- `source_messages()`: every msgid Django and the installed apps ship.
- `translated_keys(language)`: every key of the catalogues Django merges for `language`
  (Django's own, the installed apps', LOCALE_PATHS), from the compiled .mo files it loads.
- `write_marker_catalogue()`: a catalogue that gives each *untranslated* msgid a
  translation made of a marker and the English text. Put first in LOCALE_PATHS (with
  `override_settings`), it changes no real translation, and every English string that a
  lookup puts on a screen, in an attribute, in JSON or in an e-mail carries its marker.
"""

import re
from pathlib import Path
from typing import NamedTuple

import polib

import django
from django.apps import apps
from django.conf import settings
from django.utils.translation import to_locale

import wagtail

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

# ASCII letters, digits, underscores and brackets only: HTML escaping, JSON encoding,
# escapejs (which writes "-" as "\u002D") and e-mail headers leave them as they are.
MARKER = "[i18n_missing_{}]"
MARKER_RE = re.compile(r"\[i18n_missing_(\d+)\]", re.IGNORECASE)


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

    @classmethod
    def from_entry(cls, entry, domain="django"):
        return cls(entry.msgid, entry.msgid_plural or "", entry.msgctxt or "", domain)

    @property
    def key(self):
        """What tells two catalogue entries apart: the context and the msgid."""
        return (self.context, self.msgid)

    def __str__(self):
        text = f"{self.context} | {self.msgid}" if self.context else self.msgid
        if self.plural:
            text += f"  [plural: {self.plural}]"
        return text


def entry_translations(entry):
    """The msgstr of a polib entry, or its plural forms in order."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def read_entries(path):
    """The live entries of a .po or .mo file (header and obsolete entries left out)."""
    path = Path(path)
    catalogue = polib.mofile(str(path)) if path.suffix == ".mo" else polib.pofile(str(path))
    return [entry for entry in catalogue if entry.msgid and not entry.obsolete]


def installed_locale_dirs():
    """Django's own locale folder and each installed app's, as DjangoTranslation reads them."""
    yield Path(django.__file__).parent / "conf" / "locale"
    for app_config in apps.get_app_configs():
        yield Path(app_config.path) / "locale"


def _source_catalogue(locale_dir, domain):
    """The catalogue a folder's msgids are read from: English if shipped, else any one
    (msgids are the same in every language; some apps ship no English .po)."""
    english = locale_dir / "en" / "LC_MESSAGES"
    candidates = [english / f"{domain}.po"]
    candidates += sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po"))
    candidates.append(english / f"{domain}.mo")
    return next((path for path in candidates if path.exists()), None)


def source_messages(domain="django"):
    """Every msgid Django and the installed apps ship in `domain`."""
    messages = set()
    for locale_dir in installed_locale_dirs():
        path = _source_catalogue(locale_dir, domain)
        if path is not None:
            messages.update(Message.from_entry(entry, domain) for entry in read_entries(path))
    return messages


def translated_keys(language, domain="django"):
    """The keys Django can translate into `language`: every entry of the compiled
    catalogues it merges (msgfmt leaves empty and fuzzy entries out of a .mo)."""
    folders = [*installed_locale_dirs(), *map(Path, settings.LOCALE_PATHS)]
    keys = set()
    for locale_dir in folders:
        path = locale_dir / to_locale(language) / "LC_MESSAGES" / f"{domain}.mo"
        if path.exists():
            keys.update(Message.from_entry(entry).key for entry in read_entries(path))
    return keys


def untranslated_messages(language):
    """The interface msgids Django and the installed apps ship that `language` lacks."""
    translated = translated_keys(language)
    # One message per key: several apps ship some msgids ("%(num)d minute").
    untranslated = {
        message.key: message
        for message in sorted(source_messages())
        if is_interface_text(message.msgid) and message.key not in translated
    }
    return sorted(untranslated.values())


def write_marker_catalogue(locale_dir, language, messages):
    """Write `locale_dir`/<language>/LC_MESSAGES/django.mo translating each of `messages`
    into MARKER(index) + its English text, so that `messages[index]` can be named
    wherever it is shown."""
    catalogue = polib.POFile()
    # The English plural rule with both forms: Django keeps a catalogue whose rule
    # differs from the language's apart and applies each catalogue's own rule.
    catalogue.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for index, message in enumerate(messages):
        marker = MARKER.format(index)
        entry = polib.POEntry(msgid=message.msgid, msgctxt=message.context or None)
        if message.plural:
            entry.msgid_plural = message.plural
            entry.msgstr_plural = {0: marker + message.msgid, 1: marker + message.plural}
        else:
            entry.msgstr = marker + message.msgid
        catalogue.append(entry)
    folder = Path(locale_dir) / to_locale(language) / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    catalogue.save_as_mofile(str(folder / "django.mo"))


def wagtail_js_messages():
    """Every msgid of Wagtail's admin client (the djangojs domain)."""
    source = Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po"
    return [Message.from_entry(entry, "djangojs") for entry in read_entries(source)]


def missing_as_po(missing):
    """The missing messages ({Message: [screen, ...]}) as a .po file to translate."""
    catalogue = polib.POFile(wrapwidth=0)
    for message, screens in sorted(missing.items(), key=lambda item: str(item[0])):
        entry = polib.POEntry(
            msgid=message.msgid,
            msgctxt=message.context or None,
            comment=", ".join(screens)[:300],
        )
        if message.plural:
            entry.msgid_plural = message.plural
            entry.msgstr_plural = {0: ""}
        catalogue.append(entry)
    return str(catalogue)
