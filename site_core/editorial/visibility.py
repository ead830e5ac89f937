"""What a user who is not a superuser sees of the page tree in the admin's choosers,
page forms and reports (issue 8, hole 5).

Visible are the pages the user may explore, as Wagtail's explorer and page search define
it (the sections where the user holds page permissions, with their ancestors), and live
pages open to the public on the sites where the user holds page permissions (a
sub-portal's editors choose among their own portal's pages, not the province's or another
sub-portal's; a user with no page permission sees every site's public pages). Drafts and
restricted pages elsewhere, secret documents above all, keep even their titles out of
sight.

Where each listing is held:
- page chooser, browse and search (also the type-filtered ones, e.g. for related
  documents, and the rich-text link chooser): the `construct_page_chooser_queryset` hook;
- admin page search, explorer, "pages of this type" listing: Wagtail itself, by
  `explorable_instances` (WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS stays True);
- page form fields that list pages (related documents and news, the issuing unit, the
  target of a document relation): `limit_page_choices`, called by PortalPageForm;
- reports: locked pages (pages the user may edit), aging pages (pages the user may
  publish), site history (explorable pages) and the two workflow reports (pages the user
  may edit) are filtered by Wagtail. The page types usage report names each type's
  last edited page from the whole tree with no hook to filter it: the project's copy of
  its results template passes the rows through `visible_last_edited`, which replaces a
  page the user may not see by the last edited one they may.
"""

from django import forms
from django.db.models import F, Q
from django.http import Http404

from wagtail.models import GroupPagePermission, Page
from wagtail.permissions import page_permission_policy


def visible_pages(user, queryset=None):
    """`queryset` (default: all pages) narrowed to what `user` may see in the admin."""
    if queryset is None:
        queryset = Page.objects.all()
    if user.is_superuser:
        return queryset
    explorable = page_permission_policy.explorable_instances(user).values("pk")
    public = Page.objects.live().public().filter(own_sites(user)).values("pk")
    return queryset.filter(Q(pk__in=explorable) | Q(pk__in=public))


def own_sites(user):
    """Condition: the page lies in a site tree (a depth-2 home, any language) where `user`
    holds a page permission; no condition for a user with none, or with one on the root."""
    home_length = 2 * Page.steplen
    paths = {
        path[:home_length]
        for path in GroupPagePermission.objects.filter(group__user=user).values_list(
            "page__path", flat=True
        )
    }
    if not paths or any(len(path) < home_length for path in paths):
        return Q()
    condition = Q()
    for path in sorted(paths):
        condition |= Q(path__startswith=path)
    return condition


def may_see_page(user, page):
    return user.is_superuser or visible_pages(user).filter(pk=page.pk).exists()


def chooser_shows_visible_pages(pages, request):
    user = request.user
    if user.is_superuser:
        return pages
    # Browsing "into" a page shows that page's title as the heading: refuse a page the
    # user may not see, as the explorer does.
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id is not None and not visible_pages(user).filter(pk=parent_id).exists():
        raise Http404
    return visible_pages(user, pages)


def _limit_fields(form, user):
    for name, field in form.fields.items():
        if not isinstance(field, forms.ModelChoiceField):  # ModelMultipleChoiceField too
            continue
        model = getattr(field.queryset, "model", None)
        if model is None or not issubclass(model, Page):
            continue
        current = form.initial.get(name)
        if isinstance(field, forms.ModelMultipleChoiceField):
            current = [getattr(item, "pk", item) for item in current or ()]
        else:
            current = [getattr(current, "pk", current)] if current else []
        # What the page already refers to stays, so saving the form keeps it.
        field.queryset = field.queryset.filter(
            Q(pk__in=visible_pages(user).values("pk")) | Q(pk__in=current)
        )


def limit_page_choices(form):
    """Page fields of a page form (and of its inline panels) offer only visible pages.

    A forged choice of any other page is refused by the field's own validation.
    """
    user = getattr(form, "for_user", None)
    if user is None or user.is_superuser:
        return
    _limit_fields(form, user)
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            _limit_fields(child, user)


def visible_last_edited(page_types, user):
    """Rows of the page types usage report, each naming only a page `user` may see."""
    if user.is_superuser:
        return page_types
    for row in page_types:
        page = getattr(row, "last_edited_page", None)
        if page is None or may_see_page(user, page):
            continue
        row.last_edited_page = (
            visible_pages(user, Page.objects.filter(content_type_id=row.pk))
            .order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
            .specific()
            .first()
        )
    return page_types
