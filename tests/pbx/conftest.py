"""Fixtures for the PBX client tests: self-signed certificates and a tiny scriptable HTTPS server.

The scriptable server answers every POST with whatever the test's ``respond`` function returns,
so error mapping (HTTP status, broken XML, faults) can be tested over real sockets. The
simulated STARFACE covers the protocol itself.
"""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class SelfSignedCert:
    cert_file: Path
    key_file: Path
    sha256: str


def make_self_signed(folder: Path, common_name: str = "starface.example") -> SelfSignedCert:
    """A self-signed certificate for 127.0.0.1 and localhost, as a PBX would have."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_file = folder / "cert.pem"
    key_file = folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return SelfSignedCert(cert_file, key_file, cert.fingerprint(hashes.SHA256()).hex())


Responder = Callable[[str, bytes], tuple[int, bytes]]
"""(path with query, body) -> (HTTP status, body)."""


@dataclass
class ScriptedServer:
    url: str
    cert: SelfSignedCert
    respond: Responder
    requests: list[tuple[str, bytes]] = field(default_factory=list)


@pytest.fixture(scope="session")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> SelfSignedCert:
    return make_self_signed(tmp_path_factory.mktemp("cert"))


@pytest.fixture
def scripted_server(self_signed: SelfSignedCert) -> Iterator[ScriptedServer]:
    """An HTTPS server on loopback whose answers the test decides (default: 500)."""
    state = ScriptedServer(url="", cert=self_signed, respond=lambda path, body: (500, b""))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            state.requests.append((self.path, body))
            status, answer = state.respond(self.path, body)
            self.send_response(status)
            self.send_header("Content-Type", "text/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(self_signed.cert_file, self_signed.key_file)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    state.url = f"https://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
