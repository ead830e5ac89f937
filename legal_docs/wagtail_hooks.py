from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from legal_docs import admin_views
from legal_docs.alert_topics import document_alert_topics
from legal_docs.models import DocumentType, IssuingBody, LegalDocumentPage
from legal_docs.numbers import number_symbol_q, parse_query_numbers
from site_core.alerts.registry import ALERT_TOPICS_HOOK
from site_core.search.query import EXACT_MATCHES_HOOK, ExactMatch, ExactMatches


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


@hooks.register(EXACT_MATCHES_HOOK)
def documents_by_number(query, scope, limit, page_types):
    """The site search lists documents whose number the visitor typed ("9-nq/tu") first.

    Articles that cite the number are still found: it is searched as a phrase too.
    """
    symbols, remainder = parse_query_numbers(
        query, DocumentType.objects.all(), IssuingBody.objects.all()
    )
    if not symbols:
        return None
    documents = []
    if page_types is None or any(issubclass(LegalDocumentPage, model) for model in page_types):
        documents = (
            LegalDocumentPage.objects.filter(number_symbol_q(symbols), pk__in=scope.values("pk"))
            .select_related("document_type", "issuer")
            .prefetch_related("co_issuers")
            .defer_streamfields()
            .order_by("-date_issued", "-pk")[:limit]
        )
    return ExactMatches(
        remainder=remainder,
        matches=[ExactMatch(document, document.number_symbol) for document in documents],
        phrases=[symbol.canonical for symbol in symbols],
    )


# "Nhập sổ văn bản": a legacy register imported as drafts (legal_docs/admin_views.py).
hooks.register("register_admin_urls", admin_views.import_urls)
hooks.register("register_admin_menu_item", admin_views.import_menu_item)

# What visitors may subscribe to by e-mail (site_core/alerts).
hooks.register(ALERT_TOPICS_HOOK, document_alert_topics)
