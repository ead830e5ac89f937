"""Sổ nhuận bút: credits, kind and grade, the ledger written at first publication, the
rate table, the report and its exports (news/royalties.py, news/royalty_views.py)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission, Locale, Site
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from news.models import (
    ArticleCredit,
    NewsArticlePage,
    RoyaltyEntry,
    RoyaltyRate,
    RoyaltyRateTable,
)
from news.royalties import record_publication, split_shares, unrecorded_articles
from news.royalty_models import format_dong, known_unit
from site_core.editorial.setup import BOARD, COLLABORATORS, EDITORS, grant_section, setup_portal
from tests.factories import HomePageFactory, NewsArticlePageFactory

PASSWORD = "mat-khau-so-nhuan-but-2026"  # noqa: S105
REPORT = "news_royalty_report"
MY_REPORT = "news_my_royalties"
RATE_LIST = "wagtailsnippets_news_royaltyratetable:list"
RATE_ADD = "wagtailsnippets_news_royaltyratetable:add"


def make_user(username, first_name, last_name, *groups):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=first_name, last_name=last_name
    )
    user.groups.add(*groups)
    return user


def make_table(day, amounts, note=""):
    table = RoyaltyRateTable.objects.create(effective_from=day, note=note)
    for (kind, grade), amount in amounts.items():
        RoyaltyRate.objects.create(table=table, kind=kind, grade=grade, amount=amount)
    return table


@pytest.fixture
def portal(home_page, news_index):
    setup_portal()
    news_group = grant_section(news_index)
    make_table(
        datetime.date(2000, 1, 1),
        {("bai", "A"): 1_000_000, ("bai", "B"): 700_000, ("tin", "B"): 250_000},
        note="Quyết định 01-QĐ/BBT",
    )
    return {
        "news": news_index,
        "ctv": make_user(
            "ctv", "Hà", "Nguyễn Thu", Group.objects.get(name=COLLABORATORS), news_group
        ),
        "btv": make_user("btv", "Bình", "Trần Thị", Group.objects.get(name=EDITORS)),
        "bbt": make_user("bbt", "Cường", "Lê Văn", Group.objects.get(name=BOARD)),
    }


def form_data(client, url, fields=None):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for key, value in nested_form_data(fields or {}).items():
        data[key] = value
    return html, data


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def article_fields(title, credits, **extra):
    return {
        "title": title,
        "slug": "",
        "sapo": f"Sapo của bài {title}.",
        "date": "20/11/2026 09:30",
        "body": streamfield([("paragraph", rich_text(f"<p>Nội dung {title}.</p>"))]),
        "credits": inline_formset(credits),
        **extra,
    }


def approve(client, page):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302
    return response


def write_and_submit(client, portal, title, credits):
    """The collaborator writes an article in the admin and submits it."""
    client.force_login(portal["ctv"])
    url = add_url(portal["news"])
    html, data = form_data(client, url, article_fields(title, credits))
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return NewsArticlePage.objects.get(title=title)


def body_as_posted(page):
    """The body of the page's latest version as the browser posts it back unchanged
    (the StreamField is drawn by JavaScript): same blocks, same ids."""
    body = NewsArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object().body
    data = {"body-count": str(len(body))}
    for index, block in enumerate(body):
        data.update(
            {
                f"body-{index}-type": block.block_type,
                f"body-{index}-value": rich_text(block.value.source),
                f"body-{index}-id": block.id,
                f"body-{index}-order": str(index),
                f"body-{index}-deleted": "",
            }
        )
    return data


def grade_in_review(client, user, page, kind, grade):
    """An editor (or the board) sets kind and grade in the edit form and saves."""
    client.force_login(user)
    html, data = form_data(client, edit_url(page), {"royalty_kind": kind, "royalty_grade": grade})
    for key, value in body_as_posted(page).items():
        data[key] = value
    assert 'name="royalty_kind"' in html
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def publish_through_workflow(client, portal, title, credits, kind="bai", grade="A"):
    article = write_and_submit(client, portal, title, credits)
    grade_in_review(client, portal["btv"], article, kind, grade)
    # Grading is not writing the article: the editor who graded may still approve, and
    # the run stays at its step.
    article.refresh_from_db()
    assert article.current_workflow_task.name == "Biên tập viên duyệt"
    approve(client, article)
    client.force_login(portal["bbt"])
    approve(client, article)
    article.refresh_from_db()
    assert article.live
    return article


def publish_directly(parent, title, when, kind="", grade="", credits=(), owner=None, **fields):
    """A page published by code (a script, the demo), first published at `when`."""
    article = NewsArticlePageFactory(parent=parent, title=title, live=False, owner=owner, **fields)
    article.royalty_kind, article.royalty_grade = kind, grade
    article.first_published_at = when
    article.credits = [ArticleCredit(**credit) for credit in credits]
    article.save()
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def aware(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 9, 0))


# --- recording --------------------------------------------------------------------------


@pytest.mark.django_db
def test_publication_through_the_workflow_writes_one_line_per_author(client, portal):
    article = publish_through_workflow(
        client,
        portal,
        "Đồng Nai đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh",
        [
            {"user": portal["ctv"].pk, "name": "", "unit": "Ban Tuyên giáo Tỉnh ủy", "share": 70},
            {"user": "", "name": "Phạm Đức Độ", "unit": "Báo Đồng Nai", "share": ""},
        ],
    )
    entries = list(RoyaltyEntry.objects.filter(article=article).order_by("position"))
    assert [
        (e.user, e.author_name, e.unit, e.kind, e.grade, e.share, e.rate, e.amount) for e in entries
    ] == [
        (
            portal["ctv"],
            "Nguyễn Thu Hà",
            "Ban Tuyên giáo Tỉnh ủy",
            "bai",
            "A",
            70,
            1_000_000,
            700_000,
        ),
        (None, "Phạm Đức Độ", "Báo Đồng Nai", "bai", "A", 30, 1_000_000, 300_000),
    ]
    local = timezone.localtime(article.first_published_at)
    assert entries[0].month == local.date().replace(day=1)
    assert entries[0].published_at == article.first_published_at
    assert entries[0].site.is_default_site
    assert entries[0].title == article.title
    # The article's form shows the board what was written; the collaborator sees no ledger.
    client.force_login(portal["bbt"])
    html = client.get(edit_url(article)).content.decode()
    assert "Đã ghi sổ nhuận bút" in html and "700.000 đ" in html and "300.000 đ" in html
    client.force_login(portal["ctv"])
    html = client.get(edit_url(article)).content.decode()
    assert "Đã ghi sổ nhuận bút" not in html and "Phạm Đức Độ" in html

    # The collaborator's unit is known now: a credit left blank on the next article gets it.
    second = write_and_submit(
        client,
        portal,
        "Hội nghị sơ kết công tác tuyên giáo",
        [{"user": portal["ctv"].pk, "name": "", "unit": "", "share": ""}],
    )
    credit = second.get_latest_revision_as_object().credits.all()[0]
    assert credit.unit == "Ban Tuyên giáo Tỉnh ủy"
    assert not RoyaltyEntry.objects.filter(article=second).exists()  # not published yet


@pytest.mark.django_db
def test_republication_and_withdrawal_change_nothing(client, portal, django_user_model):
    article = publish_through_workflow(
        client,
        portal,
        "Bài đăng lại không ghi sổ hai lần",
        [{"user": portal["ctv"].pk, "name": "", "unit": "Ban Dân vận", "share": ""}],
        kind="bai",
        grade="B",
    )
    before = list(RoyaltyEntry.objects.values_list("pk", "amount", "grade", "month"))
    assert [row[1:3] for row in before] == [(700_000, "B")]

    # A later version, graded higher and with another author, published again.
    page = article.get_latest_revision_as_object()
    page.royalty_grade = "A"
    page.credits = [ArticleCredit(name="Người Khác", unit="Đơn vị khác")]
    page.save_revision(user=portal["bbt"]).publish()
    article.refresh_from_db()
    assert article.royalty_grade == "A"
    assert list(RoyaltyEntry.objects.values_list("pk", "amount", "grade", "month")) == before

    # Withdrawn: the lines stay, the report says so.
    article.get_latest_revision().publish()  # once more, for good measure
    article.unpublish()
    assert list(RoyaltyEntry.objects.values_list("pk", "amount", "grade", "month")) == before
    client.force_login(portal["bbt"])
    html = client.get(reverse(REPORT)).content.decode()
    assert "bài đã gỡ" in html
    # A racing second write is refused by the constraint, not added.
    RoyaltyEntry.objects.all().delete()
    assert len(record_publication(article)) == 1
    assert record_publication(article) == []
    assert RoyaltyEntry.objects.count() == 1


@pytest.mark.django_db
def test_a_translation_is_the_same_article_in_the_ledger(portal):
    article = publish_directly(
        portal["news"],
        "Bài có bản tiếng Anh",
        aware(2026, 6, 1),
        kind="bai",
        grade="A",
        credits=[{"name": "Lê Thị Ánh", "unit": "Ban Đối ngoại"}],
    )
    english, _ = Locale.objects.get_or_create(language_code="en")
    portal["news"].copy_for_translation(english, copy_parents=True)
    translation = article.copy_for_translation(english)
    translation.save_revision().publish()
    assert list(RoyaltyEntry.objects.values_list("article_id", "amount")) == [
        (article.pk, 1_000_000)
    ]
    assert not unrecorded_articles(NewsArticlePage).exists()


@pytest.mark.django_db
def test_article_without_credits_is_credited_to_its_writer_or_byline(portal):
    by_collaborator = publish_directly(
        portal["news"], "Bài của cộng tác viên", aware(2026, 5, 2), owner=portal["ctv"]
    )
    by_script = publish_directly(
        portal["news"],
        "Bài nhập từ hệ thống cũ",
        aware(2026, 5, 3),
        byline="Thu Hà (Ban Tuyên giáo)",
        owner=get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD),
    )
    nobody = publish_directly(portal["news"], "Bài không rõ tác giả", aware(2026, 5, 4))
    names = dict(RoyaltyEntry.objects.values_list("article_id", "author_name"))
    assert names == {
        by_collaborator.pk: "Nguyễn Thu Hà",
        by_script.pk: "Thu Hà (Ban Tuyên giáo)",
        nobody.pk: "Chưa ghi tác giả",
    }
    # Without kind and grade: nothing is owed yet, and the report says why.
    assert set(RoyaltyEntry.objects.values_list("amount", flat=True)) == {0}


@pytest.mark.django_db
def test_unit_known_from_the_sub_portal_a_writer_works_in(portal, root_page):
    ward_home = HomePageFactory(parent=root_page, title="Phường Trấn Biên", slug="tran-bien")
    Site.objects.create(
        hostname="tranbien.example", root_page=ward_home, site_name="Phường Trấn Biên"
    )
    ward_writers = Group.objects.create(name="Cộng tác viên · Phường Trấn Biên")
    GroupPagePermission.objects.create(
        group=ward_writers, page=ward_home, permission=Permission.objects.get(codename="add_page")
    )
    writer = make_user("ctv-tb", "Lan", "Hồ Thị", ward_writers)
    assert known_unit(writer) == "Phường Trấn Biên"
    assert known_unit(portal["ctv"]) == ""  # a section of the province says nothing
    credit = ArticleCredit(user=writer)
    credit.clean()
    assert credit.unit == "Phường Trấn Biên"
    with pytest.raises(ValidationError):
        ArticleCredit(name="  ").clean()


def test_shares_split_what_is_left_and_never_pay_more_than_once():
    d = Decimal
    assert split_shares([None]) == [100]
    assert split_shares([70, None]) == [70, 30]
    assert split_shares([None, None, None]) == [d("33.33")] * 3
    assert split_shares([80, 40]) == [d("66.67"), d("33.33")]
    assert split_shares([30, 20]) == [60, 40]
    assert split_shares([100, None]) == [100, 0]


# --- who may grade -----------------------------------------------------------------------


@pytest.mark.django_db
def test_collaborator_cannot_set_kind_or_grade_even_by_a_forged_post(client, portal):
    client.force_login(portal["ctv"])
    url = add_url(portal["news"])
    html, data = form_data(
        client,
        url,
        article_fields(
            "Bài tự chấm loại A",
            [{"user": portal["ctv"].pk, "name": "", "unit": "Ban Tuyên giáo", "share": ""}],
        ),
    )
    assert 'name="royalty_kind"' not in html and 'name="royalty_grade"' not in html
    assert "Tác giả, nhuận bút" in html  # the credits are theirs to fill in
    data["royalty_kind"], data["royalty_grade"] = "phong-su", "A"
    assert client.post(url, data).status_code == 302
    article = NewsArticlePage.objects.get(title="Bài tự chấm loại A")
    draft = article.get_latest_revision_as_object()
    assert (draft.royalty_kind, draft.royalty_grade) == ("", "")

    # The editor grades; the collaborator's next edit, forged or not, keeps the grade.
    grade_in_review(client, portal["btv"], article, "tin", "B")
    article.refresh_from_db()
    draft = article.get_latest_revision_as_object()
    assert (draft.royalty_kind, draft.royalty_grade) == ("tin", "B")
    client.force_login(portal["ctv"])
    html, data = form_data(client, edit_url(article))
    assert 'name="royalty_grade"' not in html
    data["royalty_kind"], data["royalty_grade"] = "phong-su", "A"
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Sửa lại.</p>"))])})
    )
    assert client.post(edit_url(article), data).status_code == 302
    article.refresh_from_db()
    draft = article.get_latest_revision_as_object()
    assert (draft.royalty_kind, draft.royalty_grade) == ("tin", "B")
    assert "Sửa lại." in draft.body[0].value.source  # the rest of the edit was kept


# --- the rate table ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_rate_change_applies_from_its_date_and_never_rewrites_the_ledger(portal):
    march = publish_directly(
        portal["news"], "Bài tháng ba", aware(2026, 3, 15), kind="tin", grade="B"
    )
    assert RoyaltyEntry.objects.get(article=march).amount == 250_000

    july = make_table(datetime.date(2026, 7, 1), {("tin", "B"): 300_000})
    # The old table corrected afterwards: what was written stays written.
    RoyaltyRate.objects.filter(table__effective_from=datetime.date(2000, 1, 1), kind="tin").update(
        amount=999_999
    )
    august = publish_directly(
        portal["news"], "Bài tháng tám", aware(2026, 8, 3), kind="tin", grade="B"
    )
    entries = {e.article_id: e for e in RoyaltyEntry.objects.all()}
    assert (entries[march.pk].amount, entries[march.pk].month) == (
        250_000,
        datetime.date(2026, 3, 1),
    )
    assert (entries[august.pk].amount, entries[august.pk].rate_table) == (300_000, july)
    # A kind the table has no rate for is written at 0 and flagged.
    publish_directly(portal["news"], "Ảnh không có mức", aware(2026, 8, 4), kind="anh", grade="C")
    assert RoyaltyEntry.objects.get(title="Ảnh không có mức").amount == 0


@pytest.mark.django_db
def test_only_the_board_edits_the_rate_table(client, portal):
    client.force_login(portal["ctv"])
    for name in (RATE_LIST, RATE_ADD):
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    before = RoyaltyRateTable.objects.count()
    add = {
        "effective_from": "2027-01-01",
        "note": "Giả mạo",
        **nested_form_data({"rates": inline_formset([{"kind": "tin", "grade": "A", "amount": 9}])}),
    }
    client.post(reverse(RATE_ADD), add)
    client.force_login(portal["btv"])
    assert client.get(reverse(RATE_LIST)).status_code == 200  # editors read it
    client.post(reverse(RATE_ADD), add)
    assert RoyaltyRateTable.objects.count() == before

    client.force_login(portal["bbt"])
    add["note"] = "Quyết định 15-QĐ/BBT năm 2027"
    response = client.post(reverse(RATE_ADD), add)
    assert response.status_code == 302
    table = RoyaltyRateTable.objects.get(note="Quyết định 15-QĐ/BBT năm 2027")
    assert list(table.rates.values_list("kind", "grade", "amount")) == [("tin", "A", 9)]

    # The same cell twice, or a second table from the same day: a form error, not a 500.
    twice = {
        "effective_from": "2028-01-01",
        "note": "Trùng ô",
        **nested_form_data(
            {
                "rates": inline_formset(
                    [
                        {"kind": "tin", "grade": "A", "amount": 1},
                        {"kind": "tin", "grade": "A", "amount": 2},
                    ]
                )
            }
        ),
    }
    response = client.post(reverse(RATE_ADD), twice)
    assert response.status_code == 200
    add["note"] = "Cùng ngày"
    response = client.post(reverse(RATE_ADD), add)
    assert response.status_code == 200
    assert "error-message" in response.content.decode()
    assert not RoyaltyRateTable.objects.filter(note__in=["Trùng ô", "Cùng ngày"]).exists()


# --- the report ------------------------------------------------------------------------------


def ledger(portal, count):
    """`count` graded articles over three months, two authors and two units."""
    authors = [
        {"user": portal["ctv"], "unit": "Ban Tuyên giáo Tỉnh ủy"},
        {"name": "Trần Đình Phước", "unit": "Đảng ủy xã Nhơn Trạch"},
    ]
    for number in range(count):
        publish_directly(
            portal["news"],
            f"Tin số {number}: Đảng bộ xã đổi mới phương thức lãnh đạo",
            aware(2026, 9 + number % 3, 1 + number),
            kind="bai" if number % 2 else "tin",
            grade="A" if number % 2 else "B",
            credits=[authors[number % 2]],
        )


@pytest.mark.django_db
def test_report_totals_per_person_unit_and_month(client, portal):
    ledger(portal, 6)
    client.force_login(portal["bbt"])
    response = client.get(reverse(REPORT))
    assert response.status_code == 200
    context = response.context
    by_person = {row["key"]: row["amount"] for row in context["by_person"]}
    # 0, 2, 4: tin B 250.000 by the collaborator; 1, 3, 5: bài A 1.000.000 by Phước.
    assert by_person == {"Nguyễn Thu Hà": 750_000, "Trần Đình Phước": 3_000_000}
    by_unit = {row["key"]: row["lines"] for row in context["by_unit"]}
    assert by_unit == {"Ban Tuyên giáo Tỉnh ủy": 3, "Đảng ủy xã Nhơn Trạch": 3}
    by_month = [(row["key"], row["amount"]) for row in context["by_month"]]
    assert by_month == [("11/2026", 1_250_000), ("10/2026", 1_250_000), ("09/2026", 1_250_000)]
    html = response.content.decode()
    assert "Tổng cộng: 3.750.000 đ" in html
    assert "1.250.000 đ" in html and "Đảng ủy xã Nhơn Trạch" in html

    # Filters: month range, person, unit, kind.
    def total(**params):
        response = client.get(reverse(REPORT), params)
        assert response.status_code == 200
        return response.context["total_lines"], response.context["total_amount"]

    assert total(month_from="2026-10", month_to="11/2026") == (4, "2.500.000 đ")
    assert total(author_name="Trần Đình Phước") == (3, "3.000.000 đ")
    assert total(unit="Ban Tuyên giáo Tỉnh ủy", kind="tin") == (3, "750.000 đ")
    assert total(kind="anh") == (0, "0 đ")
    # Nonsense in a filter: the form says so in Vietnamese, never a 500.
    response = client.get(reverse(REPORT), {"month_from": "tháng mười"})
    assert response.status_code == 200
    assert "Nhập tháng dạng mm/yyyy" in response.content.decode()


@pytest.mark.django_db
def test_report_queries_do_not_grow_with_its_lines(client, portal):
    client.force_login(portal["bbt"])
    ledger(portal, 3)
    client.get(reverse(REPORT))  # warm the caches a first admin request fills
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(REPORT)).status_code == 200
    ledger_more = 27
    authors = ["Lê Thị Ánh", "Võ Văn Đức", "Đặng Hồng Nhung"]
    for number in range(ledger_more):
        publish_directly(
            portal["news"],
            f"Bài thêm {number}",
            aware(2026, 1 + number % 12, 5),
            kind="bai",
            grade="B",
            credits=[{"name": authors[number % 3], "unit": f"Đơn vị {number % 4}"}],
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse(REPORT))
    assert response.context["total_lines"] == 30
    assert len(many) == len(few)
    assert len(many) <= 30, [q["sql"][:120] for q in many]


@pytest.mark.django_db
def test_exports_keep_vietnamese_in_excel_and_csv(client, portal):
    ledger(portal, 4)
    client.force_login(portal["bbt"])

    response = client.get(reverse(REPORT), {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('filename="so-nhuan-but.xlsx"')
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Chi tiết", "Theo người", "Theo đơn vị", "Theo tháng"]
    rows = list(workbook["Chi tiết"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Tháng", "Tác giả", "Cơ quan, đơn vị", "Tiêu đề bài")
    assert len(rows) == 5
    phuoc = [row for row in rows if row[1] == "Trần Đình Phước"]
    assert phuoc[0][2] == "Đảng ủy xã Nhơn Trạch"
    assert phuoc[0][3].endswith("Đảng bộ xã đổi mới phương thức lãnh đạo")
    assert (phuoc[0][4], phuoc[0][5], phuoc[0][9]) == ("Bài viết", "Loại A", 1_000_000)
    assert isinstance(phuoc[0][6], datetime.datetime | datetime.date)
    people = {
        row[0]: row[2] for row in workbook["Theo người"].iter_rows(min_row=2, values_only=True)
    }
    assert people == {"Trần Đình Phước": 2_000_000, "Nguyễn Thu Hà": 500_000}

    # Filters apply to the export too; the CSV starts with a BOM for Excel.
    response = client.get(reverse(REPORT), {"export": "csv", "author_name": "Nguyễn Thu Hà"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Tháng", "Tác giả", "Cơ quan, đơn vị"]
    assert [row[1:3] for row in rows[1:]] == [["Nguyễn Thu Hà", "Ban Tuyên giáo Tỉnh ủy"]] * 2
    assert {row[4] for row in rows[1:]} == {"Tin"}
    assert (rows[1][7], rows[1][9]) == ("100", "250000")
    assert rows[1][6].count("/") == 2  # dd/mm/yyyy

    # A name typed like a formula stays text in both files.
    publish_directly(
        portal["news"],
        '=HYPERLINK("http://example.org")',
        aware(2026, 9, 9),
        credits=[{"name": "=1+1", "unit": "@Đơn vị"}],
    )
    response = client.get(reverse(REPORT), {"export": "csv", "author_name": "=1+1"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][1:4] == ["'=1+1", "'@Đơn vị", '\'=HYPERLINK("http://example.org")']
    response = client.get(reverse(REPORT), {"export": "xlsx", "author_name": "=1+1"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    for cell in (workbook["Chi tiết"]["B2"], workbook["Theo người"]["A2"]):
        assert (cell.data_type, cell.value) == ("s", "=1+1")


@pytest.mark.django_db
def test_collaborator_sees_only_their_own_lines(client, portal):
    ledger(portal, 4)
    client.force_login(portal["ctv"])
    response = client.get(reverse(REPORT))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert client.get(reverse(REPORT), {"export": "csv"}).status_code == 302
    response = client.get(reverse(MY_REPORT))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nhuận bút của tôi" in html
    assert "Trần Đình Phước" not in html
    assert response.context["total_lines"] == 2
    assert response.context["total_amount"] == format_dong(500_000) == "500.000 đ"
    assert "author_name" not in response.context["filters"].form.fields
    # The menus: the ledger for editors and the board, “mine” for collaborators.
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(MY_REPORT) in home and reverse(REPORT) not in home
    client.force_login(portal["btv"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(REPORT) in home
    assert client.get(reverse(REPORT)).status_code == 200


@pytest.mark.django_db
def test_backfill_command_records_older_articles_once(portal):
    article = NewsArticlePageFactory(parent=portal["news"], title="Bài cũ trước khi có sổ")
    article.royalty_kind, article.royalty_grade = "bai", "B"
    article.first_published_at = aware(2025, 12, 20)
    article.save()
    RoyaltyEntry.objects.all().delete()  # as if published before the ledger existed
    out, err = io.StringIO(), io.StringIO()
    call_command("record_royalties", stdout=out, stderr=err)
    assert "Đã ghi sổ 1 bài" in out.getvalue()
    assert "Ghi sổ nhuận bút" in err.getvalue()  # the progress bar
    entry = RoyaltyEntry.objects.get(article=article)
    assert (entry.month, entry.amount) == (datetime.date(2025, 12, 1), 700_000)
    call_command("record_royalties", stdout=out, stderr=io.StringIO())
    assert RoyaltyEntry.objects.count() == 1
