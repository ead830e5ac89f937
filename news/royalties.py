"""Sổ nhuận bút: the ledger lines written when an article is first published.

`record_publication(article)` runs on Wagtail's `page_published` signal for news articles
(news/apps.py), whoever published (the board's last approval, a superuser, a script, the
demo), and by `manage.py record_royalties` for articles published before the ledger
existed. It writes one `RoyaltyEntry` per author, snapshotting:

- the author (the credit's user and name, or an outside name), their unit (the credit's,
  else what the portal knows of the user: `known_unit`) and share;
- the article's kind and grade, set by editors or the board;
- the month and moment of the article's first publication, and the royalty: the rate of
  (kind, grade) in the rate table effective on that day, times the share.

Rules (docs/editors-admin.md, “Sổ nhuận bút”):
- Once per article, whatever its languages: if the article or one of its translations
  has lines already, nothing is written. A republication,
  an edit published later, a withdrawal and reinstatement change nothing, and the
  unique constraint (article, position) holds even against two publications racing.
- A rate change is a new table from a new date; lines already written keep their amounts.
- A withdrawn article keeps its lines (the work was published and is owed); the report
  marks it “đã gỡ” so the board can decide. A deleted article keeps its lines by title.
- An article published without credits is credited to its owner (the account that
  created it) unless that is a superuser account, else to its byline, else to
  “Chưa ghi tác giả”. Without kind or grade the line is “chưa chấm”, 0 đ.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from .royalty_models import RoyaltyEntry, RoyaltyRate, RoyaltyRateTable, known_unit

UNKNOWN_AUTHOR = "Chưa ghi tác giả"
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def split_shares(shares):
    """Each author's share in percent (Decimal, 2 places) from the credits' shares
    (int or None). Blanks split what the given shares leave; when the given shares add
    up to more than 100, or to less with no blank to take the rest, they are scaled to
    100 so the article is paid once, never more, never less."""
    if not shares:
        return []
    given = sum(share for share in shares if share)
    blanks = sum(1 for share in shares if not share)
    if blanks and given < 100:
        each = (HUNDRED - given) / blanks
        raw = [Decimal(share) if share else each for share in shares]
    else:
        values = [Decimal(share or 0) for share in shares]
        total = sum(values)
        raw = [value * HUNDRED / total for value in values] if total else values
    return [value.quantize(CENT, rounding=ROUND_HALF_UP) for value in raw]


def rate_table_on(day):
    """The rate table in force on `day` (a date), or None."""
    return (
        RoyaltyRateTable.objects.filter(effective_from__lte=day).order_by("-effective_from").first()
    )


def rate_of(table, kind, grade):
    if table is None or not (kind and grade):
        return 0
    amount = (
        RoyaltyRate.objects.filter(table=table, kind=kind, grade=grade)
        .values_list("amount", flat=True)
        .first()
    )
    return amount or 0


def article_authors(article):
    """[(user, name, unit, share)] of the article as published."""
    credits = list(article.credits.all()) if article.pk else []
    authors = []
    for credit in credits:
        user = credit.user if credit.user_id else None
        name = credit.display_name
        if not name:
            continue
        unit = credit.unit or (known_unit(user) if user is not None else "")
        authors.append((user, name, unit, credit.share))
    if authors:
        return authors
    owner = article.owner if article.owner_id else None
    if owner is not None and not owner.is_superuser:
        name = owner.get_full_name() or owner.get_username()
        return [(owner, name, known_unit(owner), None)]
    unit = article.source_unit.title if article.source_unit_id else ""
    return [(None, article.byline.strip() or UNKNOWN_AUTHOR, unit, None)]


def publication_moment(article):
    return article.first_published_at or timezone.now()


@transaction.atomic
def record_publication(article):
    """Write the article's ledger lines unless it has some. Returns the lines written."""
    # One article in all its languages: a translation is not written again.
    if RoyaltyEntry.objects.filter(article__translation_key=article.translation_key).exists():
        return []
    published_at = publication_moment(article)
    day = timezone.localtime(published_at).date()
    table = rate_table_on(day)
    rate = rate_of(table, article.royalty_kind, article.royalty_grade)
    authors = article_authors(article)
    shares = split_shares([share for _user, _name, _unit, share in authors])
    site = article.get_site()
    entries = [
        RoyaltyEntry(
            article_id=article.pk,
            site=site,
            title=article.title[:255],
            user=user,
            author_name=name[:255],
            unit=unit[:255],
            kind=article.royalty_kind,
            grade=article.royalty_grade,
            share=share,
            published_at=published_at,
            month=day.replace(day=1),
            rate_table=table,
            rate=rate,
            amount=int((rate * share / HUNDRED).quantize(Decimal(1), rounding=ROUND_HALF_UP)),
            position=position,
        )
        for position, ((user, name, unit, _share), share) in enumerate(
            zip(authors, shares, strict=True)
        )
    ]
    # The constraint (article, position) keeps a racing second publication from adding lines.
    return RoyaltyEntry.objects.bulk_create(entries, ignore_conflicts=True)


def record_on_publish(sender, instance, **kwargs):
    """`page_published` receiver for news articles."""
    record_publication(instance)


def unrecorded_articles(model):
    """Published articles (live or withdrawn since) without ledger lines in any language."""
    recorded = RoyaltyEntry.objects.filter(article__isnull=False).values("article__translation_key")
    return (
        model.objects.filter(first_published_at__isnull=False)
        .exclude(translation_key__in=recorded)
        .order_by("first_published_at", "pk")
    )
