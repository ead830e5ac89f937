"""Site search: diacritics, document numbers, ranking, types, autocomplete, scope, budget."""

import datetime
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale, Page, PageViewRestriction, Site

from legal_docs.models import DocumentType, IssuingBody
from legal_docs.numbers import parse_number_symbols
from site_core.search.query import (
    MAX_QUERY_LENGTH,
    build_search_query,
    clean_query,
    search_terms,
)
from site_core.search.views import search_types
from site_core.text import fold
from tests import factories

SEARCH_URL = "/tim-kiem/"
SUGGEST_URL = "/tim-kiem/goi-y/"


def nq():
    return DocumentType.objects.get(abbreviation="NQ", locale=Locale.get_default())


def tinh_uy():
    return factories.IssuingBodyFactory(name="Tỉnh ủy", abbreviation="TU")


def trung_uong():
    return IssuingBody.objects.filter(abbreviation="TW").first() or factories.IssuingBodyFactory(
        name="Ban Chấp hành Trung ương", abbreviation="TW", level="trung-uong"
    )


@pytest.fixture
def content(home_page, news_index, event_index, document_index, history_index, org_chart):
    """One page of every searchable kind, plus a draft that must never be found."""
    pages = {}
    pages["article"] = factories.NewsArticlePageFactory(
        parent=news_index,
        title="Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ năm",
        sapo="Hội nghị quán triệt Nghị quyết 09-NQ/TU về chuyển đổi số.",
    )
    pages["event"] = factories.EventPageFactory(
        parent=event_index,
        title="Lễ kỷ niệm ngày thành lập Đảng",
        summary="Lễ kỷ niệm tổ chức tại hội trường Tỉnh ủy.",
    )
    pages["doc"] = factories.LegalDocumentPageFactory(
        parent=document_index,
        number=9,
        document_type=nq(),
        issuer=tinh_uy(),
        term="2020–2025",
        title="Nghị quyết về chuyển đổi số trong các cơ quan Đảng",
        summary="Về đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan Đảng tỉnh.",
        date_issued=datetime.date(2022, 3, 1),
    )
    pages["doc_tw"] = factories.LegalDocumentPageFactory(
        parent=document_index,
        number=9,
        document_type=nq(),
        issuer=trung_uong(),
        term="2020–2025",
        title="Nghị quyết của Trung ương số chín",
        summary="Về công tác cán bộ.",
        date_issued=datetime.date(2021, 5, 1),
    )
    pages["period"] = factories.HistoryPeriodPageFactory(
        parent=history_index,
        title="Thời kỳ đổi mới",
        summary="Đảng bộ tỉnh lãnh đạo công cuộc đổi mới.",
    )
    pages["unit"] = factories.OrgUnitPageFactory(parent=org_chart, title="Ban Tổ chức Tỉnh ủy")
    pages["standard"] = factories.StandardPageFactory(
        parent=home_page, title="Liên hệ", listing_summary="Địa chỉ liên hệ của Văn phòng Tỉnh ủy."
    )
    pages["draft"] = factories.NewsArticlePageFactory(
        parent=news_index,
        title="Nghị quyết bản nháp về đảng bộ",
        sapo="Bản nháp hội nghị chưa duyệt.",
        live=False,
    )
    return pages


def result_titles(response):
    return [page.title for page in response.context["results"].object_list]


def search(client, q, **params):
    response = client.get(SEARCH_URL, {"q": q, **params})
    assert response.status_code == 200
    return response


# --- helpers -------------------------------------------------------------------------


def test_fold_and_terms():
    assert fold("Đảng bộ Hội nghị NGHỊ QUYẾT") == "dang bo hoi nghi nghi quyet"
    assert search_terms("a & b | !c :* (d) <script>") == ["a", "b", "c", "d", "script"]
    assert clean_query("  x\x00y\u202e z\n") == "x y z"
    assert len(clean_query("ạ" * 10_000)) == MAX_QUERY_LENGTH
    assert clean_query(None) == "" and clean_query(["x"]) == ""
    # NFD input (as some keyboards send it) is composed before anything else.
    assert clean_query(unicodedata.normalize("NFD", "Nghị quyết")) == "Nghị quyết"


