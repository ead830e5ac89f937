"""Staff sign-in in the admin: the second-factor screens and the account menu item."""

from django.urls import path, reverse

from wagtail import hooks

from site_core.security.two_factor import enroll, recovery_codes, verify


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [
        path("xac-thuc-hai-buoc/thiet-lap/", enroll, name="portal_2fa_enroll"),
        path("xac-thuc-hai-buoc/", verify, name="portal_2fa_verify"),
        path("xac-thuc-hai-buoc/ma-khoi-phuc/", recovery_codes, name="portal_recovery_codes"),
    ]


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    return {
        "url": reverse("portal_recovery_codes"),
        "label": "Xác thực hai bước",
        "help_text": "Xem số mã khôi phục còn lại và tạo bộ mã mới.",
    }
