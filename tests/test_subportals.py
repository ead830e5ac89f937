"""Sub-portals (issue 12): created in one step, idempotently, from the command line or the
admin; served at once by a process that had cached the sites; isolated from the province
and from each other in every admin view, as each sub-portal role."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.http.request import validate_host
from django.urls import reverse

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    WorkflowPage,
)
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from home.models import HomePage, SubPortal
from home.subportals import create_subportal
from legal_docs.models import LegalDocumentIndexPage
from news.models import EventIndexPage, NewsIndexPage
from org_structure.models import OrgChartPage
from site_core.editorial.setup import setup_portal
from site_core.models import PortalSettings, StandardPage
from site_core.settings import dev as dev_settings
from tests import factories

WARD = "Đảng bộ phường Trấn Biên"


@pytest.fixture
def province(home_page, news_index, document_index):
    """The province: home, news, register, an org chart with a ward committee, its groups,
    workflow and settings with an emblem in the root collection."""
    chart = factories.OrgChartPageFactory(parent=home_page)
    ward_unit = factories.OrgUnitPageFactory(
        parent=chart,
        title=WARD,
        slug="dang-bo-phuong-tran-bien",
        kind="dang-bo-truc-thuoc",
        address="Số 1 đường Phan Đình Phùng, phường Trấn Biên",
        phone="0251 3 800 001",
        email="dangbo.tranbien@dongnai.example",
    )
    setup_portal()
    site = Site.objects.get(is_default_site=True)
    logo = factories.ImageFactory(
        title="Biểu trưng tỉnh", collection=Collection.get_first_root_node()
    )
    PortalSettings.objects.update_or_create(
        site=site, defaults={"portal_name": "Cổng tỉnh", "logo": logo}
    )
    return {"site": site, "home": home_page, "chart": chart, "ward_unit": ward_unit, "logo": logo}


def run(*args):
    out = io.StringIO()
    call_command("create_subportal", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "sites": Site.objects.count(),
        "groups": Group.objects.count(),
        "page_perms": GroupPagePermission.objects.count(),
        "collection_perms": GroupCollectionPermission.objects.count(),
        "site_perms": GroupSitePermission.objects.count(),
        "collections": Collection.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "settings": PortalSettings.objects.count(),
        "subportals": SubPortal.objects.count(),
    }


# --- 1. creation -------------------------------------------------------------------------


def test_create_subportal_builds_the_whole_portal_and_a_second_run_changes_nothing(province):
    out = run("phuong-tran-bien", WARD, "--unit", "dang-bo-phuong-tran-bien")
    assert "Đã tạo" in out

    subportal = SubPortal.objects.get(slug="phuong-tran-bien")
    site = subportal.site
    assert (site.hostname, site.port, site.site_name) == ("phuong-tran-bien.localhost", 80, WARD)
    assert not site.is_default_site
    assert subportal.unit.pk == province["ward_unit"].pk
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.depth == 2 and home.live
    children = [page.specific_class for page in home.get_children().live()]
    for model in (NewsIndexPage, EventIndexPage, LegalDocumentIndexPage, OrgChartPage):
        assert model in children
    assert {p.title for p in StandardPage.objects.child_of(home)} == {"Giới thiệu", "Liên hệ"}

    suffix = f" · {WARD}"
    groups = {
        name: Group.objects.get(name=name + suffix)
        for name in ("Cộng tác viên", "Biên tập viên", "Ban biên tập")
    }
    # Page permissions only on the sub-portal's own tree.
    for group in groups.values():
        pages = set(
            GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True)
        )
        assert pages == {home.pk}
    assert home.get_workflow().name == f"Quy trình đăng tin{suffix}"
    assert [t.specific.groups.get().name for t in home.get_workflow().tasks.all()] == [
        "Biên tập viên" + suffix,
        "Ban biên tập" + suffix,
    ]
    collection = Collection.objects.get(name=WARD)
    for group in groups.values():
        collections = set(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "collection_id", flat=True
            )
        )
        assert collections == {collection.pk}
    assert GroupSitePermission.objects.filter(group=groups["Ban biên tập"], site=site).exists()

    settings = PortalSettings.objects.get(site=site)
    assert settings.portal_name == f"Cổng thông tin điện tử {WARD}"
    assert settings.organisation_name == WARD
    assert settings.logo_id == province["logo"].pk
    assert settings.phone == "0251 3 800 001"
    assert settings.email == "dangbo.tranbien@dongnai.example"

    before = counts()
    out = run("phuong-tran-bien", WARD, "--unit", "dang-bo-phuong-tran-bien")
    assert "không có gì thay đổi" in out
    assert counts() == before


def test_a_second_sub_portal_and_the_province_setup_keep_each_other(province):
    first = create_subportal("phuong-tran-bien", WARD)
    second = create_subportal("co-quan-tinh", "Đảng bộ Cơ quan Tỉnh ủy")
    assert first.site.pk != second.site.pk
    before = counts()
    setup_portal()  # after every migrate: keeps the sub-portals' scoping
    assert counts() == before
    collection = Collection.objects.get(name="Đảng bộ Cơ quan Tỉnh ủy")
    board = Group.objects.get(name="Ban biên tập · Đảng bộ Cơ quan Tỉnh ủy")
    assert set(
        GroupCollectionPermission.objects.filter(group=board).values_list(
            "collection_id", flat=True
        )
    ) == {collection.pk}
    # No add/change/delete on the shared lists below the province.
    codenames = set(board.permissions.values_list("codename", flat=True))
    assert {
        "view_documenttype",
        "view_issuingbody",
        "view_person",
        "view_newscategory",
    } <= codenames
    assert not codenames & {
        "add_documenttype",
        "change_issuingbody",
        "change_person",
        "add_newscategory",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Phuong Tran Bien", WARD], "Mã chỉ gồm chữ thường"),
        (["phuong-tran-bien", "  "], "Nhập tên đảng bộ"),
        (["phuong-tran-bien", WARD, "--hostname", "bad host"], "Tên miền không hợp lệ"),
        (["phuong-tran-bien", WARD, "--hostname", "localhost"], "đã được trang"),
        (["phuong-tran-bien", WARD, "--unit", "khong-co"], "Không có đơn vị"),
    ],
)
def test_create_subportal_refuses_clashes_in_vietnamese(province, args, message):
    province["site"].hostname, province["site"].port = "localhost", 80
    province["site"].save()
    before = counts()
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert counts() == before


def test_a_unit_has_one_sub_portal_and_a_slug_one_address(province):
    unit = province["ward_unit"]
    create_subportal("phuong-tran-bien", WARD, unit=unit)
    with pytest.raises(Exception, match="đã có cổng"):
        create_subportal("tran-bien-2", "Khác", unit=unit)
    with pytest.raises(Exception, match="chọn mã khác"):
        create_subportal("phuong-tran-bien", WARD, hostname="tranbien.example")


# --- served at once ----------------------------------------------------------------------


def test_a_site_added_by_another_process_is_served_with_its_links(client, province):
    """The quick start's cache is per process: a Site created by `create_subportal` in
    another process left Wagtail's cached root paths without it (its pages had no URL)."""
    client.get("/")  # this process caches the root paths of the sites it knows
    stale = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    assert stale is not None
    result = create_subportal("phuong-tran-bien", WARD)
    article = factories.NewsArticlePageFactory(
        parent=result.sections["news"], title="Hội nghị Ban Chấp hành Đảng bộ phường"
    )
    # What the server process still holds: the list from before the new site.
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, stale, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)

    response = client.get("/tin-hoat-dong/", HTTP_HOST="phuong-tran-bien.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/tin-hoat-dong/{article.slug}/"' in html
    # And its home's menu links to its sections.
    response = client.get("/", HTTP_HOST="phuong-tran-bien.localhost")
    assert response.status_code == 200
    assert 'href="/lien-he/"' in response.content.decode()


def test_the_quick_start_accepts_every_sub_portal_host():
    assert validate_host("phuong-tran-bien.localhost", dev_settings.ALLOWED_HOSTS)
    assert validate_host("localhost", dev_settings.ALLOWED_HOSTS)
    assert not validate_host("dongnai.example", dev_settings.ALLOWED_HOSTS)


# --- the admin form ----------------------------------------------------------------------


def test_superuser_creates_a_sub_portal_from_the_admin(client, province):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    url = reverse("home_subportals")
    response = client.get(url)
    assert response.status_code == 200
    assert "Tạo cổng" in response.content.decode()
    data = {
        "name": WARD,
        "slug": "phuong-tran-bien",
        "hostname": "",
        "port": "80",
        "unit": str(province["ward_unit"].pk),
    }
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Đã tạo cổng" in response.content.decode()
    assert SubPortal.objects.get(slug="phuong-tran-bien").unit_id == province["ward_unit"].pk
    response = client.post(url, data, follow=True)
    assert "không có gì thay đổi" in response.content.decode()

    response = client.post(url, {**data, "slug": "Sai Mã", "port": "70000"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mã chỉ gồm chữ thường" in html or "Cổng phải là số từ 1 đến 65535" in html
    assert "Cổng phải là số từ 1 đến 65535" in html
    assert SubPortal.objects.count() == 1


def test_only_superusers_reach_the_sub_portal_form(client, province):
    board = get_user_model().objects.create_user("bbt")
    board.groups.add(Group.objects.get(name="Ban biên tập"))
    client.force_login(board)
    url = reverse("home_subportals")
    assert client.get(url).status_code in (302, 403)
    response = client.post(url, {"name": WARD, "slug": "phuong-tran-bien", "port": "80"})
    assert response.status_code in (302, 403)
    assert not SubPortal.objects.exists()
    assert "Cổng trực thuộc" not in client.get(reverse("wagtailadmin_home")).content.decode()


# --- 2. isolation, through the admin as each sub-portal role ------------------------------

ROLES = ("ctv", "btv", "bbt")
ROLE_GROUPS = {"ctv": "Cộng tác viên", "btv": "Biên tập viên", "bbt": "Ban biên tập"}


@pytest.fixture
def two_portals(province):
    """The province and a ward sub-portal, each with an article, a draft, a locked page,
    an image and a private document; the ward's three role accounts."""
    ward = create_subportal("phuong-tran-bien", WARD, unit=province["ward_unit"])
    province_news = NewsIndexPage.objects.child_of(province["home"]).get()
    ward_news = ward.sections["news"]
    User = get_user_model()
    locker = User.objects.create_superuser("khoa", "khoa@example.org", "x")
    content = {}
    for key, news, collection in (
        ("province", province_news, Collection.get_first_root_node()),
        ("ward", ward_news, Collection.objects.get(name=WARD)),
    ):
        label = "Tỉnh" if key == "province" else "Phường"
        live = factories.NewsArticlePageFactory(parent=news, title=f"Tin {label} đã đăng")
        draft = factories.NewsArticlePageFactory(
            parent=news, title=f"Tin {label} bản nháp", live=False
        )
        live.save_revision(user=locker)  # site history and the workflow report have rows
        draft.locked, draft.locked_by = True, locker
        draft.save()
        content[key] = {
            "live": live,
            "draft": draft,
            "image": factories.ImageFactory(title=f"Ảnh {label}", collection=collection),
            "document": factories.DocumentFactory(title=f"Tài liệu {label}", collection=collection),
        }
    users = {}
    for role in ROLES:
        user = User.objects.create_user(f"{role}-phuong")
        user.groups.add(Group.objects.get(name=f"{ROLE_GROUPS[role]} · {WARD}"))
        users[role] = user
    return {**province, "ward": ward, "content": content, "users": users}


def as_role(client, two_portals, role):
    client.force_login(two_portals["users"][role])
    return client


def text_of(response):
    """The HTML of an admin view, or of a chooser's JSON answer."""
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def refused(response):
    return response.status_code in (302, 403, 404)


@pytest.mark.parametrize("role", ROLES)
def test_explorer_search_and_choosers_show_only_the_sub_portal(client, two_portals, role):
    client = as_role(client, two_portals, role)
    ward_home = two_portals["ward"].home
    province_home = two_portals["home"]
    ward, province = two_portals["content"]["ward"], two_portals["content"]["province"]

    assert client.get(reverse("wagtailadmin_explore", args=[ward_home.pk])).status_code == 200
    assert refused(client.get(reverse("wagtailadmin_explore", args=[province_home.pk])))
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[province["live"].pk])))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[ward["live"].pk])).status_code == 200

    html = text_of(client.get(reverse("wagtailadmin_pages:search"), {"q": "Tin"}))
    assert "Tin Phường đã đăng" in html
    assert "Tin Tỉnh" not in html

    # Page chooser: browsing from the root, searching, and the type-filtered chooser.
    html = text_of(client.get(reverse("wagtailadmin_choose_page")))
    assert reverse("wagtailadmin_choose_page_child", args=[ward_home.pk]) in html
    assert reverse("wagtailadmin_choose_page_child", args=[province_home.pk]) not in html
    assert refused(
        client.get(reverse("wagtailadmin_choose_page_child", args=[province["draft"].pk]))
    )
    html = text_of(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Tin"}))
    assert "Tin Phường đã đăng" in html and "Tin Tỉnh" not in html
    html = text_of(
        client.get(
            reverse("wagtailadmin_choose_page_search"),
            {"q": "Tin", "page_type": "news.newsarticlepage"},
        )
    )
    assert "Tin Phường đã đăng" in html and "Tin Tỉnh" not in html


@pytest.mark.parametrize("role", ROLES)
def test_reports_show_only_the_sub_portal(client, two_portals, role):
    client = as_role(client, two_portals, role)
    for name in ("locked_pages", "site_history", "workflow", "workflow_tasks"):
        response = client.get(reverse(f"wagtailadmin_reports:{name}"))
        if response.status_code != 200:
            continue  # a report the role may not open shows nothing either
        assert "Tin Tỉnh" not in response.content.decode(), name
    html = text_of(client.get(reverse("wagtailadmin_reports:site_history")))
    assert "Tin Phường đã đăng" in html
    if role == "bbt":  # the report of locked pages is for those who may unlock
        html = text_of(client.get(reverse("wagtailadmin_reports:locked_pages")))
        assert "Tin Phường bản nháp" in html


@pytest.mark.parametrize("role", ROLES)
def test_images_and_documents_are_the_sub_portals_own(client, two_portals, role):
    client = as_role(client, two_portals, role)
    ward, province = two_portals["content"]["ward"], two_portals["content"]["province"]
    for index, chooser in (
        ("wagtailimages:index", "wagtailimages_chooser:choose"),
        ("wagtaildocs:index", "wagtaildocs_chooser:choose"),
    ):
        for url in (reverse(index), reverse(chooser)):
            html = text_of(client.get(url))
            assert "Ảnh Tỉnh" not in html and "Tài liệu Tỉnh" not in html, url
    # The province's files, its emblem above all, cannot be opened for editing.
    for url in (
        reverse("wagtailimages:edit", args=[province["image"].pk]),
        reverse("wagtailimages:edit", args=[two_portals["logo"].pk]),
        reverse("wagtaildocs:edit", args=[province["document"].pk]),
        reverse("wagtailimages:delete", args=[two_portals["logo"].pk]),
    ):
        assert refused(client.get(url)), url
        assert refused(client.post(url, {"title": "Đổi"})), url
    two_portals["logo"].refresh_from_db()
    assert two_portals["logo"].title == "Biểu trưng tỉnh"
    if role != "ctv":
        assert client.get(reverse("wagtailimages:edit", args=[ward["image"].pk])).status_code == 200
    # The collaborator chooses the sub-portal's pictures; editors and the board list them.
    listing = "wagtailimages_chooser:choose" if role == "ctv" else "wagtailimages:index"
    assert "Ảnh Phường" in text_of(client.get(reverse(listing)))


@pytest.mark.parametrize("role", ROLES)
def test_a_sub_portal_user_cannot_fetch_the_provinces_private_documents(client, two_portals, role):
    client = as_role(client, two_portals, role)
    ward, province = two_portals["content"]["ward"], two_portals["content"]["province"]
    assert client.get(province["document"].url).status_code in (403, 404)
    assert client.get(ward["document"].url).status_code == 200


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", ["documenttype", "issuingbody"])
def test_shared_reference_lists_are_read_only_below_the_province(client, two_portals, role, model):
    client = as_role(client, two_portals, role)
    factory = (
        factories.DocumentTypeFactory if model == "documenttype" else factories.IssuingBodyFactory
    )
    item = factory(
        name="Nghị quyết" if model == "documenttype" else "Tỉnh ủy",
        abbreviation="NQ" if model == "documenttype" else "TU",
    )
    prefix = f"wagtailsnippets_legal_docs_{model}"
    html = text_of(client.get(reverse(f"{prefix}:list")))
    assert item.name in html
    assert reverse(f"{prefix}:add") not in html
    assert reverse(f"{prefix}:edit", args=[item.pk]) not in html
    assert text_of(client.get(reverse(f"wagtailsnippetchoosers_legal_docs_{model}:choose")))
    assert refused(client.get(reverse(f"{prefix}:add")))
    assert refused(client.post(reverse(f"{prefix}:add"), {"name": "Mới", "abbreviation": "M"}))
    assert refused(
        client.post(reverse(f"{prefix}:edit", args=[item.pk]), {"name": "Đổi", "abbreviation": "D"})
    )
    assert refused(client.post(reverse(f"{prefix}:delete", args=[item.pk])))
    item.refresh_from_db()
    assert item.name in ("Nghị quyết", "Tỉnh ủy")
    assert factory._meta.model.objects.filter(name__in=["Mới", "Đổi"]).count() == 0


@pytest.mark.parametrize("role", ROLES)
def test_people_and_categories_are_read_only_below_the_province(client, two_portals, role):
    client = as_role(client, two_portals, role)
    person = factories.PersonFactory()
    assert refused(client.get(reverse("wagtailsnippets_org_structure_person:add")))
    assert refused(
        client.get(reverse("wagtailsnippets_org_structure_person:edit", args=[person.pk]))
    )
    assert refused(client.get(reverse("wagtailsnippets_news_newscategory:add")))


@pytest.mark.parametrize("role", ROLES)
def test_settings_only_the_sub_portals_own_and_only_its_board(client, two_portals, role):
    client = as_role(client, two_portals, role)
    province_url = reverse(
        "wagtailsettings:edit", args=["site_core", "portalsettings", two_portals["site"].pk]
    )
    ward_url = reverse(
        "wagtailsettings:edit", args=["site_core", "portalsettings", two_portals["ward"].site.pk]
    )
    assert refused(client.get(province_url))
    assert refused(client.post(province_url, {"portal_name": "Chiếm"}))
    assert PortalSettings.objects.get(site=two_portals["site"]).portal_name == "Cổng tỉnh"
    response = client.get(ward_url)
    if role == "bbt":
        html = text_of(response)
        assert f"Cổng thông tin điện tử {WARD}" in html
        # The site switcher of the settings view offers only its own site.
        assert (
            reverse(
                "wagtailsettings:edit",
                args=["site_core", "portalsettings", two_portals["site"].pk],
            )
            not in html
        )
    else:
        assert refused(response)
