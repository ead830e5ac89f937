"""legal_docs: the document register, the document page and the rules of Party documents."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from home.models import HomePage
from legal_docs.models import (
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from tests import factories

REGISTER_BUDGET = 13
DOCUMENT_BUDGET = 17
BAD_PAGES = ["abc", "-1", "0", "99999", "", "1.5", "%00", "2" * 40]


@pytest.fixture
def decision_type(db):
    return factories.DocumentTypeFactory(name="Quyết định", abbreviation="QĐ")


@pytest.fixture
def document(document_index, document_type, issuer):
    return factories.LegalDocumentPageFactory(
        parent=document_index,
        title="Nghị quyết về xây dựng Đảng",
        number=9,
        document_type=document_type,
        issuer=issuer,
        term="2020–2025",
        date_issued=datetime.date(2022, 9, 29),
        date_effective=datetime.date(2022, 10, 9),
        summary="Về tăng cường xây dựng, chỉnh đốn Đảng.",
        signer="Nguyễn Văn A",
        signer_position="Bí thư",
        signing_authority="T/M",
    )


def make_document(parent, **kwargs):
    return factories.LegalDocumentPageFactory(parent=parent, **kwargs)


# --- page tree -----------------------------------------------------------------------


def test_register_parents_and_children(home_page, document_index):
    assert set(LegalDocumentIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(LegalDocumentIndexPage.allowed_subpage_models()) == {LegalDocumentPage}
    # One register per portal.
    assert not LegalDocumentIndexPage.can_create_at(home_page)


def test_document_parents_and_children(document_index, document):
    assert set(LegalDocumentPage.allowed_parent_page_models()) == {LegalDocumentIndexPage}
    assert set(LegalDocumentPage.allowed_subpage_models()) == set()
    assert LegalDocumentPage.can_create_at(document_index)
    assert not LegalDocumentPage.can_create_at(document_index.get_parent())
    assert not LegalDocumentPage.can_create_at(document)


def test_admin_forms_open(admin_client, document, admin_edit_url, admin_add_url):
    index = document.get_parent()
    assert admin_client.get(admin_edit_url(index)).status_code == 200
    assert admin_client.get(admin_edit_url(document)).status_code == 200
    assert admin_client.get(admin_add_url(LegalDocumentPage, index)).status_code == 200


def test_register_add_form_opens_under_a_new_home(admin_client, root_page, admin_add_url):
    other_home = factories.HomePageFactory(parent=root_page)
    url = admin_add_url(LegalDocumentIndexPage, other_home)
    assert admin_client.get(url).status_code == 200


# --- rendering -----------------------------------------------------------------------


def test_register_lists_documents_with_number_symbol_and_dates(client, document_index, issuer):
    decision = factories.DocumentTypeFactory(name="Quyết định", abbreviation="QĐ")
    make_document(
        document_index,
        title="Quyết định thành lập Cổng thông tin",
        number=797,
        document_type=decision,
        issuer=issuer,
        date_issued=datetime.date(2022, 9, 29),
        summary="Về việc thành lập Cổng thông tin điện tử Đảng bộ tỉnh.",
    )

    response = client.get(document_index.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "797-QĐ/TU" in html
    assert "Về việc thành lập Cổng thông tin điện tử Đảng bộ tỉnh." in html
    assert "29/09/2022" in html


def test_document_page_renders_its_fields(client, document):
    attachment = factories.LegalDocumentAttachmentFactory(
        page=document,
        title="Toàn văn nghị quyết",
        document=factories.DocumentFactory(filename="nghi-quyet-09.pdf"),
    )

    response = client.get(document.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "09-NQ/TU" in html
    assert "Về tăng cường xây dựng, chỉnh đốn Đảng." in html
    assert "29/09/2022" in html  # date issued
    assert "09/10/2022" in html  # date effective
    assert "Nguyễn Văn A" in html
    assert "Bí thư" in html
    assert "T/M" in html
    assert "Còn hiệu lực" in html
    assert "Toàn văn nghị quyết" in html
    assert attachment.document.url in html


def test_document_page_shows_who_replaced_it(client, document_index, document):
    newer = make_document(document_index, number=15, title="Nghị quyết thay thế")
    LegalDocumentRelation.objects.create(source=newer, target=document, relation_type="replaces")

    old_html = client.get(document.url).content.decode()
    new_html = client.get(newer.url).content.decode()

    assert "Đã bị thay thế" in old_html
    assert "15-NQ/TU" in old_html
    assert "09-NQ/TU" in new_html


# --- drafts ----------------------------------------------------------------------------


def test_draft_document_is_hidden_from_visitors(client, document_index, document, home_page):
    draft = make_document(document_index, number=42, title="Dự thảo nghị quyết", live=False)

    assert client.get(draft.url).status_code == 404
    register = client.get(document_index.url).content.decode()
    home = client.get(home_page.url).content.decode()
    assert "42-NQ/TU" not in register
    assert "Dự thảo nghị quyết" not in register
    assert "42-NQ/TU" not in home
    assert "09-NQ/TU" in register


# --- pagination ----------------------------------------------------------------------


def test_register_survives_bad_page_numbers(client, document_index):
    with factories.without_indexing():
        for number in range(1, 23):
            make_document(document_index, number=number)

    for page in BAD_PAGES:
        response = client.get(document_index.url, {"page": page})

        assert response.status_code == 200, page
        assert response.context["documents"].object_list, page
    assert client.get(document_index.url, {"page": 99999}).context["documents"].number == 2


# --- query budgets ---------------------------------------------------------------------


def _fill_register(document_index, count):
    decision = factories.DocumentTypeFactory(name="Quyết định", abbreviation="QĐ")
    resolution = factories.DocumentTypeFactory(name="Nghị quyết", abbreviation="NQ")
    btc = factories.IssuingBodyFactory(name="Ban Tổ chức Tỉnh ủy", abbreviation="BTCTU")
    bdv = factories.IssuingBodyFactory(name="Ban Dân vận Tỉnh ủy", abbreviation="BDVTU")
    shared_pdf = factories.DocumentFactory()
    docs = factories.bulk_add_children(
        document_index,
        [
            factories.LegalDocumentPageFactory.build(
                number=number,
                document_type=decision if number % 2 else resolution,
                issuer=btc,
                # Joint documents and expired ones among them.
                co_issuers=[bdv] if number % 3 == 0 else [],
                date_expired=datetime.date(2023, 1, 1) if number % 4 == 0 else None,
            )
            for number in range(1, count + 1)
        ],
    )
    LegalDocumentAttachment.objects.bulk_create(
        [
            LegalDocumentAttachment(page=doc, document=shared_pdf, title="Toàn văn")
            for doc in docs[::2]
        ]
    )
    LegalDocumentRelation.objects.bulk_create(
        [
            LegalDocumentRelation(source=docs[i], target=docs[i + 1], relation_type="replaces")
            for i in range(0, count - 1, 5)
        ]
    )
    return docs


@pytest.mark.parametrize("count", [10, 200])
def test_register_query_budget(document_index, assert_render_budget, count):
    _fill_register(document_index, count)
    assert_render_budget(document_index.url, REGISTER_BUDGET)


@pytest.mark.parametrize("count", [2, 20])
def test_document_page_query_budget(document_index, document, assert_render_budget, count):
    bdv = factories.IssuingBodyFactory(name="Ban Dân vận Tỉnh ủy", abbreviation="BDVTU")
    with factories.without_indexing():
        for i in range(count):
            factories.LegalDocumentAttachmentFactory(page=document, title=f"Phụ lục {i}")
            other = make_document(document_index, number=100 + i, co_issuers=[bdv])
            LegalDocumentRelation.objects.create(
                source=document, target=other, relation_type="amends"
            )
            LegalDocumentRelation.objects.create(
                source=other, target=document, relation_type="guides"
            )
    assert_render_budget(document.url, DOCUMENT_BUDGET)


# --- number and symbol -----------------------------------------------------------------


def test_number_symbol_pads_numbers_under_ten(document):
    assert document.number_symbol == "09-NQ/TU"


def test_number_symbol_of_a_large_number(document_index, issuer):
    decision = factories.DocumentTypeFactory(name="Quyết định", abbreviation="QĐ")
    doc = make_document(document_index, number=797, document_type=decision, issuer=issuer)
    assert doc.number_symbol == "797-QĐ/TU"


def test_number_symbol_of_joint_issuers(document_index):
    statute = factories.DocumentTypeFactory(name="Quy chế", abbreviation="QC")
    btc = factories.IssuingBodyFactory(name="Ban Tổ chức Tỉnh ủy", abbreviation="BTCTU")
    bdv = factories.IssuingBodyFactory(name="Ban Dân vận Tỉnh ủy", abbreviation="BDVTU")
    doc = make_document(document_index, number=5, document_type=statute, issuer=btc)
    doc.co_issuers.set([bdv])
    doc.save()

    doc = LegalDocumentPage.objects.get(pk=doc.pk)
    assert doc.number_symbol == "05-QC/BTCTU-BDVTU"


@pytest.mark.django_db  # a new page looks up its content type
def test_number_symbol_is_empty_while_incomplete():
    assert LegalDocumentPage(title="Dự thảo").number_symbol == ""


# --- model rules (full_clean) ------------------------------------------------------------


def unsaved(document_index, **kwargs):
    """An unsaved document placed under the register, ready for full_clean()."""
    doc = factories.LegalDocumentPageFactory.build(**kwargs)
    doc.locale = document_index.locale
    doc.depth = document_index.depth + 1
    doc.path = document_index.path + "9999"
    return doc


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


@pytest.mark.parametrize("number", [0, -1])
def test_number_must_be_positive(document_index, document_type, issuer, number):
    doc = unsaved(document_index, number=number, document_type=document_type, issuer=issuer)
    assert "number" in errors_of(doc)


def test_duplicate_number_in_the_same_term_is_refused(document_index, document):
    twin = unsaved(
        document_index,
        number=9,
        document_type=document.document_type,
        issuer=document.issuer,
        term="2020-2025",  # typed with a hyphen, normalised to the en dash
    )

    messages = " ".join(errors_of(twin)["number"])
    assert "Số 09" in messages
    assert "đã dùng trong nhiệm kỳ 2020–2025" in messages


def test_same_number_in_another_term_is_allowed(document_index, document):
    next_term = unsaved(
        document_index,
        number=9,
        document_type=document.document_type,
        issuer=document.issuer,
        term="2025–2030",
    )
    next_term.full_clean()


def test_same_number_of_another_type_or_issuer_is_allowed(document_index, document):
    decision = factories.DocumentTypeFactory(name="Quyết định", abbreviation="QĐ")
    btc = factories.IssuingBodyFactory(name="Ban Tổ chức Tỉnh ủy", abbreviation="BTCTU")
    unsaved(document_index, number=9, document_type=decision, issuer=document.issuer).full_clean()
    unsaved(document_index, number=9, document_type=document.document_type, issuer=btc).full_clean()


def test_editing_a_document_does_not_clash_with_itself(document):
    document.summary = "Trích yếu đã sửa."
    document.full_clean()


def test_date_effective_before_date_issued_is_refused(document_index, document_type, issuer):
    doc = unsaved(
        document_index,
        document_type=document_type,
        issuer=issuer,
        date_issued=datetime.date(2022, 9, 29),
        date_effective=datetime.date(2022, 9, 28),
    )
    assert errors_of(doc)["date_effective"] == ["Ngày có hiệu lực không được trước ngày ban hành."]


def test_effective_on_the_day_of_issue_is_allowed(document_index, document_type, issuer):
    day = datetime.date(2022, 9, 29)
    unsaved(
        document_index,
        document_type=document_type,
        issuer=issuer,
        date_issued=day,
        date_effective=day,
    ).full_clean()


def test_badly_written_term_is_refused(document_index, document_type, issuer):
    doc = unsaved(document_index, document_type=document_type, issuer=issuer, term="2025-2020")
    assert "term" in errors_of(doc)


@pytest.mark.parametrize("filename", ["ghi-chu.txt", "cai-dat.exe"])
def test_attachment_of_another_kind_is_refused(document, filename):
    attachment = LegalDocumentAttachment(
        page=document, document=factories.DocumentFactory(filename=filename, content=b"x")
    )
    assert "document" in errors_of(attachment)


@pytest.mark.parametrize("filename", ["nghi-quyet.pdf", "nghi-quyet.docx", "NGHI-QUYET.PDF"])
def test_attachment_pdf_or_docx_is_accepted(document, filename):
    attachment = LegalDocumentAttachment(
        page=document, document=factories.DocumentFactory(filename=filename)
    )
    attachment.full_clean()


def test_secret_document_cannot_be_live(document_index, document_type, issuer):
    doc = unsaved(document_index, document_type=document_type, issuer=issuer, secrecy_level="mat")
    doc.live = True
    assert "secrecy_level" in errors_of(doc)


def test_secret_draft_cannot_be_published_by_code(document_index, document_type, issuer):
    draft = make_document(
        document_index,
        document_type=document_type,
        issuer=issuer,
        secrecy_level="toi-mat",
        live=False,
    )

    with pytest.raises(ValidationError):
        draft.save_revision().publish()

    draft.refresh_from_db()
    assert not draft.live


# --- status ----------------------------------------------------------------------------


def test_status_in_force_by_default(document):
    assert document.get_status_display() == "Còn hiệu lực"


def test_live_replacement_makes_the_old_document_replaced(document_index, document):
    newer = make_document(document_index, number=10)
    LegalDocumentRelation.objects.create(source=newer, target=document, relation_type="replaces")

    assert LegalDocumentPage.objects.get(pk=document.pk).get_status_display() == "Đã bị thay thế"
    assert newer.get_status_display() == "Còn hiệu lực"
    annotated = LegalDocumentPage.objects.with_status().get(pk=document.pk)
    assert annotated.status_code == LegalDocumentPage.STATUS_REPLACED


def test_draft_replacement_changes_nothing(document_index, document):
    draft = make_document(document_index, number=10, live=False)
    LegalDocumentRelation.objects.create(source=draft, target=document, relation_type="replaces")

    assert document.get_status_display() == "Còn hiệu lực"


def test_repeal_makes_the_document_expired(document_index, document):
    repealing = make_document(document_index, number=11)
    LegalDocumentRelation.objects.create(source=repealing, target=document, relation_type="repeals")

    assert document.get_status_display() == "Hết hiệu lực"


def test_expiry_date_makes_the_document_expired(document):
    document.date_expired = datetime.date(2023, 1, 1)
    document.save()
    assert LegalDocumentPage.objects.get(pk=document.pk).get_status_display() == "Hết hiệu lực"

    document.date_expired = datetime.date.today() + datetime.timedelta(days=30)
    document.save()
    assert LegalDocumentPage.objects.get(pk=document.pk).get_status_display() == "Còn hiệu lực"


def test_amending_or_guiding_keeps_the_document_in_force(document_index, document):
    for number, kind in [(12, "amends"), (13, "guides")]:
        other = make_document(document_index, number=number)
        LegalDocumentRelation.objects.create(source=other, target=document, relation_type=kind)

    assert document.get_status_display() == "Còn hiệu lực"


def test_document_cannot_relate_to_itself(document):
    relation = LegalDocumentRelation(source=document, target=document, relation_type="amends")
    assert "target" in errors_of(relation)


# --- the admin form ----------------------------------------------------------------------


def document_fields(document_type, issuer, **overrides):
    fields = {
        "title": "Quyết định thành lập Cổng thông tin điện tử",
        "slug": "quyet-dinh-797",
        "number": "797",
        "document_type": str(document_type.pk),
        "issuer": str(issuer.pk),
        "term": "2020–2025",
        "summary": "Về việc thành lập Cổng thông tin điện tử Đảng bộ tỉnh.",
        "date_issued": "2022-09-29",
        "date_effective": "2022-10-09",
        "date_expired": "",
        "place": "Đồng Nai",
        "signing_authority": "T/M",
        "signer_position": "Bí thư",
        "signer": "Nguyễn Văn A",
        "secrecy_level": "",
        "attachments": inline_formset([]),
        "relations": inline_formset([]),
        "body": streamfield([("paragraph", rich_text("<p>Điều 1. Thành lập Cổng.</p>"))]),
    }
    fields.update(overrides)
    return fields


def form_errors(response):
    assert response.status_code == 200, "the form was accepted"
    form = response.context["form"]
    errors = {field: list(messages) for field, messages in form.errors.items()}
    for name, formset in form.formsets.items():
        for index, form_errors_ in enumerate(formset.errors):
            for field, messages in form_errors_.items():
                errors[f"{name}-{index}-{field}"] = list(messages)
    return errors


def test_admin_creates_and_publishes_a_document(
    post_page_form, admin_add_url, document_index, decision_type, issuer
):
    pdf = factories.DocumentFactory(filename="qd-797.pdf", title="QĐ 797")
    fields = document_fields(
        decision_type,
        issuer,
        attachments=inline_formset([{"document": str(pdf.pk), "title": "Toàn văn"}]),
    )

    response = post_page_form(
        admin_add_url(LegalDocumentPage, document_index), fields, "action-publish"
    )

    assert response.status_code == 302, form_errors(response)
    doc = LegalDocumentPage.objects.get(slug="quyet-dinh-797")
    assert doc.live
    assert doc.number_symbol == "797-QĐ/TU"
    assert doc.date_issued == datetime.date(2022, 9, 29)
    assert doc.date_effective == datetime.date(2022, 10, 9)
    assert doc.summary == "Về việc thành lập Cổng thông tin điện tử Đảng bộ tỉnh."
    assert doc.signing_authority == "T/M"
    assert [(a.document_id, a.title) for a in doc.attachments.all()] == [(pdf.pk, "Toàn văn")]
    assert [block.block_type for block in doc.body] == ["paragraph"]
    assert "Điều 1. Thành lập Cổng." in doc.body[0].value.source


def test_admin_round_trips_the_dates_it_shows(
    post_page_form, admin_edit_url, document, admin_client
):
    """What the edit form displays must come back unchanged when posted as is."""
    response = post_page_form(
        admin_edit_url(document),
        {"body": streamfield([("paragraph", rich_text("<p>Toàn văn.</p>"))])},
        "action-publish",
    )

    assert response.status_code == 302, form_errors(response)
    document.refresh_from_db()
    assert document.date_issued == datetime.date(2022, 9, 29)
    assert document.date_effective == datetime.date(2022, 10, 9)
    assert document.number_symbol == "09-NQ/TU"


@pytest.mark.parametrize("number", ["0", "-5", "abc"])
def test_admin_refuses_a_non_positive_number(
    post_page_form, admin_add_url, document_index, decision_type, issuer, number
):
    fields = document_fields(decision_type, issuer, number=number)

    response = post_page_form(
        admin_add_url(LegalDocumentPage, document_index), fields, "action-publish"
    )

    assert "number" in form_errors(response)
    assert not LegalDocumentPage.objects.filter(slug="quyet-dinh-797").exists()


def test_admin_refuses_a_duplicate_number_in_vietnamese(
    post_page_form, admin_add_url, document_index, document
):
    fields = document_fields(document.document_type, document.issuer, number="9", term="2020-2025")

    response = post_page_form(
        admin_add_url(LegalDocumentPage, document_index), fields, "action-publish"
    )

    errors = form_errors(response)
    assert any("đã dùng trong nhiệm kỳ 2020–2025" in message for message in errors["number"])
    assert LegalDocumentPage.objects.filter(number=9).count() == 1


def test_admin_accepts_the_same_number_in_another_term(
    post_page_form, admin_add_url, document_index, document
):
    fields = document_fields(document.document_type, document.issuer, number="9", term="2025-2030")

    response = post_page_form(
        admin_add_url(LegalDocumentPage, document_index), fields, "action-publish"
    )

    assert response.status_code == 302, form_errors(response)
    created = LegalDocumentPage.objects.get(slug="quyet-dinh-797")
    assert created.term == "2025–2030"
    assert created.number_symbol == "09-NQ/TU"


def test_admin_refuses_effective_before_issued(
    post_page_form, admin_add_url, document_index, decision_type, issuer
):
    fields = document_fields(
        decision_type, issuer, date_issued="2022-09-29", date_effective="2022-09-01"
    )

    response = post_page_form(
        admin_add_url(LegalDocumentPage, document_index), fields, "action-publish"
    )

    assert form_errors(response)["date_effective"] == [
        "Ngày có hiệu lực không được trước ngày ban hành."
    ]


@pytest.mark.parametrize(
    ("filename", "accepted"),
    [
        ("toan-van.txt", False),
        ("setup.exe", False),
        ("toan-van.pdf", True),
        ("toan-van.docx", True),
    ],
)
def test_admin_checks_the_attachment_kind(
    post_page_form, admin_add_url, document_index, decision_type, issuer, filename, accepted
):
    upload = factories.DocumentFactory(filename=filename)
    fields = document_fields(
        decision_type,
        issuer,
        attachments=inline_formset([{"document": str(upload.pk), "title": "Tệp"}]),
    )

    response = post_page_form(
        admin_add_url(LegalDocumentPage, document_index), fields, "action-publish"
    )

    if accepted:
        assert response.status_code == 302, form_errors(response)
        doc = LegalDocumentPage.objects.get(slug="quyet-dinh-797")
        assert [a.document_id for a in doc.attachments.all()] == [upload.pk]
    else:
        assert "attachments-0-document" in form_errors(response)
        assert not LegalDocumentPage.objects.filter(slug="quyet-dinh-797").exists()


def test_admin_refuses_to_publish_a_secret_document(
    post_page_form, admin_add_url, document_index, decision_type, issuer
):
    fields = document_fields(decision_type, issuer, secrecy_level="mat")

    response = post_page_form(
        admin_add_url(LegalDocumentPage, document_index), fields, "action-publish"
    )

    errors = form_errors(response)
    assert any("độ mật" in message for message in errors["secrecy_level"])
    assert not LegalDocumentPage.objects.filter(slug="quyet-dinh-797").exists()


def test_admin_saves_a_secret_document_as_a_draft_and_keeps_it_off_line(
    post_page_form, admin_add_url, admin_edit_url, document_index, decision_type, issuer, client
):
    fields = document_fields(decision_type, issuer, secrecy_level="mat")

    saved = post_page_form(admin_add_url(LegalDocumentPage, document_index), fields)

    assert saved.status_code == 302, form_errors(saved)
    doc = LegalDocumentPage.objects.get(slug="quyet-dinh-797")
    assert not doc.live
    assert doc.secrecy_level == "mat"

    published = post_page_form(admin_edit_url(doc), fields, "action-publish")

    assert "secrecy_level" in form_errors(published)
    doc.refresh_from_db()
    assert not doc.live
    assert client.get(f"{document_index.url}{doc.slug}/").status_code == 404


# --- the register on phones and wide screens (issue 13) ---------------------------------


def test_register_row_shows_the_summary_once(client, document_index, document_type, issuer):
    summary = "Về tăng cường công tác kiểm tra, giám sát"
    make_document(
        document_index,
        title=f"Nghị quyết số 05-NQ/TU {summary}",
        number=5,
        document_type=document_type,
        issuer=issuer,
        date_issued=datetime.date(2023, 3, 1),
        date_effective=datetime.date(2023, 3, 1),
        summary=summary,
    )

    html = client.get(document_index.url).content.decode()
    row = html.split("<tbody>", 1)[1].split("</tr>", 1)[0]

    assert row.count(summary) == 1
    assert "05-NQ/TU" in row


def test_register_filters_fold_on_phones_unless_in_use(client, document_index, document):
    html = client.get(document_index.url).content.decode()
    box = html.split('<details class="register-filters-box"', 1)[1].split(">", 1)[0]
    assert " open" in box and "data-fold-on-phone" in box  # portal.js folds it on phones
    assert "Lọc văn bản" in html

    html = client.get(document_index.url, {"q": "xây dựng"}).content.decode()
    box = html.split('<details class="register-filters-box"', 1)[1].split(">", 1)[0]
    assert " open" in box and "data-fold-on-phone" not in box
    assert "(đang lọc)" in html


def test_the_preview_of_a_document_with_files_renders(document_index):
    """Wagtail's preview (and a review link) renders a revision, whose attachments are kept
    in memory by modelcluster: the page must not need a database query set for them."""
    page = factories.LegalDocumentPageFactory(parent=document_index, live=False)
    attachment = factories.LegalDocumentAttachmentFactory(page=page, title="Toàn văn dự thảo")
    page.save_revision()
    draft = page.get_latest_revision_as_object()
    response = draft.make_preview_request()
    assert response.status_code == 200
    response.render()
    assert attachment.title in response.content.decode()
