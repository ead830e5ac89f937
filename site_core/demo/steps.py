"""The steps of `manage.py seed_demo`, one function per part of the portal.

Each step takes the shared `SeedContext`, looks up what exists by natural key (slug under
its parent, title of an image or document, name of a snippet) and only creates what is
missing, so a second run changes nothing and is quick. Pages are created as drafts and
published through a revision, so the admin shows a history like for any edited page.
"""

import datetime
import io
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from modelsearch import signal_handlers as search_signal_handlers
from modelsearch.index import get_indexed_models
from modelsearch.tasks import insert_or_update_object_task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command, get_commands
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape

from modelcluster.fields import ParentalKey
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, ReferenceIndex, Site
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task
from wagtail.utils.file import hash_filelike

from history.models import HistoryEvent, HistoryPeriodPage
from home import structure
from home.models import HomePage
from legal_docs.models import (
    DocumentType,
    IssuingBody,
    LegalDocumentAttachment,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from legal_docs.tables import load_reference_tables
from news.models import EventPage, NewsArticlePage, NewsCategory, NewsIndexPage
from org_structure.models import OrgMembership, OrgUnitPage, Person, Term
from site_core.editorial.setup import BOARD, COLLABORATORS, EDITORS, grant_section
from site_core.models import PortalSettings, vietnamese_slugify

from . import content, ledger
from .images import logo_picture, news_picture
from .pdfs import party_document_pdf
from .users import DEFAULT_PASSWORD, demo_password, ensure_account

NEWS_IMAGE_COLLECTION = "Ảnh tin demo"
DOCUMENT_COLLECTION = "Văn bản demo"
LOGO_TITLE = "Biểu trưng cổng thông tin (demo)"
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


@dataclass
class SeedContext:
    """What the steps share: output, the run time and the objects found or created."""

    stdout: Any = None
    verbosity: int = 1
    now: datetime.datetime = field(default_factory=timezone.now)
    locale: Locale | None = None
    admin: Any = None
    site: Site | None = None
    home: HomePage | None = None
    sections: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    articles: dict = field(default_factory=dict)
    created: Counter = field(default_factory=Counter)

    def say(self, message, level=1):
        if self.stdout is not None and self.verbosity >= level:
            self.stdout.write(message)


@contextmanager
def batched_indexing():
    """Update the search and reference indexes once per saved object, at the end.

    A page is saved three times on its way to publication (created, revision, published)
    and each save would index it again; only the final state matters. Runs inside the
    seed's transaction: if a step fails, nothing is indexed and everything rolls back.
    """
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        # Child rows (memberships, timeline events...) are indexed through their page.
        while not raw and instance is not None:
            parental_keys = [f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)]
            if not parental_keys:
                break
            instance = getattr(instance, parental_keys[0].name)
        if not raw and instance is not None and instance.pk is not None:
            key = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
            saved[key] = instance._meta.model

    searchable = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in searchable:
        post_save.disconnect(search_signal_handlers.post_save_signal_handler, sender=model)
    post_save.connect(remember, weak=False, dispatch_uid="seed_demo_batched_indexing")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="seed_demo_batched_indexing")
        for model in searchable:
            post_save.connect(search_signal_handlers.post_save_signal_handler, sender=model)

    searchable = set(searchable)
    for (app_label, model_name, pk), model in saved.items():
        index_search = model in searchable
        index_references = model in ReferenceIndex.tracked_models
        if not (index_search or index_references):
            continue
        if not model._default_manager.filter(pk=pk).exists():
            continue  # saved, then deleted during the seed
        if index_search:
            insert_or_update_object_task.call(app_label, model_name, pk)
        if index_references:
            update_reference_index_task.call(app_label, model_name, pk)


# --- helpers --------------------------------------------------------------------------


def stream(items):
    """Demo body items -> StreamField value.

    ("heading", text) | ("paragraph", html) | ("quote", text, attribution)
    """
    value = []
    for kind, *args in items:
        if kind == "heading":
            value.append(("heading", {"text": args[0], "level": "h2"}))
        elif kind == "paragraph":
            value.append(("paragraph", RichText(args[0])))
        elif kind == "quote":
            value.append(("quote", {"text": args[0], "attribution": args[1] if args[1:] else ""}))
        else:
            raise ValueError(f"Unknown demo block {kind!r}")
    return value


