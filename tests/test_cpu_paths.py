"""What the CPU savings of issue 11 keep exact (docs/benchmarks.md, "CPU per uncached
request, profiled"): the memo of a visitor's Site and home page never outlives a change,
an article list reads only its cards' columns and keeps its cards until a change, the
register keeps its rows until a change or the next day, and its filter form writes what
Django's templates write."""

import re

import pytest

from django import forms
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.db import connection
from django.db.models import signals
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.models import Site

from legal_docs.filters import register_options
from legal_docs.forms import RegisterFilterForm, RegisterSearchInput, RegisterSelect
from legal_docs.models import LegalDocumentPage
from news.models import ARTICLE_CARD_FIELDS, NewsArticlePage
from site_core import navigation
from site_core.cards import CARD_FRAGMENT
from tests import factories

pytestmark = pytest.mark.django_db


def site_queries(client, path="/"):
    """The Site lookups (Wagtail's CASE over the sites) of one anonymous GET."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, [q for q in queries if 'AS "match"' in q["sql"]]


def test_the_site_and_home_are_read_once_per_version(client, home_page):
    site_queries(client)
    _response, again = site_queries(client)
    assert again == []


def test_a_published_home_title_shows_at_once(client, home_page):
    site_queries(client)
    home_page.title = "Trang chủ đã đổi tên"
    home_page.save_revision().publish()
    response, lookups = site_queries(client)
    assert len(lookups) == 1  # the version changed: read again
    assert "Trang chủ đã đổi tên" in response.content.decode()


def test_a_changed_site_is_read_again(client, home_page, site):
    site_queries(client)
    site.site_name = "Tên khác"
    site.save()
    _response, lookups = site_queries(client)
    assert len(lookups) == 1


def test_each_request_gets_its_own_site_and_home(rf, home_page):
    from site_core.navigation import remembered_site

    first, second = remembered_site(rf.get("/")), remembered_site(rf.get("/"))
    assert first.pk == second.pk == Site.objects.get(is_default_site=True).pk
    assert first is not second
    assert first.root_page is not second.root_page
    assert first.root_page.specific is not second.root_page.specific
    first.root_page.specific.title = "changed by one request"
    assert second.root_page.specific.title == home_page.title


def test_editors_read_the_site_afresh(client, home_page, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.invalid", "x" * 12)
    client.force_login(user)
    client.get("/")
    _response, lookups = site_queries(client)
    assert len(lookups) == 1


def test_article_cards_read_only_their_columns(client, news_index, org_chart):
    unit = factories.OrgUnitPageFactory(parent=org_chart, title="Ban Tuyên giáo")
    for number in range(3):
        factories.NewsArticlePageFactory(
            parent=news_index, title=f"Tin {number}", sapo=f"Tóm tắt {number}", source_unit=unit
        )
    # The first view renders the cards (a warm one reads no row: below).
    with CaptureQueriesContext(connection) as queries:
        response = client.get(news_index.url)
    html = response.content.decode()
    for number in range(3):
        assert f"Tin {number}" in html and f"Tóm tắt {number}" in html
    assert "Ban Tuyên giáo" in html
    listing = next(q["sql"] for q in queries if 'FROM "news_newsarticlepage"' in q["sql"])
    assert '"news_newsarticlepage"."body"' not in listing
    assert '"wagtailcore_page"."latest_revision_id"' not in listing
    assert {"title", "date", "sapo", "featured_image_id"} <= set(ARTICLE_CARD_FIELDS)


def django_rendered(field):
    """The field as Django's own widget templates render it."""
    widget = field.field.widget
    if isinstance(widget, forms.Select):
        plain = forms.Select(attrs=widget.attrs, choices=widget.choices)
    else:
        plain = forms.TextInput(attrs={**widget.attrs, "type": widget.input_type})
    plain.is_required = widget.is_required
    return field.as_widget(widget=plain)


def compact(html):
    return re.sub(r">\s+<", "><", str(html)).strip()


