"""Copy the visitor walk's screenshots into docs/screenshots/, small enough to keep in git.

`tests/browser/test_visitor.py` saves full-page PNGs of every page type at 360, 768 and
1280 px in artifacts/screenshots/ (visitor-<page>-<width>.png). This keeps the 360 and
1280 px ones: the top of the page (what a visitor sees first and a little more), in at most
64 colours, each under 150 KB (fewer colours, then a smaller copy, until it fits).

    .venv/bin/pytest tests/browser/test_visitor.py -k vietnamese
    .venv/bin/python tools/docs_screenshots.py
"""

import argparse
import io
import sys
from pathlib import Path

from PIL import Image

REPO_ROOT = Path(__file__).resolve().parents[1]
SOURCE = REPO_ROOT / "artifacts" / "screenshots"
TARGET = REPO_ROOT / "docs" / "screenshots"
# One screenshot per page type (the news index's year and tag routes look like the index).
PAGES = [
    "home",
    "news-index",
    "news-article",
    "event-index",
    "event",
    "document-register",
    "document",
    "history-index",
    "history-period",
    "org-chart",
    "org-unit",
    "standard-page",
    "search-results",
    "not-found",
]
WIDTHS = (360, 1280)
# Height kept, in page pixels: about two phone screens, or two desktop screens.
MAX_HEIGHT = {360: 1480, 1280: 1600}
LIMIT = 150 * 1024


def small_png(image, limit=LIMIT):
    """PNG bytes of `image` under `limit`: 64, 32 then 16 colours, then smaller."""
    image = image.convert("RGB")
    while True:
        for colours in (64, 32, 16):
            quantized = image.quantize(colours, method=Image.Quantize.MEDIANCUT, dither=0)
            buffer = io.BytesIO()
            quantized.save(buffer, format="PNG", optimize=True)
            if buffer.tell() <= limit:
                return buffer.getvalue()
        image = image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.LANCZOS)


def convert(source=SOURCE, target=TARGET):
    target.mkdir(parents=True, exist_ok=True)
    written, missing = [], []
    for name in PAGES:
        for width in WIDTHS:
            path = source / f"visitor-{name}-{width}.png"
            if not path.exists():
                missing.append(path.name)
                continue
            with Image.open(path) as image:
                top = image.crop((0, 0, image.width, min(image.height, MAX_HEIGHT[width])))
                data = small_png(top)
            out = target / path.name
            out.write_bytes(data)
            written.append((out, len(data)))
    return written, missing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--target", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    written, missing = convert(args.source, args.target)
    for out, size in written:
        print(f"{out.relative_to(REPO_ROOT)}: {size // 1024} KB")
    if missing:
        print("Thiếu ảnh (chạy test_visitor.py trước): " + ", ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
