"""The document register (LegalDocumentIndexPage): filters, free text, sorting, paging, budget."""

import datetime

import pytest

from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from legal_docs.models import DocumentType, LegalDocumentPage
from tests import factories


def doc_type(abbreviation):
    return DocumentType.objects.get(abbreviation=abbreviation, locale=Locale.get_default())


def issuer(abbreviation, name, level="tinh"):
    return factories.IssuingBodyFactory(name=name, abbreviation=abbreviation, level=level)


@pytest.fixture
def register(document_index):
    tu = issuer("TU", "Tỉnh ủy")
    tw = issuer("TW", "Ban Chấp hành Trung ương", "trung-uong")
    btc = issuer("BTCTU", "Ban Tổ chức Tỉnh ủy")
    bdv = issuer("BDVTU", "Ban Dân vận Tỉnh ủy")

    def add(number, abbreviation, body, date, summary, **kwargs):
        kwargs.setdefault("term", "2020–2025")
        return factories.LegalDocumentPageFactory(
            parent=document_index,
            number=number,
            document_type=doc_type(abbreviation),
            issuer=body,
            date_issued=date,
            date_effective=date,
            summary=summary,
            title=f"Văn bản {number:02d}-{abbreviation}",
            **kwargs,
        )

    docs = {
        "nq09": add(9, "NQ", tu, datetime.date(2022, 3, 1), "Về đẩy mạnh chuyển đổi số."),
        "ct10": add(10, "CT", tu, datetime.date(2023, 5, 10), "Về tăng cường công tác dân vận."),
        "ct11": add(11, "CT", tu, datetime.date(2024, 2, 2), "Về công tác dân vận (thay thế)."),
        "nq57": add(
            57,
            "NQ",
            tw,
            datetime.date(2024, 12, 22),
            "Về đột phá phát triển khoa học, công nghệ.",
            term="2021–2026",
        ),
        "kl01": add(
            1,
            "KL",
            tu,
            datetime.date(2021, 6, 1),
            "Kết luận về công tác cán bộ.",
            date_expired=datetime.date(2023, 1, 1),
        ),
        "qc05": add(5, "QC", btc, datetime.date(2025, 1, 6), "Quy chế phối hợp tuyên truyền."),
    }
    docs["qc05"].co_issuers.add(bdv)
    docs["qc05"].save()
    factories.LegalDocumentRelationFactory(source=docs["ct11"], target=docs["ct10"])
    factories.LegalDocumentAttachmentFactory(
        page=docs["nq09"], document=factories.DocumentFactory(filename="nq-09.pdf")
    )
    docs["draft"] = add(
        12, "NQ", tu, datetime.date(2025, 2, 2), "Bản nháp chuyển đổi số", live=False
    )
    return docs


def listed(client, index, **params):
    response = client.get(index.url, params)
    assert response.status_code == 200
    return response, [doc.pk for doc in response.context["documents"].object_list]


def pks(register, *names):
    return [register[name].pk for name in names]


# --- rows --------------------------------------------------------------------------------


def test_register_lists_live_documents_newest_first(client, document_index, register):
    response, found = listed(client, document_index)
    assert found == pks(register, "qc05", "nq57", "ct11", "ct10", "nq09", "kl01")
    html = response.content.decode()
    assert "09-NQ/TU" in html and "05-QC/BTCTU-BDVTU" in html and "57-NQ/TW" in html
    assert "01/03/2022" in html  # dd/mm/YYYY
    assert "Về đẩy mạnh chuyển đổi số." in html  # trích yếu
    assert "Đã bị thay thế" in html and "Hết hiệu lực" in html and "Còn hiệu lực" in html
    assert "Bản nháp" not in html


def test_register_row_shows_first_attachment_type_and_size(client, document_index, register):
    response, _ = listed(client, document_index, q="09-NQ/TU")
    html = response.content.decode()
    size = len(factories.PDF_BYTES)
    assert '<span class="file-badge">PDF</span>' in html
    # The link's name starts with what it does and contains what it shows (WCAG 2.5.3).
    assert '<span class="visually-hidden">Tải về ' in html
    assert str(filesizeformat(size)) in html


# --- filters -------------------------------------------------------------------------------


def test_filter_by_type_issuer_term_year(client, document_index, register):
    ct = doc_type("CT").pk
    assert listed(client, document_index, type=ct)[1] == pks(register, "ct11", "ct10")
    tw = register["nq57"].issuer_id
    assert listed(client, document_index, issuer=tw)[1] == pks(register, "nq57")
    bdv = register["qc05"].co_issuers.get().pk  # a joint issuer finds its joint documents
    assert listed(client, document_index, issuer=bdv)[1] == pks(register, "qc05")
    assert listed(client, document_index, term="2021–2026")[1] == pks(register, "nq57")
    assert listed(client, document_index, year=2024)[1] == pks(register, "nq57", "ct11")


