"""Admin forms replaced through Wagtail's settings (kept apart from site_core/forms.py,
which the models import before django.contrib.auth.forms may be loaded)."""

from django.utils.translation import gettext_lazy

from wagtail.admin.forms.auth import LoginForm


class PortalLoginForm(LoginForm):
    """Wagtail's login form gives the password field no label, so Django makes one from
    the field name ("Password") without gettext and no catalogue can translate it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext_lazy("Password")
