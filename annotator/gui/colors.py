"""Colour helpers shared by the views, and the reading colours in light and dark mode.

The article view draws its own paper and ink (a white page read better than the style's grey),
so it must follow the system's dark mode itself: with a dark colour scheme the page turns dark,
span shades are laid on the dark page, and every shaded stretch keeps its text readable (a
contrast ratio of at least 4.5, WCAG AA) whatever the frame colours are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPalette, QPixmap

#: WCAG AA for normal text.
MIN_CONTRAST = 4.5
LIGHT_PAPER, LIGHT_INK = QColor("#ffffff"), QColor("#1a1a1a")
DARK_PAPER, DARK_INK = QColor("#1e1f22"), QColor("#e6e6e6")
BLACK, WHITE = QColor("#000000"), QColor("#ffffff")


def swatch(color: str, size: int = 14) -> QIcon:
    """A square icon of one colour: how a frame is shown beside its name."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def mix(base: QColor, over: QColor, alpha: float) -> QColor:
    """``over`` laid on ``base`` with opacity ``alpha``."""
    return QColor(
        round(base.red() * (1 - alpha) + over.red() * alpha),
        round(base.green() * (1 - alpha) + over.green() * alpha),
        round(base.blue() * (1 - alpha) + over.blue() * alpha),
    )


def luminance(color: QColor) -> float:
    """Relative luminance (WCAG 2)."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) \
        + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_dark() -> bool:
    """The system's (or the app's) colour scheme is dark: Qt's colour scheme when it knows it,
    else a dark window colour in the application palette."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def reading_colors() -> tuple[QColor, QColor]:
    """(paper, ink) of the article text in the current colour scheme."""
    return (DARK_PAPER, DARK_INK) if is_dark() else (LIGHT_PAPER, LIGHT_INK)


def readable_ink(background: QColor, ink: QColor) -> QColor:
    """``ink`` if it reads on ``background``, else black or white, whichever reads better (one
    of the two always has a contrast of at least 4.58)."""
    if contrast(background, ink) >= MIN_CONTRAST:
        return ink
    return max((BLACK, WHITE), key=lambda c: contrast(background, c))


def readable(color: QColor | str, background: QColor | None = None) -> QColor:
    """``color`` (a status mark, a grey hint) lightened or darkened just enough to read on
    ``background`` (the palette's base colour by default)."""
    color = QColor(color)
    if background is None:
        background = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    key = (color.rgba(), background.rgba())
    if key not in _READABLE:  # asked for by table models at every repaint
        target = WHITE if luminance(background) < 0.18 else BLACK
        _READABLE[key] = next(
            (c for c in (mix(color, target, step / 10) for step in range(11))
             if contrast(c, background) >= MIN_CONTRAST), target)
    return QColor(_READABLE[key])


_READABLE: dict[tuple[int, int], QColor] = {}


def page_colors() -> tuple[QColor, QColor]:
    """(base, text) of the palette: what tables and hints are drawn on and in; the dark
    reading colours when the scheme is dark but the palette has not caught up with it."""
    palette = QGuiApplication.palette()
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    if is_dark() and luminance(base) > 0.18:
        return QColor(DARK_PAPER), QColor(DARK_INK)
    return base, text


def ink(color: QColor | str) -> QBrush:
    """Coloured text (a status mark, a warning's red) that reads on the palette's base."""
    return QBrush(readable(color))


def cell_shade(color: QColor | str) -> QColor:
    """A table cell's background of ``color`` (a value's green, yellow or red, a shared row's
    blue) in the current scheme: the colour itself on a light palette; on a dark one, the
    colour laid over the dark base at 35%, where the pale colour would glare and hide the
    palette's light text."""
    color = QColor(color)
    if not is_dark():
        return color
    base, _text = page_colors()
    return mix(base, color, 0.35)


def shade(item, color: QColor | str, column: int | None = None,
          text: QColor | str | None = None) -> None:
    """Colour a table cell (a ``QTableWidgetItem``, or ``column`` of a ``QTreeWidgetItem``)
    with :func:`cell_shade` of ``color``, and its text with ink that reads on it: ``text``
    adjusted as :func:`readable` does, else the palette's text or black or white."""
    background = cell_shade(color)
    if text is None:
        foreground = readable_ink(background, page_colors()[1])
    else:
        foreground = readable(text, background)
    where = () if column is None else (column,)
    item.setBackground(*where, QBrush(background))
    item.setForeground(*where, QBrush(foreground))


def quiet_color() -> QColor:
    """A grey for secondary text (English glosses, hints) that still reads on the palette."""
    base, text = page_colors()
    return readable(mix(text, base, 0.4), base)


def edge_color(color: QColor, dark: bool) -> QColor:
    """A frame colour as an underline: darker on a light page, lighter on a dark one."""
    return color.lighter(140) if dark else color.darker(130)


def dark_palette() -> QPalette:
    """A dark palette as dark desktop themes give one (for the screenshots and tests; the app
    itself takes the system's)."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2e", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#26272b",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#333337",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#333337",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.Mid: "#444448",
        QPalette.ColorRole.Dark: "#18181a", QPalette.ColorRole.Light: "#505055",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText,
                     QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText,
                     QColor("#7a7a7a"))
    return palette
