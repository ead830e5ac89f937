from django.utils.text import slugify

from wagtail.admin.forms import WagtailAdminPageForm

from site_core.text import fold_vietnamese, vietnamese_slugify


def admin_js_slug(title):
    """What Wagtail's admin script makes of a title: it has no mapping for Đ/đ and drops it."""
    return slugify(fold_vietnamese(title.replace("Đ", "").replace("đ", "")))


class PortalPageForm(WagtailAdminPageForm):
    """Every portal page form: slugs are readable ASCII made from the Vietnamese title.

    An empty slug is filled from the title ("Đảng bộ tỉnh Đồng Nai" -> dang-bo-tinh-dong-nai),
    and a slug the admin script derived by dropping Đ/đ is corrected the same way.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

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
