"""“Đề xuất đăng lên Cổng tỉnh” (issue 12, part 4): a sub-portal's editors and board send a
live article up; the province receives a linked draft that goes through its own workflow;
the sub-portal sees where its proposal stands. Every role tried through the admin."""

from urllib.parse import urlsplit

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import PageLogEntry, PageViewRestriction, WorkflowState

from home.subportals import create_subportal
from news.models import NewsArticlePage, NewsIndexPage, ProvinceProposal
from site_core.editorial.setup import grant_section
from tests import factories
from tests.test_subportals import WARD, province  # noqa: F401 - the province fixture

AGENCY = "Đảng bộ Cơ quan Tỉnh ủy"
LABEL = "Đề xuất đăng lên Cổng tỉnh"
COMMENT = "Đề nghị bổ sung ảnh hoạt động và số liệu cụ thể."


def make_user(username, *group_names):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "x", first_name=username.upper()
    )
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def portals(province):  # noqa: F811
    """The province (news, its three roles) and two sub-portals: the ward (three roles, a
    live article, a draft, a private article, an event) and an agency (an editor and a
    live article)."""
    province_news = NewsIndexPage.objects.child_of(province["home"]).get()
    ward = create_subportal("phuong-tran-bien", WARD, unit=province["ward_unit"])
    agency = create_subportal("co-quan-tinh-uy", AGENCY)
    suffix = f" · {WARD}"
    users = {
        "ctv": make_user("ctv-pb", "Cộng tác viên" + suffix),
        "btv": make_user("btv-pb", "Biên tập viên" + suffix),
        "bbt": make_user("bbt-pb", "Ban biên tập" + suffix),
        "tinh-ctv": make_user("ctv", "Cộng tác viên"),
        "tinh-btv": make_user("btv", "Biên tập viên"),
        "tinh-bbt": make_user("bbt", "Ban biên tập"),
        "agency-btv": make_user("btv-cq", f"Biên tập viên · {AGENCY}"),
    }
    users["tinh-ctv"].groups.add(grant_section(province_news))
    news = ward.sections["news"]
    article = factories.NewsArticlePageFactory(
        parent=news,
        title="Phường Trấn Biên ra mắt mô hình dân vận khéo",
        byline="Nguyễn Văn An",
        sapo="Sáng nay, phường Trấn Biên ra mắt mô hình dân vận khéo.",
    )
    article.save_revision().publish()
    private = factories.NewsArticlePageFactory(parent=news, title="Tin nội bộ của phường")
    PageViewRestriction.objects.create(
        page=private,
        restriction_type=PageViewRestriction.PASSWORD,
        password="mat-khau",  # noqa: S106
    )
    return {
        **province,
        "province_news": province_news,
        "ward": ward,
        "agency": agency,
        "users": users,
        "article": article,
        "draft": factories.NewsArticlePageFactory(parent=news, title="Tin phường nháp", live=False),
        "private": private,
        "event": factories.EventPageFactory(parent=ward.sections["events"], title="Hội nghị"),
        "province_article": factories.NewsArticlePageFactory(
            parent=province_news, title="Tin của tỉnh"
        ),
        "agency_article": factories.NewsArticlePageFactory(
            parent=agency.sections["news"], title="Tin của cơ quan Tỉnh ủy"
        ),
    }


def as_user(portals, name):
    client = Client()
    client.force_login(portals["users"][name])
    return client


def propose_url(page):
    return reverse("news_propose_to_province", args=[page.pk])


def edit_html(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def review(client, page, action, comment=""):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def report_html(client):
    response = client.get(reverse("news_province_proposals"))
    assert response.status_code == 200
    return response.content.decode()


# --- who is offered the action, and who is refused -------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["btv", "bbt"])
def test_sub_portal_editor_and_board_are_offered_the_proposal(portals, role):
    client = as_user(portals, role)
    url = propose_url(portals["article"])
    assert url in edit_html(client, portals["article"])  # the page's action menu
    listing = client.get(
        reverse("wagtailadmin_explore", args=[portals["ward"].sections["news"].pk])
    )
    assert url in listing.content.decode()  # the listing's "more" button
    response = client.get(url)  # the confirmation
    assert response.status_code == 200
    assert "Gửi đề xuất" in response.content.decode()
    assert not ProvinceProposal.objects.exists()
    assert client.post(url).status_code == 302
    assert ProvinceProposal.objects.get().proposed_by == portals["users"][role]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["ctv", "tinh-ctv", "tinh-btv", "tinh-bbt"])
