"""The page chooser's rows with what their cells ask read for all of them at once.

Wagtail's chooser (wagtailadmin/chooser/tables/*) shows each row's locale and status; on
its specific pages that costs a query per row for the locale, one for a scheduled revision,
one for a workflow in progress and one for the parent (the title's `data-parent-id`): with a row per Site home at the first level, the count
grew with the sub-portals (issue 12). Wagtail's own listing optimisations (the locale
selected with the specific pages, `annotate_approved_schedule`, `prefetch_workflow_states`)
and the rows' parents read in one query (ParentsKnownIterable) answer them in a constant
number of queries; what the rows show is the same.
"""

from wagtail.models import Page
from wagtail.query import SpecificIterable


class ParentsKnownIterable(SpecificIterable):
    """Wagtail's specific pages, each with its parent already fetched (what treebeard's
    `get_parent` keeps in `_cached_parent_obj`): all the parents in one query."""

    def __iter__(self):
        pages = list(super().__iter__())
        paths = {page.path[: -Page.steplen] for page in pages if page.depth > 1}
        parents = {parent.path: parent for parent in Page.objects.filter(path__in=paths)}
        for page in pages:
            parent = parents.get(page.path[: -Page.steplen])
            if parent is not None:
                page._cached_parent_obj = parent
            yield page


BROWSE_VIEWS = {"wagtailadmin_choose_page", "wagtailadmin_choose_page_child"}


def chooser_rows_in_few_queries(pages, request):
    """construct_page_chooser_queryset hook, for the chooser's browse listing only (the
    search listing goes through the search backend, which takes no annotations)."""
    match = request.resolver_match
    if match is None or match.url_name not in BROWSE_VIEWS:
        return pages
    pages = (
        pages.select_related("locale", for_specific_subqueries=True)
        .annotate_approved_schedule()
        .prefetch_workflow_states()
    )
    if pages._iterable_class is SpecificIterable:  # Wagtail's listing is of specific pages
        pages._iterable_class = ParentsKnownIterable
    return pages
