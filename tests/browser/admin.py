"""Signing in to the admin in Chromium, for the browser tests of the editors' paths."""


def log_in(browser, live_server, username, password, height=900):
    """A new tab of a Vietnamese browser in Hanoi time, signed in as `username`, on the
    admin's dashboard once its scripts have settled."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 1280, "height": height},
    )
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    tab.goto("/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", password)
    tab.locator("form button[type=submit]").first.click()
    tab.wait_for_url("**/admin/")
    tab.wait_for_load_state("networkidle")
    return tab