@pytest.mark.parametrize(
    "query",
    ["", "type=1&year=2024&sort=so&q=a%22%3Cb%3E", "type=zz&status=nope&issuer=-1"],
)
def test_register_widgets_write_what_django_writes(document_index, document_type, query):
    factories.LegalDocumentPageFactory(parent=document_index, document_type=document_type)
    options = register_options(LegalDocumentPage.objects.child_of(document_index).live(), 0)
    form = RegisterFilterForm(QueryDict(query), options)
    form.filters()
    for field in form:
        assert isinstance(field.field.widget, RegisterSelect | RegisterSearchInput)
        assert compact(str(field)) == compact(django_rendered(field))


def test_a_listing_keeps_its_cards_until_a_change(client, news_index, rf):
    article = factories.NewsArticlePageFactory(parent=news_index, title="Tin trước khi sửa")
    assert "Tin trước khi sửa" in client.get(news_index.url).content.decode()
    with translation.override("vi"):
        key = navigation.card_cache_key(rf.get(news_index.url), "news-row", article)
    kept = caches["default"].get(make_template_fragment_key(CARD_FRAGMENT, [key]))
    assert kept is not None and "Tin trước khi sửa" in kept

    article.title = "Tin sau khi sửa"
    article.save_revision().publish()
    html = client.get(news_index.url).content.decode()
    assert "Tin sau khi sửa" in html and "Tin trước khi sửa" not in html


def test_register_rows_are_kept_per_day_until_a_change(client, document_index, document_type):
    document = factories.LegalDocumentPageFactory(
        parent=document_index, document_type=document_type, summary="Trích yếu trước khi sửa"
    )
    first = client.get(document_index.url)
    assert "Trích yếu trước khi sửa" in first.content.decode()
    # The status of a document changes with the date: the day is in every row's key.
    assert first.context["register_row_kind"].endswith(timezone.localdate().isoformat())
    assert "Trích yếu trước khi sửa" in client.get(document_index.url).content.decode()

    document.summary = "Trích yếu sau khi sửa"
    document.save_revision().publish()
    html = client.get(document_index.url).content.decode()
    assert "Trích yếu sau khi sửa" in html and "Trích yếu trước khi sửa" not in html


def test_search_results_follow_a_change(client, news_index):
    article = factories.NewsArticlePageFactory(
        parent=news_index, title="Bảo tồn voọc chà vá", sapo="Tóm tắt trước khi sửa"
    )
    url = "/tim-kiem/?q=vooc"
    assert "Tóm tắt trước khi sửa" in client.get(url).content.decode()
    assert "Tóm tắt trước khi sửa" in client.get(url).content.decode()  # the kept result

    article.sapo = "Tóm tắt sau khi sửa"
    article.save_revision().publish()
    html = client.get(url).content.decode()
    assert "Tóm tắt sau khi sửa" in html and "Tóm tắt trước khi sửa" not in html


def test_the_site_memo_holds_a_bounded_number_of_hosts(rf, home_page, monkeypatch):
    from site_core import navigation

    monkeypatch.setattr(navigation, "SITE_MEMO_HOSTS", 3)
    for number in range(10):
        site = navigation.remembered_site(rf.get("/", HTTP_HOST=f"host{number}.example"))
        assert site.pk == Site.objects.get(is_default_site=True).pk  # the default site
    assert len(navigation._site_memo["sites"]) == 3


# --- pages that render from kept cards read no rows (site_core/cards.py, paging.PageRows) ---


class Instances:
    """Counts the instances of `models` Django builds while the block runs (post_init)."""

    def __init__(self, *models):
        self.models = models
        self.count = 0

    def __call__(self, sender, **kwargs):
        self.count += 1

    def __enter__(self):
        for model in self.models:
            signals.post_init.connect(self, sender=model)
        return self

    def __exit__(self, *exc):
        for model in self.models:
            signals.post_init.disconnect(self, sender=model)


