"""Run module files - above all the Java agent - in the STARFACE test host (``agent/host``).

The test host is a small Java program that plays a STARFACE as far as docs/AGENT.md tells:
the module registry, what an upload does, and XML-RPC entry points wired through the module
descriptor. :func:`running_java_agent` builds what is needed, starts one host on loopback
with a fresh self-signed certificate and yields where to reach it::

    with running_java_agent(tmp_path, preinstalled=[(sample_module(126), default_instances())]) as pbx:
        target = pbx.agent_under_test(SAMPLE_MODULE_ID, sample_module(127))

Without a JDK the tests that need it are skipped - except under CI, where a missing JDK fails.
Passwords and the agent secret reach the host on its stdin, never in a file.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import io
import json
import os
import re
import secrets
import selectors
import shutil
import subprocess
import time
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from modmanager.simulator.certs import fingerprint_of_pem, generate_self_signed
from modmanager.simulator.state import SimInstance
from modmanager.simulator.testing import TEST_LOGIN, TEST_PASSWORD
from tests.pbx.pbx_helpers import AgentUnderTest

REPO = Path(__file__).resolve().parents[2]
AGENT_DIR = REPO / "agent"
AGENT_BUILD = AGENT_DIR / "build.sh"
AGENT_SFM = AGENT_DIR / "build" / "modmanager-agent.sfm"
HOST_BUILD = AGENT_DIR / "host" / "build.sh"
HOST_CLASSES = AGENT_DIR / "build" / "host" / "classes"
_BUILD_LOCK = AGENT_DIR / "build" / ".build.lock"

DEFAULT_AGENT_INSTANCE = "modmanager"
STARTUP_SECONDS = 60.0
STOP_SECONDS = 5.0
BUILD_SECONDS = 300.0

InstanceLike = SimInstance | Mapping[str, Any]
Preinstalled = Sequence[tuple[bytes | Path, Sequence[InstanceLike]]]


@dataclasses.dataclass(frozen=True)
class JavaAgentEndpoint:
    """A running test host: where it listens, whom it admits, and its agent instance."""

    url: str
    login_id: str
    password: str
    fingerprint: str
    cert_pem: str
    agent_instance: str
    agent_secret: str
    data_root: Path
    log_path: Path

    def agent_under_test(
        self, module_id: str, module_file: bytes, agent_module_file: bytes | None = None
    ) -> AgentUnderTest:
        """The conformance suite's view of this host (fields AgentUnderTest does not have are left out)."""
        values: dict[str, Any] = {
            "agent_module_file": agent_module_file,
            "url": self.url,
            "login_id": self.login_id,
            "password": self.password,
            "fingerprint": self.fingerprint,
            "agent_instance": self.agent_instance,
            "agent_secret": self.agent_secret,
            "module_id": module_id,
            "module_file": module_file,
        }
        wanted = {field.name for field in dataclasses.fields(AgentUnderTest)}
        return AgentUnderTest(**{key: value for key, value in values.items() if key in wanted})

    def log_text(self) -> str:
        """What the host and the modules logged so far (for assertion messages)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""


def with_descriptor_version(sfm: bytes, version: int) -> bytes:
    """``sfm`` with another version number in its descriptor (e.g. a "newer" agent to self-install).

    Only the root element's ``version`` attribute changes; noLicenseId does not depend on it.
    """
    source = zipfile.ZipFile(io.BytesIO(sfm))
    buffer = io.BytesIO()
    with source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "module-descriptor.xml":
                text = data.decode("utf-8")
                start = text.index("<module ")
                end = text.index(">", start)
                head = re.sub(r'\sversion="[0-9]+"', f' version="{version}"', text[start:end], count=1)
                data = (text[:start] + head + text[end:]).encode("utf-8")
            target.writestr(info, data)
    return buffer.getvalue()


# --- building ------------------------------------------------------------------------------------


def require_java() -> None:
    """Skip the calling test without a JDK - unless CI is set, where that is a failure."""
    if shutil.which("java") and shutil.which("javac"):
        return
    if os.environ.get("CI"):
        pytest.fail("java/javac not found: CI must provide a JDK 17 or newer for the Java agent tests")
    pytest.skip("java/javac not found (install a JDK 17 or newer to run the Java agent tests)")


@contextlib.contextmanager
def _build_lock() -> Iterator[None]:
    """One build at a time across pytest-xdist workers (the scripts replace their output folders)."""
    try:
        import fcntl
    except ImportError:  # Windows, where the bash build scripts do not run anyway
        yield
        return
    _BUILD_LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(_BUILD_LOCK, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run_build(script: Path) -> None:
    result = subprocess.run(
        ["bash", str(script)], cwd=REPO, capture_output=True, text=True, timeout=BUILD_SECONDS, check=False
    )
    if result.returncode != 0:
        pytest.fail(f"{script.relative_to(REPO)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def build_host() -> Path:
    """Compile the test host (a no-op when up to date); returns its class folder."""
    require_java()
    with _build_lock():
        _run_build(HOST_BUILD)
    return HOST_CLASSES


def build_agent() -> Path:
    """Build the Java agent's .sfm with agent/build.sh; returns its path."""
    require_java()
    if not AGENT_BUILD.is_file():
        pytest.fail(f"{AGENT_BUILD.relative_to(REPO)} is missing: the Java agent sources are not in this tree")
    with _build_lock():
        _run_build(AGENT_BUILD)
    if not AGENT_SFM.is_file():
        pytest.fail(f"agent/build.sh did not produce {AGENT_SFM.relative_to(REPO)}")
    return AGENT_SFM


