"""The admin's "Nhập sổ văn bản": upload a legacy register → see the report → confirm.

Editors and the board (and superusers) who may add pages to a register use it; everyone
else is refused (the menu item is hidden and the view answers 403). The uploaded register
and its files wait in a private folder outside MEDIA_ROOT between the preview and the
confirmation, named by a random token kept in the user's session; confirming reads them
again, so the report confirmed is the one written (legal_docs/importer.py).
"""

import secrets
import shutil
import tempfile
import time
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import FormView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from site_core.editorial.setup import BOARD, EDITORS

from .importer import RegisterFileError, apply_plan, plan_import, read_register
from .models import LegalDocumentIndexPage

SESSION_KEY = "legal_docs_import"
UPLOAD_ROOT = Path(tempfile.gettempdir()) / "portal-so-van-ban"
IMPORT_GROUPS = (EDITORS, BOARD)
UPLOAD_MAX_AGE = 24 * 3600  # an upload never confirmed is removed after a day


def importable_registers(user):
    """The registers `user` may import into: editors and the board who can add pages there."""
    if not user.is_authenticated or not user.is_active:
        return []
    if not user.is_superuser and not user.groups.filter(name__in=IMPORT_GROUPS).exists():
        return []
    return [
        register
        for register in LegalDocumentIndexPage.objects.all()
        if register.permissions_for_user(user).can_add_subpage()
    ]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class RegisterUploadForm(forms.Form):
    register = forms.ChoiceField(label="Sổ văn bản nhận các văn bản")
    register_file = forms.FileField(
        label="Tệp sổ văn bản",
        help_text="CSV (UTF-8) hoặc Excel (.xlsx). Dòng đầu ghi các cột: Số, Ký hiệu, Loại văn "
        "bản, Cơ quan ban hành, Nhiệm kỳ, Ngày ban hành, Ngày hiệu lực, Người ký, Trích yếu, Tệp.",
    )
    files = MultipleFileField(
        label="Các tệp văn bản",
        required=False,
        help_text="Các tệp PDF, DOC, DOCX, ODT mà cột “Tệp” ghi tên (chọn nhiều tệp cùng lúc).",
    )

    def __init__(self, *args, registers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.registers = {str(register.pk): register for register in registers}
        self.fields["register"].choices = [
            # Its address as visitors see it ("/van-ban/"; with the domain on a sub-portal).
            (pk, f"{register.title} ({register.get_url() or register.url_path})")
            for pk, register in self.registers.items()
        ]

    def clean_register(self):
        return self.registers[self.cleaned_data["register"]]


class RegisterImportView(WagtailAdminTemplateMixin, FormView):
    form_class = RegisterUploadForm
    template_name = "legal_docs/admin/import_register.html"
    page_title = "Nhập sổ văn bản"
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        self.registers = importable_registers(request.user)
        if not self.registers:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "registers": self.registers}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("legal_docs_import")
        context["submit_button_label"] = "Kiểm tra sổ"
        return context

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm(request.POST.get("token", ""))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        """Keep the upload, plan it and show the report; nothing is written yet."""
        self.discard_upload()
        discard_stale_uploads()
        token = secrets.token_urlsafe(16)
        folder = UPLOAD_ROOT / token
        (folder / "tep").mkdir(parents=True)
        upload = form.cleaned_data["register_file"]
        name = "so" + Path(upload.name).suffix.lower()
        (folder / name).write_bytes(upload.read())
        for item in form.cleaned_data["files"]:
            # The bare name: a browser sends no folders, and "../x" must stay inside.
            file_name = Path(item.name).name
            if file_name not in ("", ".", ".."):
                (folder / "tep" / file_name).write_bytes(item.read())
        register = form.cleaned_data["register"]
        self.request.session[SESSION_KEY] = {
            "token": token,
            "name": name,
            "register": register.pk,
        }
        try:
            plan = self.plan(folder, name, register)
        except RegisterFileError as error:
            self.discard_upload()
            form.add_error("register_file", str(error))
            return self.form_invalid(form)
        return self.render_to_response(
            self.get_context_data(form=form, plan=plan, token=token, preview=True)
        )

    def plan(self, folder, name, register):
        rows = read_register(name, (folder / name).read_bytes())
        return plan_import(rows, register, folder / "tep")

    def confirm(self, token):
        pending = self.request.session.get(SESSION_KEY) or {}
        register = next((r for r in self.registers if r.pk == pending.get("register")), None)
        if not token or pending.get("token") != token or register is None:
            messages.error(
                self.request,
                "Không còn sổ văn bản chờ nhập (đã nhập hoặc đã quá hạn). Hãy tải tệp lên lại.",
            )
            return redirect("legal_docs_import")
        folder = UPLOAD_ROOT / token
        try:
            plan = self.plan(folder, pending["name"], register)
        except (RegisterFileError, OSError):
            self.discard_upload()
            messages.error(self.request, "Không đọc lại được tệp đã tải lên. Hãy tải tệp lên lại.")
            return redirect("legal_docs_import")
        written = apply_plan(plan, self.request.user)
        self.discard_upload()
        messages.success(
            self.request,
            f"Đã tạo {written['create']} văn bản nháp và cập nhật {written['update']} văn bản "
            f"trong “{register.title}”. Các văn bản cần gửi duyệt theo quy trình để được đăng.",
        )
        return self.render_to_response(
            self.get_context_data(form=self.get_form_class()(registers=self.registers), plan=plan)
        )

    def discard_upload(self):
        pending = self.request.session.pop(SESSION_KEY, None)
        if pending and pending.get("token", "").replace("-", "").replace("_", "").isalnum():
            shutil.rmtree(UPLOAD_ROOT / pending["token"], ignore_errors=True)


def discard_stale_uploads():
    """Remove the uploads previewed but never confirmed (closed tab, expired session)."""
    if not UPLOAD_ROOT.is_dir():
        return
    cutoff = time.time() - UPLOAD_MAX_AGE
    for folder in UPLOAD_ROOT.iterdir():
        try:
            if folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue  # removed meanwhile by another request


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(importable_registers(request.user))


def import_urls():
    return [path("nhap-so-van-ban/", RegisterImportView.as_view(), name="legal_docs_import")]


def import_menu_item():
    return ImportMenuItem(
        "Nhập sổ văn bản", reverse("legal_docs_import"), icon_name="upload", order=320
    )
