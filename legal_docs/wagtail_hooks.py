from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from legal_docs.models import DocumentType, IssuingBody


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = "Loại văn bản"
    list_display = ["name", "abbreviation"]
    search_fields = ["name", "abbreviation"]


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = "Cơ quan ban hành"
    list_display = ["name", "abbreviation", "level"]
    list_filter = ["level"]
    search_fields = ["name", "abbreviation"]


class LegalDocumentTablesGroup(SnippetViewSetGroup):
    items = (DocumentTypeViewSet, IssuingBodyViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = "Danh mục văn bản"
    menu_name = "danh-muc-van-ban"
    menu_order = 310


register_snippet(LegalDocumentTablesGroup)
