"""Fingerprints, certificate fetching and the verify-or-pin transport, over real TLS sockets."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from cryptography import x509
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.errors import PbxError
from modmanager.pbx import tls
from modmanager.pbx.client import AgentClient
from tests.pbx.pbx_helpers import ScriptedServer, answer, make_self_signed, system_info_struct

HEX = "0123456789abcdef"


@settings(max_examples=40)
@given(st.text(alphabet=HEX, min_size=64, max_size=64), st.booleans(), st.booleans())
def test_normalize_accepts_any_case_and_colons(digits: str, upper: bool, colons: bool) -> None:
    text = digits.upper() if upper else digits
    if colons:
        text = ":".join(text[i : i + 2] for i in range(0, 64, 2))
    assert tls.normalize_fingerprint(f"  {text} ") == digits


@pytest.mark.parametrize("text", ["", "ab" * 31, "ab" * 33, "zz" * 32, "sha256:" + "ab" * 32])
def test_normalize_rejects_what_is_not_a_sha256(text: str) -> None:
    with pytest.raises(PbxError) as caught:
        tls.normalize_fingerprint(text)
    assert caught.value.code == "invalid_fingerprint"


def test_format_groups_upper_case_pairs() -> None:
    digits = "0f" + "a1" * 31
    formatted = tls.format_fingerprint(digits)
    assert formatted.startswith("0F:A1:A1")
    assert formatted.count(":") == 31
    assert tls.normalize_fingerprint(formatted) == digits


def test_fetch_fingerprint_reads_the_self_signed_certificate(scripted_server: ScriptedServer) -> None:
    info = tls.fetch_fingerprint(scripted_server.url, timeout=5)
    assert info.sha256 == scripted_server.cert.sha256
    assert info.ca_verified is False
    assert "CN=starface.example" in info.subject
    parsed = x509.load_pem_x509_certificate(info.pem.encode("ascii"))
    assert parsed.not_valid_after_utc.isoformat() == info.not_after


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_fetch_fingerprint_of_a_closed_port_is_unreachable() -> None:
    with pytest.raises(PbxError) as caught:
        tls.fetch_fingerprint(f"https://127.0.0.1:{_closed_port()}", timeout=2)
    assert caught.value.code == "unreachable"


def _serving_system_info(server: ScriptedServer) -> None:
    server.respond = lambda path, body: (200, answer(system_info_struct()))


def test_pinned_certificate_is_accepted(scripted_server: ScriptedServer) -> None:
    _serving_system_info(scripted_server)
    pin = tls.format_fingerprint(scripted_server.cert.sha256)  # any spelling of the pin works
    with AgentClient(scripted_server.url, "admin", "pw", agent_secret="s", fingerprint=pin, timeout=5) as client:
        assert client.system_info().starface_version == "9.0.1.3"
        assert client.system_info().starface_version == "9.0.1.3"
    assert len(scripted_server.requests) == 2


def test_pin_mismatch_is_refused_before_anything_is_sent(scripted_server: ScriptedServer) -> None:
    _serving_system_info(scripted_server)
    other = "ab" * 32
    with (
        pytest.raises(PbxError) as caught,
        AgentClient(scripted_server.url, "admin", "pw", agent_secret="s", fingerprint=other) as c,
    ):
        c.system_info()
    error = caught.value
    assert error.code == "certificate_changed"
    assert tls.format_fingerprint(other) in error.message
    assert tls.format_fingerprint(scripted_server.cert.sha256) in error.message
    assert scripted_server.requests == []


def test_unpinned_self_signed_is_refused_showing_the_fingerprint(scripted_server: ScriptedServer) -> None:
    _serving_system_info(scripted_server)
    with (
        pytest.raises(PbxError) as caught,
        AgentClient(scripted_server.url, "admin", "pw", agent_secret="s", timeout=5) as client,
    ):
        client.system_info()
    error = caught.value
    assert error.code == "certificate_untrusted"
    assert tls.format_fingerprint(scripted_server.cert.sha256) in error.message
    assert f"--fingerprint {scripted_server.cert.sha256}" in error.hint
    assert scripted_server.requests == []


def test_certificate_replaced_while_pinned_is_refused(scripted_server: ScriptedServer, tmp_path: Path) -> None:
    _serving_system_info(scripted_server)
    pin = scripted_server.cert.sha256
    client = AgentClient(scripted_server.url, "admin", "pw", agent_secret="s", fingerprint=pin, timeout=5)
    client.system_info()
    replacement = make_self_signed(tmp_path / "new")
    scripted_server.replace_certificate(replacement)
    client.close()  # drop the kept-alive connection so the next call makes a new handshake
    with pytest.raises(PbxError) as caught:
        client.system_info()
    assert caught.value.code == "certificate_changed"
    assert tls.format_fingerprint(replacement.sha256) in caught.value.message
    assert len(scripted_server.requests) == 1


def test_no_code_path_switches_verification_off() -> None:
    """The client side never turns verification off (the simulator's test helper is not ours)."""
    pbx_package = Path(tls.__file__).parent
    files = [*pbx_package.rglob("*.py"), pbx_package.parent / "cli" / "pbx_cmd.py"]
    forbidden = ("verify=False", "CERT_NONE", "check_hostname = False")
    offenders = [f"{path}: {word}" for path in files for word in forbidden if word in path.read_text("utf-8")]
    assert offenders == []