def publish_new_page(ctx, parent, page):
    """Add `page` under `parent` as a draft, then publish it through a revision."""
    structure.publish_new_page(parent, page, ctx.admin)
    ctx.created[type(page).__name__] += 1
    return page


def publish_new_snippet(ctx, obj):
    obj.save()
    revision = obj.save_revision(user=ctx.admin)
    revision.publish(user=ctx.admin, skip_permission_checks=True)
    ctx.created[type(obj).__name__] += 1
    return obj


def child_by_type(parent, model):
    return model.objects.child_of(parent).first()


def get_collection(name):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    return collection or root.add_child(name=name)


def add_image(ctx, collection, title, data, filename):
    image = get_image_model()(
        title=title,
        collection=collection,
        file=ImageFile(io.BytesIO(data), name=filename),
        file_size=len(data),
        file_hash=hash_filelike(io.BytesIO(data)),
        uploaded_by_user=ctx.admin,
    )
    image.save()
    ctx.created["Image"] += 1
    return image


def add_document(ctx, collection, title, data, filename):
    document = get_document_model()(
        title=title,
        collection=collection,
        file=ContentFile(data, name=filename),
        file_size=len(data),
        file_hash=hash_filelike(io.BytesIO(data)),
        uploaded_by_user=ctx.admin,
    )
    document.save()
    ctx.created["Document"] += 1
    return document


def aware(date, time):
    return timezone.make_aware(datetime.datetime.combine(date, time))


# --- steps ----------------------------------------------------------------------------


def reference_tables(ctx):
    """Document types and issuing bodies (the data migration loads them too)."""
    created_types, created_bodies = load_reference_tables()
    ctx.created["DocumentType"] += created_types
    ctx.created["IssuingBody"] += created_bodies
    ctx.locale = Locale.objects.get(language_code="vi")


def admin_user(ctx):
    """The superuser `admin`; only this command creates it, never settings or migrations."""
    User = get_user_model()
    admin = User.objects.filter(username="admin").first()
    if admin is None:
        admin = User.objects.create_superuser(
            username="admin",
            email="admin@dongnai.example",
            password=demo_password(),
            first_name="Quản trị hệ thống",  # no family name: shown whole
        )
        ctx.created["User"] += 1
        if demo_password() == DEFAULT_PASSWORD:
            ctx.say("  Đã tạo tài khoản admin với mật khẩu mặc định của bản demo.")
    ctx.admin = admin


