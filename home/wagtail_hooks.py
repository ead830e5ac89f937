from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import SubPortalCreateView


@hooks.register("register_admin_urls")
def subportal_urls():
    return [path("subportals/", SubPortalCreateView.as_view(), name="home_subportals")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def subportal_menu_item():
    return SuperuserMenuItem(
        "Cổng trực thuộc", reverse("home_subportals"), icon_name="site", order=610
    )
