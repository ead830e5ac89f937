"""site_core/paging.py: seek pages hold exactly the rows OFFSET pages would, in order."""

import datetime

import pytest

from django.core.cache import cache
from django.core.paginator import Paginator
from django.test import RequestFactory
from django.utils import timezone

from legal_docs.filters import DEFAULT_ORDER, REGISTER_KEYS, SORT_ORDERS
from legal_docs.forms import SORT_OLDEST
from legal_docs.models import LegalDocumentPage
from news.models import ARTICLE_ORDER, ARTICLE_ORDER_KEYS, NewsArticlePage
from site_core import paging
from site_core.paging import SeekPaginator, seek_paginate
from tests import factories


def pages_of(paginator):
    return [
        [row.pk for row in paginator.page(number).object_list] for number in paginator.page_range
    ]


def offset_pages(queryset, per_page):
    return pages_of(Paginator(queryset, per_page))


@pytest.fixture
def articles(news_index):
    cache.clear()
    now = timezone.now().replace(microsecond=0)
    made = []
    for number in range(11):
        # Pairs of articles share a date: the primary key breaks the tie.
        made.append(
            factories.NewsArticlePageFactory(
                parent=news_index, date=now - datetime.timedelta(hours=number // 2)
            )
        )
    return made


@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 11, 20])
def test_seek_pages_equal_offset_pages(articles, per_page):
    queryset = NewsArticlePage.objects.live().order_by(*ARTICLE_ORDER)
    seek = SeekPaginator(queryset, per_page, ARTICLE_ORDER_KEYS)
    assert seek.count == len(articles)
    assert pages_of(seek) == offset_pages(queryset, per_page)


def test_pages_across_chunks(articles, monkeypatch):
    monkeypatch.setattr(paging, "CHUNK_PAGES", 2)
    queryset = NewsArticlePage.objects.live().order_by(*ARTICLE_ORDER)
    seek = SeekPaginator(queryset, 2, ARTICLE_ORDER_KEYS)
    # The deepest page first: the chunks before it are computed front to back.
    assert [row.pk for row in seek.page(6).object_list] == offset_pages(queryset, 2)[5]
    assert pages_of(seek) == offset_pages(queryset, 2)


def test_any_page_value_gives_a_valid_page(articles):
    queryset = NewsArticlePage.objects.live()
    for raw, number in [("abc", 1), ("0", 4), ("99999", 4), ("3", 3), ("", 1)]:
        request = RequestFactory().get("/", {"page": raw})
        assert seek_paginate(request, queryset, ARTICLE_ORDER_KEYS, per_page=3).number == number


def test_a_publish_renews_the_cached_boundaries(articles, news_index):
    queryset = NewsArticlePage.objects.live().order_by(*ARTICLE_ORDER)
    before = pages_of(SeekPaginator(queryset, 3, ARTICLE_ORDER_KEYS))
    newest = factories.NewsArticlePageFactory(parent=news_index, date=timezone.now())
    newest.save_revision().publish()
    after = pages_of(SeekPaginator(queryset, 3, ARTICLE_ORDER_KEYS))
    assert after != before
    assert after == offset_pages(queryset, 3)
    assert after[0][0] == newest.pk


def test_register_order_with_missing_dates_and_numbers(document_index):
    cache.clear()
    for number, issued in [
        (1, datetime.date(2022, 1, 1)),
        (2, datetime.date(2022, 1, 1)),
        (None, datetime.date(2022, 1, 1)),
        (3, None),
        (None, None),
        (4, datetime.date(2021, 5, 5)),
        (5, datetime.date(2023, 5, 5)),
    ]:
        # The form requires a number and a date; older records may lack them.
        document = factories.LegalDocumentPageFactory(parent=document_index, date_effective=None)
        LegalDocumentPage.objects.filter(pk=document.pk).update(number=number, date_issued=issued)
    documents = LegalDocumentPage.objects.live()
    # The expression keys sort exactly as the plain columns with NULL where PostgreSQL puts it.
    plain = documents.order_by("-date_issued", "-number", "-pk")
    assert list(documents.order_by(*DEFAULT_ORDER)) == list(plain)
    for per_page in (1, 2, 3):
        seek = SeekPaginator(documents, per_page, REGISTER_KEYS)
        assert pages_of(seek) == offset_pages(plain, per_page)
        oldest = SeekPaginator(documents, per_page, REGISTER_KEYS, descending=False)
        assert pages_of(oldest) == offset_pages(
            documents.order_by(*SORT_ORDERS[SORT_OLDEST]), per_page
        )
        assert pages_of(oldest) == offset_pages(
            documents.order_by("date_issued", "number", "pk"), per_page
        )
