"""TLS for PBX connections: verify by default, trust on first use, then pin.

PBXs commonly run self-signed certificates, so CA verification alone would lock most users
out, and switching verification off would hand their STARFACE credentials to anyone in the
middle. Instead:

* Without a pin, the certificate must verify against the system trust store (and match the
  host name). A self-signed PBX is refused with ``certificate_untrusted``; the error shows the
  SHA-256 fingerprint so the user can compare it and pin it.
* With a pin, the connection is accepted only if the peer certificate's SHA-256 equals the pin:
  the pinned certificate is the only trust anchor of the connection, and urllib3's
  ``assert_fingerprint`` checks the exact certificate before any request byte is sent. Host
  names are not checked then (the pin names the exact certificate). A different certificate is
  refused with ``certificate_changed``, naming both fingerprints.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import socket
import ssl
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from cryptography import x509
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from modmanager.core.errors import PbxError

_FINGERPRINT_RE = re.compile(r"[0-9a-f]{64}")
_POOL_SIZE = 4


@dataclass(frozen=True)
class CertificateInfo:
    """A server certificate as shown to a user deciding whether to trust it."""

    sha256: str
    """Lowercase hex, no colons."""
    pem: str
    subject: str
    not_after: str
    """ISO 8601 UTC."""
    ca_verified: bool
    """Whether it verifies against the system CAs (False also when not asked: see fetch_fingerprint)."""
    """True when the certificate verifies against the system CAs for this host name."""


def normalize_fingerprint(text: str) -> str:
    """A SHA-256 fingerprint as 64 lowercase hex digits; accepts colons, spaces and any case."""
    cleaned = re.sub(r"[\s:]", "", text).lower()
    if not _FINGERPRINT_RE.fullmatch(cleaned):
        raise PbxError(code="invalid_fingerprint")
    return cleaned


def format_fingerprint(fingerprint: str) -> str:
    """``AB:CD:...``: the form browsers and the STARFACE web interface show."""
    hex_digits = normalize_fingerprint(fingerprint).upper()
    return ":".join(hex_digits[i : i + 2] for i in range(0, len(hex_digits), 2))


def host_and_port(url: str) -> tuple[str, int]:
    """Host and port of an https URL (port 443 if none is given)."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise PbxError(code="invalid_url")
    return parts.hostname, parts.port or 443


def fetch_fingerprint(url: str, timeout: float, *, check_system_trust: bool = True) -> CertificateInfo:
    """Fetch the server certificate of ``url`` without trusting it, to show it to the user.

    Nothing is sent over this connection; it only reads the certificate. ``ca_verified`` comes
    from a second handshake with full verification, made only with ``check_system_trust``
    (a pinned connection does not need it, and it costs a handshake and loading the CA store).
    """
    host, port = host_and_port(url)
    try:
        pem = ssl.get_server_certificate((host, port), timeout=timeout)
    except (OSError, ssl.SSLError) as error:
        raise unreachable_error(url, error) from None
    der = ssl.PEM_cert_to_DER_cert(pem)
    certificate = x509.load_der_x509_certificate(der)
    return CertificateInfo(
        sha256=hashlib.sha256(der).hexdigest(),
        pem=pem,
        subject=certificate.subject.rfc4514_string(),
        not_after=certificate.not_valid_after_utc.isoformat(),
        ca_verified=check_system_trust and _verifies_against_system_cas(host, port, timeout),
    )


def _verifies_against_system_cas(host: str, port: int, timeout: float) -> bool:
    context = ssl.create_default_context()
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as sock,
            context.wrap_socket(sock, server_hostname=host),
        ):
            return True
    except ssl.SSLCertVerificationError:
        return False
    except (OSError, ssl.SSLError) as error:
        raise unreachable_error(f"https://{host}:{port}", error) from None


def unreachable_error(url: str, error: BaseException | None = None) -> PbxError:
    """The PBX cannot be reached. ``url`` must be the bare https://host:port (no credentials).

    Params: ``url``, ``reason`` (see :func:`network_reason`).
    """
    return PbxError(code="unreachable", params={"url": _bare_url(url), "reason": network_reason(error)})


def network_reason(error: BaseException | None) -> str:
    """Why a connection failed: "timeout", "unknown_host", "refused" or "" when unclear (the words
    are in core/messages/pbx.py)."""
    # Only fixed words, never str(error): requests errors quote the full URL with the auth token.
    text = repr(error) if error is not None else ""
    if isinstance(error, socket.timeout | TimeoutError) or "Timeout" in text or "timed out" in text:
        return "timeout"
    if "Name or service not known" in text or "getaddrinfo" in text or "NameResolution" in text:
        return "unknown_host"
    if "Connection refused" in text or "ConnectionRefused" in text:
        return "refused"
    return ""


def _bare_url(url: str) -> str:
    host, port = host_and_port(url)
    shown = f"[{host}]" if ":" in host else host
    return f"https://{shown}:{port}"


def certificate_changed_error(url: str, pinned: str, presented: str) -> PbxError:
    """Params: ``url``, ``pinned``, ``presented`` (fingerprints formatted as AB:CD:...)."""
    params = {"url": _bare_url(url), "pinned": format_fingerprint(pinned), "presented": format_fingerprint(presented)}
    return PbxError(code="certificate_changed", params=params)


