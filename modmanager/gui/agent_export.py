"""The modmanager agent for the PBX, from the application: save its module file, show how to install it.

:func:`save_agent_module` is what a menu entry "Save agent module..." calls: it asks where to
save the shipped agent ``.sfm`` (see ``modmanager agent export`` for the command line) and
writes it there. :func:`open_install_guide` opens the installation steps for the STARFACE admin
interface in the interface language (``docs/agent-install.<lang>.md``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

DOCS_DIR = Path(__file__).resolve().parents[2] / "docs"
"""Where the installation guides are (the source tree; a build ships them next to the program)."""
DEFAULT_FILE_NAME = "modmanager-agent.sfm"


def interface_language() -> str:
    """``"de"`` or ``"en"``: the language the interface is shown in."""
    return "de" if QLocale().language() == QLocale.Language.German else "en"


def install_guide(language: str | None = None) -> Path | None:
    """The installation guide for ``language`` (default: the interface language), if it is there."""
    for candidate in (language or interface_language(), "en"):
        path = DOCS_DIR / f"agent-install.{candidate}.md"
        if path.is_file():
            return path
    return None


def open_install_guide() -> bool:
    """Open the installation guide with the system's viewer; False when it is not available."""
    path = install_guide()
    return path is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def agent_module_file() -> Path | None:
    """The shipped agent module, or None when this installation has none (not built)."""
    try:
        from modmanager.agent import agent_module_path  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    path = Path(agent_module_path())
    return path if path.is_file() else None


def save_agent_module(parent: QWidget) -> Path | None:
    """Ask where to save the agent module and write it there; the saved file, or None.

    Problems (no agent module in this installation, a folder that cannot be written) are
    shown in a message box; nothing is half-written.
    """
    title = QCoreApplication.translate("AgentExport", "Save agent module")
    source = agent_module_file()
    if source is None:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate(
                "AgentExport", "This installation of modmanager has no agent module; it was not built."
            ),
        )
        return None
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path.home() / DEFAULT_FILE_NAME),
        QCoreApplication.translate("AgentExport", "STARFACE modules (*.sfm)"),
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".sfm":
        target = target.with_name(target.name + ".sfm")
    try:
        write_copy(source, target)
    except OSError as error:
        text = QCoreApplication.translate("AgentExport", "The agent module could not be saved to {file} ({reason}).")
        QMessageBox.warning(
            parent, title, text.format(file=str(target), reason=error.strerror or type(error).__name__)
        )
        return None
    QMessageBox.information(
        parent,
        title,
        QCoreApplication.translate(
            "AgentExport",
            "The agent module was saved to {file}. Upload it in the STARFACE admin interface under "
            "Module > Modul-Library > Modul importieren, then create its instance with the agent secret.",
        ).format(file=str(target)),
    )
    return target


def write_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` through a temporary file, so a failure leaves no partial file."""
    temporary = target.with_name(f".{target.name}.part")
    try:
        shutil.copyfile(source, temporary)
        temporary.replace(target)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
