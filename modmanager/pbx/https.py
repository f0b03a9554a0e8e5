"""The agent client's transport: one kept-alive HTTPS connection per PBX, bounded in every way.

A refresh reads a whole fleet at once, so what one request costs the client's CPU decides how
long the fleet takes. This is HTTP/1.1 over :mod:`ssl` with :mod:`http.client`'s answer parser
and nothing else: no session, no pool, no adapter layers, no watchdog thread per request.

- **Trust**: a connection is opened only by :func:`modmanager.pbx.tls.open_verified` (CA
  check or pin, one handshake); the request - the login in its query string - is written
  after that returned.
- **Kept alive**: the connection serves the next request unless the PBX said it closes it or
  the answer was not read to its end; a kept connection the PBX closed meanwhile (or that holds
  unexpected bytes) is noticed before writing and replaced.
- **Bounded**: every socket operation waits at most ``timeout`` and never past the exchange's
  deadline (connect, handshake, writing, each read), so a PBX trickling one byte at a time is
  cut off; an answer is at most ``limit`` bytes (announced or counted, decoded or not); a
  broken chunked encoding, a dropped connection or a malformed status or header is a
  :class:`NetworkFailure`.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import logging
import select
import ssl
import time
import zlib
from typing import Any

from modmanager.pbx import tls

log = logging.getLogger(__name__)

_READ_CHUNK = 64 * 1024
_BUFFER = 64 * 1024
_SEND_PIECE = 256 * 1024


class NetworkFailure(Exception):
    """No (complete) answer. ``sent`` tells whether any of the request may have reached the PBX.

    Carries the cause for wording (:func:`~modmanager.pbx.tls.network_reason`), never for
    display: it is never shown, and it never quotes the request.
    """

    def __init__(self, error: BaseException, *, sent: bool) -> None:
        super().__init__(type(error).__name__)
        self.error = error
        self.sent = sent


class AnswerRefused(Exception):
    """An answer the client does not read: larger than the limit, or in an unknown encoding."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Connection:
    """HTTPS to one PBX, one request at a time (not thread-safe); kept open between requests.

    Args:
        url: ``https://host:port`` of the PBX.
        pin: normalized SHA-256 fingerprint to pin, or None for CA verification.
        timeout: seconds any single step (connect, handshake, a write, a read) may wait.
    """

    def __init__(self, url: str, pin: str | None, timeout: float) -> None:
        host, port = tls.host_and_port(url)
        self.url = url
        self.pin = pin
        self.timeout = timeout
        shown = f"[{host}]" if ":" in host else _ascii_host(host)
        self._host_header = f"{shown}:{port}"
        self._sock: ssl.SSLSocket | None = None

    def __repr__(self) -> str:
        return f"Connection({self.url!r}, pinned={self.pin is not None})"

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def close(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()

    def post(
        self, target: str, body: bytes, *, content_type: str, deadline: float, limit: int
    ) -> tuple[int, bytes]:
        """POST ``body`` to ``target`` (path and query); (HTTP status, answer body).

        The body of an answer other than 200 is not read (and the connection not kept).
        Raises :class:`NetworkFailure`, :class:`AnswerRefused`, or the certificate errors of
        :func:`~modmanager.pbx.tls.open_verified` (:class:`~modmanager.core.errors.PbxError`).
        """
        deadline_at = time.monotonic() + deadline
        sock = self._sock
        if sock is not None and _not_reusable(sock):
            self.close()
            sock = None
        if sock is None:
            try:
                sock = tls.open_verified(self.url, self.pin, self.timeout, deadline_at)
            except (OSError, UnicodeError) as error:  # UnicodeError: a host name IDNA cannot spell
                raise NetworkFailure(error, sent=False) from None
            self._sock = sock
        head = (
            f"POST {target} HTTP/1.1\r\n"
            f"Host: {self._host_header}\r\n"
            f"Content-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n"
            "Accept-Encoding: identity\r\n"
            "User-Agent: modmanager\r\n"
            "\r\n"
        ).encode("latin-1")
        keep = False
        try:
            _send_all(sock, head + body, self.timeout, deadline_at)
            response = http.client.HTTPResponse(_DeadlineSocket(sock, self.timeout, deadline_at), method="POST")  # type: ignore[arg-type]
            response.begin()
            if response.status != 200:
                self._log(target, response.status, "-")
                return response.status, b""
            content = _read_body(response, limit)
            keep = not response.will_close
            self._log(target, 200, str(len(content)))
            return 200, content
        except (OSError, http.client.HTTPException, ValueError) as error:
            # ValueError: a hostile answer http.client does not word itself (e.g. a bad length).
            raise NetworkFailure(error, sent=True) from None
        finally:
            if not keep:
                self.close()


    def _log(self, target: str, status: int, size: str) -> None:
        # The path only: the query carries the login.
        log.debug('%s "POST %s HTTP/1.1" %d %s', self.url, target.partition("?")[0], status, size)


class _DeadlineSocket:
    """What :class:`http.client.HTTPResponse` reads from: the socket, each read bounded anew."""

    def __init__(self, sock: ssl.SSLSocket, timeout: float, deadline_at: float) -> None:
        self._raw = _DeadlineReader(sock, timeout, deadline_at)

    def makefile(self, mode: str, *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(self._raw, _BUFFER)


class _DeadlineReader(io.RawIOBase):
    def __init__(self, sock: ssl.SSLSocket, timeout: float, deadline_at: float) -> None:
        super().__init__()
        self._sock = sock
        self._timeout = timeout
        self._deadline_at = deadline_at

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self._sock.settimeout(tls.remaining_time(self._timeout, self._deadline_at))
        return self._sock.recv_into(buffer)

    def close(self) -> None:
        # The socket belongs to the Connection (kept alive); closing the reader leaves it open.
        super().close()


def _send_all(sock: ssl.SSLSocket, data: bytes, timeout: float, deadline_at: float) -> None:
    view = memoryview(data)
    while view:
        sock.settimeout(tls.remaining_time(timeout, deadline_at))
        sent = sock.send(view[:_SEND_PIECE])
        view = view[sent:]


def _read_body(response: http.client.HTTPResponse, limit: int) -> bytes:
    declared = response.getheader("Content-Length", "")
    if declared.strip().isdigit() and int(declared) > limit:
        raise AnswerRefused("announced larger than the limit")
    encoding = (response.getheader("Content-Encoding", "") or "identity").strip().lower()
    decoder = _decoder(encoding)
    chunks: list[bytes] = []
    total = 0
    while True:
        piece = response.read(_READ_CHUNK)
        if not piece:
            break
        if decoder is not None:
            piece = decoder.decompress(piece, limit + 1 - total)
            if decoder.unconsumed_tail:
                raise AnswerRefused("larger than the limit once decoded")
        total += len(piece)
        if total > limit:
            raise AnswerRefused("larger than the limit")
        chunks.append(piece)
    if response.length:  # the connection ended before the announced length
        raise http.client.IncompleteRead(b"", response.length)
    if decoder is not None:
        rest = decoder.flush()
        total += len(rest)
        if total > limit:
            raise AnswerRefused("larger than the limit once decoded")
        if not decoder.eof:
            raise AnswerRefused("the encoded answer ends early")
        chunks.append(rest)
    return b"".join(chunks)


def _decoder(encoding: str) -> Any:
    """A bounded decompressor for ``Content-Encoding`` (None for identity).

    The client asks for ``identity``; a PBX that compresses anyway is still understood, with the
    size limit applied to the decoded bytes.
    """
    if encoding == "identity":
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise AnswerRefused(f"unknown content encoding {encoding[:40]!r}")


def _ascii_host(host: str) -> str:
    """The host as the Host header spells it: IDNA for a name beyond ASCII (left as is if IDNA
    cannot spell it; connecting fails then, before anything is sent)."""
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host.encode("ascii", "replace").decode("ascii")


def _not_reusable(sock: ssl.SSLSocket) -> bool:
    """Whether a kept connection was closed by the PBX or holds bytes nobody asked for.

    Between requests nothing may arrive; a readable socket means an end of stream, a reset, or
    garbage - in every case a new connection is needed (the check urllib3 makes before reuse).
    """
    if sock.pending():
        return True
    try:
        if hasattr(select, "poll"):
            poller = select.poll()
            poller.register(sock, select.POLLIN | select.POLLPRI)
            return bool(poller.poll(0))
        readable, _, _ = select.select([sock], [], [], 0)
        return bool(readable)
    except (OSError, ValueError):
        return True
