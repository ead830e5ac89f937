"""The daily path in a real browser: what each role reads once the admin's JavaScript ran.

The catalogue walk (report.py) sees what the server renders. Here Chromium renders it:
relative times, the sidebar and help menu (drawn by React from JSON), dialogs, the date
picker, the footer's action menu. Every text a person reads (visible text, and the
names given by aria-label, title and placeholder) is collected per screen, and English
is found by its words: a fragment without Vietnamese letters that holds a word of
ENGLISH_WORDS.
"""

import re
from dataclasses import dataclass, field

# English words of the admin's interface that are not Vietnamese words when written
# without diacritics ("in", "to" and "day" are, so they are left out).
ENGLISH_WORDS = {
    "ago", "the", "you", "your", "don't", "permission", "back", "upload", "successful",
    "however", "use", "new", "image", "images", "today", "now", "help", "guide", "editor",
    "what's", "save", "draft", "publish", "submit", "approve", "request", "changes", "page",
    "pages", "edit", "delete", "move", "cancel", "search", "settings", "reports", "dashboard",
    "sign", "add", "choose", "select", "all", "more", "actions", "view", "live", "status",
    "history", "comments", "preview", "close", "next", "previous", "month", "year", "week",
    "days", "hours", "minutes", "minute", "hour", "of", "and", "is", "are", "this", "has",
    "been", "shortcuts", "workflow", "moderation", "saved", "saving", "go", "just",
    "successfully", "error", "errors", "with", "for", "by", "at", "on", "not", "have",
}  # fmt: skip
WORD_RE = re.compile(r"[A-Za-z][A-Za-z']*")
# Letters only Vietnamese uses: a fragment with them is Vietnamese.
VIETNAMESE_RE = re.compile(
    r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
    re.IGNORECASE,
)

# Everything a person reads on the screen, as (source, text) pairs.
READABLE_TEXT_JS = """
() => {
  const out = [];
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
  };
  for (const line of document.body.innerText.split('\\n')) {
    if (line.trim()) out.push(['text', line.trim()]);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (!visible(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && value.trim()) out.push(['attr:' + name, value.trim()]);
    }
  }
  out.push(['title', document.title]);
  return out;
}
"""


def english_words(text):
    """The English interface words in `text`, or [] when it is Vietnamese."""
    if VIETNAMESE_RE.search(text):
        return []
    return [word for word in WORD_RE.findall(text) if word.lower() in ENGLISH_WORDS]


@dataclass
class BrowserScreen:
    name: str
    url: str
    fragments: list = field(default_factory=list)

    @property
    def english(self):
        return [
            (source, text)
            for source, text in dict.fromkeys(map(tuple, self.fragments))
            if english_words(text)
        ]


@dataclass
class BrowserReport:
    screens: list = field(default_factory=list)

    @property
    def english(self):
        return [(s.name, source, text) for s in self.screens for source, text in s.english]

    @property
    def count(self):
        return len(self.english)

    def read(self, tab, name):
        """Keep what `tab` shows now as the screen `name`."""
        tab.wait_for_load_state("networkidle")
        screen = BrowserScreen(name=name, url=tab.url, fragments=tab.evaluate(READABLE_TEXT_JS))
        self.screens.append(screen)
        return screen

    def as_text(self):
        return "\n".join(f"{name} [{source}]: {text[:120]}" for name, source, text in self.english)
