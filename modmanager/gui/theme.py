"""The application's look: the platform's own style, its dark mode, the app icon.

modmanager draws nothing custom: native widgets look right on every desktop and respect the
user's accessibility settings. The only help needed is on desktops whose Qt platform theme
reports dark mode without handing Qt a dark palette (plain X11 sessions, some Linux
desktops): there the Fusion style with a dark palette is used.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from modmanager.gui.resources import app_icon

_MIN_POINT_SIZE = 9.0
"""Below this, German labels in dense tables become hard to read."""


def apply(app: QApplication) -> None:
    """Set the icon, a readable font and a palette that follows the system's light/dark mode.

    Call once after the QApplication exists and before windows are shown; it re-applies
    itself when the user switches the system between light and dark.
    """
    app.setWindowIcon(app_icon())
    font = app.font()
    if font.pointSizeF() < _MIN_POINT_SIZE:
        font.setPointSizeF(_MIN_POINT_SIZE)
        app.setFont(font)
    _follow_color_scheme(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_color_scheme(app))


def is_dark(app: QGuiApplication) -> bool:
    """True when the interface is dark (the system asks for it or the palette is dark)."""
    if app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
        return True
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _follow_color_scheme(app: QApplication) -> None:
    wants_dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    palette_is_dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    if wants_dark and not palette_is_dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    elif not wants_dark and app.property("modmanager_dark_palette"):
        app.setPalette(app.style().standardPalette())
    app.setProperty("modmanager_dark_palette", wants_dark and not palette_is_dark)


def dark_palette() -> QPalette:
    """A restrained dark palette for the Fusion style (used only where the platform has none)."""
    palette = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    disabled_text, highlight = QColor("#7f8389"), QColor("#3574f0")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282b"),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled_text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#393b40"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Link: QColor("#589df6"),
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
    }
    for role, color in roles.items():
        palette.setColor(role, color)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled_text)
    return palette


def monospace_font() -> QFont:
    """The system's fixed-width font, for fingerprints and keys that people compare by eye."""
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
