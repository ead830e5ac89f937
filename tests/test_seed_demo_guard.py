"""The demo cannot be loaded into a production portal: it would create `admin` with the
demo password that the README publishes. Production settings do not install the demo app
(site_core.demo), so its commands do not exist there; and should a deployment install it,
the command still refuses without PORTAL_ALLOW_DEMO."""

import os
import subprocess
import sys

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.models import Page

from site_core.settings import base as base_settings  # what production builds on

PROJECT_DIR = settings.BASE_DIR


@pytest.mark.django_db
@override_settings(PORTAL_ALLOW_DEMO=False, DEBUG=False)
def test_seed_demo_refuses_without_the_demo_flag():
    pages_before = Page.objects.count()
    with pytest.raises(CommandError, match="không chạy với cấu hình production"):
        call_command("seed_demo", verbosity=0)
    assert not get_user_model().objects.filter(username="admin").exists()
    assert Page.objects.count() == pages_before


def test_seed_demo_exits_non_zero_under_the_production_settings_module(tmp_path):
    """The real production module, as an operator would run it. The database named does
    not exist, so should the demo app ever be installed there the seed fails and writes
    nothing."""
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/portal_no_such_db",
        "MEDIA_ROOT": str(tmp_path),
        "REDIS_URL": "redis://127.0.0.1:6390/0",  # never contacted: the command stops first
        "ALLOWED_HOSTS": "portal.example",
    }
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "seed_demo"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "Unknown command: 'seed_demo'" in result.stderr


def test_production_settings_do_not_install_the_demo():
    assert "site_core.demo" not in base_settings.INSTALLED_APPS
    assert "site_core.demo" in settings.INSTALLED_APPS  # the tests run the demo
