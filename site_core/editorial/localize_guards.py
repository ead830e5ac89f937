"""wagtail-localize's ways to make a translation live, and where each is refused.

- The synced editor's "Publish" checks the page's `can_publish()`: the portal's tester
  (site_core/editorial/permission_tester.py) refuses it; nothing here.
- "Sync translated pages" with "Publish immediately" (UpdateTranslationsView) checks only
  the global `submit_translation` permission, then publishes every synced translation.
- "Convert to alias page" checks only `can_edit()`, but an alias is live whenever its
  source is.
- "Translate this page" below an untranslated parent makes the missing parents as aliases
  (copy_for_translation with copy_parents, no user, no permission check): live at once.

wagtail-localize (1.14) has no supported way to change the last three checks: no hook,
setting or form class option. The smallest workaround is this module: subclasses of its
views at the same admin paths (registered with order=-1, so Wagtail's admin URLs list them
first), each asking the page permission tester, so they follow the portal's rules. Drop a
view here when wagtail-localize consults `can_publish()` on its path.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path

from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.views import convert
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

# wagtail-localize's action menu items that only a publisher can use to the end: "Convert
# to alias page" (refused below) and "Start Synced translation", whose editor has "Publish"
# (refused by the tester) but no "Gửi duyệt". Restarting publishes nothing, so a posted
# restart is not refused; the item is just not offered.
PUBLISHER_ONLY_MENU_ITEMS = ("localize-restart-translation", "localize-convert-to-alias")


def may_publish(user, instance):
    """The check wagtail-localize's synced editor makes before publishing `instance`."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))
    return True  # nothing to publish: saving is the only state


def untranslated_parent(page, locale):
    """True when `page` needs its parent in `locale` and that translation does not exist."""
    parent = page.get_parent()
    if parent is None or parent.is_root():
        return False
    return not Page.objects.filter(translation_key=parent.translation_key, locale=locale).exists()


class PortalSubmitPageTranslationView(SubmitPageTranslationView):
    """ "Translate this page", refusing to fill untranslated parents with live aliases."""

    def get_form(self):
        if not hasattr(self, "_form"):
            self._form = super().get_form()
        return self._form

    def post(self, request, **kwargs):
        form = self.get_form()
        parent = self.object.get_parent()
        if form.is_valid() and not may_publish(request.user, parent):
            missing = [
                locale
                for locale in form.cleaned_data["locales"]
                if untranslated_parent(self.object, locale)
            ]
            if missing:
                names = ", ".join(locale.get_display_name() for locale in missing)
                form.add_error(
                    "locales",
                    f"Trang cha “{parent.get_admin_display_title()}” chưa có bản dịch {names}: "
                    "hãy dịch trang cha trước, rồi dịch trang này.",
                )
        return super().post(request, **kwargs)


class PortalUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages", offering "Publish immediately" only when there are synced
    translations and the user may publish every one of them."""

    def may_publish_all(self):
        targets = [
            translation.get_target_instance()
            for translation in self.object.translations.filter(enabled=True)
        ]
        return bool(targets) and all(may_publish(self.request.user, obj) for obj in targets)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_all():
            field = form.fields["publish_translations"]
            field.disabled = True  # a posted value is ignored
            field.initial = False
            field.widget = forms.HiddenInput()
        return form


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    if not may_publish(request.user, page):
        messages.error(
            request,
            "Không chuyển bản dịch thành trang bí danh: trang bí danh được đăng cùng trang "
            "gốc, không qua quy trình đăng tin.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return convert.convert_to_alias(request, page_id)


def translation_guard_urls():
    # wagtail-localize's own paths (its "localize/" prefix): these match first.
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            PortalSubmitPageTranslationView.as_view(),
            name="portal_submit_page_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            PortalUpdateTranslationsView.as_view(),
            name="portal_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias,
            name="portal_convert_to_alias",
        ),
    ]


def hide_publisher_only_localize_items(menu_items, request, context):
    if context.get("view") != "edit" or may_publish(request.user, context["page"]):
        return
    menu_items[:] = [item for item in menu_items if item.name not in PUBLISHER_ONLY_MENU_ITEMS]
