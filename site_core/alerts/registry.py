"""What visitors may subscribe to: topic kinds registered by the domain apps.

The core never imports a domain app (docs/architecture.md). A domain app registers, for
the `register_portal_alert_topics` hook in its wagtail_hooks.py, a function returning
`TopicKind`s: which page type it announces, the choices a site offers in a language, and
which of them a published page belongs to. legal_docs registers document types and
issuing bodies; news registers news categories.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wagtail import hooks

ALERT_TOPICS_HOOK = "register_portal_alert_topics"


@dataclass(frozen=True)
class TopicKind:
    key: str  # stored in SubscriptionTopic.kind: never rename one in use
    label: str  # the heading of its choices in the form and the e-mails
    group: str  # the section of the form ("Văn bản", "Tin tức")
    page_type: type  # the page model it announces
    # The (id, label) choices a site's home in one language offers; [] hides the kind.
    choices: Callable[[object], list[tuple[int, str]]]
    # The ids of the chosen rows a page belongs to (its type, its issuers, its categories).
    of_page: Callable[[object], Iterable[int]]


def topic_kinds():
    """Every registered TopicKind, in the order of the hooks."""
    kinds = []
    for register in hooks.get_hooks(ALERT_TOPICS_HOOK):
        kinds.extend(register())
    return kinds


def kinds_by_key():
    return {kind.key: kind for kind in topic_kinds()}


def kinds_for_page(page):
    return [kind for kind in topic_kinds() if isinstance(page, kind.page_type)]


def announces(page_class):
    """Whether pages of this class are announced to subscribers."""
    return any(issubclass(page_class, kind.page_type) for kind in topic_kinds())


def page_topics(page):
    """{kind key: set of ids} the page belongs to."""
    found = {}
    for kind in kinds_for_page(page):
        ids = {int(pk) for pk in kind.of_page(page) if pk}
        if ids:
            found[kind.key] = ids
    return found


def offered_choices(home):
    """[(kind, [(id, label)])] a site's home offers, kinds without choices left out."""
    offered = []
    for kind in topic_kinds():
        choices = list(kind.choices(home)) if home is not None else []
        if choices:
            offered.append((kind, choices))
    return offered


def topic_labels(pairs, home, offered=None):
    """[(kind label, [choice labels])] of (kind key, id) pairs, in the form's order;
    `offered`: what offered_choices(home) answered, when the caller kept it."""
    wanted = {}
    for key, pk in pairs:
        wanted.setdefault(key, set()).add(int(pk))
    labels = []
    for kind, choices in offered_choices(home) if offered is None else offered:
        chosen = [label for pk, label in choices if pk in wanted.get(kind.key, ())]
        if chosen:
            labels.append((kind.label, chosen))
    return labels
