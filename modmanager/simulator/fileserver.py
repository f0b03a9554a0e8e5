"""Serve one folder (a signed catalog and its ``.sfm`` files) over HTTP(S) on loopback.

With it the whole application runs end to end on one machine: the catalog source fetches the
catalog by URL as it would from a vendor's web server. Deliberately minimal and safe: GET
only, files directly inside the folder or its subfolders, no listings, no symlinks out of
the folder, no ``..``.
"""

from __future__ import annotations

import contextlib
import logging
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from modmanager.simulator.certs import ensure_certificate

log = logging.getLogger(__name__)

MAX_SERVED_BYTES = 64 * 1024 * 1024

_CONTENT_TYPES = {
    ".json": "application/json",
    ".sfm": "application/java-archive",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


class FileServer:
    """Serves ``folder`` read-only at :attr:`url` until :meth:`stop`.

    With ``tls_folder`` it serves HTTPS with a self-signed certificate kept in that folder
    (:attr:`fingerprint` then says which); otherwise plain HTTP, which is fine on loopback.
    """

    def __init__(self, folder: Path, *, port: int = 0, tls_folder: Path | None = None) -> None:
        self.folder = folder.resolve()
        self.fingerprint = ""
        self._context: ssl.SSLContext | None = None
        if tls_folder is not None:
            tls_folder.mkdir(parents=True, exist_ok=True)
            certificate = ensure_certificate(tls_folder)
            self.fingerprint = certificate.fingerprint
            self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            self._context.load_cert_chain(certificate.cert_path, certificate.key_path)
        self._server = _FileHttpServer(self, port)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self._context else "http"
        return f"{scheme}://127.0.0.1:{self._server.server_address[1]}"

    def url_for(self, relative: str) -> str:
        return f"{self.url}/{relative.lstrip('/')}"

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(0.05,), name="sim-files", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> FileServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def resolve(self, request_path: str) -> Path | None:
        """The file a request path names, or None when it is outside the folder or not a file."""
        path = unquote(urlsplit(request_path).path)
        parts = path.split("/")[1:] if path.startswith("/") else []
        if not parts or any(part in ("", ".", "..") or "\\" in part or "\x00" in part for part in parts):
            return None
        candidate = self.folder.joinpath(*parts)
        try:
            resolved = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not resolved.is_relative_to(self.folder) or not resolved.is_file():
            return None
        return resolved


class _FileHttpServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: FileServer, port: int) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", port), _FileHandler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        context = self.owner._context
        if context is None:
            super().finish_request(request, client_address)
            return
        try:
            request.settimeout(10)
            connection = context.wrap_socket(request, server_side=True)
        except (OSError, ssl.SSLError):
            return
        try:
            _FileHandler(connection, client_address, self)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                connection.close()


class _FileHandler(BaseHTTPRequestHandler):
    server: _FileHttpServer
    disable_nagle_algorithm = True
    server_version = "modmanager-sim-files"
    sys_version = ""
    timeout = 30

    def do_GET(self) -> None:
        path = self.server.owner.resolve(self.path)
        if path is None:
            self._reply(404, b"not found", "text/plain; charset=utf-8")
            return
        try:
            if path.stat().st_size > MAX_SERVED_BYTES:
                self._reply(403, b"file too large", "text/plain; charset=utf-8")
                return
            data = path.read_bytes()
        except OSError:
            self._reply(404, b"not found", "text/plain; charset=utf-8")
            return
        self._reply(200, data, _CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream"))

    def _refuse(self) -> None:
        self.send_response(405)
        self.send_header("Allow", "GET")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_OPTIONS = _refuse

    def _reply(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("files: " + format, *args)