@pytest.mark.parametrize(
    "typed",
    ["9-nq/tu", "09 NQ TU", "09-NQ/TU", "9-NQ/TU", "số 9-nq/tu", "09 - nq / tu", "9/nq/tu"],
)
def test_parse_number_symbols_variants(typed):
    symbols, remainder = parse_number_symbols(typed, [(1, "NQ"), (2, "QĐ")], [(5, "TU")])
    if typed == "9/nq/tu":  # not a number pattern a person writes
        assert symbols == []
        return
    assert len(symbols) == 1
    assert (symbols[0].number, symbols[0].type_ids, symbols[0].issuer_ids) == (9, [1], [5])
    assert symbols[0].canonical == "09-NQ/TU"
    assert remainder in ("", "số")


def test_parse_number_symbols_keeps_ordinary_words():
    types, issuers = [(1, "NQ"), (2, "QĐ"), (3, "QĐi")], [(5, "TU"), (6, "BTCTU"), (7, "BDVTU")]
    assert parse_number_symbols("hội nghị 2020 hoi nghi", types, issuers) == (
        [],
        "hội nghị 2020 hoi nghi",
    )
    symbols, remainder = parse_number_symbols("797-qd/tu thành lập", types, issuers)
    assert symbols[0].canonical == "797-QĐ/TU" and remainder == "thành lập"
    symbols, _ = parse_number_symbols("05-QC/BTCTU-BDVTU", types + [(4, "QC")], issuers)
    assert symbols[0].canonical == "05-QC/BTCTU-BDVTU" and symbols[0].issuer_ids == [6]
    symbols, remainder = parse_number_symbols("09 NQ về chuyển đổi số", types, issuers)
    assert symbols[0].issuer_ids == [] and remainder == "về chuyển đổi số"
    assert build_search_query([], []) is None


# --- diacritics ------------------------------------------------------------------------


DIACRITIC_CASES = [
    ("nghi quyet", "doc"),
    ("NGHI QUYET", "doc"),
    ("Nghị Quyết", "doc"),
    ("nghị quyet", "doc"),
    ("dang bo", "article"),
    ("ĐẢNG BỘ", "article"),
    ("Đang Bo", "article"),
    ("hoi nghi", "article"),
    ("HỘI nghi", "article"),
    ("chuyen doi so", "doc"),
    ("ky niem", "event"),
    ("doi moi", "period"),
    ("ban to chuc", "unit"),
    ("lien he", "standard"),
]


def test_search_ignores_diacritics(client, content):
    # One fixture for all cases: building the page tree is the slow part of these tests.
    for typed, expected in DIACRITIC_CASES:
        assert content[expected].title in result_titles(search(client, typed)), typed


def test_search_with_and_without_marks_find_the_same(client, content):
    for plain, marked in [
        ("nghi quyet", "Nghị quyết"),
        ("dang bo", "Đảng bộ"),
        ("hoi nghi", "Hội nghị"),
    ]:
        assert sorted(result_titles(search(client, plain))) == sorted(
            result_titles(search(client, marked))
        )
    nfd = unicodedata.normalize("NFD", "Nghị quyết")
    assert sorted(result_titles(search(client, nfd))) == sorted(
        result_titles(search(client, "nghi quyet"))
    )


def test_search_uses_postgres_full_text_with_vi_unaccent(client, content):
    with CaptureQueriesContext(connection) as captured:
        search(client, "nghi quyet")
    sql = "\n".join(query["sql"] for query in captured.captured_queries)
    assert "@@" in sql and "vi_unaccent" in sql
    # The only LIKE is treebeard's path prefix (site scope); no pattern match on the text.
    assert "LIKE '%" not in sql and "ILIKE" not in sql.upper()
    # The backend matches `(title || body) @@ query`: migration 0005 indexes that expression.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('vi_unaccent', %s)",
            ["'Nghị' & 'QUYẾT'"],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # Either GIN index on the expression: migration 0005's, or portal_search's (page id
    # and title || body), which the planner may prefer for the same condition.
    assert "site_core_search_title_body_gin" in plan or "portal_search_entry_page_vector" in plan
    assert "''nghi'' & ''quyet''" in plan  # the query as folded by vi_unaccent


