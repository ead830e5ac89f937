"""What an admin screen shows: its readable text, and the labels Django made from field names."""

import json
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser

from django.forms.utils import pretty_name

from .catalogues import is_interface_text


@dataclass
class Screen:
    name: str
    role: str
    url: str
    status: int = 0
    html: str = field(default="", repr=False)
    # The whole response and the e-mails it sent: where marked strings are looked for.
    raw: str = field(default="", repr=False)
    error: str = ""

    @property
    def ok(self):
        return not self.error and 200 <= self.status < 300

    @cached_property
    def fragments(self):
        """What a person can read, as (source, text) pairs; see VisibleText."""
        return self._parsed.parts

    @cached_property
    def derived_labels(self):
        """(field name, label) of labels spelt as Django spells a field name ("link_text"
        -> "Link text"); report.derived_labels() leaves out those of model fields."""
        return self._parsed.derived_labels

    @cached_property
    def _parsed(self):
        parser = VisibleText()
        parser.feed(self.html)
        parser.close()
        return parser


def json_strings(text):
    """Every string inside a JSON document, in order; the text itself if it is not JSON."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return [text]
    return list(_strings_in(value))


def _strings_in(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, list | dict):
        for item in node.values() if isinstance(node, dict) else node:
            yield from _strings_in(item)


class VisibleText(HTMLParser):
    """Collects (source, text): "text" for text nodes, "attr:<name>" for attributes a
    person reads (labels, tooltips, placeholders, button values), "json" for strings in
    JSON the admin's JavaScript renders (sidebar, StreamField, comments).

    A form field without a label gets one made from its name, without gettext: English
    that no catalogue can translate. A <label for="id_…"> whose text is what Django's
    pretty_name() makes of the field name is noted in `derived_labels`.
    """

    TEXT_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "aria-description"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.derived_labels = set()
        self.in_script = None  # None, "code" or "json"
        self.label = None  # (field name, [text, ...]) inside a <label for=…>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            is_json = tag == "script" and attrs.get("type") == "application/json"
            self.in_script = "json" if is_json else "code"
        if tag == "label" and (attrs.get("for") or "").startswith("id_"):
            # Formsets and prefixed forms write id_<prefix>-<name>.
            self.label = (attrs["for"].removeprefix("id_").rsplit("-", 1)[-1], [])
        for name, value in attrs.items():
            if value:
                self.parts.extend(self._attribute_text(name, value, attrs))

    def _attribute_text(self, name, value, attrs):
        if name in self.TEXT_ATTRIBUTES:
            return [(f"attr:{name}", value)]
        if name.startswith("data-") and name.endswith("-value"):
            return [("json", text) for text in json_strings(value)]
        if name == "value" and attrs.get("type") in ("submit", "button"):
            return [("attr:value", value)]
        return []

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.in_script = None
        if tag == "label" and self.label:
            field_name, texts = self.label
            text = " ".join(" ".join(texts).split()).rstrip("*").strip()
            if is_interface_text(text) and text == pretty_name(field_name):
                self.derived_labels.add((field_name, text))
            self.label = None

    def handle_data(self, data):
        if self.in_script == "json":
            self.parts.extend(("json", text) for text in json_strings(data))
        elif self.in_script is None and data.strip():
            self.parts.append(("text", " ".join(data.split())))
            if self.label:
                self.label[1].append(data)