def certificate_untrusted_error(url: str, info: CertificateInfo) -> PbxError:
    """Params: ``url``, ``fingerprint`` (formatted as AB:CD:...), ``sha256`` (as ``--fingerprint`` takes it)."""
    return PbxError(
        code="certificate_untrusted",
        params={"url": _bare_url(url), "fingerprint": format_fingerprint(info.sha256), "sha256": info.sha256},
    )


def explain_tls_failure(url: str, pinned: str | None, timeout: float) -> PbxError:
    """Turn a failed handshake into the error a user can act on, by looking at the certificate."""
    info = fetch_fingerprint(url, timeout)
    if pinned is not None:
        if info.sha256 != pinned:
            return certificate_changed_error(url, pinned, info.sha256)
        return PbxError(code="certificate_invalid", params={"url": _bare_url(url), "expires": info.not_after})
    if not info.ca_verified:
        return certificate_untrusted_error(url, info)
    return PbxError(code="tls_failed", params={"url": _bare_url(url)})


def system_trust_context() -> ssl.SSLContext:
    """CA verification against the system trust store, with host name checking."""
    return ssl.create_default_context()


def pinned_context(pem: str) -> ssl.SSLContext:
    """A context whose only trust anchor is the pinned certificate.

    Partial chains are allowed so that a pinned leaf issued by a private CA is accepted on its
    own; the exact certificate is still asserted by fingerprint on every connection.
    """
    context = ssl.create_default_context(cadata=pem)
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
    return context


# --- a deadline for a whole exchange ---------------------------------------------------------------

_calls = threading.local()


class CallDeadline:
    """Ends one request/answer exchange after ``seconds``, however the PBX trickles its bytes.

    A socket timeout only bounds each read: a server sending one byte every few seconds never
    trips it. While a deadline is :meth:`active` in a thread, every connection this module's
    adapters use for that thread registers with it; when the time is up the connection's
    socket is shut down, so the blocked read fails at once (and :attr:`expired` tells why).
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> CallDeadline:
        _calls.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()
        _calls.deadline = None
        with self._lock:
            self._socket = None

    def attach(self, connection: HTTPConnection) -> None:
        # The socket itself is kept: http.client drops it from the connection object as soon as
        # an answer says "Connection: close", while the answer still reads from it.
        sock = getattr(connection, "sock", None)
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._socket = sock
            if self.expired:
                _shut_down(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._socket is not None:
                _shut_down(self._socket)


def _shut_down(sock: socket.socket) -> None:
    # The plain socket's shutdown (not SSLSocket's, which also drops its TLS state under a
    # reader in another thread): the connection ends and a blocked recv returns at once.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _register(connection: HTTPConnection) -> None:
    deadline: CallDeadline | None = getattr(_calls, "deadline", None)
    if deadline is not None:
        deadline.attach(connection)


class _WatchedHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _register(self)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _register(self)
        super().request(*args, **kwargs)


class _WatchedHTTPConnection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _register(self)

    def request(self, *args: Any, **kwargs: Any) -> None:
        _register(self)
        super().request(*args, **kwargs)


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class TrustAdapter(HTTPAdapter):
    """A requests transport for one PBX that verifies by CA or by pin, never not at all.

    With a pin, the pinned certificate is fetched once (and checked against the pin) to become
    the trust anchor; every connection then asserts the fingerprint. A mismatch found before
    connecting raises ``certificate_changed`` directly.
    """

    def __init__(self, url: str, fingerprint: str | None, timeout: float) -> None:
        self._url = url
        self._pin = None if fingerprint is None else normalize_fingerprint(fingerprint)
        self._timeout = timeout
        self._context: ssl.SSLContext | None = None if self._pin else system_trust_context()
        self._context_lock = threading.Lock()
        super().__init__(pool_connections=1, pool_maxsize=_POOL_SIZE)

    @property
    def pin(self) -> str | None:
        return self._pin

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any) -> None:
        if self._context is not None:
            pool_kwargs["ssl_context"] = self._context
            if self._pin is not None:
                pool_kwargs["assert_fingerprint"] = self._pin
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        # Connections that a CallDeadline can end (see there).
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: float | tuple[float, float] | tuple[float, None] | None = None,
        verify: bool | str = True,
        cert: bytes | str | tuple[bytes | str, bytes | str] | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        self._ensure_pinned_context()
        # verify=True only selects CERT_REQUIRED; the trust anchors are this adapter's context.
        return super().send(request, stream, timeout, True, cert, proxies)

    def _ensure_pinned_context(self) -> None:
        with self._context_lock:
            if self._context is not None or self._pin is None:
                return
            info = fetch_fingerprint(self._url, self._timeout, check_system_trust=False)
            if info.sha256 != self._pin:
                raise certificate_changed_error(self._url, self._pin, info.sha256)
            self._context = pinned_context(info.pem)
            self.poolmanager.clear()
            self.init_poolmanager(1, _POOL_SIZE)

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        # The trust decision is the adapter's own context: never requests' CA bundle, never off.
        conn.cert_reqs = "CERT_REQUIRED"
        conn.ca_certs = None
        conn.ca_cert_dir = None
