"""Many sub-portals at once, for tests at scale (issue 12): `seed_bulk --subportals N`.

Each is a full sub-portal made by home.subportals.create_subportal, exactly as
`manage.py create_subportal` or the admin make it (Site, home and sections, groups,
workflow, collection, settings), numbered "Đảng bộ xã Thử nghiệm 001", 002, … on
<slug>.localhost. A few published articles each give the province's block of affiliated
news something to show. Idempotent: the count is the total of sub-portals wanted, those
that exist (the demo's two included) count, and a sub-portal's articles are found by slug.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from home.models import SubPortal
from home.structure import publish_new_page
from home.subportals import create_subportal
from news.models import NewsArticlePage

SLUG = "dang-bo-xa-thu-nghiem-{number:03d}"
NAME = "Đảng bộ xã Thử nghiệm {number:03d}"


def article_titles(name, count):
    return [f"{name}: tin hoạt động số {number}" for number in range(1, count + 1)]


def add_articles(result, name, count):
    """Up to `count` published articles in the sub-portal's news; returns how many it added."""
    index = result.sections["news"]
    existing = set(NewsArticlePage.objects.child_of(index).values_list("title", flat=True))
    now = timezone.now()
    added = 0
    for number, title in enumerate(article_titles(name, count)):
        if title in existing:
            continue
        publish_new_page(
            index,
            NewsArticlePage(
                title=title,
                slug=f"tin-hoat-dong-so-{number + 1}",
                date=now - datetime.timedelta(days=number, hours=len(name) % 24),
                sapo=f"Tin hoạt động của {name}, tạo để thử cổng với nhiều đảng bộ trực thuộc.",
            ),
        )
        added += 1
    return added


def ensure_subportals(total, articles=2, progress=None):
    """Add numbered sub-portals until there are `total`; returns the number added.

    `progress`, when given, is a tqdm-like object (update(n)) told of each one."""
    missing = max(0, total - SubPortal.objects.count())
    if progress is not None:
        progress.total = missing
        progress.refresh()
    added, number = 0, 0
    while added < missing:
        number += 1
        slug = SLUG.format(number=number)
        if SubPortal.objects.filter(slug=slug).exists():
            continue
        name = NAME.format(number=number)
        with transaction.atomic():  # one sub-portal, whole or not at all
            result = create_subportal(slug, name)
            add_articles(result, name, articles)
        added += 1
        if progress is not None:
            progress.update(1)
    return added