# --- running -------------------------------------------------------------------------------------


def _write_keystore(folder: Path, password: str) -> tuple[Path, str, str]:
    """A PKCS12 keystore with a new self-signed certificate for 127.0.0.1: (path, cert PEM, fingerprint)."""
    cert_pem, key_pem = generate_self_signed("127.0.0.1")
    key = serialization.load_pem_private_key(key_pem, password=None)
    certificate = x509.load_pem_x509_certificate(cert_pem)
    data = pkcs12.serialize_key_and_certificates(
        b"starface",
        key,  # type: ignore[arg-type]
        certificate,
        None,
        serialization.BestAvailableEncryption(password.encode()),
    )
    path = folder / "keystore.p12"
    path.write_bytes(data)
    return path, cert_pem.decode("ascii"), fingerprint_of_pem(cert_pem)


def _json_value(value: Any) -> Any:
    """A setting value in the protocol's JSON form (files and timers may come as objects)."""
    if isinstance(value, bytes):
        return _b64(value)
    if hasattr(value, "file_name") and hasattr(value, "data"):
        return {"fileName": value.file_name, "data": _b64(value.data)}
    if hasattr(value, "start_time") and hasattr(value, "period") and hasattr(value, "multiplier"):
        return {"startTime": value.start_time, "period": value.period, "multiplier": value.multiplier}
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _json_value(item) for key, item in value.items()}
    return value


def _instance_spec(instance: InstanceLike) -> dict[str, Any]:
    if isinstance(instance, SimInstance):
        values = {key: _json_value(value) for key, value in instance.values.items()}
        return {"name": instance.name, "active": instance.active, "values": values}
    return {
        "name": instance["name"],
        "active": bool(instance.get("active", False)),
        "values": _json_value(instance.get("values", {})),
    }


def _module_file(folder: Path, index: int, sfm: bytes | Path) -> str:
    if isinstance(sfm, Path):
        return str(sfm.resolve())
    path = folder / f"preinstalled-{index}.sfm"
    path.write_bytes(sfm)
    return str(path)