def test_others_are_not_offered_and_a_forged_post_is_refused(portals, role):
    client = as_user(portals, role)
    url = propose_url(portals["article"])
    if role == "ctv":  # the ward's collaborator edits the article, without the action
        html = edit_html(client, portals["article"])
        assert url not in html and LABEL not in html
        listing = client.get(
            reverse("wagtailadmin_explore", args=[portals["ward"].sections["news"].pk])
        )
        assert url not in listing.content.decode()
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert not ProvinceProposal.objects.exists()
    assert (
        not NewsArticlePage.objects.child_of(portals["province_news"])
        .filter(title=portals["article"].title)
        .exists()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["draft", "private", "province_article", "agency_article"])
def test_drafts_private_and_other_sites_pages_are_refused(portals, key):
    client = as_user(portals, "bbt")
    page = portals[key]
    url = propose_url(page)
    if key in ("draft", "private"):
        assert url not in edit_html(client, page)
    assert client.post(url).status_code == 403
    assert not ProvinceProposal.objects.exists()


@pytest.mark.django_db
def test_a_page_that_is_not_an_article_is_not_found(portals):
    client = as_user(portals, "bbt")
    assert client.post(propose_url(portals["event"])).status_code == 404
    assert client.post("/admin/pages/999999/de-xuat-len-cong-tinh/").status_code == 404


@pytest.mark.django_db
def test_setup_grants_the_permission_to_sub_portal_editors_and_board_only(portals):
    def holds(group_name):
        return (
            Group.objects.get(name=group_name)
            .permissions.filter(content_type__app_label="news", codename="propose_to_province")
            .exists()
        )

    for role in ("Biên tập viên", "Ban biên tập"):
        assert holds(f"{role} · {WARD}")
        assert not holds(role)  # the province's own
    assert not holds(f"Cộng tác viên · {WARD}")


# --- the whole flow ----------------------------------------------------------------------


