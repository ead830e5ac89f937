"""The content the walk needs: one page of every type, an English tree, snippets, an
image, a document and a user per role. Built with tests/factories.py on the sections
that tests/conftest.py's fixtures create."""

import io
from dataclasses import dataclass, field

from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale, get_page_models
from wagtail.users.models import UserProfile

from site_core.editorial.setup import BOARD, COLLABORATORS, EDITORS, grant_section, setup_portal
from tests import factories

PORTAL_APPS = {"home", "history", "org_structure", "news", "legal_docs", "site_core"}


@dataclass
class Portal:
    home: object
    news: object
    pages: dict = field(default_factory=dict)  # page type -> one page of it
    english_home: object = None
    category: object = None
    person: object = None
    document_type: object = None
    issuer: object = None
    image: object = None
    document: object = None
    users: dict = field(default_factory=dict)  # role -> user

    def keep(self, *pages):
        for page in pages:
            self.pages.setdefault(type(page), page)


def tiny_png():
    """A 16×12 PNG to upload."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (16, 12), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def build_portal(sections, document_type, issuer):
    """`sections`: the home page and its section pages, from the conftest fixtures."""
    home, news = sections["home"], sections["news"]
    portal = Portal(home=home, news=news, document_type=document_type, issuer=issuer)
    portal.keep(*sections.values())
    portal.keep(
        factories.NewsArticlePageFactory(parent=news, title="Tin đã đăng"),
        factories.EventPageFactory(parent=sections["events"], title="Hội nghị Ban Chấp hành"),
        factories.HistoryPeriodPageFactory(
            parent=sections["history"], title="Thời kỳ 1930–1945", start_year=1930, end_year=1945
        ),
        factories.OrgUnitPageFactory(parent=sections["org"], title="Ban Tổ chức"),
        factories.LegalDocumentPageFactory(
            parent=sections["documents"], document_type=document_type, issuer=issuer
        ),
    )
    # An English tree beside it, as on the real portal: the admin shows locale
    # switchers, the translations panel and wagtail-localize's actions.
    portal.english_home = home.copy_for_translation(Locale.objects.get(language_code="en"))
    portal.category = factories.NewsCategoryFactory(name="Xây dựng Đảng")
    portal.person = factories.PersonFactory(full_name="Nguyễn Văn Thử")
    portal.image = factories.ImageFactory(title="Ảnh hội nghị")
    portal.document = factories.DocumentFactory(title="Toàn văn nghị quyết")
    portal.users = make_users(news)
    return portal


def make_users(news):
    """A collaborator who may write in the news section, an editor and a board member,
    all with Vietnamese as their admin language."""
    setup_portal()
    groups = {
        "ctv": [Group.objects.get(name=COLLABORATORS), grant_section(news)],
        "btv": [Group.objects.get(name=EDITORS)],
        "bbt": [Group.objects.get(name=BOARD)],
    }
    users = {}
    for role, role_groups in groups.items():
        user = get_user_model().objects.create_user(
            f"bao-cao-dich-{role}",
            f"{role}@example.invalid",
            first_name=role.upper(),
            last_name="Thử nghiệm",
        )
        user.groups.set(role_groups)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "vi"
        profile.save()
        users[role] = user
    return users


def portal_page_models():
    return [model for model in get_page_models() if model._meta.app_label in PORTAL_APPS]
