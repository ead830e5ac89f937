from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from org_structure.models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "Nhân sự"
    menu_name = "nhan-su"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["full_name", "honorific", LiveStatusTagColumn()]
    search_fields = ["full_name"]


register_snippet(PersonViewSet)
