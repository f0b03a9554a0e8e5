"""``modmanager sim``: a real subprocess that prints how to reach its PBXs and stops on SIGTERM."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import signal
import ssl
import subprocess
import sys
import tempfile
import xmlrpc.client
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import requests

from modmanager.cli.sim_cmd import _describe_text, builtin_pbxs
from modmanager.core.protocol import (
    AUTH_PARAMETER,
    PROTOCOL_VERSION,
    XMLRPC_PATH,
    auth_token,
    decode_answer,
    xmlrpc_request,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sends SIGTERM")


@contextmanager
def simulator(*args: str, data: Path) -> Iterator[tuple[subprocess.Popen[str], dict[str, Any]]]:
    """Start ``modmanager sim --print-json`` and yield the process and its first-line document."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(  # leaving the block closes the pipes and waits for the process
        [sys.executable, "-m", "modmanager", "sim", "--print-json", "--data", str(data), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as process:
        try:
            assert process.stdout is not None
            first_line = process.stdout.readline()
            assert first_line, process.stderr.read() if process.stderr else ""
            yield process, json.loads(first_line)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)


def pinned(pbx: dict[str, Any]) -> str:
    return _pinned(pbx["url"], pbx["fingerprint"])


@functools.cache
def _pinned(url: str, fingerprint: str) -> str:
    """Trust on first use, as a person would: fetch the certificate once, check it against the
    fingerprint the simulator printed, and from then on trust exactly that certificate."""
    host, port = url.removeprefix("https://").split(":")
    pem = ssl.get_server_certificate((host, int(port)))
    assert hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest() == fingerprint
    path = Path(tempfile.mkdtemp()) / "pbx.pem"
    path.write_text(pem)
    return str(path)


def call(pbx: dict[str, Any], method: str) -> Any:
    token = auth_token(pbx["login_id"], pbx["password"])
    request = json.dumps({"protocolVersion": PROTOCOL_VERSION, "agentSecret": pbx["agent_secret"]})
    body = xmlrpc_request(f"{pbx['agent_instance']}.{method}", request)
    response = requests.post(
        f"{pbx['url']}{XMLRPC_PATH}", params={AUTH_PARAMETER: token}, data=body, verify=pinned(pbx), timeout=10
    )
    answer = xmlrpc.client.loads(response.content, use_builtin_types=True)[0][0]
    return decode_answer(answer["response"])


def test_print_json_then_serve_until_sigterm(tmp_path: Path) -> None:
    with simulator("--pbx", "2", data=tmp_path) as (process, document):
        assert document["catalog_url"] is None
        assert [pbx["name"] for pbx in document["pbxs"]] == ["sim-pbx-1", "sim-pbx-2"]
        keys = {"name", "url", "login_id", "password", "agent_secret", "agent_instance", "fingerprint"}
        assert all(set(pbx) >= keys for pbx in document["pbxs"])
        assert len({pbx["agent_secret"] for pbx in document["pbxs"]}) == 2
        info = call(document["pbxs"][1], "systemInfo")
        assert info["hostname"] == "sim-pbx-2"
        assert info["starfaceVersion"] == builtin_pbxs(2)[1].starface_version
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    with pytest.raises(requests.ConnectionError):
        call(document["pbxs"][1], "systemInfo")


def test_demo_world_serves_its_catalog(tmp_path: Path) -> None:
    with simulator(data=tmp_path) as (process, document):
        catalog = requests.get(document["catalog_url"], timeout=10)
        assert catalog.status_code == 200
        assert requests.get(document["catalog_url"] + ".sig", timeout=10).status_code == 200
        assert document["catalog_public_key"]
        reachable = [pbx for pbx in document["pbxs"] if pbx["reachable"]]
        assert call(reachable[0], "listModules")["modules"]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0


def test_second_run_resumes_the_saved_fleet(tmp_path: Path) -> None:
    with simulator("--pbx", "1", data=tmp_path) as (process, first):
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
    with simulator("--pbx", "1", data=tmp_path) as (process, second):
        assert second["pbxs"][0]["fingerprint"] == first["pbxs"][0]["fingerprint"]
        assert second["pbxs"][0]["url"] == first["pbxs"][0]["url"]  # same port when it is free
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)


def test_the_text_shows_the_agent_secret_and_how_to_add_a_pbx_with_it(tmp_path: Path) -> None:
    pbx = {
        "name": "sim-pbx-1",
        "url": "https://127.0.0.1:4443",
        "login_id": "0001",
        "password": "sim-1",
        "agent_secret": "sim-agent-1",
        "agent_instance": "modmanager",
        "fingerprint": "ab" * 32,
    }
    text = _describe_text([pbx], None, tmp_path, {})
    assert "AGENT SECRET" in text and "sim-agent-1" in text
    assert (
        "printf '%s\\n%s\\n' sim-1 sim-agent-1 | modmanager pbx add sim-pbx-1 https://127.0.0.1:4443 --login 0001 "
        f"--password-stdin --agent-secret-stdin --fingerprint {'ab' * 32}"
    ) in text


def test_builtin_pbxs_differ_in_release_and_include_an_internal_database_module() -> None:
    pbxs = builtin_pbxs(6)
    assert len({pbx.starface_version for pbx in pbxs}) >= 4
    assert len({pbx.name for pbx in pbxs}) == 6
    assert any(module.has_internal_database for pbx in pbxs for module in pbx.modules.values())


def test_capabilities_can_be_switched_off(tmp_path: Path) -> None:
    with simulator("--pbx", "1", "--capabilities", "moduleFile", data=tmp_path) as (process, document):
        info = call(document["pbxs"][0], "systemInfo")
        assert info["capabilities"] == ["moduleFile"]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    from modmanager.cli.main import run

    with pytest.raises(SystemExit) as exited:
        run(["sim", "--pbx", "0"])
    assert exited.value.code == 2
    assert "at least 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run(["sim", "--capabilities", "teleport"])
    assert "unknown capability teleport" in capsys.readouterr().err
