"""RSS and Atom feeds of the documents register: /rss/van-ban/, /atom/van-ban/."""

from site_core.feeds import AtomFeedMixin, PortalFeed, lines_to_html, start_of_day

from .models import LegalDocumentIndexPage, LegalDocumentPage

# --- documents -------------------------------------------------------------------------


class DocumentFeed(PortalFeed):
    section_title = "Văn bản"
    section_description = "Văn bản mới đăng trên"

    model = LegalDocumentPage
    section_model = LegalDocumentIndexPage

    def get_pages(self, scope):
        return (
            super()
            .get_pages(scope)
            .select_related("document_type", "issuer")
            .prefetch_related("co_issuers")
        )

    def item_title(self, item):
        symbol = item.number_symbol
        return f"{symbol} – {item.title}" if symbol else item.title

    def item_description(self, item):
        lines = [item.summary]
        if item.date_issued:
            lines.append(f"Ngày ban hành: {item.date_issued:%d/%m/%Y}")
        if item.signer:
            lines.append(f"Người ký: {item.signer}")
        return lines_to_html(lines)

    def item_pubdate(self, item):
        # The issue date: a register is read by it, whenever the document was put online.
        return start_of_day(item.date_issued) or item.first_published_at

    def item_author_name(self, item):
        if item.issuer_id:
            return item.issuer.name
        return super().item_author_name(item)

    def item_categories(self, item):
        return [
            str(value)
            for value in (
                item.document_type.name if item.document_type_id else None,
                item.issuer.name if item.issuer_id else None,
            )
            if value
        ]


class DocumentAtomFeed(AtomFeedMixin, DocumentFeed):
    pass
