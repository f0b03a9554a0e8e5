"""Reading a named file: regular files only, bounded, never blocking on a pipe or a device."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from modmanager.core.errors import ModManagerError, StoreError
from modmanager.core.localfile import read_problem, read_regular_file

pytestmark = pytest.mark.timeout(10)


def test_a_regular_file_is_read_whole_or_refused_when_too_large(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"x" * 100)
    assert read_regular_file(path, 100) == b"x" * 100
    with pytest.raises(ModManagerError) as caught:
        read_regular_file(path, 99, what="settings file")
    assert caught.value.code == "file_too_large" and "settings file" in caught.value.message
    assert read_regular_file(path, 10, prefix=True) == b"x" * 10


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular_file(tmp_path / "absent", 10)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sfm"
    os.mkfifo(fifo)
    with pytest.raises(StoreError) as caught:
        read_regular_file(fifo, 10, what="module file", error=StoreError)
    assert caught.value.code == "file_not_regular" and caught.value.params["kind"] == "fifo"
    assert "named pipe" in caught.value.message and "nothing was read" in caught.value.message
    assert read_problem(caught.value) == ("not_regular", "it is a named pipe (FIFO), not a file")


def test_a_directory_and_a_socket_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ModManagerError) as caught:
        read_regular_file(tmp_path, 10)
    assert caught.value.params["kind"] == "directory"
    if hasattr(socket, "AF_UNIX"):
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(tmp_path / "s.sock"))
            with pytest.raises(ModManagerError) as caught:
                read_regular_file(tmp_path / "s.sock", 10)
            assert caught.value.params["kind"] == "socket"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_without_reading_it(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    with pytest.raises(ModManagerError) as caught:
        read_regular_file(device, 10)
    assert caught.value.params["kind"] == "device"


def test_a_link_to_a_device_is_refused_too(tmp_path: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    link = tmp_path / "settings.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(ModManagerError, match="is a device"):
        read_regular_file(link, 10)
