"""Smoke test of the browser harness: Chromium opens the home page of a minimal portal."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_home_page_opens_with_its_title(page, browser_site, screenshot, viewport):
    response = page.goto("/")

    assert response.status == 200
    # The home page's title is the portal's name, once (not "name – name").
    assert page.title() == "Cổng thông tin điện tử Đảng bộ tỉnh"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert screenshot(page, f"smoke-home-{viewport}").exists()


def test_axe_finds_no_serious_violation_on_the_home_page(page, browser_site, axe):
    page.goto("/")

    violations = axe(page)

    assert violations == [], axe.format(violations)
