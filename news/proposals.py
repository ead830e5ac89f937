"""“Đề xuất đăng lên Cổng tỉnh”: a sub-portal's live article sent up to the province.

`propose(source, user)` makes (or renews) the province's linked draft under its news
index: the original's title, sapo, body, date, images (by reference) and categories, its
byline kept, the sub-portal named as its source, its address kept as the draft's
canonical link. The draft then goes through the province's own workflow like any article:
`Workflow.start(draft, proposer)`, so the province's editors approve step 1, its board
step 2, and the four-eyes rule sees the proposer as the submitter. Proposing again after a
return re-reads the original into the same draft as a new revision and restarts the run.

Who may propose is the page permission tester's `can_propose_to_province`
(site_core/editorial/permission_tester.py); where a proposal stands is read by
`ProvinceProposal` from Wagtail's records (news/models.py).
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Site

from site_core.models import PortalSettings

from .models import NewsArticlePage, NewsIndexPage, ProvinceProposal

PROPOSE_ACTION = "portal.propose"
NO_PROVINCE_NEWS = (
    "Cổng tỉnh chưa có mục “Tin hoạt động” bằng ngôn ngữ của bài này để nhận bài đề xuất."
)
NO_PROVINCE_WORKFLOW = "Mục tin của Cổng tỉnh chưa có quy trình duyệt; chưa thể nhận bài đề xuất."

# What the province's copy takes from the original; images and categories by reference.
COPIED_FIELDS = (
    "title",
    "sapo",
    "body",
    "date",
    "featured_image",
    "featured_image_caption",
    "listing_image",
    "listing_summary",
    "search_description",
    "byline",
)


def province_news_index(locale_id):
    """The province's news index in the original's language (an English article goes to
    the province's English news), or None."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    main = NewsIndexPage.objects.child_of(site.root_page).order_by("path").first()
    if main is None:
        return None
    return NewsIndexPage.objects.filter(
        translation_key=main.translation_key, locale_id=locale_id
    ).first()


def source_name(site):
    """The sub-portal as the province's copy names it: its organisation's name."""
    settings = PortalSettings.objects.filter(site=site).first()
    return (settings and settings.organisation_name) or site.site_name or site.hostname


def source_unit_id(site):
    """The unit of the provincial org chart the sub-portal belongs to, or None."""
    row = Site.objects.filter(pk=site.pk).values("subportal__unit_id").first()
    return row["subportal__unit_id"] if row else None


def fill_from_original(draft, source, site):
    for name in COPIED_FIELDS:
        setattr(draft, name, getattr(source, name))
    draft.source_name = source_name(site)
    draft.source_unit_id = source_unit_id(site)
    draft.original_url = source.full_url
    draft.is_featured = False
    draft.categories = list(source.categories.all())


def new_draft(parent, source, site, user):
    draft = NewsArticlePage(live=False, slug="")
    fill_from_original(draft, source, site)
    parent.add_child(instance=draft)
    log(instance=draft, action="wagtail.create", user=user, content_changed=True)
    return draft


@transaction.atomic
def propose(source, user):
    """Send the live article `source` (a sub-portal's) to the province; returns the
    ProvinceProposal. The caller has asked `can_propose_to_province()`.

    Raises ValidationError (a Vietnamese message) when the province cannot receive it.
    """
    source = NewsArticlePage.objects.get(pk=source.pk)  # the live content, from its row
    site = source.get_site()
    parent = province_news_index(source.locale_id)
    if parent is None:
        raise ValidationError(NO_PROVINCE_NEWS)
    workflow = parent.get_workflow()
    if workflow is None:
        raise ValidationError(NO_PROVINCE_WORKFLOW)

    proposal = ProvinceProposal.objects.select_for_update().filter(source=source).first()
    draft = proposal.draft if proposal is not None else None
    if draft is None:
        draft = new_draft(parent, source, site, user)
    else:
        draft = draft.get_latest_revision_as_object()
        fill_from_original(draft, source, site)
        state = draft.current_workflow_state
        if state is not None:  # sent back by the province: this is its answer
            state.cancel(user=user)
    draft.save_revision(user=user, changed=True)

    if proposal is None:
        proposal = ProvinceProposal(source=source)
    proposal.source_site = site
    proposal.title = source.title
    proposal.original_url = source.full_url
    proposal.draft = draft
    proposal.proposed_by = user
    proposal.proposed_at = timezone.now()
    proposal.save()

    workflow.start(draft, user)
    data = {
        "source": {"id": source.pk, "title": source.title, "url": proposal.original_url},
        "draft": {"id": draft.pk, "title": draft.title},
        "site": source_name(site),
    }
    # Page history keeps one entry per (request's uuid, action) across all pages: the
    # original's entry gets its own uuid, or the draft's would hide it.
    log(instance=source, action=PROPOSE_ACTION, user=user, data=data, uuid=uuid.uuid4())
    log(instance=draft, action=PROPOSE_ACTION, user=user, data=data)
    return proposal
