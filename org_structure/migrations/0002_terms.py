"""Terms (nhiệm kỳ) as rows the board edits; people get a slug for their page.

The memberships' term was free text ("2025–2030"): each text that names two years becomes
a Term of the site the unit belongs to (created once per site and years), and the stored
revisions of the units are rewritten the same way, so that an old draft still opens. A
text that names no years ("khóa XI") cannot be placed and is left out.
"""

import re

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

from site_core.text import vietnamese_slugify

TERM_YEARS_RE = re.compile(r"^\s*(\d{4})\s*[–—-]\s*(\d{4})\s*$")
STEPLEN = 4


def fill_person_slugs(apps, schema_editor):
    Person = apps.get_model("org_structure", "Person")
    taken = set()
    for person in Person.objects.order_by("pk"):
        base = vietnamese_slugify(person.full_name)[:240].strip("-") or "can-bo"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        Person.objects.filter(pk=person.pk).update(slug=slug)


def parse_years(text):
    match = TERM_YEARS_RE.match(text or "")
    if not match or int(match[1]) >= int(match[2]):
        return None
    return int(match[1]), int(match[2])


class TermFinder:
    """The Term for (page path, text), made once per site and years."""

    def __init__(self, apps):
        Site = apps.get_model("wagtailcore", "Site")
        Page = apps.get_model("wagtailcore", "Page")
        self.Term = apps.get_model("org_structure", "Term")
        sites = list(Site.objects.select_related("root_page").order_by("-is_default_site", "pk"))
        by_key = {site.root_page.translation_key: site.pk for site in sites}
        # A translated home (the English tree) belongs to the site of its original.
        self.site_of_home = {
            page.path: by_key.get(page.translation_key)
            for page in Page.objects.filter(depth=2).only("path", "translation_key")
        }
        self.default_site = sites[0].pk if sites else None
        self.found = {}

    def __call__(self, path, text):
        years = parse_years(text)
        site_id = self.site_of_home.get((path or "")[: 2 * STEPLEN]) or self.default_site
        if years is None or site_id is None:
            return None
        key = (site_id, years)
        if key not in self.found:
            term = self.Term.objects.filter(site_id=site_id, start_year=years[0]).first()
            if term is None:
                term = self.Term.objects.create(
                    site_id=site_id, start_year=years[0], end_year=years[1]
                )
            self.found[key] = term
        return self.found[key]


def texts_to_terms(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Membership = apps.get_model("org_structure", "OrgMembership")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    find = TermFinder(apps)
    memberships = list(Membership.objects.exclude(term_text=""))
    paths = dict(
        Page.objects.filter(pk__in={m.unit_id for m in memberships}).values_list("pk", "path")
    )
    for membership in memberships:
        term = find(paths.get(membership.unit_id), membership.term_text)
        if term is not None:
            Membership.objects.filter(pk=membership.pk).update(term=term)

    unit_type = ContentType.objects.filter(app_label="org_structure", model="orgunitpage").first()
    if unit_type is None:
        return
    for revision in Revision.objects.filter(content_type=unit_type).iterator():
        content = revision.content or {}
        changed = False
        for item in content.get("memberships") or []:
            if isinstance(item.get("term"), str):
                term = find(content.get("path"), item["term"])
                item["term"] = term.pk if term else None
                changed = True
        if changed:
            Revision.objects.filter(pk=revision.pk).update(content=content)


def terms_to_texts(apps, schema_editor):
    Membership = apps.get_model("org_structure", "OrgMembership")
    for membership in Membership.objects.exclude(term=None).select_related("term"):
        term = membership.term
        Membership.objects.filter(pk=membership.pk).update(
            term_text=f"{term.start_year}–{term.end_year}"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('org_structure', '0001_initial'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='slug',
            field=models.SlugField(blank=True, db_index=False, default='', max_length=255, verbose_name='đường dẫn'),
            preserve_default=False,
        ),
        migrations.RunPython(fill_person_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='person',
            name='slug',
            field=models.SlugField(blank=True, help_text='Phần cuối địa chỉ trang cán bộ. Để trống: tạo từ họ và tên.', max_length=255, unique=True, verbose_name='đường dẫn'),
        ),
        migrations.CreateModel(
            name='Term',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(blank=True, help_text='Ví dụ: Nhiệm kỳ Đại hội lần thứ I. Để trống: “Nhiệm kỳ 2025–2030”.', max_length=255, verbose_name='tên gọi')),
                ('start_year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1930), django.core.validators.MaxValueValidator(2999)], verbose_name='năm bắt đầu')),
                ('end_year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1930), django.core.validators.MaxValueValidator(2999)], verbose_name='năm kết thúc')),
                ('congress_number', models.PositiveSmallIntegerField(blank=True, help_text='Số thứ tự của đại hội đã bầu ra Ban Chấp hành nhiệm kỳ này (ví dụ: 1).', null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(99)], verbose_name='đại hội lần thứ')),
                ('is_current', models.BooleanField(default=False, help_text='Sơ đồ tổ chức mở ở nhiệm kỳ này. Nếu không nhiệm kỳ nào được đánh dấu, nhiệm kỳ gần nhất đã bắt đầu được coi là nhiệm kỳ hiện tại.', verbose_name='nhiệm kỳ hiện tại')),
                ('site', models.ForeignKey(help_text='Đảng bộ (cổng thông tin) có nhiệm kỳ này.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.site', verbose_name='cổng thông tin')),
            ],
            options={
                'verbose_name': 'nhiệm kỳ',
                'verbose_name_plural': 'nhiệm kỳ',
                'ordering': ['site', '-start_year'],
            },
        ),
        migrations.AddField(
            model_name='orgunitpage',
            name='terms',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Các nhiệm kỳ cơ quan, đơn vị có mặt trong sơ đồ tổ chức. Để trống nếu có mặt ở mọi nhiệm kỳ.', related_name='units', to='org_structure.term', verbose_name='các nhiệm kỳ'),
        ),
        migrations.AddConstraint(
            model_name='term',
            constraint=models.CheckConstraint(condition=models.Q(('start_year__lt', models.F('end_year'))), name='org_term_start_before_end', violation_error_message='Năm bắt đầu phải trước năm kết thúc.'),
        ),
        migrations.AddConstraint(
            model_name='term',
            constraint=models.UniqueConstraint(fields=('site', 'start_year'), name='org_term_unique_start', violation_error_message='Đã có một nhiệm kỳ bắt đầu năm này.'),
        ),
        migrations.AddConstraint(
            model_name='term',
            constraint=models.UniqueConstraint(condition=models.Q(('is_current', True)), fields=('site',), name='org_term_one_current', violation_error_message='Chỉ một nhiệm kỳ được đánh dấu là hiện tại.'),
        ),
        migrations.RenameField('orgmembership', 'term', 'term_text'),
        migrations.AddField(
            model_name='orgmembership',
            name='term',
            field=models.ForeignKey(blank=True, help_text='Để trống: tính vào nhiệm kỳ hiện tại khi còn đảm nhiệm.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='memberships', to='org_structure.term', verbose_name='nhiệm kỳ'),
        ),
        migrations.RunPython(texts_to_terms, terms_to_texts),
        migrations.RemoveField('orgmembership', 'term_text'),
    ]
