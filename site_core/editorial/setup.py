"""Groups, permissions, collections and the publishing workflow, created by code.

Every function here is idempotent: `manage.py setup_portal` runs it after each
migrate (make run, deploys, the test fixtures) and a second run changes nothing.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from site_core.editorial.models import FourEyesApprovalTask

COLLABORATORS = "Cộng tác viên"
EDITORS = "Biên tập viên"
BOARD = "Ban biên tập"
ADMINS = "Quản trị"
WORKFLOW_NAME = "Quy trình đăng tin"
EDITOR_TASK = "Biên tập viên duyệt"
BOARD_TASK = "Ban biên tập phê duyệt"

# Wagtail's migrations install these; left alone they are a path around our workflow.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
BOARD_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page", "publish_page")
COLLABORATOR_PAGE_PERMISSIONS = ("add_page", "change_page")

MEDIA_PERMISSIONS = {
    "collaborator": ("add_image", "choose_image", "add_document", "choose_document"),
    "editor": (
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ),
}

# Snippets visitors see, (app_label, model, actions); the reasons are in docs/content-review.md.
# People and news categories have drafts and go through the workflow: editors and the board
# add and change them, and nobody holds publish_* (the last approval publishes,
# site_core/editorial/workflow_finish.py). Deleting a person, and the reference tables of the register,
# change live pages at once: only the board does that.
SNIPPET_PERMISSIONS = [
    ("org_structure", "person", ("add", "change")),
    ("news", "newscategory", ("add", "change")),
]
BOARD_SNIPPET_PERMISSIONS = SNIPPET_PERMISSIONS + [
    ("org_structure", "person", ("delete",)),
    # The terms (nhiệm kỳ) of the org chart: a new one after each congress.
    ("org_structure", "term", ("add", "change", "delete")),
    ("legal_docs", "documenttype", ("add", "change")),
    ("legal_docs", "issuingbody", ("add", "change")),
]
DRAFT_SNIPPETS = [("org_structure", "person"), ("news", "newscategory")]
# What setup_portal manages on those models: a group's permission outside its list is taken
# back, so a database set up by an earlier version is corrected on the next run.
SNIPPET_ACTIONS = ("add", "change", "delete", "publish", "lock", "unlock")


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return permission("wagtailcore", codename)


def submit_translation_permission():
    """wagtail-localize makes this one in a data migration, so a flushed database lacks it."""
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return perm


def group_names(site):
    """The default (provincial) site keeps the plain names; sub-portals get a suffix."""
    suffix = "" if site.is_default_site else f" · {site.site_name or site.hostname}"
    return {
        "collaborator": COLLABORATORS + suffix,
        "editor": EDITORS + suffix,
        "board": BOARD + suffix,
        "workflow": WORKFLOW_NAME + suffix,
        "editor_task": EDITOR_TASK + suffix,
        "board_task": BOARD_TASK + suffix,
        "collection": (site.site_name or site.hostname) if suffix else "",
    }


def site_homes(site):
    """The site's root page in every language tree."""
    return list(site.root_page.get_translations(inclusive=True).order_by("depth", "path"))


def grant_page_permissions(group, pages, codenames):
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=page_permission(codename)
            )


def grant_collection_permissions(group, collection, codenames):
    for codename in codenames:
        app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission(app_label, codename)
        )


def managed_snippet_permissions():
    query = Permission.objects.none()
    for app_label, model, _actions in BOARD_SNIPPET_PERMISSIONS:
        query |= Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in SNIPPET_ACTIONS],
        )
    return set(query)


def grant_snippet_permissions(group, board=False):
    wanted = {
        permission(app_label, f"{action}_{model}")
        for app_label, model, actions in (
            BOARD_SNIPPET_PERMISSIONS if board else SNIPPET_PERMISSIONS
        )
        for action in actions
    }
    group.permissions.remove(*(managed_snippet_permissions() - wanted))
    group.permissions.add(*wanted)


