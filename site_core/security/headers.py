"""Content-Security-Policy and Permissions-Policy headers.

django-csp's middleware (subclassed here through its documented `get_policy_parts`) sends
CONTENT_SECURITY_POLICY (settings) on visitor pages: scripts and styles only from the
portal's own static files, no inline script. Wagtail's admin templates still carry inline
scripts (date pickers, inline panels, wagtail-localize's editor) and styles, so paths under
PORTAL_CSP_ADMIN_PREFIXES get PORTAL_ADMIN_CSP_DIRECTIVES instead: still no other host, no
plugins, no framing by other sites. A view's own django-csp decorator wins over both.

Django 5.2 sends no Permissions-Policy; PermissionsPolicyMiddleware sends
PORTAL_PERMISSIONS_POLICY, turning off the browser features the portal never uses.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings

ASSET_DIRECTIVES = {
    "STATIC_URL": ("script-src", "style-src", "img-src", "font-src"),
    "MEDIA_URL": ("img-src", "media-src"),
}


def asset_origins():
    """Static or media files served from another origin (a CDN, S3-compatible storage)."""
    update = {}
    for name, directives in ASSET_DIRECTIVES.items():
        parts = urlsplit(str(getattr(settings, name, "") or ""))
        if parts.scheme in ("http", "https") and parts.netloc:
            for directive in directives:
                update.setdefault(directive, []).append(f"{parts.scheme}://{parts.netloc}")
    return update


def is_admin_path(path):
    return path.startswith(tuple(getattr(settings, "PORTAL_CSP_ADMIN_PREFIXES", ())))


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.PORTAL_ADMIN_CSP_DIRECTIVES
            # With a nonce in the policy, browsers ignore 'unsafe-inline', which Wagtail's
            # admin needs; nothing in the admin uses the nonce.
            parts.nonce = None
        origins = asset_origins()
        if origins and not report_only:
            for directive, sources in (parts.update or {}).items():
                if isinstance(sources, str):
                    sources = [sources]
                origins[directive] = [*origins.get(directive, []), *sources]
            parts.update = origins
        return parts


def permissions_policy_header(policy):
    return ", ".join(f"{feature}=({' '.join(allowlist)})" for feature, allowlist in policy.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy_header(getattr(settings, "PORTAL_PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
