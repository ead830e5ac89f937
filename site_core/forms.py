import unicodedata

from django import forms
from django.db.models import Q
from django.utils.text import slugify

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import SlugInput
from wagtail.models import Page, TranslatableMixin

from site_core.editorial.stale_edit import StaleEditGuardMixin
from site_core.editorial.visibility import limit_page_choices
from site_core.text import fold_vietnamese, vietnamese_slugify

SLUG_FORMATTERS_ATTR = "data-w-slug-formatters-value"


def vietnamese_slug_formatters():
    """Regex replacements that make Vietnamese letters ASCII, for the admin's slug script.

    Wagtail's script (7.4) knows neither Đ/đ nor the letters with two marks: it turns
    "Đảng bộ tỉnh Đồng Nai" into "djng-b-tnh-djng-nai". Its slug widget applies these
    replacements first, so the slug it shows is the one the server makes.
    """
    groups = {"D": ["Đ"], "d": ["đ"]}
    tones = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for tone in tones:
            letter = unicodedata.normalize("NFC", base + tone)
            if fold_vietnamese(letter) != letter:
                groups.setdefault(fold_vietnamese(letter), []).append(letter)
    formatters = [("[\u0300-\u036f]", "")]  # marks of decomposed (NFD) input
    formatters += [(f"[{''.join(letters)}]", ascii) for ascii, letters in sorted(groups.items())]
    return SlugInput(formatters=formatters).attrs[SLUG_FORMATTERS_ATTR]


SLUG_FORMATTERS = vietnamese_slug_formatters()


def admin_js_slug(title):
    """A slug that lost Đ/đ ("ong-nai" for "Đồng Nai"), as Django's slugify or an
    ASCII-only script makes it; such a slug is replaced by the readable one. (Wagtail 7.4's
    own script gives "djng-..." instead; the widget's formatters above prevent that.)"""
    return slugify(fold_vietnamese(title.replace("Đ", "").replace("đ", "")))


class PortalPageForm(StaleEditGuardMixin, WagtailAdminPageForm):
    """Every portal page form: slugs are readable ASCII made from the Vietnamese title.

    A form loaded from an older revision than the latest is refused (site_core/editorial/stale_edit.py).

    An empty slug is filled from the title ("Đảng bộ tỉnh Đồng Nai" -> dang-bo-tinh-dong-nai),
    and a slug the admin script derived by dropping Đ/đ is corrected the same way.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].widget.attrs[SLUG_FORMATTERS_ATTR] = SLUG_FORMATTERS
        self.limit_translatable_choices()
        limit_page_choices(self)  # pages outside the user's sections: live public ones only

    def limit_translatable_choices(self):
        """Offer only snippets (categories, document types...) in the page's language.

        With English translations of the snippets, a Vietnamese page would otherwise list
        every category twice. What the page already refers to stays selectable.
        """
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is None:
            return
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            model = getattr(queryset, "model", None)
            if model is None or not issubclass(model, TranslatableMixin) or issubclass(model, Page):
                continue  # page choosers may link across languages
            current = self.initial.get(name)
            if isinstance(field, forms.ModelMultipleChoiceField):
                current = [getattr(item, "pk", item) for item in current or ()]
            else:
                current = [getattr(current, "pk", current)] if current else []
            field.queryset = queryset.filter(Q(locale_id=locale_id) | Q(pk__in=current))

    def clean(self):
        title = (self.data.get("title") or "").strip()
        slug = (self.cleaned_data.get("slug") or "").strip()
        if title and (not slug or (slug == admin_js_slug(title) != vietnamese_slugify(title))):
            generated = vietnamese_slugify(title)
            if generated:
                self.cleaned_data["slug"] = generated
                self.instance.slug = generated
                self.errors.pop("slug", None)
        return super().clean()
