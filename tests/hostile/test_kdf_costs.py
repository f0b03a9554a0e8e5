"""scrypt costs from a file are checked against fixed bounds before the password is used.

An export header asking for ``n = 2**22, r = 32`` would have scrypt allocate 16 GiB before the
password could be checked. Here such files are refused with one sentence - and one case runs
the real command in a process whose address space is capped at 1 GiB, so a derivation that
slipped through would fail the test instead of the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.store.credentials import EncryptedFileStore, ScryptParams, open_credentials
from tests.hostile.conftest import Run, refused
from tests.hostile.crafted import crafted_export

CHEAP = ScryptParams(log2_n=4)
COSTS = {
    "16 GiB (n=2^22, r=32)": (22, 32, 1),
    "1 GiB (n=2^20, r=8)": (20, 8, 1),
    "n=2^60": (60, 8, 1),
    "p=2^30": (15, 8, 2**30),
    "r=2^40": (10, 2**40, 1),
    "negative": (-1, 8, 1),
    "zero": (0, 0, 0),
}


@pytest.mark.parametrize("case", sorted(COSTS))
def test_an_export_asking_for_a_costly_derivation_is_refused(mm: Run, tmp_path: Path, case: str) -> None:
    source = tmp_path / "teuer.mmbackup"
    source.write_bytes(crafted_export(*COSTS[case]))
    refused(mm("backup", "import", str(source), "--password-stdin", stdin="egal\n"), "key derivation", "teuer")


@pytest.mark.timeout(60)
@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits are a Linux feature")
def test_the_refusal_needs_no_memory_to_speak_of(tmp_path: Path) -> None:
    source = tmp_path / "teuer.mmbackup"
    source.write_bytes(crafted_export(22, 32, 1))
    home = tmp_path / "home"
    env = {
        **os.environ,
        "MODMANAGER_HOME": str(home),
        "MODMANAGER_MASTER_PASSWORD": "master",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",  # never the real keyring
    }
    code = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
    code += "from modmanager.cli.main import run; raise SystemExit(run(['backup', 'import', "
    code += f"{str(source)!r}, '--password-stdin']))"
    result = subprocess.run(
        [sys.executable, "-c", code], input="egal\n", capture_output=True, text=True, env=env, timeout=50
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert result.stderr.count("\n") == 1 and "key derivation" in result.stderr


@pytest.mark.parametrize(("log2_n", "r", "p"), [(22, 32, 1), (21, 8, 1), (16, 255, 1), (15, 8, 255), (0, 8, 1)])
def test_a_secrets_file_asking_for_a_costly_derivation_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, log2_n: int, r: int, p: int
) -> None:
    path = tmp_path / "secrets.enc"
    EncryptedFileStore(path, "master", kdf=CHEAP).set("pbx/a/0001", "geheim")
    data = bytearray(path.read_bytes())
    data[8] = log2_n  # the clear header: magic (8 bytes), log2(n) (1 byte), r and p (4 bytes each)
    data[9:13] = r.to_bytes(4, "big")
    data[13:17] = p.to_bytes(4, "big")
    path.write_bytes(bytes(data))
    original = path.read_bytes()
    monkeypatch.setenv("MODMANAGER_MASTER_PASSWORD", "master")
    with pytest.raises(StoreError) as caught:
        open_credentials(backend="file", path=path)
    assert caught.value.code == "secrets_kdf_refused" and "key derivation" in caught.value.message
    assert path.read_bytes() == original, "nothing is rewritten"
