"""The admin's "Cổng trực thuộc" page: the sub-portals, and the form that creates one.

Superusers only (a sub-portal adds a Site, groups and a workflow): the menu item is shown
to them alone and the view refuses everyone else.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import SubPortalForm
from .models import SubPortal


class SubPortalCreateView(WagtailAdminTemplateMixin, FormView):
    form_class = SubPortalForm
    template_name = "home/admin/subportal_form.html"
    page_title = "Cổng trực thuộc"
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subportals"] = SubPortal.objects.select_related("site", "unit").order_by("slug")
        context["action_url"] = reverse("home_subportals")
        context["submit_button_label"] = "Tạo cổng"
        return context

    def form_valid(self, form):
        result = form.save()
        site = result.site
        if result.changed:
            messages.success(
                self.request,
                f"Đã tạo cổng “{site.site_name}” tại {site.root_url}: "
                + ", ".join(result.changes)
                + ".",
            )
        else:
            messages.info(
                self.request,
                f"Cổng “{site.site_name}” ({site.root_url}) đã đủ; không có gì thay đổi.",
            )
        return redirect("home_subportals")