# --- document numbers ------------------------------------------------------------------


def test_document_number_variants_put_the_document_first(client, content):
    for typed in [
        "9-nq/tu",
        "09 NQ TU",
        "09-NQ/TU",
        "9-NQ/TU",
        "nghị quyết 9-nq/tu",
        "số 09-nq/tu",
    ]:
        response = search(client, typed)
        titles = result_titles(response)
        assert titles[0] == content["doc"].title, typed
        assert content["doc_tw"].title not in titles, typed
        assert "09-NQ/TU" in response.content.decode()


def test_document_number_also_finds_articles_citing_it(client, content):
    titles = result_titles(search(client, "9-nq/tu"))
    assert titles[0] == content["doc"].title
    assert content["article"].title in titles


def test_number_without_issuer_finds_every_issuer(client, content):
    titles = result_titles(search(client, "09-NQ"))
    assert {content["doc"].title, content["doc_tw"].title} <= set(titles[:2])


# --- ranking and types -----------------------------------------------------------------


def test_title_matches_rank_first(client, home_page):
    in_body = factories.StandardPageFactory(
        parent=home_page,
        title="Thông báo chung",
        listing_summary="Tổng kết công tác tuyên truyền về biển đảo trong năm.",
    )
    in_title = factories.StandardPageFactory(
        parent=home_page, title="Tuyên truyền biển đảo", listing_summary="Kế hoạch năm."
    )
    titles = result_titles(search(client, "tuyen truyen bien dao"))
    assert titles == [in_title.title, in_body.title]


TYPE_CASES = [
    # (type, page expected, page of another type that matches the words too, query)
    ("tin", "article", "doc", "dang"),
    ("van-ban", "doc", "article", "nghi quyet"),
    ("su-kien", "event", "article", "dang"),
    ("lich-su", "period", "article", "dang bo"),
    ("to-chuc", "unit", "event", "tinh uy"),
    ("trang", "standard", "event", "tinh uy"),
]


def test_type_filter(client, content):
    for type_slug, expected, excluded, query in TYPE_CASES:
        assert content[excluded].title in result_titles(search(client, query)), query
        response = search(client, query, type=type_slug)
        titles = result_titles(response)
        assert content[expected].title in titles, type_slug
        label = search_types()[type_slug].search_type.label
        assert f"trong mục {label}" in response.content.decode()
        assert content[excluded].title not in titles, type_slug


def test_unknown_type_means_all_types(client, content):
    response = search(client, "dang", type="<script>")
    assert response.context["search_type"] == ""
    assert "&lt;script&gt;" not in response.content.decode()  # the value is not echoed at all
    titles = result_titles(response)
    assert content["article"].title in titles and content["doc"].title in titles


# --- autocomplete -------------------------------------------------------------------------


def test_autocomplete_returns_json_suggestions(client, content):
    data = client.get(SUGGEST_URL, {"q": "hoi ng"}).json()
    titles = [item["title"] for item in data["suggestions"]]
    assert content["article"].title in titles
    assert content["draft"].title not in titles
    item = data["suggestions"][titles.index(content["article"].title)]
    assert item["url"] == content["article"].url and item["type"] == "tin"


def test_autocomplete_number_and_odd_input(client, content):
    data = client.get(SUGGEST_URL, {"q": "9-nq/tu"}).json()
    assert data["suggestions"][0]["number_symbol"] == "09-NQ/TU"
    for odd in ["", "a", "&|!:*()", "<script>alert(1)</script>", "x" * 10_000, "\x00\x01"]:
        response = client.get(SUGGEST_URL, {"q": odd})
        assert response.status_code == 200
        assert "<script>" not in response.content.decode()


