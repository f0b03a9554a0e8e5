"""The loopback file server: serves files in its folder, nothing else."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from modmanager.simulator.certs import CERT_FILE
from modmanager.simulator.fileserver import FileServer


@pytest.fixture
def served(tmp_path: Path) -> Iterator[FileServer]:
    root = tmp_path / "catalog"
    (root / "vendors" / "acme").mkdir(parents=True)
    (root / "catalog.json").write_text('{"modules": []}')
    (root / "vendors" / "acme" / "Modul v2.sfm").write_bytes(b"PK\x03\x04")
    (tmp_path / "secret.txt").write_text("outside")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    with FileServer(root) as server:
        yield server


def test_serves_files_with_their_type(served: FileServer) -> None:
    response = requests.get(served.url_for("catalog.json"), timeout=5)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {"modules": []}
    assert requests.get(served.url_for("vendors/acme/Modul%20v2.sfm"), timeout=5).content == b"PK\x03\x04"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/vendors",
        "/missing.json",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/vendors/..%2f..%2fsecret.txt",
        "/link.txt",
        "//etc/passwd",
    ],
)
def test_nothing_outside_the_folder_and_no_listings(served: FileServer, path: str) -> None:
    port = int(served.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        # Raw request so that no client library normalises the path first.
        connection.sendall(f"GET {path} HTTP/1.0\r\nHost: x\r\n\r\n".encode())
        status_line = connection.makefile("rb").readline()
    assert status_line.split()[1] == b"404"


def test_only_get_is_allowed(served: FileServer) -> None:
    response = requests.post(served.url_for("catalog.json"), data=b"x", timeout=5)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET"


def test_https_with_a_kept_certificate(tmp_path: Path) -> None:
    (tmp_path / "c.json").write_text("{}")
    with FileServer(tmp_path, tls_folder=tmp_path / "tls") as server:
        assert server.url.startswith("https://")
        assert requests.get(server.url_for("c.json"), verify=str(tmp_path / "tls" / CERT_FILE), timeout=5).json() == {}
        fingerprint = server.fingerprint
    again = FileServer(tmp_path, tls_folder=tmp_path / "tls")
    try:
        assert again.fingerprint == fingerprint
    finally:
        again.stop()
