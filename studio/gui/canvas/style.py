"""Colours, fonts and sizes of the canvas (the palette uses the same category colours)."""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

NODE_W = 180.0
NODE_H = 56.0
PORT_R = 5.0
RADIUS = 8.0
STRIPE_W = 6.0

_CATEGORY_RGB = {
    "Input": (96, 125, 139),  # blue grey
    "Convolution": (33, 150, 243),  # blue
    "Pooling": (0, 150, 136),  # teal
    "Normalisation": (156, 39, 176),  # purple
    "Regularisation": (121, 85, 72),  # brown
    "Activation": (255, 152, 0),  # orange
    "Linear/Reshape": (76, 175, 80),  # green
    "Merge": (233, 30, 99),  # pink
}

ERROR = QColor(211, 47, 47)
WARNING = QColor(245, 166, 35)
SELECTED = QColor(25, 118, 210)
HIGHLIGHT = QColor(67, 160, 71)  # legal connection target


def category_color(category: str) -> QColor:
    """The colour of a layer category (grey for an unknown one)."""
    return QColor(*_CATEGORY_RGB.get(category, (120, 120, 120)))


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


@lru_cache(maxsize=4)
def _colors(dark: bool) -> dict[str, QColor]:
    if dark:
        return {"card": QColor(48, 52, 58), "text": QColor(235, 235, 235), "sub": QColor(170, 176, 184),
                "border": QColor(100, 106, 114), "edge": QColor(150, 156, 164), "bg": QColor(33, 35, 38),
                "grid": QColor(44, 47, 51), "group": QColor(255, 255, 255, 18), "group_border": QColor(130, 136, 144)}
    return {"card": QColor(255, 255, 255), "text": QColor(33, 33, 33), "sub": QColor(97, 97, 97),
            "border": QColor(176, 180, 186), "edge": QColor(120, 126, 134), "bg": QColor(246, 247, 249),
            "grid": QColor(232, 234, 237), "group": QColor(0, 0, 0, 12), "group_border": QColor(150, 156, 164)}


_theme: dict[str, QColor] | None = None


def refresh_theme() -> None:
    """Pick the light or dark colours again (after the system palette changed)."""
    global _theme
    _theme = _colors(is_dark())


def color(role: str) -> QColor:
    """A themed colour: card, text, sub, border, edge, bg, grid, group, group_border."""
    if _theme is None:
        refresh_theme()
    return _theme[role]


@lru_cache(maxsize=8)
def font(kind: str = "title") -> QFont:
    f = QFont(QGuiApplication.font()) if QGuiApplication.instance() else QFont()
    if kind == "title":
        f.setPointSizeF(8.5)
        f.setBold(True)
    elif kind == "small":
        f.setPointSizeF(8.0)
    elif kind == "edge":
        f.setPointSizeF(7.5)
    elif kind == "group":
        f.setPointSizeF(9.0)
        f.setBold(True)
    else:
        f.setPointSizeF(8.5)
    return f


LEGIBLE_PX = 9.0  # no text on the canvas smaller than this on screen


def text_px(kind: str) -> float:
    """The height in screen pixels of a canvas font at zoom 1."""
    from PySide6.QtGui import QFontInfo

    return float(QFontInfo(font(kind)).pixelSize())


def legible_zoom() -> float:
    """The smallest zoom at which every card's text is at least ``LEGIBLE_PX`` tall."""
    return LEGIBLE_PX / min(text_px(k) for k in ("title", "small", "normal"))


def legible(zoom: float, kind: str) -> bool:
    return zoom * text_px(kind) >= LEGIBLE_PX
