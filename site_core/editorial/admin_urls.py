"""Wagtail admin views the portal replaces at Wagtail's own paths (site_core/urls.py
includes these before Wagtail's admin URLs, which come before any register_admin_urls
hook). Decorated as Wagtail decorates its own: signed in with admin access, in the
user's admin language; the second factor applies to every /admin/ path.

- create_view.py: the page create form without autosave once it came back with errors.
- review_actions.py: the workflow action dialog, ending with a message that links to
  the result.
"""

from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .create_view import create_view_urls
from .review_actions import workflow_action_urls

urlpatterns = decorate_urlpatterns(
    create_view_urls() + workflow_action_urls(), require_admin_access
)
