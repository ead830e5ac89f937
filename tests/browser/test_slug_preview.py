"""The slug the admin's script fills in from a Vietnamese title, in Chromium.

Wagtail's script alone makes "djng-b-tnh-djng-nai" of "Đảng bộ tỉnh Đồng Nai"; with the
replacements PortalPageForm gives the slug widget it shows the slug the server makes.
"""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "trinh-duyet-2026"  # noqa: S105


def test_title_fills_a_readable_ascii_slug(browser_site, browser, live_server):
    get_user_model().objects.create_superuser("quantri", "quantri@example.org", PASSWORD)
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    tab.goto("/admin/login/")
    tab.fill("#id_username", "quantri")
    tab.fill("#id_password", PASSWORD)
    tab.locator("form button[type=submit]").first.click()
    tab.wait_for_url("**/admin/")

    tab.goto(f"/admin/pages/add/site_core/standardpage/{browser_site.pk}/")
    title, slug = tab.locator("#id_title"), tab.locator("#id_slug")
    title.press_sequentially("Đảng bộ tỉnh Đồng Nai")
    title.blur()
    expect(slug).to_have_value("dang-bo-tinh-dong-nai")

    title.press("End")
    title.press_sequentially(" – Đại hội lần thứ I")
    title.blur()
    expect(slug).to_have_value("dang-bo-tinh-dong-nai-dai-hoi-lan-thu-i")
    context.close()
