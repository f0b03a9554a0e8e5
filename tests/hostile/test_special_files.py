"""Special files where files are expected: named pipes, directories, devices.

Every place that reads a file the user named or a folder holds refuses them with one sentence and
returns at once - a named pipe with no writer used to block ``sfm inspect`` forever. The timeout
of this suite turns a hang into a failure.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from modmanager.core.sfmbuild import build_sfm, example_spec
from modmanager.store.backups import BackupStore
from modmanager.store.credentials import open_credentials
from modmanager.store.paths import backups_dir, config_path, journal_dir, sfm_cache_dir
from modmanager.store.sfmcache import SfmCache
from tests.hostile.conftest import Run, refused

pytestmark = pytest.mark.timeout(20)

Make = Callable[[Path], None]


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _directory(path: Path) -> None:
    path.mkdir()


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")


KINDS: dict[str, tuple[Make, str]] = {}
if hasattr(os, "mkfifo"):
    KINDS["fifo"] = (_fifo, "named pipe")
KINDS["directory"] = (_directory, "folder")
if os.path.exists("/dev/zero"):
    KINDS["/dev/zero"] = (_device, "device")


@pytest.fixture(params=sorted(KINDS))
def special(request: pytest.FixtureRequest) -> tuple[Make, str]:
    return KINDS[request.param]


def test_sfm_inspect_and_diff_refuse_at_once(mm: Run, tmp_path: Path, special: tuple[Make, str]) -> None:
    make, words = special
    target = tmp_path / "Modul_v126.sfm"
    make(target)
    refused(mm("sfm", "inspect", str(target)), "Modul_v126.sfm", words)
    good = tmp_path / "good.sfm"
    good.write_bytes(build_sfm(example_spec(126)))
    refused(mm("sfm", "diff", str(good), str(target)), words)
    values = tmp_path / "values.json"
    make(values)
    refused(mm("sfm", "diff", str(good), str(good), "--values", str(values)), "values file", words)


def test_catalog_files_are_refused_at_once(mm: Run, tmp_path: Path, special: tuple[Make, str]) -> None:
    make, words = special
    catalog = tmp_path / "catalog.json"
    make(catalog)
    refused(mm("catalog", "show", str(catalog)), words)
    refused(mm("catalog", "verify", str(catalog), "--key", str(catalog)), words)
    refused(mm("plan", "--catalog", str(catalog), "--trust-unsigned", "--starface", "9.0.1.3"), words)


def test_catalog_build_skips_a_special_file_in_the_vendor_folder(
    mm: Run, tmp_path: Path, special: tuple[Make, str]
) -> None:
    make, words = special
    vendor = tmp_path / "vendor" / "9.X"
    vendor.mkdir(parents=True)
    (vendor / "Modul_v126.sfm").write_bytes(build_sfm(example_spec(126)))
    make(vendor / "Falle_v127.sfm")
    out = tmp_path / "catalog.json"
    result = mm("catalog", "build", str(tmp_path / "vendor"), "--out", str(out))
    assert result.code == 0, result.err
    if words != "folder":  # a folder named .sfm is a folder: walked into, not read
        assert "Falle_v127.sfm" in result.err + result.out, "the skipped file is named"
    assert len(json.loads(out.read_text())["modules"]) == 1


def test_backup_import_refuses_at_once(mm: Run, tmp_path: Path, special: tuple[Make, str]) -> None:
    make, words = special
    source = tmp_path / "import.mmbackup"
    make(source)
    refused(mm("backup", "import", str(source), "--password-stdin", stdin="pw\n"), words)


def test_a_special_settings_file_is_one_sentence(mm: Run, special: tuple[Make, str]) -> None:
    make, _ = special
    path = config_path()
    path.unlink(missing_ok=True)
    make(path)
    refused(mm("settings", "show"), "settings file", "not a regular file")


def test_a_special_journal_entry_is_named_by_recover(mm: Run, special: tuple[Make, str]) -> None:
    make, _ = special
    make(journal_dir() / ("e" * 32 + ".json"))
    refused(mm("recover"), "e" * 32, "not a regular file")


def test_special_files_in_the_backup_folder_are_damaged_entries(mm: Run, special: tuple[Make, str]) -> None:
    make, _ = special
    store = BackupStore(open_credentials())
    make(backups_dir() / "20250101T000000Z-0badf00d.mmb")
    listing = mm("backup", "list", "--json")
    assert listing.code == 0, listing.err
    (damaged,) = json.loads(listing.out)["damaged"]
    assert damaged["kind"] == "not_regular"
    refused(mm("backup", "show", "20250101T000000Z-0badf00d"), "will not be restored")
    assert store.prune(1) == []


def test_special_files_in_the_module_cache_are_absent(special: tuple[Make, str]) -> None:
    make, _ = special
    make(sfm_cache_dir() / ("b" * 64 + ".sfm"))
    make(sfm_cache_dir() / "installed.json")
    cache = SfmCache()
    assert cache.get("b" * 64) is None
    assert cache.installed("kunde-a", "m1") is None


def test_a_special_key_file_for_a_catalog_source_does_not_block(mm: Run, tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    key = tmp_path / "vendor.pub"
    os.mkfifo(key)
    refused(mm("settings", "source", "add", "x", str(tmp_path), "--key", str(key)))
