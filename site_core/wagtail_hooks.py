from wagtail import hooks

from site_core import navigation


@hooks.register("before_serve_page")
def know_every_site(page, request, serve_args, serve_kwargs):
    # A Site added by another process is linked at once (site_core/navigation.py).
    navigation.site_root_paths_follow_sites(request)