def cold_and_warm(client, url, *models):
    """(html, queries, instances of `models`) of a first view and of the next one."""
    views = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries, Instances(*models) as built:
            response = client.get(url)
        assert response.status_code == 200
        views.append((response.content.decode(), len(queries), built.count))
    return views


@pytest.fixture
def listed_articles(news_index, org_chart):
    unit = factories.OrgUnitPageFactory(
        parent=org_chart, title="Ban Tuyên giáo", slug="ban-tuyen-giao"
    )
    category = factories.NewsCategoryFactory(name="Xây dựng Đảng", slug="xay-dung-dang")
    articles = []
    for number in range(15):
        article = factories.NewsArticlePageFactory(
            parent=news_index, title=f"Tin số {number}", sapo=f"Tóm tắt {number}", source_unit=unit
        )
        article.categories.add(category)
        article.save_revision().publish()
        articles.append(article)
    return articles


@pytest.mark.parametrize(
    "suffix", ["", "?page=2", "chuyen-muc/xay-dung-dang/", "don-vi/ban-tuyen-giao/"]
)
def test_a_warm_listing_reads_no_article(client, news_index, listed_articles, suffix):
    cold, warm = cold_and_warm(client, news_index.url + suffix, NewsArticlePage)
    assert cold[2] > 0  # the first view reads the rows and renders the cards
    assert warm[2] == 0  # the next one shows the kept cards: no article row read
    assert warm[1] < cold[1]
    assert compact(warm[0]) == compact(cold[0])


def test_a_missing_card_reads_the_rows_again(client, news_index, listed_articles, rf):
    url = news_index.url
    first = client.get(url).content.decode()
    with translation.override("vi"):
        key = navigation.card_cache_key(rf.get(url), "news-row", listed_articles[-1])
    caches["default"].delete(make_template_fragment_key(CARD_FRAGMENT, [key]))
    with Instances(NewsArticlePage) as built:
        again = client.get(url).content.decode()
    assert built.count > 0
    assert compact(again) == compact(first)


def test_a_warm_register_reads_no_document(client, document_index, document_type):
    for number in range(1, 25):
        factories.LegalDocumentPageFactory(
            parent=document_index, document_type=document_type, number=number
        )
    for url in (document_index.url, f"{document_index.url}?type={document_type.pk}"):
        caches["default"].clear()  # the filtered list shows the same rows: render them again
        cold, warm = cold_and_warm(client, url, LegalDocumentPage)
        assert cold[2] > 0 and warm[2] == 0
        assert warm[1] < cold[1]
        assert compact(warm[0]) == compact(cold[0])


def test_a_warm_search_reads_no_result_page(client, news_index):
    for number in range(12):
        factories.NewsArticlePageFactory(parent=news_index, title=f"Bảo tồn voọc số {number}")
    cold, warm = cold_and_warm(client, "/tim-kiem/?q=vooc", NewsArticlePage)
    assert cold[2] > 0 and warm[2] == 0
    assert warm[1] < cold[1]
    assert compact(warm[0]) == compact(cold[0])
    assert "Bảo tồn voọc số 11" in warm[0]


def test_a_warm_section_is_routed_without_a_query(client, news_index, listed_articles):
    client.get(news_index.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(news_index.url)
    assert len(queries) == 0
    news_index.title = "Tin tức mới đổi tên"
    news_index.save_revision().publish()
    assert "Tin tức mới đổi tên" in client.get(news_index.url).content.decode()


def test_an_article_below_a_remembered_section_is_found(client, news_index, listed_articles):
    client.get(news_index.url)
    article = listed_articles[0]
    assert article.title in client.get(article.url).content.decode()
    assert client.get(news_index.url + "khong-co-tin-nay/").status_code == 404
    assert client.get("/khong-co-muc-nay/").status_code == 404


def test_editors_route_without_the_memo(client, news_index, listed_articles, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.invalid", "x" * 12)
    client.force_login(user)
    client.get(news_index.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(news_index.url)
    assert any('"wagtailcore_page"."url_path"' in q["sql"] for q in queries)
