"""Admin rules for translations: a translation goes live only through the workflow.

wagtail-localize (1.14) has its own ways to make a page live, each gated by a weaker
check than the portal's rule that only the last workflow approval (or a superuser)
publishes:

- the synced translation editor has a single "Publish" button, allowed to anyone with
  `publish_page` (the board has it, for withdrawing pages);
- "Sync translated pages" can "Publish immediately" with only `submit_translation`;
- "Convert to alias page" turns a translation into an alias, which is live whenever its
  Vietnamese source is, with only edit permission;
- translating a page whose parent has no translation yet makes the missing parents as
  aliases: live at once, in Vietnamese, under /en/.

With `WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "simple"` new translations are drafts
edited in the normal page editor ("Gửi duyệt"); the views below refuse the other paths
for everyone but superusers. Imported from site_core/wagtail_hooks.py, before
wagtail-localize registers its own hooks and URLs, so these run (and match) first.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path

from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.views import convert
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

LOCALIZE_ONLY_ACTIONS = ("localize-restart-translation", "localize-convert-to-alias")


def may_publish_directly(user):
    from site_core.wagtail_hooks import may_publish_directly as rule

    return rule(user)


def untranslated_parent(page, locale):
    """True when `page` needs its parent in `locale` and that translation does not exist."""
    parent = page.get_parent()
    if parent is None or parent.is_root():
        return False
    return not Page.objects.filter(translation_key=parent.translation_key, locale=locale).exists()


class PortalSubmitPageTranslationView(SubmitPageTranslationView):
    """ "Translate this page", refusing locales where the parent page is not translated.

    wagtail-localize would fill the gap with alias pages, which are live at once.
    """

    def get_form(self):
        if not hasattr(self, "_form"):
            self._form = super().get_form()
        return self._form

    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid() and not may_publish_directly(request.user):
            missing = [
                locale
                for locale in form.cleaned_data["locales"]
                if untranslated_parent(self.object, locale)
            ]
            if missing:
                parent = self.object.get_parent().get_admin_display_title()
                names = ", ".join(locale.get_display_name() for locale in missing)
                form.add_error(
                    "locales",
                    f"Trang cha “{parent}” chưa có bản dịch {names}: hãy dịch trang cha trước, "
                    "rồi dịch trang này.",
                )
        return super().post(request, **kwargs)


class PortalUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages" without "Publish immediately" for non-superusers."""

    def get_form(self):
        form = super().get_form()
        if not may_publish_directly(self.request.user):
            field = form.fields["publish_translations"]
            field.disabled = True
            field.initial = False
            field.widget = forms.HiddenInput()
        return form


def convert_to_alias(request, page_id):
    if not may_publish_directly(request.user):
        messages.error(
            request,
            "Không chuyển bản dịch thành trang bí danh: trang bí danh được đăng cùng trang "
            "gốc, không qua quy trình đăng tin.",
        )
        return redirect("wagtailadmin_pages:edit", page_id)
    return convert.convert_to_alias(request, page_id)


@hooks.register("register_admin_urls")
def translation_guard_urls():
    # Same paths as wagtail-localize's views; registered first, so these answer.
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


@hooks.register("before_edit_page")
def refuse_localize_publishing(request, page):
    """The synced editor's "Publish" and the switch back to synced or alias mode."""
    if request.method != "POST" or may_publish_directly(request.user):
        return None
    if request.POST.get("action") == "publish":
        messages.error(
            request,
            "Bản dịch chỉ được đăng qua “Quy trình đăng tin”. Hãy mở bản dịch trong trình "
            "soạn thảo trang và bấm “Gửi duyệt”.",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    if any(key in request.POST for key in LOCALIZE_ONLY_ACTIONS):
        messages.error(request, "Chỉ quản trị hệ thống được đổi cách dịch của trang.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("construct_page_action_menu")
def hide_localize_actions(menu_items, request, context):
    if not may_publish_directly(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in LOCALIZE_ONLY_ACTIONS]
