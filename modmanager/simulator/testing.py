"""Helpers for tests anywhere in the project that need a running simulated PBX.

Typical use::

    def test_refresh(tmp_path):
        with running_fleet(tmp_path, [make_pbx("pbx1")]) as fleet:
            sim = fleet.pbxs[0]
            # connect to sim.url with TEST_LOGIN / TEST_PASSWORD / TEST_AGENT_SECRET, pin sim.fingerprint
            sim.faults.fail(EntryPoint.LIST_MODULES)        # inject a fault
            assert sim.state.modules[SAMPLE_MODULE_ID].instances[0].active

:func:`raw_call` talks to a simulated PBX with the standard library only, for tests that must
not depend on the real client.
"""

from __future__ import annotations

import base64
import functools
import ssl
import xmlrpc.client
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from modmanager.core.protocol import (
    AUTH_PARAMETER,
    PROTOCOL_VERSION,
    REQUEST_MEMBER,
    RESPONSE_MEMBER,
    XMLRPC_PATH,
    Edition,
    EntryPoint,
    Fault,
    License,
    LicenseKind,
    auth_token,
    decode_answer,
    dump_json,
)
from modmanager.core.sfmbuild import InputSpec, ModuleSpec, build_sfm, example_spec
from modmanager.simulator.server import SimulatedPbx, SimulatorFleet
from modmanager.simulator.state import SimInstance, SimPbx

TEST_LOGIN = "0001"
TEST_PASSWORD = "sim-test-password"
TEST_AGENT_SECRET = "sim-agent-secret"

SAMPLE_MODULE_ID = example_spec().module_id
"""Id of the module :func:`make_pbx` installs by default (``example_spec()``, version 126)."""

DATABASE_MODULE_ID = "9b0d6c53-2a7e-4f1b-8c3d-5e6f7a8b9c0d"


def sample_module(version: int = 126) -> bytes:
    """The realistic example module (no internal database) at ``version``."""
    return build_sfm(example_spec(version))


def database_module_spec(version: int = 3) -> ModuleSpec:
    """A module that keeps its settings in a module-internal database (loses them on upload)."""
    return ModuleSpec(
        module_id=DATABASE_MODULE_ID,
        name="Telefonbuch-Sync",
        vendor="Datenwerk AG",
        version=version,
        names={"de": "Telefonbuch-Sync", "en": "Phonebook Sync"},
        inputs=(
            InputSpec("serverUrl", "Server-URL", default="https://crm.example.com"),
            InputSpec("syncMinutes", "Intervall (Minuten)", kind="numberInput", default="15"),
        ),
        extra_entries={"database/schema.sql": b"CREATE TABLE contacts (id INT PRIMARY KEY, name VARCHAR(80));\n"},
    )


def database_module(version: int = 3) -> bytes:
    return build_sfm(database_module_spec(version))


def default_instances() -> list[SimInstance]:
    """One active, configured instance of :func:`sample_module`."""
    return [
        SimInstance(
            "Weiterleitung Zentrale",
            active=True,
            values={"targetNumber": "+49 30 9876543", "ringSeconds": 25, "logCalls": True},
        )
    ]


def make_pbx(
    name: str = "pbx1",
    starface: str = "9.0.1.3",
    modules: list[tuple[bytes, list[SimInstance]]] | None = None,
    **overrides: Any,
) -> SimPbx:
    """A PBX with sensible defaults: login :data:`TEST_LOGIN` / :data:`TEST_PASSWORD`, the agent
    with secret :data:`TEST_AGENT_SECRET`, a VM edition with a server license, and (unless
    ``modules`` is given) the sample module with one active instance. ``overrides`` set any
    other :class:`SimPbx` field (``capabilities=frozenset()`` switches every optional agent
    feature off)."""
    fields: dict[str, Any] = {
        "name": name,
        "customer": f"Kunde {name}",
        "starface_version": starface,
        "edition": Edition.VM,
        "server_license_key": f"SRV-{name.upper()}-0001",
        "hardware_id": None,
        "licenses": [License(LicenseKind.SERVER), License(LicenseKind.USER, count=25)],
        "login_id": TEST_LOGIN,
        "password": TEST_PASSWORD,
        "agent_secret": TEST_AGENT_SECRET,
    }
    pbx = SimPbx(**{**fields, **overrides})
    if modules is None:
        modules = [(sample_module(), default_instances())]
    for sfm, instances in modules:
        pbx.add_module(sfm, instances)
    return pbx


