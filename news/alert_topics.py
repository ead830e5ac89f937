"""News categories visitors may subscribe to (site_core/alerts/registry.py)."""

from django.utils.translation import gettext_lazy as _

from news.models import NewsArticlePage, NewsIndexPage, live_categories
from site_core.alerts.registry import TopicKind


def category_choices(home):
    """The live categories of the home's language, when the site has a news list."""
    if not NewsIndexPage.objects.descendant_of(home).live().exists():
        return []
    return [(category.pk, category.name) for category in live_categories(home.locale_id)]


def article_categories(page):
    return page.categories.values_list("pk", flat=True)


def news_alert_topics():
    return [
        TopicKind(
            key="news-category",
            label=_("Chuyên mục tin"),
            group=_("Tin tức"),
            page_type=NewsArticlePage,
            choices=category_choices,
            of_page=article_categories,
        )
    ]
