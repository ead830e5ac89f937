"""What links the province's portal and its sub-portals on their home pages (issue 12).

Downward: a sub-portal's home shows the province's headline news and newest documents,
read from the province's own pages (by reference, never copied: a correction or a
withdrawal on the province is what the sub-portal shows next), linking to the province's
Site. Upward: the province's home shows the newest news of the affiliated organisations'
sub-portals, each named with its sub-portal and linking to that sub-portal's Site.

Both lists are kept until the next change (`cached_until_change`). The navigation version
is one for every site of the installation, so a publish on any site renews these lists and
every cached page that shows them (the page cache's keys carry the same version): a
provincial publish reaches the sub-portals' homes at once. Each list is computed in a
fixed number of queries whatever the number of sub-portals, once per change for every
home that shows it. This module reads the sub-portals through `Site.subportal` and imports
no model of this app, so that home/models.py may use it.
"""

from django.db.models import Q

from wagtail.models import Page, Site

from legal_docs.filters import DEFAULT_ORDER as REGISTER_ORDER
from legal_docs.models import LegalDocumentIndexPage, LegalDocumentPage
from news.models import ARTICLE_ORDER, NewsArticlePage, NewsIndexPage
from site_core.models import PortalSettings
from site_core.navigation import cached_until_change
from site_core.query import cached_private_q

PROVINCE_ARTICLES = 4
PROVINCE_DOCUMENTS = 5
AFFILIATED_ARTICLES = 6

# What a home page is, for what it shows from the other sites.
PROVINCE = "province"
SUBPORTAL = "subportal"


def home_role(home):
    """PROVINCE when `home` (or the page it translates) is the root of the default Site,
    SUBPORTAL when it is the root of a sub-portal's Site, None for any other tree (a home
    no Site serves). One query."""
    row = (
        Site.objects.filter(root_page__translation_key=home.translation_key)
        .values("is_default_site", "subportal__pk")
        .order_by("-is_default_site", "pk")
        .first()
    )
    if row is None:
        return None
    if row["subportal__pk"] is not None:
        return SUBPORTAL
    return PROVINCE if row["is_default_site"] else None


def province_news(locale_id):
    """The province's headline news and newest documents in the language `locale_id`, for
    the sub-portals' homes: {"home", "name", "articles", "documents", "news_index",
    "doc_index"}, or {} when there is no province home in that language.

    The articles are the province's featured ones, newest first (its newest when none is
    featured); pages restricted to some visitors are left out."""
    return cached_until_change(f"province-news:{locale_id}", lambda: _province_news(locale_id))


def _province_news(locale_id):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {}
    home = site.root_page
    if home.locale_id != locale_id:
        home = Page.objects.filter(
            translation_key=home.translation_key, locale_id=locale_id, live=True
        ).first()
    if home is None or not home.live:
        return {}
    articles = NewsArticlePage.objects.live().public().descendant_of(home).defer_streamfields()
    headlines = list(articles.filter(is_featured=True).order_by(*ARTICLE_ORDER)[:PROVINCE_ARTICLES])
    if not headlines:
        headlines = list(articles.order_by(*ARTICLE_ORDER)[:PROVINCE_ARTICLES])
    documents = list(
        LegalDocumentPage.objects.live()
        .public()
        .descendant_of(home)
        .defer_streamfields()
        .select_related("document_type", "issuer")
        .prefetch_related("co_issuers")  # number_symbol reads them
        .order_by(*REGISTER_ORDER)[:PROVINCE_DOCUMENTS]
    )
    indexes = {}
    for section in (
        Page.objects.child_of(home)
        .live()
        .type(NewsIndexPage, LegalDocumentIndexPage)
        .exclude(cached_private_q())
        .order_by("path")
    ):
        indexes.setdefault(section.specific_class, section)
    # The portal's name as its board set it; the Site's name while the settings keep the
    # default (a row for_request() created with the default name names nobody).
    name = PortalSettings.objects.filter(site=site).values_list("portal_name", flat=True).first()
    if not name or name == PortalSettings._meta.get_field("portal_name").default:
        name = site.site_name or name
    return {
        "home": home,
        "name": name,
        "articles": headlines,
        "documents": documents,
        "news_index": indexes.get(NewsIndexPage),
        "doc_index": indexes.get(LegalDocumentIndexPage),
    }


def affiliated_news(locale_id):
    """The newest live, public articles of every sub-portal in the language `locale_id`,
    for the province's home: [(article, {"name", "url"})], the sub-portal's name and the
    address of its Site. Two queries and the view restrictions' cached list, whatever the
    number of sub-portals."""
    return cached_until_change(f"affiliated-news:{locale_id}", lambda: _affiliated_news(locale_id))


def _affiliated_news(locale_id):
    sites = Site.objects.filter(subportal__isnull=False, root_page__live=True).select_related(
        "root_page", "subportal"
    )
    sources = {
        site.root_page.path: {
            "name": site.site_name or site.subportal.slug,
            "url": f"{site.root_url}/",
        }
        for site in sites
    }
    if not sources:
        return []
    under_a_subportal = Q()
    for path in sources:
        under_a_subportal |= Q(path__startswith=path)
    articles = (
        NewsArticlePage.objects.live()
        .public()
        .filter(under_a_subportal, locale_id=locale_id)
        .defer_streamfields()
        .order_by(*ARTICLE_ORDER)[:AFFILIATED_ARTICLES]
    )
    return [
        (article, next(sources[path] for path in sources if article.path.startswith(path)))
        for article in articles
    ]
