from wagtail import hooks

from site_core.cache import pages


@hooks.register("before_serve_page")
def note_private_page(page, request, serve_args, serve_kwargs):
    # Before Wagtail's own check (this app comes first in INSTALLED_APPS): a page under a
    # view restriction is never kept, whatever the response looks like.
    pages.mark_private(request, page)