# --- scope -------------------------------------------------------------------------------


def test_drafts_are_never_found(client, content):
    for typed in ["ban nhap", "bản nháp", "chua duyet"]:
        assert content["draft"].title not in result_titles(search(client, typed))


def test_private_pages_are_not_found(client, content):
    PageViewRestriction.objects.create(
        page=content["standard"],
        restriction_type="password",
        password="mat-khau",  # noqa: S106
    )
    assert content["standard"].title not in result_titles(search(client, "lien he"))


def test_other_sites_are_not_searched(client, content, root_page):
    other_home = factories.HomePageFactory(parent=root_page, title="Đảng bộ phường")
    Site.objects.create(hostname="phuong.example", port=80, root_page=other_home)
    factories.StandardPageFactory(parent=other_home, title="Liên hệ phường")
    titles = result_titles(search(client, "lien he"))
    assert "Liên hệ phường" not in titles and content["standard"].title in titles
    response = client.get(SEARCH_URL, {"q": "lien he"}, HTTP_HOST="phuong.example")
    assert result_titles(response) == ["Liên hệ phường"]


def test_english_tree_is_searched_under_en(client, content, home_page):
    english = Locale.objects.get(language_code="en")
    en_home = home_page.copy_for_translation(english)
    en_home.save_revision().publish()
    factories.StandardPageFactory(parent=en_home, title="Contacts of the Party Committee")
    assert result_titles(search(client, "contacts")) == []
    response = client.get("/en/tim-kiem/", {"q": "contacts"})
    assert result_titles(response) == ["Contacts of the Party Committee"]
    assert "Liên hệ" not in result_titles(client.get("/en/tim-kiem/", {"q": "lien he"}))


# --- paging, escaping, budget ------------------------------------------------------------


def test_results_are_paginated_with_the_query_kept(client, home_page):
    for n in range(12):
        factories.StandardPageFactory(parent=home_page, title=f"Biển đảo quê hương {n}")
    first = search(client, "bien dao")
    assert first.context["results"].paginator.count == 12
    assert len(first.context["results"].object_list) == 10
    assert "?q=bien+dao&amp;page=2" in first.content.decode()
    second = search(client, "bien dao", page="2")
    assert len(second.context["results"].object_list) == 2
    assert search(client, "bien dao", page="x").context["results"].number == 1
    assert search(client, "bien dao", page="999").context["results"].number == 2


def test_query_is_escaped(client, content):
    response = search(client, '<script>alert("x")</script> dang bo')
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_empty_query_shows_the_form(client, home_page):
    response = client.get(SEARCH_URL)
    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'name="q"' in response.content.decode()


def test_search_query_budget(client, content, assert_render_budget, news_index):
    for _ in range(15):  # not add_children: that one skips the search index
        factories.NewsArticlePageFactory(parent=news_index)
    response = assert_render_budget(f"{SEARCH_URL}?q=hoi+nghi", 10)
    assert len(response.context["results"].object_list) == 10
    # The bounded search: an estimate, the newest matching entries, their pages in scope.
    assert_render_budget(f"{SEARCH_URL}?q=9-nq/tu", 14)
    assert_render_budget(f"{SUGGEST_URL}?q=hoi+ng", 6)


def test_admin_page_search_with_and_without_marks(admin_client, content):
    """The admin's page search (an autocomplete) finds titles typed either way."""
    url = reverse("wagtailadmin_pages:search")
    for typed in ["Nghị quyết chuyển đổi", "nghi quyet chuyen doi", "NGHỊ quyet", "chuyển đổi s"]:
        html = admin_client.get(url, {"q": typed}).content.decode()
        assert content["doc"].title in html, typed
        assert content["event"].title not in html, typed


def test_update_index_command_runs(content):
    call_command("update_index", verbosity=0)
    assert Page.objects.live().search("hoi nghi").count() >= 1


def test_search_url_is_reversible():
    assert reverse("search") == SEARCH_URL
    assert reverse("search_suggestions") == SUGGEST_URL


# --- the SQLite quick start --------------------------------------------------------------

