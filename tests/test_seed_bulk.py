"""`manage.py seed_bulk` adds pages that are the same as pages created one by one.

The demo is loaded once per module (seeded once per session: tests/demo_snapshot.py), then
seed_bulk runs twice with the same seed (the same titles again: the slugs must still be
unique) and a batch size that splits every run into several batches, all inside a
transaction rolled back when the module ends (as in tests/test_seed_demo.py). Inside a
transaction the batches run in the caller's connection; the writer thread used outside one
is checked in tests/test_seed_bulk_writer.py.
"""

import contextlib
import io
import re
from collections import Counter

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, Site
from wagtail.search.backends import get_search_backend

from legal_docs.models import DocumentType, IssuingBody, LegalDocumentPage
from legal_docs.numbers import parse_number_symbols
from news.models import NewsArticlePage, NewsIndexPage
from org_structure.models import OrgUnitPage
from site_core.demo.bulk import words
from site_core.text import fold

ARTICLES, DOCUMENTS, BATCH = 30, 10, 7
RUNS = 2

pytestmark = pytest.mark.django_db


def seed_bulk():
    err = io.StringIO()
    out = io.StringIO()
    with contextlib.redirect_stderr(err):
        call_command(
            "seed_bulk",
            articles=ARTICLES,
            documents=DOCUMENTS,
            batch_size=BATCH,
            seed=11,
            stdout=out,
        )
    return out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def bulk(django_db_setup, django_db_blocker, tmp_path_factory, demo_snapshot):
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("bulk-media")))
    media.enable()
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
        try:
            demo_snapshot.load()
            before = {
                "articles": set(NewsArticlePage.objects.values_list("pk", flat=True)),
                "documents": set(LegalDocumentPage.objects.values_list("pk", flat=True)),
            }
            outputs = [seed_bulk() for _ in range(RUNS)]
            articles = list(
                NewsArticlePage.objects.exclude(pk__in=before["articles"]).order_by("path")
            )
            documents = list(
                LegalDocumentPage.objects.exclude(pk__in=before["documents"]).order_by("path")
            )
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            media.disable()
            raise
    yield {"articles": articles, "documents": documents, "outputs": outputs}
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
    media.disable()


def index_row(page):
    content_type = ContentType.objects.get_for_model(type(page))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title::text, body::text, autocomplete::text, title_text, body_text, "
            "title_norm FROM wagtailsearch_indexentry "
            "WHERE content_type_id = %s AND object_id = %s",
            [content_type.pk, str(page.pk)],
        )
        return cursor.fetchone()


def test_counts_and_progress(bulk):
    assert len(bulk["articles"]) == ARTICLES * RUNS
    assert len(bulk["documents"]) == DOCUMENTS * RUNS
    for out, err in bulk["outputs"]:
        assert f"Đã thêm {ARTICLES} tin và {DOCUMENTS} văn bản" in out
        assert f"{ARTICLES}/{ARTICLES}" in err and "Tin hoạt động" in err
        assert f"{DOCUMENTS}/{DOCUMENTS}" in err and "Văn bản" in err


def test_tree_is_valid(bulk):
    assert Page.find_problems() == ([], [], [], [], [])
    for parent in {page.get_parent() for page in bulk["articles"] + bulk["documents"]}:
        assert parent.numchild == Page.objects.child_of(parent).count()
    for pages in (bulk["articles"], bulk["documents"]):
        slugs = Counter(page.slug for page in pages)
        assert max(slugs.values()) == 1
        siblings = pages[0].get_siblings()
        assert siblings.count() == siblings.values("slug").distinct().count()
        for page in pages:
            assert page.url_path == f"{page.get_parent().url_path}{page.slug}/"
    # The second run wrote the same titles again: its slugs got a number.
    assert any(re.search(r"-2$", page.slug) for page in bulk["articles"])


def test_pages_pass_model_validation(bulk):
    for page in bulk["articles"][: BATCH + 1] + bulk["documents"][:3]:
        page.full_clean()


