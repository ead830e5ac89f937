"""The standard sections under every portal site's HomePage, and publishing a new page.

The province's demo (site_core/demo/steps.py) and every sub-portal (home/subportals.py)
build their tree with these functions, so a section added here reaches both. Each function
finds what exists (a section by its type, a standard page by its slug under the home) and
only adds what is missing: a second run changes nothing.
"""

from wagtail.log_actions import log

from history.models import HistoryIndexPage
from legal_docs.models import LegalDocumentIndexPage
from news.models import EventIndexPage, NewsIndexPage
from org_structure.models import OrgChartPage
from site_core.models import StandardPage, vietnamese_slugify

# A section spec's "kind" -> its page model.
SECTION_MODELS = {
    "history": HistoryIndexPage,
    "org": OrgChartPage,
    "news": NewsIndexPage,
    "events": EventIndexPage,
    "documents": LegalDocumentIndexPage,
    "standard": StandardPage,
}


def publish_new_page(parent, page, user=None):
    """Add `page` under `parent` as a draft, then publish it through a revision, so the
    admin shows a history like for any edited page."""
    page.live = False
    parent.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user, content_changed=True)
    revision = page.save_revision(user=user)
    revision.publish(user=user, skip_permission_checks=True)
    # Keep the in-memory object in step with what publish() wrote.
    page.live = True
    page.has_unpublished_changes = False
    page.live_revision = revision
    return page


def find_section(home, spec):
    """The existing section of `home` that `spec` describes, or None."""
    model = SECTION_MODELS[spec["kind"]]
    if model is StandardPage:
        slug = spec.get("slug") or vietnamese_slugify(spec["title"])
        return StandardPage.objects.child_of(home).filter(slug=slug).first()
    return model.objects.child_of(home).first()


def section_page(spec, body_stream):
    """An unsaved section page from `spec` (title, listing_summary, intro or body items).

    `body_stream` turns a standard page's body items into a StreamField value."""
    model = SECTION_MODELS[spec["kind"]]
    fields = {
        "title": spec["title"],
        "slug": spec.get("slug") or vietnamese_slugify(spec["title"]),
        "show_in_menus": True,
        "listing_summary": spec["listing_summary"],
        "search_description": spec["listing_summary"],
    }
    if model is StandardPage:
        fields["body"] = body_stream(spec["body"])
    else:
        fields["intro"] = spec["intro"]
    return model(**fields)


def ensure_sections(home, specs, body_stream, user=None, created=None):
    """{key: page} of the sections of `home` in `specs` order, adding the missing ones.

    `created`, when given, is a list that receives the pages added."""
    sections = {}
    for spec in specs:
        page = find_section(home, spec)
        if page is None:
            page = publish_new_page(home, section_page(spec, body_stream), user)
            if created is not None:
                created.append(page)
        sections[spec["key"]] = page
    return sections
