"""The demo's sub-portals (data/subportals.json): a ward Party committee and the Party
committee of the provincial Party agencies, each made by `create_subportal` as a
superuser would, with its role accounts, a dozen articles and a few documents.

Idempotent like every step: articles and documents are found by slug under their
section, accounts by username, pictures and files by title in the sub-portal's collection.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.subportals import create_subportal
from legal_docs.models import DocumentType, IssuingBody, LegalDocumentAttachment, LegalDocumentPage
from news.models import NewsArticlePage, ProvinceProposal
from news.proposals import propose
from site_core.editorial.setup import group_names
from site_core.models import vietnamese_slugify

from . import content
from .images import news_picture
from .pdfs import party_document_pdf
from .steps import add_document, add_image, publish_new_page, stream
from .users import ensure_account

PICTURES = 3  # per sub-portal, shared by its articles: the seed stays quick
# “Đề xuất đăng lên Cổng tỉnh”: one proposal in each state, from the first sub-portal's
# articles (by their number in data/subportals.json), decided by the province's demo
# editor (btv) and board (bbt).
DEMO_PROPOSALS = [(2, "waiting"), (3, "published"), (4, "returned")]
RETURN_COMMENT = (
    "Đề nghị bổ sung số liệu cụ thể và ảnh hoạt động tại cơ sở, rồi đề xuất lại để "
    "Cổng tỉnh xem xét."
)
ROLE_GROUPS = {"collaborator": "collaborators", "editor": "editors", "board": "board"}


def subportals(ctx):
    """Both demo sub-portals, their accounts, articles and documents."""
    data = content.subportals()
    for spec in data["subportals"]:
        result = create_subportal(
            spec["slug"], spec["name"], unit=ctx.units.get(spec["unit"]), user=ctx.admin
        )
        if result.changed:
            ctx.created["SubPortal parts"] += len(result.changes)
        collection = Collection.objects.get(depth=2, name=group_names(result.site)["collection"])
        accounts(ctx, spec, result)
        articles(ctx, spec, result, collection, data)
        documents(ctx, spec, result, collection, data)
        if spec is data["subportals"][0]:
            proposals(ctx, spec, result)
        ctx.say(f"  Cổng trực thuộc: {spec['name']} → {result.site.root_url}", 2)


def accounts(ctx, spec, result):
    # (given name, family and middle names, role, label): site_core.models.User.
    for username, (first_name, last_name, role, _label) in spec["accounts"].items():
        user, created = ensure_account(username, first_name, last_name)
        ctx.created["User"] += created
        group = result.groups[ROLE_GROUPS[role]]
        if list(user.groups.all()) != [group]:
            user.groups.set([group])


def articles(ctx, spec, result, collection, data):
    index = result.sections["news"]
    existing = set(NewsArticlePage.objects.child_of(index).values_list("slug", flat=True))
    pictures = {
        image.title: image for image in get_image_model().objects.filter(collection=collection)
    }
    for number, (title, category, sapo) in enumerate(spec["articles"]):
        slug = vietnamese_slugify(title)
        if slug in existing:
            continue
        picture_title = f"Ảnh minh họa {number % PICTURES + 1}: {spec['name']}"
        picture = pictures.get(picture_title)
        if picture is None:
            picture = add_image(
                ctx,
                collection,
                picture_title,
                news_picture(picture_title),
                f"{spec['slug']}-{number % PICTURES + 1}.jpg",
            )
            pictures[picture_title] = picture
        date = ctx.now - datetime.timedelta(days=6 * number + 1, hours=number)
        article = NewsArticlePage(
            title=title,
            slug=slug,
            date=date,
            first_published_at=date,
            sapo=sapo,
            listing_summary=sapo,
            search_description=sapo,
            body=stream(
                [
                    # The sapo is printed above the body: the body does not repeat it.
                    (
                        "paragraph",
                        f"<p>Tin do Ban biên tập cổng thông tin {escape(spec['name'])} "
                        "thực hiện (dữ liệu minh họa cho bản demo).</p>",
                    ),
                ]
            ),
            featured_image=picture,
            featured_image_caption="Ảnh minh họa tạo tự động cho dữ liệu demo.",
            listing_image=picture,
            byline=data["bylines"][number % len(data["bylines"])],
            is_featured=number < 2,
        )
        article.categories = [ctx.categories[category]]
        publish_new_page(ctx, index, article)


def documents(ctx, spec, result, collection, data):
    index = result.sections["documents"]
    existing = set(LegalDocumentPage.objects.child_of(index).values_list("slug", flat=True))
    issuer, created = IssuingBody.objects.get_or_create(
        name=spec["issuer"]["name"],
        locale=ctx.locale,
        defaults={
            "abbreviation": spec["issuer"]["abbreviation"],
            "level": spec["issuer"]["level"],
        },
    )
    ctx.created["IssuingBody"] += int(created)
    types = {t.abbreviation: t for t in DocumentType.objects.filter(locale=ctx.locale)}
    files = {d.title: d for d in get_document_model().objects.filter(collection=collection)}
    term, signer = data["term"], spec["signer"]
    for kind, number, summary, issued in spec["documents"]:
        document_type = types[kind]
        symbol = f"{number:02d}-{kind}/{issuer.abbreviation}"
        slug = vietnamese_slugify(f"{number:02d}-{kind}-{issuer.abbreviation}-{term}")
        if slug in existing:
            continue
        paragraphs = [line.format(subject=summary) for line in content.documents()["body_template"]]
        file_title = f"Toàn văn {symbol} (nhiệm kỳ {term})"
        document_file = files.get(file_title)
        if document_file is None:
            pdf = party_document_pdf(
                header_left=["ĐẢNG BỘ TỈNH ĐỒNG NAI", issuer.name.upper(), "*"],
                symbol=symbol,
                place_date=f"{spec['place']}, ngày {issued.day} tháng {issued.month} năm {issued.year}",
                type_name=document_type.name,
                summary=summary[0].upper() + summary[1:],
                paragraphs=paragraphs,
                signing_lines=["T/M BAN THƯỜNG VỤ", "BÍ THƯ"],
                signer=signer["name"],
                title=f"{document_type.name} số {symbol}",
            )
            document_file = add_document(ctx, collection, file_title, pdf, f"{slug}.pdf")
        page = LegalDocumentPage(
            title=f"{document_type.name} số {symbol} {summary}",
            slug=slug,
            number=number,
            document_type=document_type,
            issuer=issuer,
            term=term,
            date_issued=issued,
            date_effective=issued,
            place=spec["place"],
            summary=summary[0].upper() + summary[1:],
            signer=signer["name"],
            signer_position=signer["position"],
            signing_authority="T/M",
            secrecy_level="",
            listing_summary=summary[0].upper() + summary[1:],
            body=stream([("paragraph", "".join(f"<p>{escape(p)}</p>" for p in paragraphs))]),
        )
        page.attachments = [
            LegalDocumentAttachment(document=document_file, title="Toàn văn (PDF)", sort_order=0)
        ]
        publish_new_page(ctx, index, page)


def proposals(ctx, spec, result):
    """One proposal waiting, one published on the province, one returned with a comment.

    An article already proposed is left as it stands (the seed runs again unchanged)."""
    User = get_user_model()
    editor = next(name for name, account in spec["accounts"].items() if account[2] == "editor")
    proposer = User.objects.get(username=editor)
    province_editor, province_board = (
        User.objects.get(username="btv"),
        User.objects.get(username="bbt"),
    )
    index = result.sections["news"]
    for number, state in DEMO_PROPOSALS:
        slug = vietnamese_slugify(spec["articles"][number][0])
        source = NewsArticlePage.objects.child_of(index).get(slug=slug)
        if ProvinceProposal.objects.filter(source=source).exists():
            continue
        draft = propose(source, proposer).draft
        if state == "published":
            review(draft, province_editor, "approve")
            review(draft, province_board, "approve")
        elif state == "returned":
            review(draft, province_editor, "reject", RETURN_COMMENT)
        ctx.created["ProvinceProposal"] += 1


def review(page, user, action, comment=""):
    """Approve or send back the step `page` waits at, as `user` would in the admin."""
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state.specific, user, action, comment=comment)
