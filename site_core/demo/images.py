"""Pictures for the demo drawn with Pillow: landscapes of colour, and the emblem.

The same seed always gives the same picture (the random generator is seeded from it).\nNo picture carries text: pages print their titles beside them.
"""

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

from .fonts import font_pair

# Pairs of colours that suit a Party portal: reds, golds, and a few calm blues/greens.
PALETTES = [
    ((163, 22, 33), (232, 93, 4)),
    ((128, 0, 0), (214, 40, 40)),
    ((183, 28, 28), (255, 179, 0)),
    ((13, 71, 161), (66, 165, 245)),
    ((0, 105, 92), (102, 187, 106)),
    ((69, 39, 160), (171, 71, 188)),
    ((191, 54, 12), (255, 202, 40)),
    ((21, 101, 192), (0, 172, 193)),
]


def _rng(seed_text):
    digest = hashlib.sha256(seed_text.encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _gradient(size, start, end, angle):
    """A linear gradient from `start` to `end` colour, turned by `angle` degrees."""
    width, height = size
    diagonal = int(math.hypot(width, height)) + 2
    mask = Image.linear_gradient("L").resize((diagonal, diagonal)).rotate(angle)
    left, top = (diagonal - width) // 2, (diagonal - height) // 2
    mask = mask.crop((left, top, left + width, top + height))
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


def _mix(a, b, share):
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))


def _ridge(rng, width, base, amplitude, points=9):
    """A skyline of hills: (x, y) points across the picture around height `base`."""
    phases = [rng.uniform(0, math.tau) for _ in range(3)]
    waves = [rng.uniform(0.6, 1.0), rng.uniform(1.5, 2.6), rng.uniform(3.5, 5.5)]
    ridge = []
    for step in range(points * 8 + 1):
        x = width * step / (points * 8)
        t = x / width * math.tau
        y = base - amplitude * sum(
            math.sin(t * wave + phase) / (rank + 1)
            for rank, (wave, phase) in enumerate(zip(waves, phases, strict=True))
        )
        ridge.append((x, y))
    return ridge


def news_picture(seed, size=(1200, 675), quality=82):
    """JPEG bytes: a landscape of colour (sky, sun, hills, fields), no text.

    Headlines are never drawn into the picture: the page prints the title beside it,
    and a picture that repeats it shows the headline twice.
    """
    rng = _rng(seed)
    width, height = size
    start, end = rng.choice(PALETTES)
    sky_top, sky_bottom = _mix(start, (255, 255, 255), 0.15), _mix(end, (255, 236, 179), 0.45)
    image = _gradient(size, sky_top, sky_bottom, rng.choice((0, 10, 350)) + 90)

    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    # Sun, with a soft halo.
    sun_x, sun_y = rng.uniform(0.15, 0.85) * width, rng.uniform(0.18, 0.4) * height
    sun_r = height * rng.uniform(0.08, 0.13)
    for ring, alpha in ((2.2, 30), (1.6, 55), (1.0, 235)):
        r = sun_r * ring
        draw.ellipse((sun_x - r, sun_y - r, sun_x + r, sun_y + r), fill=(255, 224, 130, alpha))
    # Light clouds.
    for _ in range(rng.randint(2, 4)):
        cx, cy = rng.uniform(0, width), rng.uniform(0.08, 0.35) * height
        for _ in range(4):
            rx, ry = rng.uniform(0.05, 0.1) * width, rng.uniform(0.025, 0.045) * height
            dx = rng.uniform(-0.06, 0.06) * width
            draw.ellipse((cx + dx - rx, cy - ry, cx + dx + rx, cy + ry), fill=(255, 255, 255, 70))
    image = Image.alpha_composite(image.convert("RGBA"), overlay)

    # Three ranges of hills, darker towards the front, then a field in rows.
    draw = ImageDraw.Draw(image)
    for layer, (base, amplitude) in enumerate(((0.55, 0.09), (0.68, 0.07), (0.8, 0.05))):
        colour = _mix(start, (20, 30, 20), 0.25 + 0.2 * layer)
        ridge = _ridge(rng, width, height * base, height * amplitude)
        draw.polygon([*ridge, (width, height), (0, height)], fill=(*colour, 255))
    field_top = height * 0.86
    field = _mix(end, (60, 120, 40), 0.55)
    draw.rectangle((0, field_top, width, height), fill=(*field, 255))
    for row in range(6):
        y = field_top + (height - field_top) * (row + 0.5) / 6
        draw.line(
            (0, y, width, y + rng.uniform(-4, 4)),
            fill=(*_mix(field, (255, 255, 255), 0.2), 255),
            width=max(1, height // 200),
        )

    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def _leaf(centre, angle, length, breadth, steps=16):
    """The points of an ellipse `length` × `breadth` around `centre`, turned by `angle`."""
    cx, cy = centre
    cos, sin = math.cos(angle), math.sin(angle)
    points = []
    for step in range(steps):
        t = math.tau * step / steps
        x, y = length / 2 * math.cos(t), breadth / 2 * math.sin(t)
        points.append((cx + x * cos - y * sin, cy + x * sin + y * cos))
    return points


def logo_picture(initials="ĐB", size=256):
    """PNG bytes: the portal's emblem (as editorial/static/editorial/emblem.svg draws it).

    A red disc, a gold ring, two branches of gold leaves and the portal's initials.
    """
    scale = 4  # draw large, shrink for smooth edges
    canvas = size * scale
    unit = canvas / 64  # the SVG's viewBox is 64 units wide
    red, gold, light_gold = (179, 0, 27, 255), (224, 176, 35, 255), (255, 217, 102, 255)
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, canvas - 1, canvas - 1), fill=gold)
    draw.ellipse((2 * unit, 2 * unit, canvas - 2 * unit, canvas - 2 * unit), fill=red)
    inner = 32 - 27.5
    draw.ellipse(
        (inner * unit, inner * unit, canvas - inner * unit, canvas - inner * unit),
        outline=light_gold,
        width=max(1, round(0.8 * unit)),
    )
    centre, radius = 32 * unit, 21 * unit
    stems = (centre - radius, centre - radius, centre + radius, centre + radius)
    for start, end in ((120, 240), (-60, 60)):
        draw.arc(stems, start, end, fill=light_gold, width=max(1, round(0.9 * unit)))
    for side in (-1, 1):
        for number in range(7):
            theta = math.radians(28 + number * 20)
            tangent = (side * math.cos(theta), -math.sin(theta))
            normal = (side * math.sin(theta), math.cos(theta))
            tilt = math.radians(32)
            dx = math.cos(tilt) * tangent[0] + math.sin(tilt) * normal[0]
            dy = math.cos(tilt) * tangent[1] + math.sin(tilt) * normal[1]
            x = centre + side * radius * math.sin(theta) + dx * 2.2 * unit
            y = centre + radius * math.cos(theta) + dy * 2.2 * unit
            draw.polygon(_leaf((x, y), math.atan2(dy, dx), 6.8 * unit, 2.7 * unit), fill=light_gold)
    pair = font_pair("serif")
    font_size = round(16 * unit)
    font = (
        ImageFont.truetype(str(pair[1]), font_size)
        if pair
        else ImageFont.load_default(size=font_size)
    )
    draw.text((centre, 38 * unit), initials, font=font, fill=light_gold, anchor="ms")
    image = image.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
