from wagtail.admin.ui.tables import BooleanColumn, Column, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from org_structure.models import Person, Term


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "Nhân sự"
    menu_name = "nhan-su"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["full_name", "honorific", LiveStatusTagColumn()]
    search_fields = ["full_name"]


class TermViewSet(SnippetViewSet):
    """Terms (nhiệm kỳ) of the org chart: the board adds one after each congress."""

    model = Term
    icon = "date"
    menu_label = "Nhiệm kỳ"
    menu_name = "nhiem-ky"
    add_to_admin_menu = True
    menu_order = 301
    list_display = [
        "__str__",
        Column("years", label="Thời gian"),
        Column("site", label="Cổng thông tin"),
        BooleanColumn("is_current", label="Hiện tại"),
    ]
    list_filter = ["site"]
    ordering = ["site", "-start_year"]


register_snippet(PersonViewSet)
register_snippet(TermViewSet)