def home_and_site(ctx):
    """A HomePage at depth 2 as the root of the default Site; Wagtail's welcome page goes."""
    texts = content.site()
    root = Page.get_first_root_node()
    site = (
        Site.objects.filter(hostname="localhost", port=80).first()
        or Site.objects.filter(is_default_site=True).first()
    )
    home = None
    if site is not None:
        current = site.root_page.specific
        if isinstance(current, HomePage) and current.locale_id == ctx.locale.pk:
            home = current
    if home is None:
        home = (
            HomePage.objects.filter(depth=2, locale=ctx.locale, slug=texts["home"]["slug"])
            .specific()
            .first()
        )
    if home is None:
        home = publish_new_page(
            ctx,
            root,
            HomePage(locale=ctx.locale, **texts["home"]),
        )
    ctx.home = home

    if site is None:
        site = Site(hostname="localhost", port=80)
    wanted = {
        "hostname": "localhost",
        "port": 80,
        "root_page_id": home.pk,
        "is_default_site": True,
        "site_name": texts["portal_settings"]["portal_name"],
    }
    if site.pk is None or any(getattr(site, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(site, key, value)
        site.save()
        ctx.say("  Site mặc định: localhost:80 → trang chủ demo.", 2)
    Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
    ctx.site = site

    # Wagtail's "Welcome to your new Wagtail site!" page: a bare Page with no children
    # that no Site uses any more.
    page_type = ContentType.objects.get_for_model(Page)
    for welcome in Page.objects.filter(
        depth=2, content_type=page_type, numchild=0, title=WAGTAIL_WELCOME_TITLE
    ).exclude(sites_rooted_here__isnull=False):
        welcome.delete()
        ctx.created["deleted welcome page"] += 1


def portal_settings(ctx):
    """The site's PortalSettings, filled once (an editor's later changes are kept)."""
    current = PortalSettings.objects.filter(site=ctx.site).first()
    default_name = PortalSettings._meta.get_field("portal_name").default
    if current is not None and current.portal_name != default_name:
        return
    current = current or PortalSettings(site=ctx.site)
    texts = content.site()
    for key, value in texts["portal_settings"].items():
        setattr(current, key, value)
    current.related_links = [("link", link) for link in texts["related_links"]]
    current.social_links = [("link", link) for link in texts["social_links"]]
    image_model = get_image_model()
    logo = image_model.objects.filter(title=LOGO_TITLE).first()
    if logo is None:
        logo = add_image(
            ctx, Collection.get_first_root_node(), LOGO_TITLE, logo_picture(), "bieu-trung-demo.png"
        )
    current.logo = logo
    current.save()
    ctx.created["PortalSettings"] += 1


def sections(ctx):
    """The home page's children in menu order: Lịch sử, Cơ cấu tổ chức, ..., Liên hệ."""
    created = []
    ctx.sections = structure.ensure_sections(
        ctx.home, content.site()["sections"], stream, user=ctx.admin, created=created
    )
    for page in created:
        ctx.created[type(page).__name__] += 1


def history(ctx):
    """At least six periods, each with a text and dated timeline events."""
    index = ctx.sections["history"]
    existing = set(HistoryPeriodPage.objects.child_of(index).values_list("slug", flat=True))
    for spec in content.history()["periods"]:
        slug = vietnamese_slugify(spec["title"])
        if slug in existing:
            continue
        period = HistoryPeriodPage(
            title=spec["title"],
            slug=slug,
            start_year=spec["start_year"],
            end_year=spec["end_year"],
            summary=spec["summary"],
            listing_summary=spec["summary"],
            body=stream(spec["body"]),
        )
        period.events = [
            HistoryEvent(
                year=event["year"],
                month=event.get("month"),
                day=event.get("day"),
                title=event["title"],
                text=event["text"],
                note=event.get("note", ""),
                sort_order=i,
            )
            for i, event in enumerate(spec["events"])
        ]
        publish_new_page(ctx, index, period)
        ctx.created["HistoryEvent"] += len(spec["events"])


def people(ctx):
    """Person snippets with clearly fictional names."""
    existing = {person.full_name: person for person in Person.objects.all()}
    for key, spec in content.org()["people"].items():
        person = existing.get(spec["name"])
        if person is None:
            person = publish_new_snippet(
                ctx,
                Person(
                    full_name=spec["name"],
                    honorific=spec["honorific"],
                    biography=spec["biography"],
                    email=f"{spec['mailbox']}@dongnai.example",
                ),
            )
        ctx.people[key] = person


def terms(ctx):
    """The site's terms (nhiệm kỳ): the current one (the first congress of the merged
    province) and the two before it, found by their first year."""
    existing = {term.start_year: term for term in Term.objects.filter(site=ctx.site)}
    for spec in content.org()["terms"]:
        start, end = Term.parse_years(spec["term"])
        term = existing.get(start)
        if term is None:
            term = Term.objects.create(
                site=ctx.site,
                start_year=start,
                end_year=end,
                congress_number=spec["congress"],
                is_current=spec["current"],
            )
            ctx.created["Term"] += 1
        ctx.terms[spec["term"]] = term


def org_structure(ctx):
    """The org chart: units nested under the chart, with the terms they existed in, their
    members and former members."""
    chart = ctx.sections["org"]
    existing = {
        unit.slug: unit for unit in OrgUnitPage.objects.descendant_of(chart).defer_streamfields()
    }
    texts = content.org()
    if not ctx.terms:
        terms(ctx)
    for spec in texts["units"]:
        slug = vietnamese_slugify(spec["title"])
        unit = existing.get(slug)
        if unit is None:
            parent = ctx.units[spec["parent"]] if spec["parent"] else chart
            unit = OrgUnitPage(
                title=spec["title"],
                slug=slug,
                abbreviation=spec["abbreviation"],
                kind=spec["kind"],
                functions=spec["functions"],
                address=spec["address"],
                phone=spec["phone"],
                email=spec["email"],
                listing_summary=texts["unit_summary"].format(title=spec["title"]),
            )
            unit.terms = [ctx.terms[term] for term in spec.get("terms", [])]
            unit.memberships = [
                OrgMembership(
                    person=ctx.people[member["person"]],
                    position=member["position"],
                    term=ctx.terms[member["term"]],
                    start_date=member["start"],
                    end_date=member["end"],
                    sort_order=i,
                )
                for i, member in enumerate(spec["members"])
            ]
            publish_new_page(ctx, parent, unit)
            ctx.created["OrgMembership"] += len(spec["members"])
        ctx.units[spec["key"]] = unit


def news_categories(ctx):
    existing = {
        category.slug: category for category in NewsCategory.objects.filter(locale=ctx.locale)
    }
    for order, spec in enumerate(content.news()["categories"]):
        category = existing.get(spec["slug"])
        if category is None:
            category = publish_new_snippet(
                ctx,
                NewsCategory(
                    name=spec["name"],
                    slug=spec["slug"],
                    description=spec["description"],
                    sort_order=order,
                    locale=ctx.locale,
                ),
            )
        ctx.categories[spec["slug"]] = category


def _document_slug(spec, issuer_symbol, type_abbreviation):
    return vietnamese_slugify(
        f"{spec['number']:02d}-{type_abbreviation}-{issuer_symbol}-{spec['term']}"
    )


def _header_lines(issuer):
    if issuer.level == "trung-uong":
        if issuer.abbreviation == "TW":
            return ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"]
        return ["BAN CHẤP HÀNH TRUNG ƯƠNG", issuer.name.upper(), "*"]
    if issuer.abbreviation == "TU":
        return ["ĐẢNG BỘ TỈNH ĐỒNG NAI", "TỈNH ỦY", "*"]
    return ["TỈNH ỦY ĐỒNG NAI", issuer.name.replace(" Tỉnh ủy", "").upper(), "*"]


COLLECTIVE_BODIES = {
    "Ban Chấp hành Trung ương Đảng (Bộ Chính trị; Ban Bí thư)": "BỘ CHÍNH TRỊ",
    "Tỉnh ủy": "TỈNH ỦY",
    "Ban Thường vụ Tỉnh ủy": "BAN THƯỜNG VỤ",
    "Ủy ban Kiểm tra Tỉnh ủy": "ỦY BAN KIỂM TRA",
}


def _signer(spec, provincial_signers):
    """(name, position) of the signer: given, or the provincial leader of the term."""
    if "signer" in spec:
        signer = spec["signer"]
    else:
        signers = provincial_signers[spec["term"]]
        signer = signers.get(spec["authority"] or "T/M", signers["T/M"])
    return signer["name"], signer["position"]


def _signing_lines(spec, issuer_name, position):
    authority = spec["authority"]
    body = COLLECTIVE_BODIES.get(issuer_name, "")
    if authority == "T/M":
        return [f"T/M {body}".strip(), position.upper()]
    if authority == "K/T":
        return ["K/T BÍ THƯ", position.upper()]
    if authority == "T/L":
        return [f"T/L {body}".strip(), position.upper()]
    return [position.upper()]


def documents(ctx):
    """At least 25 documents with a PDF each, relations and the status that follows."""
    index = ctx.sections["documents"]
    types = {t.abbreviation: t for t in DocumentType.objects.filter(locale=ctx.locale)}
    issuers = {body.name: body for body in IssuingBody.objects.filter(locale=ctx.locale)}
    existing = {
        page.slug: page for page in LegalDocumentPage.objects.child_of(index).defer_streamfields()
    }
    collection = None
    files = {}
    texts = content.documents()

    for spec in texts["documents"]:
        document_type = types[spec["type"]]
        issuer = issuers[spec["issuer"]]
        co_issuers = [issuers[name] for name in spec.get("co_issuers", [])]
        issuer_symbol = "-".join([issuer.abbreviation] + [b.abbreviation for b in co_issuers])
        slug = _document_slug(spec, issuer_symbol, document_type.abbreviation)
        if slug in existing:
            ctx.documents[spec["key"]] = existing[slug]
            continue

        if collection is None:
            collection = get_collection(DOCUMENT_COLLECTION)
            files = {d.title: d for d in get_document_model().objects.filter(collection=collection)}
        symbol = f"{spec['number']:02d}-{document_type.abbreviation}/{issuer_symbol}"
        signer, position = _signer(spec, texts["provincial_signers"])
        file_title = f"Toàn văn {symbol} (nhiệm kỳ {spec['term']})"
        paragraphs = spec.get("paragraphs") or [
            line.format(subject=spec["summary"]) for line in texts["body_template"]
        ]
        document_file = files.get(file_title)
        if document_file is None:
            place = spec.get("place", "Đồng Nai")
            issued = spec["issued"]
            pdf = party_document_pdf(
                header_left=_header_lines(issuer),
                symbol=symbol,
                place_date=f"{place}, ngày {issued.day} tháng {issued.month} năm {issued.year}",
                type_name=document_type.name,
                summary=spec["summary"][0].upper() + spec["summary"][1:],
                paragraphs=paragraphs,
                signing_lines=_signing_lines(spec, issuer.name, position),
                signer=signer,
                title=f"{document_type.name} số {symbol}",
            )
            document_file = add_document(ctx, collection, file_title, pdf, f"{slug}.pdf")

        page = LegalDocumentPage(
            title=f"{document_type.name} số {symbol} {spec['summary']}",
            slug=slug,
            number=spec["number"],
            document_type=document_type,
            issuer=issuer,
            term=spec["term"],
            date_issued=spec["issued"],
            date_effective=spec.get("effective", spec["issued"]),
            date_expired=spec.get("expired"),
            place=spec.get("place", "Đồng Nai"),
            summary=spec["summary"][0].upper() + spec["summary"][1:],
            signer=signer,
            signer_position=position,
            signing_authority=spec["authority"],
            secrecy_level="",
            listing_summary=spec["summary"][0].upper() + spec["summary"][1:],
            body=stream([("paragraph", "".join(f"<p>{escape(line)}</p>" for line in paragraphs))]),
        )
        page.co_issuers = co_issuers
        page.attachments = [
            LegalDocumentAttachment(document=document_file, title="Toàn văn (PDF)", sort_order=0)
        ]
        page.relations = [
            LegalDocumentRelation(
                relation_type=relation["type"],
                target=ctx.documents[relation["target"]],
                sort_order=i,
            )
            for i, relation in enumerate(spec.get("relations", []))
        ]
        publish_new_page(ctx, index, page)
        ctx.documents[spec["key"]] = page


def news(ctx):
    """At least 40 articles over every category and several units, with pictures."""
    index = ctx.sections["news"]
    existing = {
        page.slug: page for page in NewsArticlePage.objects.child_of(index).defer_streamfields()
    }
    collection = None
    pictures = {}
    texts = content.news()

    for number, spec in enumerate(texts["articles"]):
        slug = vietnamese_slugify(spec["title"])
        if slug in existing:
            ctx.articles[spec["title"]] = existing[slug]
            continue

        if collection is None:
            collection = get_collection(NEWS_IMAGE_COLLECTION)
            pictures = {
                image.title: image
                for image in get_image_model().objects.filter(collection=collection)
            }
        picture_title = f"Ảnh minh họa: {spec['title']}"[:255]
        picture = pictures.get(picture_title)
        if picture is None:
            picture = add_image(
                ctx,
                collection,
                picture_title,
                news_picture(spec["title"]),
                f"tin-{slug[:80]}.jpg",
            )

        date = min(timezone.make_aware(spec["date"]), ctx.now)
        category_text = texts["category_text"][spec["cats"][0]][number % 2]
        body = [
            ("paragraph", f"<p>{spec['detail']}</p>"),
            ("heading", category_text["heading"]),
            ("paragraph", f"<p>{category_text['context']}</p>"),
        ]
        if spec.get("quote"):
            body.append(("quote", spec["quote"]["text"], spec["quote"]["attribution"]))
        body.append(("paragraph", f"<p>{category_text['closing']}</p>"))

        article = NewsArticlePage(
            title=spec["title"],
            slug=slug,
            date=date,
            first_published_at=date,
            sapo=spec["sapo"],
            listing_summary=spec["sapo"],
            search_description=spec["sapo"],
            body=stream(body),
            featured_image=picture,
            featured_image_caption="Ảnh minh họa tạo tự động cho dữ liệu demo.",
            listing_image=picture,
            source_unit=ctx.units[spec["unit"]],
            byline=texts["bylines"][number % len(texts["bylines"])],
            is_featured=spec.get("featured", False),
        )
        article.categories = [ctx.categories[slug] for slug in spec["cats"]]
        article.related_documents = [ctx.documents[key] for key in spec.get("docs", [])]
        article.tags.add(*spec["tags"])
        # Sổ nhuận bút: credits, kind and grade before publication writes its ledger lines.
        ledger.credit_article(article, number, article.byline, article.source_unit.title)
        publish_new_page(ctx, index, article)
        ctx.articles[spec["title"]] = article


def events(ctx):
    """Events before and after the run date, so that "upcoming" stays upcoming."""
    index = ctx.sections["events"]
    existing = set(EventPage.objects.child_of(index).values_list("slug", flat=True))
    today = timezone.localtime(ctx.now).date()
    for spec in content.news()["events"]:
        slug = vietnamese_slugify(spec["title"])
        if slug in existing:
            continue
        start = aware(today + datetime.timedelta(days=spec["offset_days"]), spec["time"])
        if "days" in spec:
            end = aware(start.date() + datetime.timedelta(days=spec["days"] - 1), datetime.time(17))
        else:
            end = start + datetime.timedelta(hours=spec["hours"])
        event = EventPage(
            title=spec["title"],
            slug=slug,
            start=start,
            end=end,
            place=spec["place"],
            organiser=ctx.units[spec["organiser"]],
            summary=spec["summary"],
            listing_summary=spec["summary"],
            body=stream(
                [
                    # The page prints the summary above the body: the body does not repeat it.
                    ("heading", "Thành phần tham dự"),
                    (
                        "paragraph",
                        "<p>Đại diện lãnh đạo các cơ quan tham mưu, giúp việc Tỉnh ủy và các "
                        "đảng bộ trực thuộc theo giấy mời của đơn vị tổ chức.</p>",
                    ),
                ]
            ),
        )
        event.related_news = [ctx.articles[title] for title in spec["news"]]
        publish_new_page(ctx, index, event)


def setup_portal(ctx):
    """Groups, permissions and workflow for the new home, if that command exists.

    Run after the home page is in place: deleting Wagtail's welcome page also deletes
    whatever was attached to it.
    """
    if "setup_portal" in get_commands():
        call_command("setup_portal", verbosity=0, stdout=io.StringIO())


def summary(ctx):
    """Print what exists now (and what this run created)."""
    User = get_user_model()
    rows = [
        ("Giai đoạn lịch sử", HistoryPeriodPage, HistoryPeriodPage.objects.count()),
        ("Mốc sự kiện lịch sử", HistoryEvent, HistoryEvent.objects.count()),
        ("Cơ quan, đơn vị", OrgUnitPage, OrgUnitPage.objects.count()),
        ("Nhân sự", Person, Person.objects.count()),
        ("Chuyên mục tin", NewsCategory, NewsCategory.objects.count()),
        ("Tin hoạt động", NewsArticlePage, NewsArticlePage.objects.count()),
        ("Sự kiện", EventPage, EventPage.objects.count()),
        ("Văn bản", LegalDocumentPage, LegalDocumentPage.objects.count()),
        ("Ảnh", get_image_model(), get_image_model().objects.count()),
        ("Tệp tài liệu", get_document_model(), get_document_model().objects.count()),
        ("Người dùng", User, User.objects.count()),
    ]
    ctx.say("Cổng demo:")
    for label, model, count in rows:
        created = ctx.created.get(model.__name__, 0)
        ctx.say(f"  {label:<22}{count:>5}" + (f"  (+{created} mới)" if created else ""))
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    ctx.say(f"  Trang chủ: {base_url}/ (site {ctx.site})")
    ctx.say(f"  Quản trị: {base_url}/admin/")


def role_users(ctx):
    """ctv (collaborator scoped to the news section), btv (editor) and bbt (board).

    Only the demo seed creates them; production settings and migrations never do.
    """
    news_index = NewsIndexPage.objects.descendant_of(ctx.home).first()
    accounts = {
        # (given name, family and middle names): site_core.models.User.
        "ctv": (
            "An",
            "Nguyễn Văn",
            [Group.objects.get(name=COLLABORATORS), grant_section(news_index)],
        ),
        "btv": ("Bình", "Trần Thị", [Group.objects.get(name=EDITORS)]),
        "bbt": ("Cường", "Lê Văn", [Group.objects.get(name=BOARD)]),
    }
    for username, (first_name, last_name, groups) in accounts.items():
        user, created = ensure_account(username, first_name, last_name)
        ctx.created["User"] += created
        if set(user.groups.all()) != set(groups):
            user.groups.set(groups)
