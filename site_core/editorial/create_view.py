"""The page create view without autosave once the form came back with errors.

Wagtail 7.4 autosaves the create form as a draft (deferred validation) as soon as it has
unsaved changes. After "Gửi duyệt" or "Lưu bản nháp" is refused with "Chưa tạo được trang
vì có lỗi nhập liệu", the re-rendered form starts with unsaved changes, so the autosave
created the page at once and the header said "Đã lưu" under the error. Here the refused
form is rendered without autosave: nothing exists until the editor presses a button again,
and the header claims nothing. A fresh create form and every edit form keep Wagtail's
autosave (WAGTAIL_AUTOSAVE_INTERVAL).

Wagtail has no per-view setting or hook for this, so the view is a subclass served at
Wagtail's own path (admin_urls.py, included before Wagtail's admin URLs);
`reverse("wagtailadmin_pages:add")` still names the same URL.
"""

from django.urls import path

from wagtail.admin.views.pages.create import CreateView


class PortalCreateView(CreateView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.method == "POST":  # only a refused form is rendered after a POST
            context.update(autosave_enabled=False, autosave_indicator=None)
        return context


def create_view_urls():
    return [
        path(
            "pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>"
            "/<int:parent_page_id>/",
            PortalCreateView.as_view(),
            name="portal_add_page",
        )
    ]
