"""Every local path modmanager uses, defined in one place.

The data directory is ``MODMANAGER_HOME`` when set (tests, portable installs, several
profiles side by side), otherwise the platform's per-user data folder. It holds settings,
the inventory, encrypted secrets and backups, so it is created private (0700).

TLS pins have no file of their own: the pinned certificate fingerprint is a column of the
inventory (:meth:`modmanager.store.inventory.Inventory.set_fingerprint`), so a PBX and its
pin are added, renamed and removed together.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from modmanager.core.errors import StoreError

HOME_ENV = "MODMANAGER_HOME"
"""Environment variable that overrides the data directory."""

_APP_NAME = "modmanager"
_PRIVATE_DIR_MODE = 0o700


def data_dir() -> Path:
    """The data directory, created (0700) on first use."""
    override = os.environ.get(HOME_ENV, "").strip()
    base = Path(override).expanduser() if override else Path(
        platformdirs.user_data_dir(_APP_NAME, appauthor=False)
    )
    # Absolute, so a later change of the working directory cannot move the data folder.
    return _ensure_private_dir(base.absolute())


def config_path() -> Path:
    """The settings file (JSON, no secrets)."""
    return data_dir() / "settings.json"


def inventory_path() -> Path:
    """The SQLite inventory of PBXs, pins, last known facts and statuses."""
    return data_dir() / "inventory.sqlite3"


def secrets_path() -> Path:
    """The encrypted secrets file used when no keyring is available."""
    return data_dir() / "secrets.enc"


def backups_dir() -> Path:
    """Encrypted module-settings backups."""
    return _ensure_private_dir(data_dir() / "backups")


def journal_dir() -> Path:
    """Update journals used to recover from an interrupted update."""
    return _ensure_private_dir(data_dir() / "journal")


def sfm_cache_dir() -> Path:
    """Downloaded and last-installed ``.sfm`` files."""
    return _ensure_private_dir(data_dir() / "sfm-cache")


def catalog_cache_dir() -> Path:
    """Last fetched catalogs, so the app works offline with the last known state."""
    return _ensure_private_dir(data_dir() / "catalog-cache")


def logs_dir() -> Path:
    """Application log files."""
    return _ensure_private_dir(data_dir() / "logs")


def _ensure_private_dir(path: Path) -> Path:
    """Create ``path`` with owner-only permissions if it does not exist yet.

    An existing folder keeps its permissions: the user (or an admin) chose them.
    """
    if path.is_dir():
        return path
    try:
        path.mkdir(mode=_PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        os.chmod(path, _PRIVATE_DIR_MODE)  # mkdir's mode is reduced by the umask
    except OSError as exc:
        raise StoreError(
            code="data_folder_failed",
            params={"path": str(path), "detail": exc.strerror or str(exc), "variable": HOME_ENV},
        ) from exc
    return path
