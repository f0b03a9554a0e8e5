"""Fingerprints, certificate fetching and the verify-or-pin transport, over real TLS sockets.

A connection is checked in its one handshake (CA) or right after it (pin), and a refused one
carries not a byte: a recording TLS server shows what the client wrote after each handshake.
"""

from __future__ import annotations

import datetime as dt
import inspect
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.errors import PbxError
from modmanager.core.protocol import AUTH_PARAMETER
from modmanager.pbx import tls
from modmanager.pbx.client import AgentClient
from tests.pbx.pbx_helpers import ScriptedServer, SelfSignedCert, answer, make_self_signed, system_info_struct

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


def test_verification_is_off_only_where_the_pin_judges() -> None:
    """The client never connects unchecked: OpenSSL's own check is off in one place only - the
    context of pinned connections - which ``open_verified`` alone uses, and it hands such a
    socket out only after ``check_pinned`` accepted the certificate (the simulator's test
    helper is not ours)."""
    pbx_package = Path(tls.__file__).parent
    files = [*pbx_package.rglob("*.py"), pbx_package.parent / "cli" / "pbx_cmd.py"]
    forbidden = ("verify=False", "CERT_NONE", "check_hostname = False")
    found = {
        (path.name, word): path.read_text("utf-8").count(word)
        for path in files
        for word in forbidden
        if word in path.read_text("utf-8")
    }
    assert found == {("tls.py", "CERT_NONE"): 1, ("tls.py", "check_hostname = False"): 1}
    pin_context = inspect.getsource(tls._pin_context)
    assert "CERT_NONE" in pin_context and "check_hostname = False" in pin_context
    calls = {path.name: path.read_text("utf-8").count("_pin_context()") for path in files}
    calls["tls.py"] -= 1  # its definition
    assert sum(calls.values()) == 1
    opener = inspect.getsource(tls.open_verified)
    assert "_pin_context()" in opener and "check_pinned(" in opener


# --- one handshake, checked before a byte is sent ------------------------------------------------


class Recorder:
    """A TLS server that answers nothing and keeps, per connection, every byte sent after the
    handshake (None when the handshake failed)."""

    def __init__(self, cert: SelfSignedCert) -> None:
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(cert.cert_file, cert.key_file)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"https://127.0.0.1:{self._listener.getsockname()[1]}"
        self.received: list[bytes | None] = []
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self._listener.settimeout(0.1)
        while not self._stopped.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection.settimeout(3)
            try:
                tls_connection = self._context.wrap_socket(connection, server_side=True)
            except (OSError, ssl.SSLError):
                connection.close()
                self.received.append(None)
                continue
            data = b""
            try:
                while piece := tls_connection.recv(65536):
                    data += piece
            except (OSError, ssl.SSLError):
                pass
            tls_connection.close()
            self.received.append(data)

    def stop(self) -> None:
        self._stopped.set()
        self._listener.close()
        self._thread.join(timeout=5)


@pytest.fixture
def recorder_for(tmp_path: Path) -> Iterator[Callable[[SelfSignedCert], Recorder]]:
    started: list[Recorder] = []

    def start(cert: SelfSignedCert) -> Recorder:
        started.append(Recorder(cert))
        return started[-1]

    yield start
    for recorder in started:
        recorder.stop()


def _attempt(recorder: Recorder, pin: str | None) -> PbxError:
    with (
        pytest.raises(PbxError) as caught,
        AgentClient(recorder.url, "admin", "pw", agent_secret="s", fingerprint=pin, timeout=1, deadline=2,
                    retries=0) as client,
    ):
        client.system_info()
    return caught.value


def _wait_for(recorder: Recorder, count: int) -> None:
    deadline = time.monotonic() + 10
    while len(recorder.received) < count and time.monotonic() < deadline:
        time.sleep(0.01)


def test_the_recorder_sees_what_a_trusted_connection_sends(
    self_signed: SelfSignedCert, recorder_for: Callable[[SelfSignedCert], Recorder]
) -> None:
    recorder = recorder_for(self_signed)
    assert _attempt(recorder, self_signed.sha256).code == "unreachable"  # it never answers
    _wait_for(recorder, 1)
    assert len(recorder.received) == 1
    sent = recorder.received[0]
    assert sent is not None and sent.startswith(f"POST /xml-rpc?{AUTH_PARAMETER}=".encode())


