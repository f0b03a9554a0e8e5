"""Helpers for the PBX client tests: self-signed certificates, a scriptable HTTPS server and
XML-RPC answer builders.

The scriptable server answers every POST with whatever the test's ``respond`` function returns,
so error mapping (HTTP status, broken XML, faults, dropped connections) can be tested over real
sockets. The simulated STARFACE covers the protocol itself.
"""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading
import xmlrpc.client
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from modmanager.core.protocol import PROTOCOL_VERSION, Edition, License, LicenseKind, SystemInfo


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


Responder = Callable[[str, bytes], tuple[int, bytes] | None]
"""(path with query, body) -> (HTTP status, body), or None to drop the connection unanswered."""


@dataclass
class ScriptedServer:
    """An HTTPS server on loopback whose answers the test decides (default: HTTP 500)."""

    cert: SelfSignedCert
    respond: Responder = lambda path, body: (500, b"")
    requests: list[tuple[str, bytes]] = field(default_factory=list)
    url: str = ""
    _server: ThreadingHTTPServer | None = None
    _context: ssl.SSLContext | None = None

    def start(self) -> None:
        state = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                state.requests.append((self.path, body))
                reply = state.respond(self.path, body)
                if reply is None:
                    self.close_connection = True
                    return
                status, content = reply
                self.send_response(status)
                self.send_header("Content-Type", "text/xml; charset=utf-8")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(self.cert.cert_file, self.cert.key_file)
        server.socket = self._context.wrap_socket(server.socket, server_side=True)
        self.url = f"https://127.0.0.1:{server.server_address[1]}"
        self._server = server
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def replace_certificate(self, cert: SelfSignedCert) -> None:
        """Serve another certificate from the next handshake on (a re-keyed PBX, or an attacker)."""
        assert self._context is not None
        self._context.load_cert_chain(cert.cert_file, cert.key_file)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def decoded_requests(self) -> list[tuple[str, dict[str, Any]]]:
        """(method name, struct) of every request received."""
        calls = []
        for _, body in self.requests:
            params, method = xmlrpc.client.loads(body, use_builtin_types=True)
            calls.append((method or "", params[0]))
        return calls


def answer(struct: dict[str, Any], *, protocol_version: int | None = PROTOCOL_VERSION) -> bytes:
    """An XML-RPC answer carrying ``struct`` (with ``protocolVersion`` unless None)."""
    payload = {key: value for key, value in struct.items() if key != "protocolVersion"}
    if protocol_version is not None:
        payload["protocolVersion"] = protocol_version
    return xmlrpc.client.dumps((payload,), methodresponse=True).encode("utf-8")


def fault_answer(code: int, text: str) -> bytes:
    return xmlrpc.client.dumps(xmlrpc.client.Fault(code, text), methodresponse=True).encode("utf-8")


def system_info_struct() -> dict[str, Any]:
    info = SystemInfo(
        protocol_version=PROTOCOL_VERSION,
        agent_version="1.0.0",
        starface_version="9.0.1.3",
        edition=Edition.APPLIANCE,
        server_license_key="SFSRV-1234",
        hardware_id=None,
        licenses=(License(LicenseKind.SERVER), License(LicenseKind.DEMO, 5, "2027-01-31")),
        hostname="pbx.example",
    )
    return info.to_struct()


@dataclass(frozen=True)
class AgentUnderTest:
    """Everything the conformance suite needs to know about an agent implementation.

    ``module_id`` names an installed module with at least one instance; ``module_file`` is a
    valid ``.sfm`` of that module (another version) that the suite may install.
    """

    url: str
    login_id: str
    password: str
    fingerprint: str | None
    agent_instance: str
    module_id: str
    module_file: bytes


class RawAgent:
    """Plain XML-RPC calls over the pinned transport, for requests the real client never sends."""

    def __init__(self, target: AgentUnderTest) -> None:
        import requests

        from modmanager.pbx.tls import TrustAdapter

        self.target = target
        self.session = requests.Session()
        self.session.mount(target.url + "/", TrustAdapter(target.url, target.fingerprint, 5.0))

    def call(
        self,
        entry_point: str,
        struct: dict[str, Any] | None = None,
        *,
        protocol_version: int | None = PROTOCOL_VERSION,
        password: str | None = None,
        instance: str | None = None,
        params: tuple[Any, ...] | None = None,
    ) -> dict[str, Any]:
        """Call and return the answer struct; raises ``xmlrpc.client.Fault`` for faults."""
        from modmanager.core.protocol import AUTH_PARAMETER, XMLRPC_PATH, auth_token

        payload = dict(struct or {})
        if protocol_version is not None:
            payload["protocolVersion"] = protocol_version
        method = f"{instance or self.target.agent_instance}.{entry_point}"
        body = xmlrpc.client.dumps(params if params is not None else (payload,), methodname=method)
        token = auth_token(self.target.login_id, self.target.password if password is None else password)
        response = self.session.post(
            self.target.url + XMLRPC_PATH,
            params={AUTH_PARAMETER: token},
            data=body.encode("utf-8"),
            headers={"Content-Type": "text/xml; charset=utf-8"},
            timeout=10,
        )
        assert response.status_code == 200, response.status_code
        result, _ = xmlrpc.client.loads(response.content, use_builtin_types=True)
        assert len(result) == 1 and isinstance(result[0], dict)
        answer: dict[str, Any] = result[0]
        return answer

    def close(self) -> None:
        self.session.close()
