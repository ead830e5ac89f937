"""Create a sub-portal in one step: `manage.py create_subportal` and the admin's form.

A sub-portal is a Site of this installation with its own hostname and HomePage tree (the
standard sections of home/structure.py), its three editorial groups and its two-step
workflow scoped to that tree, its own collection of images and documents, its
PortalSettings, and its place in the provincial org chart (SubPortal.unit). Groups,
permissions and the workflow come from site_core/editorial/setup.py, as for the province.

`create_subportal` is idempotent: it finds what exists and adds only what is missing, and
returns what it changed, so that a second run says "nothing changed". What an editor may
have changed since (texts of the sections, settings) is never overwritten.
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from org_structure.models import OrgUnitPage
from site_core.editorial.setup import group_names, setup_site, site_collection
from site_core.models import PortalSettings

from .models import HomePage, SubPortal
from .structure import ensure_sections, publish_new_page

SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")
HOSTNAME_PATTERN = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)
DEFAULT_HOSTNAME = "{slug}.localhost"  # *.localhost reaches 127.0.0.1 in browsers


def sections(name):
    """The standard sections of a sub-portal, in menu order, with texts naming it."""

    def body(html):
        return [("paragraph", RichText(html))]

    return [
        {
            "key": "news",
            "kind": "news",
            "title": "Tin hoạt động",
            "listing_summary": f"Tin về hoạt động của {name}.",
            "intro": f"<p>Tin về hoạt động của {name}.</p>",
        },
        {
            "key": "events",
            "kind": "events",
            "title": "Sự kiện",
            "listing_summary": f"Lịch sự kiện của {name}.",
            "intro": f"<p>Các sự kiện sắp diễn ra và đã diễn ra của {name}.</p>",
        },
        {
            "key": "documents",
            "kind": "documents",
            "title": "Văn bản",
            "listing_summary": f"Văn bản do {name} ban hành và văn bản cấp trên.",
            "intro": f"<p>Văn bản do {name} ban hành và văn bản cấp trên.</p>",
        },
        {
            "key": "org",
            "kind": "org",
            "title": "Cơ cấu tổ chức",
            "listing_summary": f"Cơ cấu tổ chức của {name}.",
            "intro": f"<p>Cơ cấu tổ chức, lãnh đạo và các chi bộ của {name}.</p>",
        },
        {
            "key": "about",
            "kind": "standard",
            "title": "Giới thiệu",
            "listing_summary": f"Giới thiệu về {name}.",
            "body": body(f"<p>Giới thiệu về {name}.</p>"),
        },
        {
            "key": "contact",
            "kind": "standard",
            "title": "Liên hệ",
            "listing_summary": f"Địa chỉ liên hệ của {name}.",
            "body": body(f"<p>Địa chỉ liên hệ của {name}.</p>"),
        },
    ]


@dataclass
class Result:
    subportal: SubPortal
    site: Site
    home: HomePage
    groups: dict
    sections: dict
    changes: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.changes)


def full_hostname(slug, hostname=None):
    """The hostname given, or <slug>.localhost."""
    return (hostname or DEFAULT_HOSTNAME.format(slug=slug)).strip().lower()


def province_site():
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def affiliated_units():
    """Units of the province's org chart a sub-portal may belong to."""
    province = province_site()
    if province is None:
        return OrgUnitPage.objects.none()
    return OrgUnitPage.objects.descendant_of(province.root_page).order_by("path")


def check(slug, name, hostname, port, unit):
    """Refuse, with a Vietnamese message per field, what would clash with what exists."""
    errors = {}
    if not SLUG_PATTERN.match(slug or ""):
        errors["slug"] = (
            "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 63 ký tự), "
            "không bắt đầu hay kết thúc bằng dấu gạch ngang. Ví dụ: phuong-tran-bien."
        )
    if not (name or "").strip():
        errors["name"] = "Nhập tên đảng bộ, ví dụ: Đảng bộ phường Trấn Biên."
    if not HOSTNAME_PATTERN.match(hostname or ""):
        errors["hostname"] = (
            "Tên miền không hợp lệ: chỉ gồm chữ thường không dấu, chữ số, dấu chấm và dấu "
            "gạch ngang, ví dụ: tranbien.dongnai.example."
        )
    if not (1 <= (port or 0) <= 65535):
        errors["port"] = "Cổng phải là số từ 1 đến 65535."
    if errors:
        raise ValidationError(errors)

    existing = SubPortal.objects.filter(slug=slug).select_related("site").first()
    clash = Site.objects.filter(hostname=hostname, port=port).first()
    if clash is not None and (existing is None or clash.pk != existing.site_id):
        errors["hostname"] = (
            f"Tên miền {hostname}:{port} đã được trang “{clash.site_name or clash.hostname}” "
            "sử dụng."
        )
    if existing is not None and (existing.site.hostname, existing.site.port) != (hostname, port):
        errors["slug"] = (
            f"Mã “{slug}” đã là cổng {existing.site.hostname}:{existing.site.port}; "
            "chọn mã khác hoặc giữ đúng tên miền của cổng đó."
        )
    if existing is None:
        taken = Page.objects.filter(depth=2, slug=slug).first()
        if taken is not None:
            errors["slug"] = f"Mã “{slug}” trùng với trang gốc “{taken.title}” đã có."
    if unit is not None:
        if not affiliated_units().filter(pk=unit.pk).exists():
            errors["unit"] = "Đơn vị phải thuộc sơ đồ tổ chức của Đảng bộ tỉnh."
        else:
            other = SubPortal.objects.filter(unit=unit).exclude(slug=slug).first()
            if other is not None:
                errors["unit"] = f"Đơn vị “{unit.title}” đã có cổng “{other}”."
    if errors:
        raise ValidationError(errors)


