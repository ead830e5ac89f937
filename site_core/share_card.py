"""The portal's default share card: a 1200×630 PNG of its emblem and name, for og:image
and twitter:image when a page has no picture of its own (social networks ask for at
least 1200×630; the emblem alone is a small square).

Drawn with Pillow once per site and version of its identity (portal name, organisation,
emblem), kept in the default storage under share_cards/, and served by `share_card_view`
at /the-chia-se.png?v=<version>, so the URL changes when the identity does.
"""

import hashlib
import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from site_core.models import PortalSettings
from site_core.navigation import absolute_url, current_site

WIDTH, HEIGHT = 1200, 630
BACKGROUND = (165, 14, 14)  # the portal's red
FOREGROUND = (255, 255, 255)
ACCENT = (255, 214, 0)
FONT_FILES = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf")
FOLDER = "share_cards"


def card_version(portal):
    """Changes when what the card shows changes."""
    bits = (portal.portal_name, portal.organisation_name, portal.logo_id or "")
    return hashlib.sha256("|".join(str(bit) for bit in bits).encode()).hexdigest()[:12]


def share_card_meta(request, portal):
    """The card as meta's image dict (url, width, height, alt)."""
    url = f"{reverse('share_card')}?v={card_version(portal)}"
    return {
        "url": absolute_url(request, url),
        "width": WIDTH,
        "height": HEIGHT,
        "alt": portal.portal_name,
    }


def _font(size):
    for name in FONT_FILES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _emblem(portal, size):
    if not portal.logo_id:
        return None
    try:
        with portal.logo.file.open("rb") as source:
            emblem = Image.open(source)
            emblem.load()
    except (OSError, ValueError):  # missing or unreadable file: a card without emblem
        return None
    emblem = emblem.convert("RGBA")
    emblem.thumbnail((size, size))
    return emblem


def draw_card(portal):
    """The PNG bytes of the card."""
    card = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=ACCENT)
    left = 80
    emblem = _emblem(portal, 300)
    if emblem is not None:
        top = (HEIGHT - emblem.height) // 2
        card.paste(emblem, (left, top), emblem)
        left += emblem.width + 60
    width_chars = max(12, (WIDTH - left - 60) // 30)
    name_font, organisation_font = _font(56), _font(36)
    lines = textwrap.wrap(portal.portal_name or "", width=width_chars)[:4]
    organisation = (
        portal.organisation_name if portal.organisation_name != portal.portal_name else ""
    )
    height = len(lines) * 70 + (60 if organisation else 0)
    y = (HEIGHT - height) // 2
    for line in lines:
        draw.text((left, y), line, font=name_font, fill=FOREGROUND)
        y += 70
    if organisation:
        draw.text((left, y + 14), organisation, font=organisation_font, fill=ACCENT)
    out = io.BytesIO()
    card.save(out, format="PNG", optimize=True)
    return out.getvalue()


def card_file(portal):
    """The card's bytes, drawn and stored on first need."""
    name = f"{FOLDER}/{portal.site_id}-{card_version(portal)}.png"
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    content = draw_card(portal)
    default_storage.save(name, ContentFile(content))
    return content


@require_GET
def share_card_view(request):
    site = current_site(request)
    if site is None:
        raise Http404("No site for this host.")
    portal = PortalSettings.for_site(site)
    response = HttpResponse(card_file(portal), content_type="image/png")
    patch_cache_control(response, public=True, max_age=24 * 3600)
    return response