def assign_snippet_workflow(workflow):
    """Person and NewsCategory changes go through the provincial site's workflow."""
    for app_label, model in DRAFT_SNIPPETS:
        content_type = ContentType.objects.get_for_model(
            apps.get_model(app_label, model), for_concrete_model=False
        )
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def grant_settings_permission(group, site):
    """The site's board edits its PortalSettings (per-site permission, Wagtail 7.1+)."""
    GroupSitePermission.objects.get_or_create(
        group=group, site=site, permission=permission("site_core", "change_portalsettings")
    )


def ensure_group(name):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    return group


def ensure_task(name, groups):
    task = FourEyesApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(name=name)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    if set(task.groups.all()) != set(groups):
        task.groups.set(groups)
    return task


def ensure_workflow(name, tasks):
    workflow, _ = Workflow.objects.get_or_create(name=name)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    for order, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    workflow.workflow_tasks.exclude(task__in=tasks).delete()
    return workflow


def assign_workflow(workflow, pages):
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def remove_wagtail_defaults(our_workflow):
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        if workflow.workflow_states.exists():
            workflow.deactivate()  # keep the history of pages that went through it
        else:
            workflow.delete()
    for task in GroupApprovalTask.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        if task.task_states.exists():
            task.deactivate()
        else:
            task.delete()
    # Whatever tree has no workflow of its own falls back to Root: make that ours.
    root = Page.get_first_root_node()
    assign_workflow(our_workflow, [root])
    # Editors see the tree's root in the explorer's breadcrumbs: name it in Vietnamese.
    Page.objects.filter(pk=root.pk, title="Root").update(title="Gốc", draft_title="Gốc")


def root_collection():
    root = Collection.get_first_root_node()
    if root is None:  # a flushed test database; migrations normally create it
        root = Collection.add_root(name="Root")
    return root


def section_collection(page):
    """The collection for a section's images and documents, named after it."""
    root = root_collection()
    collection = root.get_children().filter(name=page.title).first()
    if collection is None:
        collection = root.add_child(name=page.title)
    return collection


def grant_section(page, group_name=None):
    """A collaborator group that may add and edit pages only below `page`.

    Its images and documents go into a collection of the same name. Returns the group.
    """
    page = page.specific
    group = ensure_group(group_name or f"{COLLABORATORS} · {page.title}")
    pages = list(page.get_translations(inclusive=True))
    grant_page_permissions(group, pages, COLLABORATOR_PAGE_PERMISSIONS)
    grant_collection_permissions(group, section_collection(page), MEDIA_PERMISSIONS["collaborator"])
    return group


def site_collection(site):
    """Where a site's images and documents go: the root collection for the province, a
    collection named after the sub-portal (below the root) for each sub-portal."""
    root = root_collection()
    if is_province(site):
        return root
    name = group_names(site)["collection"]
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    return collection


def is_province(site):
    """The default site is the province's portal; every other site is a sub-portal."""
    return site.is_default_site


def grant_shared_snippets_read_only(group):
    """Below the province the shared lists (people, categories, document types, issuing
    bodies) are read-only: viewed and chosen, never added, changed or deleted."""
    viewing = {
        permission(app_label, f"view_{model}")
        for app_label, model, _actions in BOARD_SNIPPET_PERMISSIONS
    }
    group.permissions.remove(*(managed_snippet_permissions() - viewing))
    group.permissions.add(*viewing)


# Sổ nhuận bút (news/royalties.py): editors and the board grade articles (kind, grade) and
# read the ledger report; the province's board keeps the rate table (one for every site),
# the others read it. Collaborators get none of these: the fields are not in their form
# and they see only their own lines (“Nhuận bút của tôi”).
ROYALTY_READERS = (("news", "grade_article"), ("news", "view_royaltyentry"))
RATE_TABLE_ACTIONS = ("add", "change", "delete", "view")


def grant_royalty_permissions(editors, board, province):
    for group in (editors, board):
        group.permissions.add(*(permission(app, codename) for app, codename in ROYALTY_READERS))
        group.permissions.add(permission("news", "view_royaltyratetable"))
    if province:
        board.permissions.add(
            *(permission("news", f"{action}_royaltyratetable") for action in RATE_TABLE_ACTIONS)
        )