@pytest.mark.django_db
def test_waiting_returned_proposed_again_published_with_its_link(portals, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://localhost"
    article, users = portals["article"], portals["users"]
    ward_btv = as_user(portals, "btv")
    assert ward_btv.post(propose_url(article)).status_code == 302

    proposal = ProvinceProposal.objects.get()
    draft = proposal.draft
    assert draft.get_parent().pk == portals["province_news"].pk
    assert not draft.live
    assert (draft.title, draft.byline, draft.sapo) == (article.title, "Nguyễn Văn An", article.sapo)
    assert draft.source_name == WARD
    assert draft.source_unit_id == portals["ward_unit"].pk
    assert draft.original_url == proposal.original_url == article.full_url
    assert "phuong-tran-bien.localhost" in draft.original_url
    assert proposal.source_site == portals["ward"].site
    assert proposal.state == ProvinceProposal.WAITING
    workflow_state = draft.current_workflow_state
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert workflow_state.requested_by == users["btv"]  # the four-eyes rule's submitter
    assert workflow_state.workflow.name == "Quy trình đăng tin"  # the province's
    for page in (article, draft):
        assert PageLogEntry.objects.filter(page=page, action="portal.propose").exists()
        history = ward_btv if page is article else as_user(portals, "tinh-btv")
        response = history.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
        assert f"Đề xuất đăng lên Cổng tỉnh: “{article.title}” của {WARD}" in (
            response.content.decode()
        )
    assert "Đang chờ duyệt" in report_html(ward_btv)
    assert "Đang chờ duyệt" in edit_html(ward_btv, article)
    # Waiting: not offered again, a forged POST refused.
    assert propose_url(article) not in edit_html(ward_btv, article)
    assert ward_btv.post(propose_url(article)).status_code == 403

    # The province's editor sends it back with a comment.
    province_btv = as_user(portals, "tinh-btv")
    assert review(province_btv, draft, "reject", COMMENT).status_code == 302
    proposal = ProvinceProposal.objects.get()
    assert (proposal.state, proposal.comment) == (ProvinceProposal.RETURNED, COMMENT)
    html = report_html(ward_btv)
    assert "Bị trả lại" in html and COMMENT in html
    html = edit_html(ward_btv, article)
    assert "Bị trả lại" in html and COMMENT in html
    assert propose_url(article) in html  # offered again

    # The ward corrects its article and proposes again: the same draft, a new revision,
    # the workflow restarted from the first step.
    article.title = "Phường Trấn Biên ra mắt mô hình dân vận khéo (bổ sung số liệu)"
    article.save_revision(user=users["bbt"]).publish()
    assert as_user(portals, "bbt").post(propose_url(article)).status_code == 302
    proposal = ProvinceProposal.objects.get()
    assert proposal.draft_id == draft.pk
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().title == article.title
    assert proposal.state == ProvinceProposal.WAITING
    state = draft.current_workflow_state
    assert state.requested_by == users["bbt"]
    assert state.current_task_state.task.name == "Biên tập viên duyệt"
    assert WorkflowState.objects.for_instance(draft).count() == 2

    # Approved by the province's editor, then its board: published, with its link.
    assert review(province_btv, draft, "approve").status_code == 302
    assert review(as_user(portals, "tinh-bbt"), draft, "approve").status_code == 302
    draft.refresh_from_db()
    assert draft.live and draft.title == article.title
    proposal = ProvinceProposal.objects.get()
    assert proposal.state == ProvinceProposal.PUBLISHED
    assert proposal.published_url == draft.full_url
    for html in (report_html(ward_btv), edit_html(ward_btv, article)):
        assert "Đã đăng" in html and draft.full_url in html
    assert propose_url(article) not in edit_html(ward_btv, article)
    assert ward_btv.post(propose_url(article)).status_code == 403

    # The province's copy names its original as the canonical page; shares stay here.
    response = Client().get(draft.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<link rel="canonical" href="{article.full_url}">' in html
    og_url = html.split('<meta property="og:url" content="', 1)[1].split('"', 1)[0]
    assert og_url.endswith(f"/tin-hoat-dong/{draft.slug}/")
    assert "phuong-tran-bien" not in urlsplit(og_url).netloc
    assert f'Nguồn: <a href="{article.full_url}">{WARD}</a>' in html
    # The original keeps its own canonical link.
    original = Client().get(
        "/tin-hoat-dong/" + article.slug + "/", HTTP_HOST="phuong-tran-bien.localhost"
    )
    assert f'<link rel="canonical" href="{article.full_url}">' in original.content.decode()


@pytest.mark.django_db
def test_the_province_deleting_its_copy_lets_the_ward_propose_again(portals):
    client = as_user(portals, "btv")
    client.post(propose_url(portals["article"]))
    ProvinceProposal.objects.get().draft.delete()
    proposal = ProvinceProposal.objects.get()
    assert proposal.state == ProvinceProposal.DELETED
    assert "Cổng tỉnh đã xóa bản đề xuất" in report_html(client)
    assert client.post(propose_url(portals["article"])).status_code == 302
    proposal = ProvinceProposal.objects.get()
    assert proposal.draft is not None and proposal.state == ProvinceProposal.WAITING


# --- what each sub-portal sees ---------------------------------------------------------


@pytest.mark.django_db
def test_report_and_panel_show_only_the_users_own_sites_proposals(portals):
    as_user(portals, "btv").post(propose_url(portals["article"]))
    agency_client = as_user(portals, "agency-btv")
    assert agency_client.post(propose_url(portals["agency_article"])).status_code == 302
    ward, agency = portals["article"].title, portals["agency_article"].title

    for role in ("ctv", "btv", "bbt"):
        html = report_html(as_user(portals, role))
        assert ward in html and agency not in html, role
    html = report_html(agency_client)
    assert agency in html and ward not in html
    # The province sees every proposal it received.
    html = report_html(as_user(portals, "tinh-btv"))
    assert ward in html and agency in html
    # The report is in the Reports menu of a sub-portal user.
    home = as_user(portals, "ctv").get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("news_province_proposals") in home

    # The status panel: on the ward's original for the ward; on the copy for the province.
    assert "Đề xuất lên Cổng tỉnh" in edit_html(as_user(portals, "ctv"), portals["article"])
    draft = ProvinceProposal.objects.get(source=portals["article"]).draft
    html = edit_html(as_user(portals, "tinh-btv"), draft)
    assert f"Bài do <strong>{WARD}</strong> đề xuất" in html
    assert portals["article"].full_url in html


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["ctv", "btv", "bbt"])
def test_sub_portal_users_cannot_open_the_provinces_draft(portals, role):
    as_user(portals, "btv").post(propose_url(portals["article"]))
    draft = ProvinceProposal.objects.get().draft
    client = as_user(portals, role)
    for url in (
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
        reverse("wagtailadmin_explore", args=[portals["province_news"].pk]),
    ):
        assert client.get(url).status_code in (302, 403, 404), url
    assert review(client, draft, "approve").status_code in (302, 403)
    draft.refresh_from_db()
    assert not draft.live
    assert draft.current_workflow_state.current_task_state.task.name == "Biên tập viên duyệt"


@pytest.mark.django_db
def test_a_province_without_news_is_told_not_a_server_error(portals):
    portals["province_news"].delete()
    client = as_user(portals, "btv")
    response = client.post(propose_url(portals["article"]), follow=True)
    assert response.status_code == 200
    assert "Cổng tỉnh chưa có mục “Tin hoạt động”" in response.content.decode()
    assert not ProvinceProposal.objects.exists()
