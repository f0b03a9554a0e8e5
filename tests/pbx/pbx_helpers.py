"""Helpers for the PBX client tests: self-signed certificates, a scriptable HTTPS server and
protocol-2 answer builders.

The scriptable server answers every POST with whatever the test's ``respond`` function returns,
so error mapping (HTTP status, broken XML, faults, dropped connections) can be tested over real
sockets. The simulated STARFACE covers the protocol itself.
"""

from __future__ import annotations

import base64
import datetime
import ipaddress
import json
import ssl
import threading
import urllib.parse
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

from modmanager.core.protocol import PROTOCOL_VERSION, Edition, License, LicenseKind, SystemInfo, xmlrpc_response


@dataclass(frozen=True)
class SelfSignedCert:
    cert_file: Path
    key_file: Path
    sha256: str


def make_self_signed(
    folder: Path,
    common_name: str = "starface.example",
    *,
    valid_from: datetime.datetime | None = None,
    valid_until: datetime.datetime | None = None,
) -> SelfSignedCert:
    """A self-signed certificate for 127.0.0.1 and localhost, as a PBX would have (valid from
    yesterday for 30 days unless told otherwise)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid_from or now - datetime.timedelta(days=1))
        .not_valid_after(valid_until or now + datetime.timedelta(days=30))
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


Responder = Callable[[str, bytes], "tuple[int, bytes] | Trickle | RawReply | None"]
"""(path with query, body) -> (HTTP status, body), a :class:`Trickle`, a :class:`RawReply`, or
None to drop the connection unanswered."""


@dataclass(frozen=True)
class RawReply:
    """Bytes written as the whole answer - status line, headers and body as the test wrote them -
    and ``later``, written 0.1 s after them (bytes nobody asked for)."""

    data: bytes
    close: bool = True
    later: bytes = b""


@dataclass(frozen=True)
class Trickle:
    """An answer written slowly: ``body`` in pieces of ``piece`` bytes with ``pause`` seconds between.

    ``declared`` is the Content-Length sent (default: the body's length); with ``stop_after``
    the server closes the connection after that many bytes - an answer dropped half-way.
    """

    body: bytes
    piece: int = 1
    pause: float = 0.0
    declared: int | None = None
    stop_after: int | None = None
    status: int = 200


@dataclass
class ScriptedServer:
    """An HTTPS server on loopback whose answers the test decides (default: HTTP 500)."""

    cert: SelfSignedCert
    respond: Responder = lambda path, body: (500, b"")
    requests: list[tuple[str, bytes]] = field(default_factory=list)
    connections: int = 0
    """TLS connections accepted (handshakes that succeeded or failed)."""
    url: str = ""
    _server: ThreadingHTTPServer | None = None
    _context: ssl.SSLContext | None = None
    _stopped: threading.Event = field(default_factory=threading.Event)

    def start(self) -> None:
        state = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # as STARFACE's Tomcat: connections are kept alive

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                state.requests.append((self.path, body))
                reply = state.respond(self.path, body)
                if reply is None:
                    self.close_connection = True
                    return
                if isinstance(reply, Trickle):
                    self._trickle(reply)
                    return
                if isinstance(reply, RawReply):
                    self.close_connection = reply.close
                    self.wfile.write(reply.data)
                    self.wfile.flush()
                    if reply.later and not state._stopped.wait(0.1):
                        self.wfile.write(reply.later)
                        self.wfile.flush()
                    return
                status, content = reply
                self.send_response(status)
                self.send_header("Content-Type", "text/xml; charset=utf-8")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def _trickle(self, reply: Trickle) -> None:
                self.close_connection = True
                self.send_response(reply.status)
                self.send_header("Content-Type", "text/xml; charset=utf-8")
                declared = reply.declared if reply.declared is not None else len(reply.body)
                self.send_header("Content-Length", str(declared))
                self.end_headers()
                body = reply.body if reply.stop_after is None else reply.body[: reply.stop_after]
                try:
                    for start in range(0, len(body), reply.piece):
                        self.wfile.write(body[start : start + reply.piece])
                        self.wfile.flush()
                        if reply.pause and state._stopped.wait(reply.pause):
                            return
                except OSError:
                    return  # the client gave up on us

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            def get_request(self) -> tuple[Any, Any]:
                state.connections += 1  # counted before the handshake: a refused one counts too
                return super().get_request()

        server = Server(("127.0.0.1", 0), Handler)
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
        self._stopped.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def decoded_requests(self) -> list[tuple[str, dict[str, Any]]]:
        """(method name, request JSON object) of every request received."""
        calls = []
        for _, body in self.requests:
            params, method = xmlrpc.client.loads(body, use_builtin_types=True)
            assert len(params) == 1 and set(params[0]) == {"request"}, params
            calls.append((method or "", json.loads(params[0]["request"])))
        return calls


def answer(result: dict[str, Any], *, protocol_version: int | None = PROTOCOL_VERSION) -> bytes:
    """An agent's successful answer carrying ``result`` (``protocolVersion`` left out when None)."""
    document: dict[str, Any] = {"result": result}
    if protocol_version is not None:
        document["protocolVersion"] = protocol_version
    return xmlrpc_response(json.dumps(document))


def raw_answer(text: str) -> bytes:
    """An XML-RPC answer whose ``response`` string is ``text`` as it is (JSON or not)."""
    return xmlrpc_response(text)


def fault_answer(code: int, text: str) -> bytes:
    """An agent's fault answer (inside the JSON, in a successful XML-RPC answer)."""
    fault = {"code": code, "name": "X", "message": text}
    return xmlrpc_response(json.dumps({"protocolVersion": PROTOCOL_VERSION, "fault": fault}))


def xmlrpc_fault_answer(code: int, text: str) -> bytes:
    """STARFACE's own XML-RPC fault (a bad login, an unknown instance or method)."""
    return xmlrpc.client.dumps(xmlrpc.client.Fault(code, text), methodresponse=True).encode("utf-8")


def system_info_struct() -> dict[str, Any]:
    info = SystemInfo(
        agent_version="200",
        starface_version="9.0.1.3",
        edition=Edition.APPLIANCE,
        server_license_key="SFSRV-1234",
        hardware_id=None,
        licenses=(License(LicenseKind.SERVER), License(LicenseKind.DEMO, 5, "2027-01-31")),
        hostname="pbx.example",
        capabilities=frozenset({"moduleFile"}),
    )
    return info.to_struct()


@dataclass(frozen=True)
class AgentUnderTest:
    """Everything the conformance suite needs to know about an agent implementation.

    ``module_id`` names an installed module with at least one instance; ``module_file`` is a
    valid ``.sfm`` of that module (another version) that the suite may install;
    ``agent_module_file`` is an ``.sfm`` of the agent itself (another version), installed only
    when the agent reports the capability ``selfUpdate``. ``agent_secret`` is the secret
    configured in the agent's instance.
    """

    url: str
    login_id: str
    password: str
    fingerprint: str | None
    agent_instance: str
    agent_secret: str
    module_id: str
    module_file: bytes
    agent_module_file: bytes | None = None


class AgentFaultAnswer(Exception):
    """The agent answered a fault inside its JSON."""

    def __init__(self, code: int, name: str, message: str) -> None:
        super().__init__(f"{code} {name}: {message}")
        self.code, self.name, self.message = code, name, message


class TransportRefusal(Exception):
    """STARFACE itself refused the call: an HTTP status other than 200 or an XML-RPC fault."""

    def __init__(self, http_status: int, fault_code: int | None = None, text: str = "") -> None:
        super().__init__(f"HTTP {http_status}, fault {fault_code}: {text}")
        self.http_status, self.fault_code, self.text = http_status, fault_code, text


OMIT: Any = object()
"""Leave a field out of the request (``secret=OMIT``, ``protocol_version=OMIT``)."""


class RawAgent:
    """Protocol-2 calls over the pinned transport, including requests the real client never sends."""

    def __init__(self, target: AgentUnderTest) -> None:
        from modmanager.pbx.https import Connection
        from modmanager.pbx.tls import normalize_fingerprint

        self.target = target
        pin = None if target.fingerprint is None else normalize_fingerprint(target.fingerprint)
        self.connection = Connection(target.url, pin, 5.0)

    def call(
        self,
        entry_point: str,
        fields: dict[str, Any] | None = None,
        *,
        protocol_version: Any = PROTOCOL_VERSION,
        secret: Any = None,
        password: str | None = None,
        instance: str | None = None,
        request_text: str | None = None,
        params: tuple[Any, ...] | None = None,
    ) -> dict[str, Any]:
        """Call and return the answer's ``result``.

        Raises :class:`AgentFaultAnswer` for the agent's JSON fault and :class:`TransportRefusal`
        for STARFACE's own refusal. ``bytes`` field values travel as base64. ``request_text``
        sends that text as the request as it is; ``params`` replaces the whole XML-RPC params.
        """
        from modmanager.core.protocol import AUTH_PARAMETER, XMLRPC_PATH, auth_token

        document = {key: _jsonable(value) for key, value in (fields or {}).items()}
        if protocol_version is not OMIT:
            document["protocolVersion"] = protocol_version
        if secret is not OMIT:
            document["agentSecret"] = self.target.agent_secret if secret is None else secret
        text = request_text if request_text is not None else json.dumps(document)
        method = f"{instance or self.target.agent_instance}.{entry_point}"
        body = xmlrpc.client.dumps(params if params is not None else ({"request": text},), methodname=method)
        token = auth_token(self.target.login_id, self.target.password if password is None else password)
        status, content = self.connection.post(
            f"{XMLRPC_PATH}?{urllib.parse.urlencode({AUTH_PARAMETER: token})}",
            body.encode("utf-8"),
            content_type="text/xml; charset=utf-8",
            deadline=30,
            limit=64 * 1024 * 1024,
        )
        if status != 200:
            raise TransportRefusal(status)
        try:
            result, _ = xmlrpc.client.loads(content, use_builtin_types=True)
        except xmlrpc.client.Fault as fault:
            raise TransportRefusal(200, fault.faultCode, fault.faultString) from None
        assert len(result) == 1 and isinstance(result[0], dict) and isinstance(result[0].get("response"), str)
        document = json.loads(result[0]["response"])
        assert document["protocolVersion"] == PROTOCOL_VERSION
        if "fault" in document:
            fault = document["fault"]
            raise AgentFaultAnswer(fault["code"], fault["name"], fault["message"])
        answer: dict[str, Any] = document["result"]
        return answer

    def close(self) -> None:
        self.connection.close()


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    return value