@contextmanager
def running_fleet(
    tmp_path: Path, pbxs: list[SimPbx], *, latency_ms: int = 0, tls: bool = True
) -> Iterator[SimulatorFleet]:
    """Start ``pbxs`` (data under ``tmp_path/sim``) for the duration of the ``with`` block."""
    fleet = SimulatorFleet(tmp_path / "sim", latency_ms=latency_ms, tls=tls)
    for pbx in pbxs:
        fleet.add(pbx)
    with fleet:
        yield fleet


def raw_call(
    sim: SimulatedPbx,
    entry_point: EntryPoint | str,
    *,
    password: str | None = None,
    secret: str | None = None,
    timeout: float = 10.0,
    **fields: Any,
) -> Any:
    """Call ``entry_point`` on ``sim`` with plain ``xmlrpc.client`` (protocol 2, pinned certificate).

    ``protocolVersion`` and ``agentSecret`` (the agent's configured one unless ``secret`` is
    given) are added unless given; a field given as None is left out; ``bytes`` values travel
    as base64. Returns the answer's ``result`` object. Raises ``xmlrpc.client.Fault`` for a
    fault - STARFACE's own XML-RPC fault and the agent's JSON fault alike, with the same code
    and message - and the socket's ``OSError`` when the connection fails (no retry).
    """
    state = sim.state
    token = auth_token(state.login_id, state.password if password is None else password)
    url = f"{sim.url}{XMLRPC_PATH}?{AUTH_PARAMETER}={token}"
    transport = (
        _TimeoutTransport(timeout, _pinned_context(sim.cert_pem)) if sim.tls else _PlainTimeoutTransport(timeout)
    )
    proxy = xmlrpc.client.ServerProxy(url, transport=transport, use_builtin_types=True)
    fields.setdefault("protocolVersion", PROTOCOL_VERSION)
    fields.setdefault("agentSecret", sim.agent_secret if secret is None else secret)
    request = dump_json({key: _jsonable(value) for key, value in fields.items() if value is not None})
    with proxy:
        answer = getattr(proxy, f"{state.agent_instance}.{entry_point}")({REQUEST_MEMBER: request})
    decoded = decode_answer(answer[RESPONSE_MEMBER])
    if isinstance(decoded, Fault):
        raise xmlrpc.client.Fault(decoded.code, decoded.message)
    return decoded


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    return value


@functools.lru_cache(maxsize=64)
def _pinned_context(cert_pem: str) -> ssl.SSLContext:
    """Trust exactly the simulated PBX's own certificate (issued for 127.0.0.1), nothing else.

    Built without the system CA store (slow to load, and of no use for a self-signed cert).
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cadata=cert_pem)
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
    return context


class _TimeoutTransport(xmlrpc.client.SafeTransport):
    def __init__(self, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(use_builtin_types=True, context=context)
        self._timeout = timeout

    def make_connection(self, host: Any) -> Any:
        connection = super().make_connection(host)
        connection.timeout = self._timeout
        return connection

    def request(self, host: Any, handler: str, request_body: Any, verbose: bool = False) -> Any:
        # One attempt only: the stock transport silently retries after a dropped connection,
        # which would hide exactly the faults tests inject.
        return self.single_request(host, handler, request_body, verbose)


class _PlainTimeoutTransport(xmlrpc.client.Transport):
    def __init__(self, timeout: float) -> None:
        super().__init__(use_builtin_types=True)
        self._timeout = timeout

    def make_connection(self, host: Any) -> Any:
        connection = super().make_connection(host)
        connection.timeout = self._timeout
        return connection

    def request(self, host: Any, handler: str, request_body: Any, verbose: bool = False) -> Any:
        # One attempt only: the stock transport silently retries after a dropped connection,
        # which would hide exactly the faults tests inject.
        return self.single_request(host, handler, request_body, verbose)
