"""Find a TrueType font that has the Vietnamese letters, if the machine has one."""

from functools import cache
from pathlib import Path

FONT_DIRS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/liberation"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
]

# (regular, bold) file names by family, best first.
SANS = [
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
]
SERIF = [
    ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    ("Times New Roman.ttf", "Times New Roman Bold.ttf"),
    ("times.ttf", "timesbd.ttf"),
]


def _find(name):
    for directory in FONT_DIRS:
        path = directory / name
        if path.is_file():
            return path
    return None


@cache
def font_pair(family="sans"):
    """(regular path, bold path) of the first family found, or None.

    The bold face falls back to the regular one when only the regular file exists.
    """
    for regular, bold in SERIF if family == "serif" else SANS:
        regular_path = _find(regular)
        if regular_path:
            return regular_path, _find(bold) or regular_path
    if family == "serif":
        return font_pair("sans")
    return None