def _read_listening_line(process: subprocess.Popen[bytes], deadline: float, log_path: Path) -> int:
    """The port from the host's first stdout line ``LISTENING <port>``."""
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    line = b""
    try:
        while not line.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(timeout=remaining):
                raise RuntimeError("the test host did not report LISTENING in time")
            chunk = os.read(process.stdout.fileno(), 256)
            if not chunk:
                raise RuntimeError(f"the test host ended before listening (exit {process.wait(STOP_SECONDS)})")
            line += chunk
    except RuntimeError as error:
        log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.exists() else ""
        raise RuntimeError(f"{error}\n--- host log ---\n{log}") from None
    finally:
        selector.close()
    words = line.decode("ascii", errors="replace").split()
    if len(words) != 2 or words[0] != "LISTENING" or not words[1].isdigit():
        raise RuntimeError(f"unexpected first line from the test host: {line[:200]!r}")
    return int(words[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Close stdin (the host exits on its own), then kill if it lingers; bounded either way."""
    if process.stdin is not None:
        with contextlib.suppress(OSError):
            process.stdin.close()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_SECONDS)
    if process.stdout is not None:
        process.stdout.close()


@contextlib.contextmanager
def running_java_agent(
    tmp_path: Path,
    *,
    preinstalled: Preinstalled = (),
    secret: str | None = None,
    agent_sfm: bytes | Path | None = None,
    agent_instance: str = DEFAULT_AGENT_INSTANCE,
    starface_version: str = "9.0.1.3",
    api_style: str = "all",
    auth_failure: str = "fault",
    server_license_key: str | None = "SRV-JAVA-0001",
    product_name: str = "STARFACE VM",
    max_users: int = 25,
    internal_files: Mapping[int, Mapping[str, bytes]] | None = None,
) -> Iterator[JavaAgentEndpoint]:
    """Start the test host with ``preinstalled`` modules and the agent; stop it afterwards.

    ``agent_sfm`` defaults to the real Java agent (built by agent/build.sh); any module file
    with an ``agentSecret`` input can stand in. It gets one active instance ``agent_instance``
    whose ``agentSecret`` is ``secret`` (random when not given). ``preinstalled`` modules are
    installed as they are (no upload semantics), like the simulator's ``make_pbx``;
    ``internal_files`` adds files to a preinstalled module's folder (by its index), standing
    for data the module keeps there.
    """
    classes = build_host()
    agent_path = build_agent() if agent_sfm is None else agent_sfm
    folder = tmp_path / "java-host"
    folder.mkdir(parents=True, exist_ok=True)
    data_root = folder / "root"
    keystore_password = secrets.token_hex(16)
    keystore, cert_pem, fingerprint = _write_keystore(folder, keystore_password)
    agent_secret = secret if secret is not None else secrets.token_urlsafe(24)
    extra = internal_files or {}
    modules = []
    for index, (sfm, instances) in enumerate(preinstalled):
        module: dict[str, Any] = {
            "sfm": _module_file(folder, index, sfm),
            "instances": [_instance_spec(instance) for instance in instances],
        }
        if index in extra:
            module["internalFiles"] = {name: _b64(data) for name, data in extra[index].items()}
        modules.append(module)
    server_license = None
    if server_license_key is not None:
        server_license = {"licenseKey": server_license_key, "productName": product_name, "children": []}
    config = {
        "port": 0,
        "keystore": str(keystore),
        "keystorePassword": keystore_password,
        "starfaceVersion": starface_version,
        "apiStyle": api_style,
        "authFailure": auth_failure,
        "dataRoot": str(data_root),
        "users": [{"login": TEST_LOGIN, "password": TEST_PASSWORD}],
        "license": {"maxUsers": max_users, "serverLicense": server_license},
        "modules": modules,
        "agent": {
            "sfm": _module_file(folder, len(modules), agent_path),
            "instance": agent_instance,
            "secret": agent_secret,
        },
    }
    log_path = folder / "host.log"
    java = shutil.which("java") or "java"
    command = [
        java,
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-Xmx256m",
        "-cp",
        str(classes),
        "modmanager.host.Main",
        "--config",
        "-",
        "--watch-stdin",
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, cwd=folder)
    try:
        assert process.stdin is not None
        process.stdin.write(json.dumps(config).encode("utf-8") + b"\n")
        process.stdin.flush()
        port = _read_listening_line(process, time.monotonic() + STARTUP_SECONDS, log_path)
        yield JavaAgentEndpoint(
            url=f"https://127.0.0.1:{port}",
            login_id=TEST_LOGIN,
            password=TEST_PASSWORD,
            fingerprint=fingerprint,
            cert_pem=cert_pem,
            agent_instance=agent_instance,
            agent_secret=agent_secret,
            data_root=data_root,
            log_path=log_path,
        )
    finally:
        _stop(process)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
