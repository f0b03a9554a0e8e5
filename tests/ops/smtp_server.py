"""A small SMTP server for tests: STARTTLS or TLS from the start, AUTH PLAIN/LOGIN, real sockets.

It keeps every accepted message and the logins it saw, so a test can check what was sent and
that a password only ever travelled inside TLS.
"""

from __future__ import annotations

import base64
import socket
import socketserver
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path
from typing import BinaryIO, Literal

from modmanager.simulator.certs import ensure_certificate


@dataclass
class Mailbox:
    messages: list[tuple[str, list[str], Message]] = field(default_factory=list)
    logins: list[tuple[str, str, bool]] = field(default_factory=list)
    """(user, password, inside TLS)."""


@dataclass
class SmtpServer:
    port: int
    mailbox: Mailbox
    cafile: Path

    def client_context(self) -> ssl.SSLContext:
        """A client context that trusts this server's certificate."""
        context = ssl.create_default_context(cafile=str(self.cafile))
        return context


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        # The TLS socket and the readers are objects of their own: close them all (the suite
        # turns an unclosed socket's ResourceWarning into an error).
        self._opened: list[socket.socket | BinaryIO] = []
        try:
            self._serve()
        finally:
            for item in reversed(self._opened):
                with suppress(OSError):
                    item.close()

    def _serve(self) -> None:
        conn: socket.socket = self.request
        tls = False
        if self.server.mode == "tls":
            conn = self.server.tls.wrap_socket(conn, server_side=True)
            self._opened.append(conn)
            tls = True
        reader = conn.makefile("rb")
        self._opened.append(reader)
        self._send(conn, "220 test ESMTP")
        mail_from = ""
        rcpts: list[str] = []
        authed = False
        while True:
            line = reader.readline(4096)
            if not line:
                return
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            verb = text.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                lines = ["250-test", "250-AUTH PLAIN LOGIN", "250-8BITMIME"]
                if self.server.mode == "starttls" and not tls:
                    lines.append("250-STARTTLS")
                lines.append("250 SMTPUTF8")
                self._send(conn, "\r\n".join(lines))
            elif verb == "STARTTLS" and self.server.mode == "starttls" and not tls:
                self._send(conn, "220 ready")
                conn = self.server.tls.wrap_socket(conn, server_side=True)
                reader = conn.makefile("rb")
                self._opened += [conn, reader]
                tls = True
            elif verb == "AUTH":
                parts = text.split()
                if parts[1].upper() == "PLAIN":
                    payload = parts[2] if len(parts) > 2 else self._ask(conn, reader, "334 ")
                    _, user, password = base64.b64decode(payload).decode().split("\0")
                else:
                    user = base64.b64decode(self._ask(conn, reader, "334 VXNlcm5hbWU6")).decode()
                    password = base64.b64decode(self._ask(conn, reader, "334 UGFzc3dvcmQ6")).decode()
                self.server.mailbox.logins.append((user, password, tls))
                if (user, password) == self.server.credentials:
                    authed = True
                    self._send(conn, "235 ok")
                else:
                    self._send(conn, "535 authentication failed")
            elif verb == "MAIL":
                if self.server.credentials and not authed:
                    self._send(conn, "530 authentication required")
                    continue
                mail_from = text.partition(":")[2].split()[0].strip("<>")
                self._send(conn, "250 ok")
            elif verb == "RCPT":
                rcpt = text.partition(":")[2].strip().strip("<>")
                if rcpt in self.server.refuse:
                    self._send(conn, "550 no such user")
                else:
                    rcpts.append(rcpt)
                    self._send(conn, "250 ok")
            elif verb == "DATA":
                self._send(conn, "354 go ahead")
                data = bytearray()
                while True:
                    chunk = reader.readline(65536)
                    if chunk in (b".\r\n", b".\n", b""):
                        break
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                parsed = message_from_bytes(bytes(data), policy=policy.default)
                self.server.mailbox.messages.append((mail_from, list(rcpts), parsed))
                rcpts = []
                self._send(conn, "250 queued")
            elif verb == "QUIT":
                self._send(conn, "221 bye")
                return
            else:
                self._send(conn, "250 ok")

    def _ask(self, conn: socket.socket, reader: object, prompt: str) -> str:
        self._send(conn, prompt)
        return reader.readline(4096).decode().strip()  # type: ignore[attr-defined]

    @staticmethod
    def _send(conn: socket.socket, text: str) -> None:
        conn.sendall(text.encode() + b"\r\n")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        mode: Literal["starttls", "tls"],
        tls: ssl.SSLContext,
        credentials: tuple[str, str] | None,
        refuse: set[str],
    ) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = mode
        self.tls = tls
        self.credentials = credentials
        self.refuse = refuse
        self.mailbox = Mailbox()


@contextmanager
def smtp_server(
    folder: Path,
    *,
    mode: Literal["starttls", "tls"] = "starttls",
    credentials: tuple[str, str] | None = None,
    refuse: set[str] | None = None,
) -> Iterator[SmtpServer]:
    """Run a test SMTP server on a free loopback port for the block."""
    folder.mkdir(parents=True, exist_ok=True)
    certificate = ensure_certificate(folder)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate.cert_path, certificate.key_path)
    server = _Server(mode, context, credentials, refuse or set())
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield SmtpServer(server.server_address[1], server.mailbox, certificate.cert_path)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