def _settings(site, name, unit, changes):
    """The sub-portal's PortalSettings, filled once: name, emblem and contacts."""
    current = PortalSettings.objects.filter(site=site).first()
    if current is not None:
        return current
    current = PortalSettings(
        site=site,
        portal_name=f"Cổng thông tin điện tử {name}",
        organisation_name=name,
        tagline=f"Thông tin chính thống về hoạt động của {name}",
    )
    if unit is not None:
        current.address, current.phone, current.email = unit.address, unit.phone, unit.email
    province = province_site()
    if province is not None:
        # The Party emblem is the province's, by reference: the sub-portal's board may
        # choose another from its own collection, never change this one.
        emblem = PortalSettings.objects.filter(site=province).values("logo_id").first()
        current.logo_id = emblem["logo_id"] if emblem else None
    current.save()
    changes.append("thiết lập cổng (tên, biểu trưng, liên hệ)")
    return current


@transaction.atomic
def create_subportal(slug, name, hostname=None, port=80, unit=None, user=None):
    """Create or complete the sub-portal `slug`; returns a Result listing the changes.

    Raises ValidationError (a message per field: slug, name, hostname, port, unit) when it
    would clash with another site, page or sub-portal.
    """
    name = (name or "").strip()
    hostname = full_hostname(slug, hostname)
    check(slug, name, hostname, port, unit)
    changes = []

    subportal = SubPortal.objects.filter(slug=slug).select_related("site__root_page").first()
    if subportal is not None:
        site = subportal.site
        home = site.root_page.specific
    else:
        home = HomePage.objects.filter(depth=2, slug=slug).first()
        if home is None:
            home = publish_new_page(
                Page.get_first_root_node(),
                HomePage(
                    title=name,
                    slug=slug,
                    locale=Locale.get_default(),
                    seo_title=f"Cổng thông tin điện tử {name}",
                    search_description=f"Thông tin chính thống về hoạt động của {name}.",
                    hero_heading=name,
                    intro=f"<p>Thông tin chính thống về hoạt động của {name}.</p>",
                ),
                user,
            )
            changes.append(f"trang chủ “{home.title}”")
        site = Site.objects.filter(hostname=hostname, port=port).first()
        if site is None:
            site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=name)
            changes.append(f"trang web {hostname}:{port}")
        subportal = SubPortal.objects.create(site=site, slug=slug, unit=unit)
        changes.append("liên kết với sơ đồ tổ chức của tỉnh")
    if unit is not None and subportal.unit_id != unit.pk:
        subportal.unit = unit
        subportal.save(update_fields=["unit"])
        changes.append(f"đơn vị trực thuộc “{unit.title}”")

    added = []
    found_sections = ensure_sections(home, sections(name), list, user=user, created=added)
    changes.extend(f"mục “{page.title}”" for page in added)

    names = group_names(site)
    missing_groups = [
        names[role]
        for role in ("collaborator", "editor", "board")
        if not Group.objects.filter(name=names[role]).exists()
    ]
    collection_missing = not site_collection_exists(site)
    groups = setup_site(site)
    changes.extend(f"nhóm “{group}”" for group in missing_groups)
    if missing_groups:
        changes.append(f"quy trình “{groups['workflow'].name}”")
    if collection_missing:
        changes.append(f"thư mục ảnh và tài liệu “{site_collection(site).name}”")
    _settings(site, name, subportal.unit, changes)
    return Result(subportal, site, home, groups, found_sections, changes)


def site_collection_exists(site):
    name = group_names(site)["collection"]
    return Collection.objects.filter(depth=2, name=name).exists()