def setup_site(site):
    names = group_names(site)
    homes = site_homes(site)
    province = is_province(site)
    collection = site_collection(site)

    collaborators = ensure_group(names["collaborator"])
    editors = ensure_group(names["editor"])
    board = ensure_group(names["board"])

    grant_page_permissions(editors, homes, EDITOR_PAGE_PERMISSIONS)
    grant_page_permissions(board, homes, BOARD_PAGE_PERMISSIONS)
    for group in (editors, board):
        grant_collection_permissions(group, collection, MEDIA_PERMISSIONS["editor"])
    if province:
        grant_snippet_permissions(editors)
        grant_snippet_permissions(board, board=True)
    else:
        # A sub-portal's collaborators write in their whole tree; the province's are
        # given sections one by one (grant_section).
        grant_page_permissions(collaborators, homes, COLLABORATOR_PAGE_PERMISSIONS)
        grant_collection_permissions(collaborators, collection, MEDIA_PERMISSIONS["collaborator"])
        for group in (collaborators, editors, board):
            grant_shared_snippets_read_only(group)
        # “Đề xuất đăng lên Cổng tỉnh” (news/proposals.py), asked by the page permission
        # tester together with the right to edit the article.
        for group in (editors, board):
            group.permissions.add(permission("news", "propose_to_province"))
    grant_settings_permission(board, site)
    grant_royalty_permissions(editors, board, province)
    # wagtail-localize's "Translate" checks only this global permission; translations
    # start as drafts and go through the workflow (site_core/editorial/localize_guards.py).
    for group in (editors, board):
        group.permissions.add(submit_translation_permission())

    workflow = ensure_workflow(
        names["workflow"],
        [
            ensure_task(names["editor_task"], [editors]),
            ensure_task(names["board_task"], [board]),
        ],
    )
    assign_workflow(workflow, homes)
    return {
        "collaborators": collaborators,
        "editors": editors,
        "board": board,
        "workflow": workflow,
    }


def setup_admins():
    admins = ensure_group(ADMINS)
    for app_label, codenames in {
        "site_core": ("add_user", "change_user", "delete_user"),
        "wagtailcore": ("add_site", "change_site", "delete_site"),
        "wagtailredirects": ("add_redirect", "change_redirect", "delete_redirect"),
    }.items():
        for codename in codenames:
            admins.permissions.add(permission(app_label, codename))
    # The footer, contacts and links are live content: the board's, not user management's.
    admins.permissions.remove(permission("site_core", "change_portalsettings"))
    # Group permissions are the superusers' alone (site_core/editorial/users_admin.py).
    admins.permissions.remove(*Permission.objects.filter(content_type__app_label="auth"))
    return admins


@transaction.atomic
def setup_portal():
    """Create or repair every group, permission and workflow. Returns a summary dict."""
    result = {"sites": {}}
    default_site = Site.objects.filter(is_default_site=True).first()
    for site in Site.objects.select_related("root_page").order_by("-is_default_site", "pk"):
        result["sites"][site.pk] = setup_site(site)
    result["admins"] = setup_admins()
    if default_site is not None:
        remove_wagtail_defaults(result["sites"][default_site.pk]["workflow"])
        assign_snippet_workflow(result["sites"][default_site.pk]["workflow"])
    return result


def workflow_for_new_translation(page):
    """A new translation of a site root gets the workflow and permissions of its source."""
    source_ids = list(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .values_list("pk", flat=True)
    )
    if not source_ids:
        return
    existing = WorkflowPage.objects.filter(page_id__in=source_ids).first()
    if existing is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": existing.workflow})
    for perm in GroupPagePermission.objects.filter(page_id__in=source_ids):
        GroupPagePermission.objects.get_or_create(
            group_id=perm.group_id, page=page, permission_id=perm.permission_id
        )
