"""Agent clients kept between reads, so reading a PBX again reuses its TLS connection.

A refresh asks a PBX two questions (system info, modules). A new client per refresh pays for a
TCP connection and the TLS handshake (one: the pin is checked on that connection itself).
:class:`ClientPool` keeps one idle client per PBX instead: the next read of that PBX finds the
kept connection (no handshake at all), or, after the PBX closed it, opens one new connection.

A client serves one thread at a time: :meth:`ClientPool.client` hands an idle client out
exclusively and takes it back afterwards; a second reader of the same PBX meanwhile gets a
client of its own. Only reads use the pool - changes open their own client, as before.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from modmanager.core.errors import PbxError
from modmanager.core.protocol import InstalledModule, SystemInfo
from modmanager.pbx.client import AgentClient
from modmanager.store.inventory import PbxRecord

MAX_IDLE_CLIENTS = 1024
"""Idle clients kept at most (the least recently used one is closed first)."""
_STALE_CODES = frozenset({"auth_failed"})
"""Errors after which a kept client is replaced and the read tried once more with a new one:
the stored password may have changed since the client was made."""

_Key = tuple[str, str, str, str, str | None]
_T = TypeVar("_T")


def read_facts(client: AgentClient) -> tuple[SystemInfo, list[InstalledModule]]:
    """What a refresh asks a PBX: its facts and its modules (two requests on one connection)."""
    return client.system_info(), client.list_modules()


def _key(record: PbxRecord) -> _Key:
    """Everything a client was made from; a changed PBX (address, login, pin) gets a new client."""
    return (record.name, record.url, record.login_id, record.agent_instance, record.fingerprint)


class ClientPool:
    """Idle agent clients by PBX; thread-safe. Close it when done.

    Args:
        connect: makes a new client for a PBX (``Services.connect``).
        max_idle: idle clients kept at most.
    """

    def __init__(self, connect: Callable[[PbxRecord], AgentClient], *, max_idle: int = MAX_IDLE_CLIENTS) -> None:
        self._connect = connect
        self._max_idle = max(0, max_idle)
        self._idle: OrderedDict[_Key, AgentClient] = OrderedDict()
        self._lock = threading.Lock()
        self._closed = False

    def __len__(self) -> int:
        """How many idle clients are kept."""
        with self._lock:
            return len(self._idle)

    @contextmanager
    def client(self, record: PbxRecord) -> Iterator[AgentClient]:
        """A client for ``record``'s PBX, for this thread alone until the block ends.

        After a good block the client is kept for the next read; after an error it is closed,
        so a broken connection or a stale login is never handed out again.
        """
        key = _key(record)
        with self._lock:
            client = self._idle.pop(key, None)
        if client is None:
            client = self._connect(record)
        try:
            yield client
        except BaseException:
            client.close()
            raise
        self._keep(key, client)

    def read(self, record: PbxRecord, work: Callable[[AgentClient], _T]) -> _T:
        """Run ``work`` with a client; once more with a new client if a kept one was refused.

        Only for reads: repeating ``work`` must be harmless.
        """
        reused = self.has_idle(record)
        try:
            with self.client(record) as client:
                return work(client)
        except PbxError as error:
            if not reused or error.code not in _STALE_CODES:
                raise
        with self.client(record) as client:
            return work(client)

    def has_idle(self, record: PbxRecord) -> bool:
        with self._lock:
            return _key(record) in self._idle

    def forget(self, pbx_name: str) -> None:
        """Close the kept clients of a PBX (it was removed or changed)."""
        with self._lock:
            keys = [key for key in self._idle if key[0] == pbx_name]
            clients = [self._idle.pop(key) for key in keys]
        for client in clients:
            client.close()

    def close(self) -> None:
        """Close every kept client; clients handed out are closed when they come back."""
        with self._lock:
            self._closed = True
            clients = list(self._idle.values())
            self._idle.clear()
        for client in clients:
            client.close()

    def _keep(self, key: _Key, client: AgentClient) -> None:
        displaced: list[AgentClient] = []
        with self._lock:
            if self._closed or self._max_idle == 0:
                displaced.append(client)
            else:
                previous = self._idle.pop(key, None)
                if previous is not None:
                    displaced.append(previous)
                self._idle[key] = client
                while len(self._idle) > self._max_idle:
                    displaced.append(self._idle.popitem(last=False)[1])
        for old in displaced:
            old.close()
