"""Pictures for the demo drawn with Pillow: a gradient, a few shapes and a caption.

The same title always gives the same picture (the random generator is seeded from it).
"""

import hashlib
import io
import math
import random
import textwrap

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


def _font(size, bold=False):
    pair = font_pair("sans")
    if pair:
        return ImageFont.truetype(str(pair[1] if bold else pair[0]), size)
    return ImageFont.load_default(size=size)


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


def _star(draw, centre, radius, fill):
    cx, cy = centre
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.4
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy - r * math.sin(angle)))
    draw.polygon(points, fill=fill)


def news_picture(title, label="ẢNH MINH HỌA", size=(1200, 675), quality=82):
    """JPEG bytes: gradient, translucent shapes, a label and the title in a caption band."""
    rng = _rng(title)
    width, height = size
    start, end = rng.choice(PALETTES)
    image = _gradient(size, start, end, rng.randrange(0, 360))

    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for _ in range(rng.randint(5, 9)):
        radius = rng.randint(height // 10, height // 2)
        x, y = rng.randint(-radius, width), rng.randint(-radius, height)
        alpha = rng.randint(18, 55)
        if rng.random() < 0.6:
            draw.ellipse((x, y, x + radius, y + radius), fill=(255, 255, 255, alpha))
        else:
            draw.rectangle((x, y, x + radius * 1.6, y + radius // 3), fill=(255, 236, 179, alpha))
    _star(draw, (width * 0.82, height * 0.32), height * 0.16, (255, 214, 0, 150))

    band_top = int(height * 0.66)
    draw.rectangle((0, band_top, width, height), fill=(0, 0, 0, 120))
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")

    draw = ImageDraw.Draw(image)
    margin = int(width * 0.045)
    label_font = _font(max(14, height // 26), bold=True)
    draw.text((margin, margin), label.upper(), font=label_font, fill=(255, 255, 255))

    title_font = _font(max(16, height // 17), bold=True)
    lines = textwrap.wrap(title, width=46)[:3]
    if len(textwrap.wrap(title, width=46)) > 3:
        lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    line_height = int(title_font.size * 1.3)
    y = band_top + (height - band_top - line_height * len(lines)) // 2
    for line in lines:
        draw.text((margin, y), line, font=title_font, fill=(255, 255, 255))
        y += line_height

    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def logo_picture(text="ĐẢNG BỘ TỈNH", size=256):
    """PNG bytes: a red disc with a gold star and a short text, for the portal settings."""
    scale = 2  # draw large, shrink for smooth edges
    canvas = size * scale
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, canvas - 1, canvas - 1), fill=(200, 16, 46, 255))
    draw.ellipse(
        (canvas * 0.06, canvas * 0.06, canvas * 0.94, canvas * 0.94),
        outline=(255, 205, 0, 255),
        width=canvas // 40,
    )
    _star(draw, (canvas / 2, canvas * 0.42), canvas * 0.26, (255, 205, 0, 255))
    font = _font(canvas // 15, bold=True)
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(
        ((canvas - (box[2] - box[0])) / 2, canvas * 0.72), text, font=font, fill=(255, 255, 255)
    )
    image = image.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
