"""The collaborator → editor → board path, screen by screen.

Screen names are Vietnamese, as the people on the path would name them; the walker adds
the role ("Bảng điều khiển (biên tập viên)").
"""

import datetime

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import querydict_from_html, rich_text, streamfield

from news.models import NewsArticlePage
from tests.factories import PDF_BYTES

from .portal import PORTAL_APPS, tiny_png
from .walker import form_data

BODY = {"body": streamfield([("paragraph", rich_text("<p>Nội dung đã sửa.</p>"))])}


def article_fields(title):
    return {
        "title": title,
        "slug": "",
        "sapo": f"Sapo của bài {title}.",
        "date": "20/11/2026 09:30",
        "body": streamfield([("paragraph", rich_text(f"<p>Nội dung {title}.</p>"))]),
    }


def submitted(data, **actions):
    """Form data with the button that was pressed (`action-submit`, ...)."""
    return {**data, **{name.replace("_", "-"): value for name, value in actions.items()}}


def url(name, *args):
    return reverse(name, args=args)


class EditorialPath:
    """Each step is what one role does; the steps share the pages they create."""

    def __init__(self, walker, portal):
        self.walker = walker
        self.portal = portal
        self.news = portal.news
        self.add_article = url("wagtailadmin_pages:add", "news", "newsarticlepage", self.news.pk)
        self.article = self.second = None

    def walk(self):
        """Every step in order; returns the JavaScript catalogue the admin's client reads."""
        self.arrive()
        self.collaborator_writes()
        self.collaborator_browses()
        self.editor_reviews()
        self.editor_opens_every_form()
        self.editor_reads_history()
        self.editor_manages_media()
        self.roles_edit_snippets()
        self.editor_reads_reports()
        self.collaborator_meets_a_locked_page()
        self.board_publishes_and_withdraws()
        self.collaborator_resubmits()
        self.daily_extras()
        return self.walker.client.get(url("wagtailadmin_javascript_catalog")).content.decode()

    def arrive(self):
        """Login, as anyone arriving."""
        walker = self.walker
        walker.as_role("")
        walker.get("Đăng nhập", url("wagtailadmin_login"))
        walker.post(
            "Đăng nhập sai mật khẩu",
            url("wagtailadmin_login"),
            {"username": "khong-co-ai", "password": "sai"},
        )
        walker.get("Quên mật khẩu", url("wagtailadmin_password_reset"))

    def collaborator_writes(self):
        """The collaborator writes two articles and submits them, and keeps a draft."""
        walker, news = self.walker, self.news
        walker.as_role("ctv")
        walker.get("Bảng điều khiển", url("wagtailadmin_home"))
        walker.get("Danh sách trang (gốc)", url("wagtailadmin_explore_root"))
        walker.get("Danh sách trang (mục tin)", url("wagtailadmin_explore", news.pk))
        walker.get("Chọn loại trang", url("wagtailadmin_pages:add_subpage", news.pk))
        walker.get("Thêm tin (biểu mẫu)", self.add_article)
        html = walker.get_quietly(self.add_article).content.decode()
        for name, fields, submit in (
            ("Thêm tin: lỗi nhập liệu", {"title": "", "sapo": "", "body": streamfield([])}, True),
            ("Gửi duyệt (thông báo sau khi gửi)", article_fields("Tin gửi duyệt"), True),
            ("Gửi duyệt bài thứ hai", article_fields("Tin sẽ bị trả lại"), True),
            ("Lưu bản nháp (thông báo)", article_fields("Bản nháp"), False),
        ):
            data = form_data(html, fields)
            walker.post(
                name, self.add_article, submitted(data, action_submit="1") if submit else data
            )
        draft = self._news_article("Bản nháp")
        edit_draft = url("wagtailadmin_pages:edit", draft.pk)
        html = walker.get_quietly(edit_draft).content.decode()
        walker.post("Sửa bản nháp: lưu (thông báo)", edit_draft, form_data(html, BODY))
        walker.post(
            "Sửa bản nháp: lỗi nhập liệu", edit_draft, form_data(html, {**BODY, "title": ""})
        )
        self.article = self._news_article("Tin gửi duyệt")
        self.second = self._news_article("Tin sẽ bị trả lại")

    def _news_article(self, title):
        return NewsArticlePage.objects.get(title=title, path__startswith=self.news.path)

    def collaborator_browses(self):
        """The collaborator's choosers, preview, search and account."""
        walker, article = self.walker, self.article
        walker.get("Sửa tin đang chờ duyệt", url("wagtailadmin_pages:edit", article.pk))
        walker.get(
            "Hủy quy trình (xác nhận)",
            url("wagtailadmin_pages:confirm_workflow_cancellation", article.pk),
        )
        walker.get("Chọn ảnh", url("wagtailimages_chooser:choose"))
        walker.get("Chọn ảnh: kết quả tìm", url("wagtailimages_chooser:choose_results") + "?q=hội")
        walker.get("Chọn tài liệu", url("wagtaildocs_chooser:choose"))
        walker.get("Chọn trang (liên kết)", url("wagtailadmin_choose_page"))
        walker.get("Liên kết ngoài", url("wagtailadmin_choose_page_external_link"))
        walker.get("Chọn chuyên mục", url("wagtailsnippetchoosers_news_newscategory:choose"))
        walker.post(
            "Chọn ảnh: tải lên tệp không phải ảnh",
            url("wagtailimages_chooser:create"),
            {
                "image-chooser-upload-title": "Không phải ảnh",
                "image-chooser-upload-file": ContentFile(b"not an image", name="anh.png"),
            },
        )
        walker.get(
            "Xem trước (bảng)", url("wagtailadmin_pages:preview_on_edit", article.pk) + "?mode="
        )
        walker.get("Tìm kiếm trang", url("wagtailadmin_pages:search") + "?q=tin")
        walker.get("Tìm kiếm: không thấy", url("wagtailadmin_pages:search") + "?q=zzzz")
        html = walker.get("Tài khoản", url("wagtailadmin_account")).content.decode()
        account = querydict_from_html(html, form_index=0)
        walker.post("Tài khoản: lưu (thông báo)", url("wagtailadmin_account"), account)

    def editor_reviews(self):
        """The editor approves the first article with a comment and sends the second back."""
        walker, article, second = self.walker, self.article, self.second
        walker.as_role("btv")
        walker.get("Bảng điều khiển", url("wagtailadmin_home"))
        walker.get("Sửa tin chờ duyệt", url("wagtailadmin_pages:edit", article.pk))
        article.refresh_from_db()
        state = article.current_workflow_task_state
        for action, name in (("approve", "Duyệt"), ("reject", "Trả lại")):
            walker.get(
                f"Hộp thoại “{name}”",
                url("wagtailadmin_pages:workflow_action", article.pk, action, state.pk),
            )
        for action, name in (("approve", "Duyệt kèm ý kiến"), ("reject", "Trả lại")):
            walker.get(
                f"Hộp thoại “{name}” trong trình soạn",
                url(
                    "wagtailadmin_pages:collect_workflow_action_data", article.pk, action, state.pk
                ),
            )
        walker.get(
            "Xem trước bước duyệt",
            url("wagtailadmin_pages:workflow_preview", article.pk, state.task_id),
        )
        walker.post(
            "Duyệt kèm ý kiến (thông báo)",
            url("wagtailadmin_pages:workflow_action", article.pk, "approve", state.pk),
            {"comment": "Đạt yêu cầu."},
        )
        walker.get("Bảng điều khiển sau khi duyệt", url("wagtailadmin_home"))
        second.refresh_from_db()
        second_state = second.current_workflow_task_state
        walker.post(
            "Trả lại kèm ý kiến (thông báo)",
            url("wagtailadmin_pages:workflow_action", second.pk, "reject", second_state.pk),
            {"comment": "Thiếu nguồn ảnh."},
        )
        walker.get("Bảng điều khiển sau khi trả lại", url("wagtailadmin_home"))
        walker.post("Khóa trang", url("wagtailadmin_pages:lock", second.pk), {})
        walker.get("Trang bị khóa (sửa)", url("wagtailadmin_pages:edit", second.pk))

    def editor_opens_every_form(self):
        """The edit form of every page type, and the add form of every type that may
        still be created somewhere in the portal."""
        walker, portal = self.walker, self.portal
        for page_type, page in sorted(portal.pages.items(), key=lambda item: item[0].__name__):
            walker.get(
                f"Sửa trang: {page_type._meta.verbose_name}",
                url("wagtailadmin_pages:edit", page.pk),
            )
        add_forms = {}
        for parent in portal.pages.values():
            for child_type in parent.specific_class.allowed_subpage_models():
                if child_type._meta.app_label in PORTAL_APPS and child_type.can_create_at(parent):
                    add_forms.setdefault(child_type, parent)
        for child_type, parent in sorted(add_forms.items(), key=lambda item: item[0].__name__):
            meta = child_type._meta
            walker.get(
                f"Thêm trang: {meta.verbose_name}",
                url("wagtailadmin_pages:add", meta.app_label, meta.model_name, parent.pk),
            )
        walker.get(
            "Sửa trang chủ bản tiếng Anh", url("wagtailadmin_pages:edit", portal.english_home.pk)
        )

    def editor_reads_history(self):
        walker, article = self.walker, self.article
        walker.get("Lịch sử trang", url("wagtailadmin_pages:history", article.pk))
        walker.get("Lịch sử quy trình", url("wagtailadmin_pages:workflow_history", article.pk))
        walker.get(
            "Chi tiết quy trình",
            url(
                "wagtailadmin_pages:workflow_history_detail",
                article.pk,
                article.current_workflow_state.pk,
            ),
        )
        first_revision = article.revisions.order_by("created_at").first()
        walker.get(
            "Xem phiên bản",
            url("wagtailadmin_pages:revisions_view", article.pk, first_revision.pk),
        )
        walker.get(
            "So sánh phiên bản",
            url("wagtailadmin_pages:revisions_compare", article.pk, "earliest", "latest"),
        )

    def editor_manages_media(self):
        walker, portal = self.walker, self.portal
        walker.get("Ảnh", url("wagtailimages:index"))
        walker.get("Tải ảnh lên", url("wagtailimages:add"))
        walker.get("Tải nhiều ảnh", url("wagtailimages:add_multiple"))
        walker.get("Sửa ảnh", url("wagtailimages:edit", portal.image.pk))
        walker.get("Tài liệu", url("wagtaildocs:index"))
        walker.get("Tải tài liệu lên", url("wagtaildocs:add"))
        walker.get("Tải nhiều tài liệu", url("wagtaildocs:add_multiple"))
        walker.get("Sửa tài liệu", url("wagtaildocs:edit", portal.document.pk))
        self.editor_uploads()
        walker.get("Chọn ảnh: tải lên", url("wagtailimages_chooser:create"))
        walker.get("Chọn tài liệu: tải lên", url("wagtaildocs_chooser:create"))
        walker.get("Danh mục (snippets)", url("wagtailsnippets:index"))

    def editor_uploads(self):
        walker, image = self.walker, self.portal.image
        collection = Collection.get_first_root_node().pk
        upload = {"title": "Ảnh tải lên", "collection": collection}
        walker.post(
            "Tải ảnh lên (thông báo)",
            url("wagtailimages:add"),
            {
                **upload,
                "file": ContentFile(tiny_png(), name="tai-len.png"),
                "description": "Quang cảnh hội nghị",
            },
        )
        # The description (alt text) is required: site_core/files/image_forms.py.
        walker.post(
            "Tải ảnh lên thiếu mô tả (lỗi)",
            url("wagtailimages:add"),
            {**upload, "file": ContentFile(tiny_png(), name="tai-len.png")},
        )
        walker.post(
            "Sửa ảnh thiếu mô tả (lỗi)",
            url("wagtailimages:edit", image.pk),
            {"title": image.title, "collection": image.collection_id},
        )
        walker.post(
            "Tải tài liệu lên (thông báo)",
            url("wagtaildocs:add"),
            {
                "title": "Tài liệu tải lên",
                "file": ContentFile(PDF_BYTES, name="tai-len.pdf"),
                "collection": collection,
            },
        )

    def roles_edit_snippets(self):
        """Editors change people and categories (through the workflow); the reference
        tables are the board's (docs/content-review.md), so the board walks those."""
        walker, portal = self.walker, self.portal
        for role, obj in (
            ("btv", portal.person),
            ("btv", portal.category),
            ("bbt", portal.document_type),
            ("bbt", portal.issuer),
        ):
            if walker.role != role:
                walker.as_role(role)
            viewset = type(obj).snippet_viewset
            label = type(obj)._meta.verbose_name_plural
            walker.get(f"Danh sách: {label}", reverse(viewset.get_url_name("list")))
            walker.get(f"Thêm: {label}", reverse(viewset.get_url_name("add")))
            edit = reverse(viewset.get_url_name("edit"), args=[obj.pk])
            response = walker.get(f"Sửa: {label}", edit)
            if response is not None and response.status_code == 200:
                data = form_data(response.content.decode(), {}, form_id="w-editor-form")
                walker.post(f"Sửa: {label}: lưu (thông báo)", edit, data)
            walker.get(f"Lịch sử: {label}", reverse(viewset.get_url_name("history"), args=[obj.pk]))

    def editor_reads_reports(self):
        walker = self.walker
        walker.as_role("btv")
        walker.get("Báo cáo: quy trình", url("wagtailadmin_reports:workflow"))
        walker.get("Báo cáo: các bước duyệt", url("wagtailadmin_reports:workflow_tasks"))
        walker.get("Báo cáo: trang lâu chưa sửa", url("wagtailadmin_reports:aging_pages"))
        walker.get("Báo cáo: nhật ký", url("wagtailadmin_reports:site_history"))
        walker.get("Tài khoản", url("wagtailadmin_account"))

    def collaborator_meets_a_locked_page(self):
        """The collaborator sees the page sent back, locked by the editor."""
        walker = self.walker
        walker.as_role("ctv")
        edit_second = url("wagtailadmin_pages:edit", self.second.pk)
        html = walker.get("Tin bị trả lại (sửa)", edit_second).content.decode()
        walker.get("Bảng điều khiển (bài bị trả lại)", url("wagtailadmin_home"))
        resubmit = submitted(form_data(html, BODY), action_submit="1")
        walker.post("Gửi duyệt lại khi trang bị khóa", edit_second, resubmit)

    def board_publishes_and_withdraws(self):
        """The board unlocks the second article, approves the first (which publishes it),
        then withdraws it with a reason and publishes the person."""
        walker, article = self.walker, self.article
        edit_article = url("wagtailadmin_pages:edit", article.pk)
        walker.as_role("bbt")
        walker.get("Bảng điều khiển", url("wagtailadmin_home"))
        walker.get("Báo cáo: trang bị khóa", url("wagtailadmin_reports:locked_pages"))
        walker.post("Mở khóa trang", url("wagtailadmin_pages:unlock", self.second.pk), {})
        html = walker.get("Sửa tin chờ phê duyệt", edit_article).content.decode()
        approve = submitted(
            form_data(html, BODY), action_workflow_action="1", workflow_action_name="approve"
        )
        walker.post("Phê duyệt và đăng từ trình soạn (thông báo)", edit_article, approve)
        walker.get("Danh sách trang sau khi đăng", url("wagtailadmin_explore", self.news.pk))
        walker.get("Sửa tin đã đăng", edit_article)
        walker.get("Lịch sử tin đã đăng", url("wagtailadmin_pages:history", article.pk))
        unpublish = url("wagtailadmin_pages:unpublish", article.pk)
        walker.get("Gỡ bài (xác nhận)", unpublish)
        walker.post("Gỡ bài không lý do", unpublish, {})
        walker.post("Gỡ bài (thông báo)", unpublish, {"reason": "Thông tin cần xác minh."})
        walker.get("Lịch sử sau khi gỡ", url("wagtailadmin_pages:history", article.pk))
        person_viewset = type(self.portal.person).snippet_viewset
        edit_person = reverse(person_viewset.get_url_name("edit"), args=[self.portal.person.pk])
        html = walker.get("Sửa nhân sự (ban biên tập)", edit_person).content.decode()
        publish = submitted(form_data(html, {}, form_id="w-editor-form"), action_publish="1")
        walker.post("Xuất bản nhân sự (thông báo)", edit_person, publish)
        walker.get("Báo cáo: quy trình", url("wagtailadmin_reports:workflow"))
        walker.get("Tài khoản", url("wagtailadmin_account"))

    def collaborator_resubmits(self):
        """Unlocked again by the board, the sent-back article goes back to the editors."""
        walker = self.walker
        walker.as_role("ctv")
        edit_second = url("wagtailadmin_pages:edit", self.second.pk)
        html = walker.get_quietly(edit_second).content.decode()
        resubmit = submitted(form_data(html, BODY), action_submit="1")
        walker.post("Gửi duyệt lại (thông báo)", edit_second, resubmit)

    def daily_extras(self):
        """What the daily path meets besides the workflow: relative times of every unit,
        refused bulk actions, the duplicate-image dialogs and the help menu's guide."""
        walker, news = self.walker, self.news
        # Pages last changed hours, days, weeks, months and years ago ("5 giờ trước"...).
        now = timezone.now()
        ages = [datetime.timedelta(hours=5), datetime.timedelta(days=3)]
        ages += [datetime.timedelta(days=days) for days in (15, 70, 800)]
        children = list(news.get_children().order_by("pk"))
        for page, age in zip(children, ages, strict=False):
            Page.objects.filter(pk=page.pk).update(
                latest_revision_created_at=now - age, last_published_at=now - age
            )
        walker.as_role("btv")
        walker.get("Danh sách trang cũ mới lẫn lộn", url("wagtailadmin_explore", news.pk))
        walker.get("Hướng dẫn biên tập", url("portal_editor_guide"))
        live = news.get_children().live().first() or self.article
        walker.as_role("ctv")
        walker.get("Danh sách trang (chọn hàng loạt)", url("wagtailadmin_explore", news.pk))
        for action, name in (
            ("publish", "xuất bản"),
            ("unpublish", "gỡ"),
            ("move", "chuyển"),
            ("delete", "xóa"),
        ):
            bulk = url("wagtail_bulk_action", "wagtailcore", "page", action)
            walker.get(f"Từ chối {name} hàng loạt", f"{bulk}?id={live.pk}")
        walker.as_role("btv")
        walker.get(
            "Xóa hàng loạt (xác nhận)",
            url("wagtail_bulk_action", "wagtailcore", "page", "delete") + f"?id={self.second.pk}",
        )
        collection = Collection.get_first_root_node().pk
        picture = tiny_png()
        for attempt in ("Tải nhiều ảnh (thông báo)", "Tải nhiều ảnh trùng (hộp thoại)"):
            walker.post(
                attempt,
                url("wagtailimages:add_multiple"),
                {
                    "files[]": ContentFile(picture, name="trung-lap.png"),
                    "collection": collection,
                },
            )
        walker.post(
            "Chọn ảnh: tải ảnh trùng (hộp thoại)",
            url("wagtailimages_chooser:create"),
            {
                "image-chooser-upload-title": "Ảnh trùng",
                "image-chooser-upload-file": ContentFile(picture, name="trung-lap-2.png"),
                "image-chooser-upload-collection": collection,
                "image-chooser-upload-description": "Quang cảnh",
            },
        )
