"""Security headers: a Content-Security-Policy on visitor pages without inline scripts, a
working one on the admin, and a Permissions-Policy everywhere."""

import re

import pytest

from django.test import Client
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def directives(response):
    header = response.headers.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    policy = {}
    for part in header.split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def inline_scripts(html):
    """Executable <script> elements without src (JSON data blocks do not run)."""
    found = []
    for attrs in re.findall(r"<script\b([^>]*)>", html, re.IGNORECASE):
        if "src=" in attrs or re.search(r"type=[\"']application/(ld\+)?json", attrs):
            continue
        found.append(attrs)
    return found


@pytest.fixture
def visitor_pages(home_page, news_index, document_index, document_type, issuer):
    article = factories.NewsArticlePageFactory(parent=news_index)
    factories.LegalDocumentPageFactory(
        parent=document_index, document_type=document_type, issuer=issuer
    )
    return [
        home_page.url,
        news_index.url,
        article.url,
        document_index.url,
        reverse("search") + "?q=hội+nghị",
    ]


def test_visitor_pages_have_a_strict_policy_and_no_inline_script(client, visitor_pages):
    for url in visitor_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["base-uri"] == ["'self'"], url
        assert "'unsafe-inline'" not in policy.get("script-src-elem", []), url
        html = response.content.decode()
        # Scripts the policy would block must not be on the page at all.
        assert inline_scripts(html) == [], url
        assert "<style" not in html, url


def test_error_pages_have_the_policy(client, home_page):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


def test_admin_has_a_working_policy(admin_client, home_page):
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:edit", args=[home_page.pk]),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200
        policy = directives(response)
        # Wagtail's admin templates carry inline scripts and styles...
        assert "'unsafe-inline'" in policy["script-src"]
        assert "'unsafe-inline'" in policy["style-src"]
        # ... but nothing from another host, no plugins, no framing by other sites.
        assert all(source.startswith("'") for source in policy["script-src"])
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert not any(source.startswith("'nonce-") for source in policy["script-src"])


def test_permissions_policy_turns_off_unused_features(client, home_page):
    for response in (client.get(home_page.url), client.get(reverse("wagtailadmin_login"))):
        header = response.headers.get("Permissions-Policy", "")
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in header


def test_static_or_media_on_another_origin_is_allowed(home_page, settings):
    settings.MEDIA_URL = "https://media.example.org/portal/"
    policy = directives(Client().get(home_page.url))

    assert "https://media.example.org" in policy["img-src"]
    assert policy["script-src"] == ["'self'"]