def test_filter_by_status(client, document_index, register):
    replaced = LegalDocumentPage.STATUS_REPLACED
    expired = LegalDocumentPage.STATUS_EXPIRED
    in_force = LegalDocumentPage.STATUS_IN_FORCE
    assert listed(client, document_index, status=replaced)[1] == pks(register, "ct10")
    assert listed(client, document_index, status=expired)[1] == pks(register, "kl01")
    assert listed(client, document_index, status=in_force)[1] == pks(
        register, "qc05", "nq57", "ct11", "nq09"
    )


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("chuyen doi so", ["nq09"]),
        ("CHUYỂN ĐỔI số", ["nq09"]),
        ("dan van", ["ct11", "ct10"]),
        ("9-nq/tu", ["nq09"]),
        ("09 NQ TU", ["nq09"]),
        ("57-nq/tw", ["nq57"]),
        ("5-QC/BTCTU-BDVTU", ["qc05"]),
        ("10-ct/tu dan van", ["ct10"]),
        ("khong co van ban nay", []),
        ("&|!:*()", ["qc05", "nq57", "ct11", "ct10", "nq09", "kl01"]),  # no words: no filter
    ],
)
def test_free_text(client, document_index, register, q, expected):
    assert listed(client, document_index, q=q)[1] == pks(register, *expected)


def test_filters_combine_and_stay_in_the_form(client, document_index, register):
    ct = doc_type("CT").pk
    response, found = listed(
        client, document_index, type=ct, status=LegalDocumentPage.STATUS_IN_FORCE
    )
    assert found == pks(register, "ct11")
    html = response.content.decode()
    assert f'<option value="{ct}" selected>' in html
    tu = register["nq09"].issuer_id
    assert listed(client, document_index, year=2024, issuer=tu)[1] == pks(register, "ct11")
    assert listed(client, document_index, q="dan van", year=2023)[1] == pks(register, "ct10")
    assert listed(client, document_index, q="10-ct/tu", status="con-hieu-luc")[1] == []


def test_invalid_filter_values_are_reported_and_ignored(client, document_index, register):
    ct = doc_type("CT").pk
    response, found = listed(
        client,
        document_index,
        type=ct,
        year="1800",
        status="<script>alert(1)</script>",
        sort="zzz",
        term="x" * 10_000,
        issuer="99999999999999999999",
    )
    assert found == pks(register, "ct11", "ct10")  # the valid type filter still applies
    html = response.content.decode()
    assert html.count("bộ lọc này được bỏ qua") == 5
    assert "<script>alert(1)</script>" not in html


# --- sorting and paging ----------------------------------------------------------------------


def test_sorting(client, document_index, register):
    everything = ["qc05", "nq57", "ct11", "ct10", "nq09", "kl01"]
    assert listed(client, document_index, sort="moi-nhat")[1] == pks(register, *everything)
    assert listed(client, document_index, sort="cu-nhat")[1] == pks(register, *everything[::-1])
    by_number = listed(client, document_index, sort="so")[1]
    assert by_number == pks(register, "kl01", "qc05", "nq09", "ct10", "ct11", "nq57")


def test_paging_keeps_the_filters(client, document_index):
    nq = doc_type("NQ")
    factories.add_children(factories.LegalDocumentPageFactory, document_index, 25, document_type=nq)
    response, found = listed(client, document_index, type=nq.pk, sort="so")
    assert len(found) == 20 and response.context["documents"].paginator.num_pages == 2
    assert f"?type={nq.pk}&amp;sort=so&amp;page=2" in response.content.decode()
    response, found = listed(client, document_index, type=nq.pk, sort="so", page=2)
    assert len(found) == 5
    assert listed(client, document_index, page="x")[1] == listed(client, document_index)[1]


# --- query budget --------------------------------------------------------------------------


def count_queries(client, url):
    # Two warm-up requests: the page chrome fills its fragment caches lazily.
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def add_documents(index, count, start):
    nq, tu = doc_type("NQ"), issuer("TU", "Tỉnh ủy")
    for n in range(start, start + count):
        date = datetime.date(2000 + n % 25, 1 + n % 12, 1)
        doc = factories.LegalDocumentPageFactory(
            parent=index,
            number=n,
            document_type=nq,
            issuer=tu,
            date_issued=date,
            date_effective=date,
        )
        factories.LegalDocumentAttachmentFactory(page=doc)


def test_register_query_count_does_not_grow(client, document_index):
    add_documents(document_index, 10, start=1)
    urls = [
        document_index.url,
        f"{document_index.url}?q=nghi+quyet&status=con-hieu-luc&sort=so",
        f"{document_index.url}?q=9-nq/tu&year=2009",
    ]
    small = [count_queries(client, url) for url in urls]

    add_documents(document_index, 190, start=11)
    large = [count_queries(client, url) for url in urls]

    print(f"\n[queries] register 10 docs: {small}, 200 docs: {large}")
    assert small == large
    assert max(large) <= 14