def test_a_pin_mismatch_refuses_before_the_login_is_sent(
    self_signed: SelfSignedCert, recorder_for: Callable[[SelfSignedCert], Recorder]
) -> None:
    recorder = recorder_for(self_signed)
    error = _attempt(recorder, "ab" * 32)
    assert error.code == "certificate_changed"
    assert error.params["presented"] == tls.format_fingerprint(self_signed.sha256)
    _wait_for(recorder, 1)
    assert recorder.received == [b""]  # one connection, and not a byte after its handshake


@pytest.mark.parametrize(
    ("valid_from", "valid_until"),
    [(-60, -1), (1, 60)],
    ids=["expired", "not-yet-valid"],
)
def test_a_pinned_certificate_out_of_its_validity_is_refused_before_the_login_is_sent(
    tmp_path: Path, recorder_for: Callable[[SelfSignedCert], Recorder], valid_from: int, valid_until: int
) -> None:
    now = dt.datetime.now(dt.UTC)
    cert = make_self_signed(
        tmp_path / "dated",
        valid_from=now + dt.timedelta(days=valid_from),
        valid_until=now + dt.timedelta(days=valid_until),
    )
    recorder = recorder_for(cert)
    error = _attempt(recorder, cert.sha256)
    assert error.code == "certificate_invalid"
    assert error.params["expires"][:10] == (now + dt.timedelta(days=valid_until)).date().isoformat()
    _wait_for(recorder, 1)
    assert recorder.received == [b""]


def test_an_untrusted_certificate_is_refused_before_the_login_is_sent(
    self_signed: SelfSignedCert, recorder_for: Callable[[SelfSignedCert], Recorder]
) -> None:
    recorder = recorder_for(self_signed)
    assert _attempt(recorder, None).code == "certificate_untrusted"
    _wait_for(recorder, 1)
    assert recorder.received and all(not sent for sent in recorder.received)  # explaining it looks again


def test_first_contact_with_a_pinned_pbx_is_one_connection(scripted_server: ScriptedServer) -> None:
    _serving_system_info(scripted_server)
    pin = scripted_server.cert.sha256
    with AgentClient(scripted_server.url, "admin", "pw", agent_secret="s", fingerprint=pin, timeout=5) as client:
        client.system_info()
        assert scripted_server.connections == 1  # no connection of its own to fetch the certificate first
        client.system_info()
    assert scripted_server.connections == 1  # kept alive
    assert len(scripted_server.requests) == 2


# --- the validity period, read from the DER ------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    st.datetimes(min_value=dt.datetime(1951, 1, 1), max_value=dt.datetime(2200, 12, 31)),
    st.integers(min_value=1, max_value=40_000),
)
def test_certificate_validity_reads_what_cryptography_wrote(start: dt.datetime, days: int) -> None:
    not_before = start.replace(microsecond=0, tzinfo=dt.UTC)
    not_after = min(not_before + dt.timedelta(days=days), dt.datetime(9999, 1, 1, tzinfo=dt.UTC))
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pbx")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .sign(key, hashes.SHA256())
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    assert tls.certificate_validity(der) == (cert.not_valid_before_utc, cert.not_valid_after_utc)


def test_certificate_validity_of_damaged_bytes_is_a_value_error(self_signed: SelfSignedCert) -> None:
    der = ssl.PEM_cert_to_DER_cert(self_signed.cert_file.read_text())
    assert tls.certificate_validity(der)[1] > dt.datetime.now(dt.UTC)
    for damaged in (b"", der[:10], der[: len(der) // 2], b"\x30\x84\xff\xff\xff\xff", b"\x31" + der[1:]):
        with pytest.raises(ValueError):
            tls.certificate_validity(damaged)


def test_the_pin_is_checked_on_tls_1_2_too(
    self_signed: SelfSignedCert, recorder_for: Callable[[SelfSignedCert], Recorder]
) -> None:
    recorder = recorder_for(self_signed)
    recorder._context.maximum_version = ssl.TLSVersion.TLSv1_2  # an older PBX
    assert _attempt(recorder, "ab" * 32).code == "certificate_changed"
    assert _attempt(recorder, self_signed.sha256).code == "unreachable"  # accepted; it never answers
    _wait_for(recorder, 2)
    assert recorder.received[0] == b""
    assert (recorder.received[1] or b"").startswith(b"POST /xml-rpc?")
