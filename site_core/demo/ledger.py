"""The demo's “Sổ nhuận bút”: two rate tables, credits, kinds and grades of the province's
demo articles, and their ledger lines (news/royalties.py).

`royalty_rates` runs before the articles are made: the rate tables exist and the demo
collaborator `ctv` too, so each new article carries its credits, kind and grade when
`steps.news` publishes it, and Wagtail's `page_published` writes its lines at once.
`royalty_ledger` runs last and writes the lines of demo articles published by an older
demo (before the ledger existed), as `manage.py record_royalties` would. Both are
idempotent: tables are found by their date, the account by its username, and an article
with lines is never written again.
"""

import datetime

from django.contrib.auth import get_user_model

from news.models import ArticleCredit, NewsArticlePage, RoyaltyRate, RoyaltyRateTable
from news.royalties import record_publication, unrecorded_articles

from .users import ensure_account

# (effective from, note, {(kind, grade): amount in đồng})
RATE_TABLES = [
    (
        datetime.date(2024, 1, 1),
        "Quyết định số 05-QĐ/BBT ngày 20/12/2023 (demo)",
        {
            ("tin", "A"): 300_000,
            ("tin", "B"): 200_000,
            ("tin", "C"): 120_000,
            ("bai", "A"): 900_000,
            ("bai", "B"): 650_000,
            ("bai", "C"): 400_000,
            ("anh", "A"): 250_000,
            ("anh", "B"): 150_000,
            ("anh", "C"): 100_000,
            ("phong-su", "A"): 1_500_000,
            ("phong-su", "B"): 1_100_000,
            ("phong-su", "C"): 800_000,
            ("phong-van", "A"): 1_000_000,
            ("phong-van", "B"): 750_000,
            ("phong-van", "C"): 500_000,
        },
    ),
    (
        datetime.date(2026, 1, 1),
        "Quyết định số 12-QĐ/BBT ngày 22/12/2025 (demo)",
        {
            ("tin", "A"): 350_000,
            ("tin", "B"): 250_000,
            ("tin", "C"): 150_000,
            ("bai", "A"): 1_250_000,
            ("bai", "B"): 800_000,
            ("bai", "C"): 500_000,
            ("anh", "A"): 300_000,
            ("anh", "B"): 200_000,
            ("anh", "C"): 120_000,
            ("phong-su", "A"): 2_000_000,
            ("phong-su", "B"): 1_400_000,
            ("phong-su", "C"): 1_000_000,
            ("phong-van", "A"): 1_300_000,
            ("phong-van", "B"): 900_000,
            ("phong-van", "C"): 600_000,
        },
    ),
]
KINDS = ["tin", "bai", "tin", "anh", "phong-su", "tin", "bai", "phong-van"]
GRADES = ["B", "A", "C", "B", "A", "B", "C"]
DEMO_WRITER = ("ctv", "An", "Nguyễn Văn")  # the collaborator of steps.role_users
DEMO_WRITER_UNIT = "Ban Tuyên giáo và Dân vận Tỉnh ủy"
SECOND_AUTHOR = ("Phạm Đức Độ", "Báo Đồng Nai")


def royalty_rates(ctx):
    """The rate tables (an existing table is left as the board may have edited it) and
    the demo collaborator, so that `steps.news` credits the articles it publishes."""
    for day, note, amounts in RATE_TABLES:
        if RoyaltyRateTable.objects.filter(effective_from=day).exists():
            continue
        table = RoyaltyRateTable.objects.create(effective_from=day, note=note)
        RoyaltyRate.objects.bulk_create(
            RoyaltyRate(table=table, kind=kind, grade=grade, amount=amount, sort_order=order)
            for order, ((kind, grade), amount) in enumerate(amounts.items())
        )
        ctx.created["RoyaltyRateTable"] += 1
    username, first_name, last_name = DEMO_WRITER
    _user, created = ensure_account(username, first_name, last_name)
    ctx.created["User"] += created


def credit_article(article, number, byline, unit_title):
    """Credits, kind and grade of the demo's `number`-th article, before it is published:
    its byline's writer in the article's unit; every fifth written by the demo
    collaborator; every fourth with a second, outside author taking 30 %."""
    writer = get_user_model().objects.filter(username=DEMO_WRITER[0]).first()
    if number % 5 == 0 and writer is not None:
        credits = [ArticleCredit(user=writer, unit=DEMO_WRITER_UNIT)]
    else:
        credits = [ArticleCredit(name=byline, unit=unit_title)]
    if number % 4 == 3:
        credits[0].share = 70
        credits.append(ArticleCredit(name=SECOND_AUTHOR[0], unit=SECOND_AUTHOR[1]))
    article.credits = credits
    article.royalty_kind = KINDS[number % len(KINDS)]
    article.royalty_grade = GRADES[number % len(GRADES)]


def royalty_ledger(ctx):
    """Lines for the demo's articles published before the ledger existed."""
    for article in (
        unrecorded_articles(NewsArticlePage).defer_streamfields().select_related("source_unit")
    ):
        ctx.created["RoyaltyEntry"] += len(record_publication(article))
