from wagtail import hooks

from site_core.alerts import admin_views

# "Nhận tin qua thư" in the admin's reports: counts per site and topic, no addresses.
hooks.register("register_admin_urls", admin_views.report_urls)
hooks.register("register_reports_menu_item", admin_views.report_menu_item)
