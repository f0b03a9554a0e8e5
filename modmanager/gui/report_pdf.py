"""The customer report as PDF: its HTML (:mod:`modmanager.ops.report_html`) laid out by Qt.

``QTextDocument`` + ``QPdfWriter`` ship with PySide6-Essentials, so PDFs need no further
dependency. The command line uses this too; :func:`ensure_gui_application` gives it the
QApplication that fonts and layout need, offscreen when there is no display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

PDF_RESOLUTION = 300
_MARGIN_MM = 16.0


def ensure_gui_application() -> None:
    """An application object for text layout; offscreen where no display exists (servers, cron).

    A QApplication (not only a QGuiApplication): whoever comes later in the same process - the
    desktop window, a test - may need widgets, and Qt aborts on a widget without a QApplication.
    """
    if QApplication.instance() is not None:
        return
    if not sys.platform.startswith(("win", "darwin")) and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    QApplication(sys.argv[:1])


def _document(html: str, page_width: float) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setTextWidth(page_width)
    return document


def write_pdf(html: str, path: Path, *, title: str = "") -> None:
    """Lay ``html`` out on A4 pages and write them to ``path``."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setCreator("modmanager")
    if title:
        writer.setTitle(title)
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)


def render_page(html: str, page: int = 0, *, width: int = 1240) -> QImage:
    """One A4 page of the report as an image (what the PDF shows, for a look without a PDF viewer)."""
    height = round(width * 297 / 210)
    margin = round(width * _MARGIN_MM / 210)
    document = _document(html, width - 2 * margin)
    document.setPageSize(QSizeF(width - 2 * margin, height - 2 * margin))
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    try:
        painter.translate(margin, margin - page * (height - 2 * margin))
        document.drawContents(painter)
    finally:
        painter.end()
    return image
