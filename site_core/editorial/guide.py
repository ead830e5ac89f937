"""The help menu leads to the portal's own editor guide, in Vietnamese.

Wagtail's help menu links to its English guide (guide.wagtail.org) and to "What's new in
Wagtail": `construct_help_menu` takes those out and puts the portal's guide first; the
keyboard shortcuts stay.
"""

from django.urls import path, reverse
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .setup import BOARD, BOARD_TASK, COLLABORATORS, EDITOR_TASK, EDITORS, WORKFLOW_NAME

WAGTAIL_GUIDE_ITEMS = ("editor-guide",)
WAGTAIL_NEWS_PREFIX = "whats-new-in-wagtail-"


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/editor_guide.html"
    page_title = "Hướng dẫn biên tập"
    header_icon = "help"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            collaborators=COLLABORATORS,
            editors=EDITORS,
            board=BOARD,
            editor_task=EDITOR_TASK,
            board_task=BOARD_TASK,
            workflow=WORKFLOW_NAME,
            **kwargs,
        )


def guide_urls():
    return [path("huong-dan/", EditorGuideView.as_view(), name="portal_editor_guide")]


def portal_help_menu(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in WAGTAIL_GUIDE_ITEMS and not item.name.startswith(WAGTAIL_NEWS_PREFIX)
    ]
    menu_items.insert(
        0,
        MenuItem(
            "Hướng dẫn biên tập",
            reverse("portal_editor_guide"),
            name="portal-editor-guide",
            icon_name="help",
            order=1000,
        ),
    )