# Run by `manage.py shell` with the development settings on a fresh SQLite file: the stock
# FTS5 backend, the folded copy that the pages index and the folded visitor query.
SQLITE_SEARCH_SCRIPT = """
import json
from django.test import Client
from django.test.utils import setup_test_environment
from wagtail.models import Locale, Page, Site
from legal_docs.models import DocumentType
from tests import factories

home = factories.HomePageFactory(parent=Page.get_first_root_node())
Site.objects.filter(is_default_site=True).update(root_page=home)
news = factories.NewsIndexPageFactory(parent=home)
documents = factories.LegalDocumentIndexPageFactory(parent=home)
factories.LegalDocumentPageFactory(
    parent=documents,
    number=9,
    document_type=DocumentType.objects.get(abbreviation="NQ", locale=Locale.get_default()),
    issuer=factories.IssuingBodyFactory(name="Tỉnh ủy", abbreviation="TU"),
    title="Nghị quyết về chuyển đổi số",
    summary="Về đẩy mạnh chuyển đổi số.",
)
import datetime
from django.utils import timezone
yesterday = timezone.now() - datetime.timedelta(days=1)
article = factories.NewsArticlePageFactory(
    parent=news, title="Hội nghị Đảng bộ tỉnh", sapo="Quán triệt Nghị quyết 09-NQ/TU.",
    date=yesterday,
)
other = factories.NewsArticlePageFactory(
    parent=news, title="Tin vắn về xây dựng", sapo="Tin vắn.", date=yesterday
)
# The home page's category blocks (one query per category here: SQLite allows no LIMIT
# inside a UNION). They show what the headlines and the latest news do not: eleven newer.
for number in range(11):
    factories.NewsArticlePageFactory(parent=news, title=f"Tin vắn số {number}", sapo="Tin vắn.")
economy = factories.NewsCategoryFactory(name="Kinh tế")
party = factories.NewsCategoryFactory(name="Xây dựng Đảng")
article.categories.add(economy, party)
article.save_revision().publish()
other.categories.add(party)
other.save_revision().publish()
setup_test_environment()  # the client then records the template context
client = Client(HTTP_HOST="127.0.0.1")
found = {}
home = client.get("/")
found["home"] = [home.status_code, [c.name for c, _ in home.context["category_blocks"]]]
for q in ["nghi quyet", "Nghị quyết", "NGHỊ QUYET", "dang bo", "9-nq/tu"]:
    found[q] = [page.title for page in client.get("/tim-kiem/", {"q": q}).context["results"]]
found["suggest"] = [
    item["title"] for item in client.get("/tim-kiem/goi-y/", {"q": "nghi"}).json()["suggestions"]
]
print(json.dumps(found))
"""


def test_sqlite_quick_start_search_ignores_diacritics(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    manage = [sys.executable, str(Path(__file__).resolve().parent.parent / "manage.py")]
    run = {"env": env, "cwd": Path(manage[1]).parent, "check": True, "timeout": 180}
    subprocess.run([*manage, "migrate", "-v0"], **run)  # noqa: S603 - our interpreter, fixed arguments
    output = subprocess.run(  # noqa: S603 - our interpreter, fixed arguments
        [*manage, "shell", "-v0", "-c", SQLITE_SEARCH_SCRIPT], capture_output=True, text=True, **run
    ).stdout
    found = json.loads(output.strip().splitlines()[-1])
    document, article = "Nghị quyết về chuyển đổi số", "Hội nghị Đảng bộ tỉnh"
    for typed in ["nghi quyet", "Nghị quyết", "NGHỊ QUYET"]:
        assert set(found[typed]) == {document, article}, typed
    assert found["dang bo"] == [article]
    assert found["9-nq/tu"] == [document, article]  # the document by number, then the citation
    assert set(found["suggest"]) == {document, article}
    # The home page with its category blocks renders on SQLite too (no 500 from a UNION).
    assert found["home"][0] == 200
    assert sorted(found["home"][1]) == ["Kinh tế", "Xây dựng Đảng"]