def test_each_page_has_its_revision_log_and_references(bulk):
    for page in bulk["articles"] + bulk["documents"]:
        assert page.live and not page.has_unpublished_changes
        assert page.latest_revision_id == page.live_revision_id
        revision = page.latest_revision
        assert revision.object_id == str(page.pk)
        assert revision.content["pk"] == page.pk
        assert revision.content["title"] == page.title
        restored = revision.as_object()
        assert restored.title == page.title and restored.path == page.path
        assert list(
            PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True)
        ) == ["wagtail.create", "wagtail.publish"]
        assert Revision.objects.filter(object_id=str(page.pk)).count() == 1
    with_image = [page for page in bulk["articles"] if page.featured_image_id]
    assert with_image
    page = with_image[0]
    assert (
        ReferenceIndex.get_references_for_object(page)
        .filter(model_path="featured_image", to_object_id=str(page.featured_image_id))
        .exists()
    )


def test_articles_have_categories_and_tags(bulk):
    for page in bulk["articles"]:
        assert page.categories.exists()
        assert page.body.raw_data
    assert Tag.objects.filter(news_newsarticletag_items__content_object__in=bulk["articles"])


def test_articles_name_units_of_their_own_language(bulk):
    """The demo has English translations of the units; a Vietnamese article names a
    Vietnamese unit as its source."""
    assert OrgUnitPage.objects.exclude(locale_id=bulk["articles"][0].locale_id).exists()
    locales = {page.source_unit.locale_id for page in bulk["articles"] if page.source_unit_id}
    assert locales == {bulk["articles"][0].locale_id}


def test_document_numbers_are_unique_and_valid(bulk):
    types = list(DocumentType.objects.values_list("pk", "abbreviation"))
    issuers = list(IssuingBody.objects.values_list("pk", "abbreviation"))
    # Per language: the demo's English documents are translations carrying the same numbers.
    keys = Counter(
        (page.number_symbol, page.term, page.locale_id) for page in LegalDocumentPage.objects.all()
    )
    assert max(keys.values()) == 1
    for page in bulk["documents"]:
        symbols, rest = parse_number_symbols(page.number_symbol, types, issuers)
        assert len(symbols) == 1 and not rest.strip()
        assert symbols[0].number == page.number
        assert page.document_type_id in symbols[0].type_ids
        assert page.issuer_id in symbols[0].issuer_ids


def path(page):
    """The page's path on its site (`page.url` is absolute once the demo has sub-portals)."""
    return page.get_url_parts()[2]


def test_pages_are_served_and_listed(bulk, client):
    for page in bulk["articles"][:4] + bulk["documents"][:3]:
        response = client.get(path(page))
        assert response.status_code == 200
        assert page.listing_summary[:40] in response.content.decode()
    province = Site.objects.get(is_default_site=True).root_page
    index = NewsIndexPage.objects.child_of(province).get()
    listed = index.get_articles()
    assert set(listed.filter(pk__in=[page.pk for page in bulk["articles"]])) == set(
        bulk["articles"]
    )
    response = client.get(path(index))
    assert response.status_code == 200
    first = listed.first()
    assert path(first) in response.content.decode()


def test_search_finds_a_rare_word_with_and_without_diacritics(bulk, client):
    rare = words()["rare_words"]
    texts = {page.pk: fold(index_row(page)[4]) for page in bulk["articles"]}
    # The rare word found in the fewest bulk articles, and one of them.
    counts = {word: sum(fold(word) in text for text in texts.values()) for word in rare}
    word = min((word for word in rare if counts[word]), key=lambda word: counts[word])
    page = next(page for page in bulk["articles"] if fold(word) in texts[page.pk])
    for query in (word, fold(word)):
        response = client.get("/tim-kiem/", {"q": f'"{query}"'})
        assert response.status_code == 200
        assert path(page) in response.content.decode(), query


def test_index_entry_is_the_backends_own(bulk):
    backend = get_search_backend()
    for page in (bulk["articles"][0], bulk["articles"][-1], bulk["documents"][0]):
        ours = index_row(page)
        assert ours is not None and ours[1]
        backend.add(page)
        stock = index_row(page)
        assert ours[:5] == stock[:5]
        # title_norm: 1.0 when written, then average title length / this title's length,
        # refreshed once at the end of the run (the backend does it after every call).
        assert ours[5] != 1.0
