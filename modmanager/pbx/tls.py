"""TLS for PBX connections: verify by default, trust on first use, then pin.

PBXs commonly run self-signed certificates, so CA verification alone would lock most users
out, and switching verification off would hand their STARFACE credentials to anyone in the
middle. Instead, every connection to a PBX is opened by :func:`open_verified`, which hands out
a socket only after one of these checks passed - before the caller writes a byte (the login in
the request's query string among them):

* Without a pin, the certificate must verify against the system trust store (and match the
  host name), inside the handshake. A self-signed PBX is refused with ``certificate_untrusted``;
  the error shows the SHA-256 fingerprint so the user can compare it and pin it.
* With a pin, the connection is accepted only if the certificate the PBX presented in this very
  handshake has exactly the pinned SHA-256 and is within its validity period; host names are
  not checked (the pin names the exact certificate). The handshake itself proves that the peer
  holds that certificate's private key: TLS has the server sign the handshake with it, and the
  signature is checked whatever the verification mode. A different certificate is refused with
  ``certificate_changed`` (naming both fingerprints), an expired one with
  ``certificate_invalid``. One handshake: the certificate is not fetched on a connection of
  its own first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from modmanager.core.errors import PbxError

_FINGERPRINT_RE = re.compile(r"[0-9a-f]{64}")


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
    """True when the certificate verifies against the system CAs for this host name (False also
    when not asked: see :func:`fetch_fingerprint`)."""


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
    from cryptography import x509  # only here: showing a certificate is rare, reading a PBX is not

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
    context = system_trust_context()
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


def certificate_invalid_error(url: str, not_after: str) -> PbxError:
    """The pinned certificate is presented but expired, not yet valid or malformed.

    Params: ``url``, ``expires`` (ISO 8601, or "?" when unreadable).
    """
    return PbxError(code="certificate_invalid", params={"url": _bare_url(url), "expires": not_after or "?"})


def explain_tls_failure(url: str, pinned: str | None, timeout: float) -> PbxError:
    """Turn a failed handshake into the error a user can act on, by looking at the certificate."""
    info = fetch_fingerprint(url, timeout)
    if pinned is not None:
        if info.sha256 != pinned:
            return certificate_changed_error(url, pinned, info.sha256)
        return certificate_invalid_error(url, info.not_after)
    if not info.ca_verified:
        return certificate_untrusted_error(url, info)
    return PbxError(code="tls_failed", params={"url": _bare_url(url)})


# --- contexts, one of each per process ----------------------------------------------------------

_contexts: dict[str, ssl.SSLContext] = {}
_contexts_lock = threading.Lock()


def system_trust_context() -> ssl.SSLContext:
    """CA verification against the system trust store, with host name checking.

    Made once per process (loading the trust store costs milliseconds) and shared: an
    ``SSLContext`` may wrap sockets in several threads at once.
    """
    with _contexts_lock:
        context = _contexts.get("system")
        if context is None:
            context = _contexts["system"] = ssl.create_default_context()
        return context


def _pin_context() -> ssl.SSLContext:
    """The context of pinned connections: the chain is not judged by OpenSSL, the pin is.

    A pinned PBX's certificate is usually self-signed and the pin (a SHA-256) is all that is
    stored, so no trust anchor exists to verify against during the handshake; OpenSSL is told
    to complete the handshake (still checking the server's signature over it) and
    :func:`open_verified` checks the exact certificate before handing the socket out. Only
    :func:`open_verified` uses this context.
    """
    with _contexts_lock:
        context = _contexts.get("pin")
        if context is None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.minimum_version = ssl.TLSVersion.TLSv1_2
            # No renegotiation (TLS 1.2): the certificate judged after the handshake stays the
            # connection's certificate.
            context.options |= ssl.OP_NO_RENEGOTIATION
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE  # judged by the pin in open_verified, never by nobody
            _contexts["pin"] = context
        return context


# --- opening a verified connection --------------------------------------------------------------


def open_verified(url: str, pin: str | None, timeout: float, deadline_at: float) -> ssl.SSLSocket:
    """A TLS connection to ``url`` whose certificate passed the CA check or the pin; one handshake.

    ``pin`` is a normalized fingerprint (:func:`normalize_fingerprint`) or None for CA
    verification. ``timeout`` bounds each step, ``deadline_at`` (``time.monotonic()``) all of
    them. Certificate problems raise ``certificate_changed``, ``certificate_invalid``,
    ``certificate_untrusted`` or ``tls_failed`` (:class:`PbxError`); network problems raise
    ``OSError`` (``ssl.SSLError`` and ``TimeoutError`` among them), as the socket does. Nothing
    is ever written on a connection that failed its check: it is closed first.
    """
    host, port = host_and_port(url)
    sock = socket.create_connection((host, port), timeout=remaining_time(timeout, deadline_at))
    try:
        sock.settimeout(remaining_time(timeout, deadline_at))
        context = system_trust_context() if pin is None else _pin_context()
        try:
            tls_sock = context.wrap_socket(sock, server_hostname=host)
        except ssl.SSLCertVerificationError:
            raise explain_tls_failure(url, None, timeout) from None
    except BaseException:
        sock.close()
        raise
    if pin is not None:
        try:
            check_pinned(url, pin, tls_sock.getpeercert(binary_form=True))
        except BaseException:
            tls_sock.close()
            raise
    return tls_sock


def check_pinned(url: str, pin: str, der: bytes | None) -> None:
    """Raise unless ``der`` is exactly the pinned certificate and valid now."""
    presented = hashlib.sha256(der or b"").hexdigest()
    if der is None or presented != pin:
        raise certificate_changed_error(url, pin, presented)
    try:
        not_before, not_after = certificate_validity(der)
    except ValueError:
        raise certificate_invalid_error(url, "") from None
    now = dt.datetime.now(dt.UTC)
    if not not_before <= now <= not_after:
        raise certificate_invalid_error(url, not_after.isoformat())


def remaining_time(timeout: float, deadline_at: float) -> float:
    """What the next step may wait: ``timeout``, less when the deadline is nearer.

    Raises ``TimeoutError("deadline")`` once the deadline (``time.monotonic()``) has passed.
    """
    left = deadline_at - time.monotonic()
    if left <= 0:
        raise TimeoutError("deadline")
    return min(timeout, left)


# --- the validity period of a DER certificate ------------------------------------------------------

_UTC_TIME = re.compile(rb"(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z")
_GENERALIZED_TIME = re.compile(rb"(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z")


def certificate_validity(der: bytes) -> tuple[dt.datetime, dt.datetime]:
    """(notBefore, notAfter) of an X.509 certificate in DER, as UTC datetimes; ValueError if malformed.

    Reads only the path to ``tbsCertificate.validity`` (RFC 5280 4.1): certificate SEQUENCE,
    tbsCertificate SEQUENCE, optional [0] version, serial INTEGER, signature SEQUENCE, issuer
    SEQUENCE, validity SEQUENCE of two times (UTCTime or GeneralizedTime, in seconds, "Z").
    """
    start, _ = _der_item(der, 0, len(der), 0x30)  # Certificate
    position, end = _der_item(der, start, len(der), 0x30)  # tbsCertificate
    if position < end and der[position] == 0xA0:  # [0] EXPLICIT version
        position = _der_skip(der, position, end)
    for tag in (0x02, 0x30, 0x30):  # serialNumber, signature, issuer
        if position >= end or der[position] != tag:
            raise ValueError("unexpected field before the validity")
        position = _der_skip(der, position, end)
    inner, inner_end = _der_item(der, position, end, 0x30)
    not_before, after_start = _der_time(der, inner, inner_end)
    not_after, _ = _der_time(der, after_start, inner_end)
    return not_before, not_after


def _der_header(data: bytes, position: int, end: int) -> tuple[int, int, int]:
    """(tag, first content byte, end of content) of the item at ``position``."""
    if position + 2 > end:
        raise ValueError("truncated")
    tag, length = data[position], data[position + 1]
    position += 2
    if length & 0x80:
        count = length & 0x7F
        if not 1 <= count <= 4 or position + count > end:
            raise ValueError("bad length")
        length = int.from_bytes(data[position : position + count], "big")
        position += count
    if position + length > end:
        raise ValueError("truncated")
    return tag, position, position + length


def _der_item(data: bytes, position: int, end: int, tag: int) -> tuple[int, int]:
    found, start, stop = _der_header(data, position, end)
    if found != tag:
        raise ValueError("unexpected tag")
    return start, stop


def _der_skip(data: bytes, position: int, end: int) -> int:
    return _der_header(data, position, end)[2]


def _der_time(data: bytes, position: int, end: int) -> tuple[dt.datetime, int]:
    tag, start, stop = _der_header(data, position, end)
    text = data[start:stop]
    if tag == 0x17 and (match := _UTC_TIME.fullmatch(text)):
        two_digits = int(match[1])
        year = 1900 + two_digits if two_digits >= 50 else 2000 + two_digits  # RFC 5280 4.1.2.5.1
        rest = match.groups()[1:]
    elif tag == 0x18 and (match := _GENERALIZED_TIME.fullmatch(text)):
        year, rest = int(match[1]), match.groups()[1:]
    else:
        raise ValueError("not a time")
    month, day, hour, minute, second = (int(part) for part in rest)
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC), stop
