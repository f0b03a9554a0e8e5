"""The data folder: override, platform default, private permissions, one place for paths."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.store import paths


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_home_override_is_created_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "profile" / "nested"
    monkeypatch.setenv(paths.HOME_ENV, str(home))

    assert paths.data_dir() == home
    assert home.is_dir()
    assert _mode(home) == 0o700


def test_platform_folder_is_used_without_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    assert paths.data_dir() == tmp_path / "xdg" / "modmanager"
    assert _mode(tmp_path / "xdg" / "modmanager") == 0o700


def test_existing_folder_keeps_its_permissions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "shared"
    home.mkdir(mode=0o750)
    home.chmod(0o750)
    monkeypatch.setenv(paths.HOME_ENV, str(home))

    paths.data_dir()

    assert _mode(home) == 0o750


@pytest.mark.parametrize(
    "helper",
    [paths.backups_dir, paths.journal_dir, paths.sfm_cache_dir, paths.catalog_cache_dir, paths.logs_dir],
)
def test_subfolders_live_in_the_data_folder_and_are_private(helper: object, isolated_state: Path) -> None:
    assert callable(helper)
    folder = helper()

    assert isinstance(folder, Path)
    assert folder.parent == isolated_state
    assert folder.is_dir()
    assert _mode(folder) == 0o700


def test_file_paths_are_distinct_and_inside_the_data_folder(isolated_state: Path) -> None:
    files = [paths.config_path(), paths.inventory_path(), paths.secrets_path()]

    assert len(set(files)) == len(files)
    assert all(path.parent == isolated_state for path in files)


def test_unusable_data_folder_is_a_store_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(paths.HOME_ENV, str(blocker / "home"))

    with pytest.raises(StoreError) as caught:
        paths.data_dir()

    assert str(blocker / "home") in caught.value.message
    assert paths.HOME_ENV in caught.value.hint


def test_relative_override_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(paths.HOME_ENV, "relative-home")

    assert paths.data_dir() == tmp_path / "relative-home"
