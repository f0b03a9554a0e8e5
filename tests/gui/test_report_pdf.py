"""The report's PDF writer, also as the command line uses it (no window, maybe no display)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from modmanager.gui.report_pdf import render_page, write_pdf


def test_the_command_lines_application_object_allows_widgets_later() -> None:
    # The CLI creates the application for the PDF; a window (or a test) later in the same
    # process needs a QApplication, or Qt aborts.
    code = (
        "from modmanager.gui.report_pdf import ensure_gui_application\n"
        "ensure_gui_application()\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "assert isinstance(QApplication.instance(), QApplication)\n"
        "QWidget()\n"
        "print('ok')\n"
    )
    environment = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_long_report_becomes_several_a4_pages(qapp: object, tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>Zeile {index}</td><td>Änderung</td></tr>" for index in range(160))
    html = f"<html><body><h1>Bericht</h1><table>{rows}</table></body></html>"
    out = tmp_path / "long.pdf"
    write_pdf(html, out, title="Bericht")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 2
    page = render_page(html)
    assert page.height() > page.width()
