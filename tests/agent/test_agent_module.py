"""The agent .sfm built from agent/ is a module STARFACE can import, wired as PROTOCOL-V2 says."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from modmanager.agent import AGENT_MODULE_ID, agent_module_path
from modmanager.core.protocol import EntryPoint
from modmanager.core.sfm import ModuleFile, read_sfm
from tests.agent.classfile import read_class
from tests.agent.conftest import AGENT_DIR

AGENT_INFO = AGENT_DIR / "src" / "de" / "modmanager" / "agent" / "AgentInfo.java"


def agent_version() -> int:
    match = re.search(r"\bVERSION\s*=\s*(\d+);", AGENT_INFO.read_text(encoding="utf-8"))
    assert match
    return int(match.group(1))


def function_class(entry_point: str) -> str:
    return entry_point[0].upper() + entry_point[1:] + "Function"


@pytest.fixture(scope="module")
def module(agent_sfm: Path) -> ModuleFile:
    return read_sfm(agent_sfm.read_bytes(), source=agent_sfm.name)


@pytest.fixture(scope="module")
def descriptor(module: ModuleFile) -> ElementTree.Element:
    return ElementTree.fromstring(module.descriptor_xml)


def test_identity_and_spec_version(module: ModuleFile) -> None:
    assert module.descriptor.id == AGENT_MODULE_ID
    assert module.manifest.object_id == AGENT_MODULE_ID
    assert module.manifest.spec_version == "5"
    assert module.descriptor.spec_version == "5"
    assert module.descriptor.name == "modmanager Agent"
    assert module.descriptor.vendor == "modmanager"
    assert module.descriptor.module_type == "EXTENDED"
    assert module.descriptor.version == agent_version()
    assert module.manifest.created_by and module.manifest.create_date


def test_hashes_let_starface_import_it_unlicensed_and_unlocked(descriptor: ElementTree.Element) -> None:
    module_id = descriptor.get("id", "")
    changed = descriptor.get("lastChangedTime", "")
    assert re.fullmatch(r"\d{13}", changed)
    expected_no_license = hashlib.sha1((module_id + changed + "STARFACE").encode()).hexdigest()
    assert descriptor.findtext("noLicenseId") == expected_no_license
    assert descriptor.findtext("writeHash") == hashlib.sha1(module_id.encode()).hexdigest()


def test_one_xmlrpc_auth_entry_point_per_protocol_entry_point(module: ModuleFile) -> None:
    rpc = {ep.name: ep.type for ep in module.descriptor.entry_points if ep.kind == "rpcEntryPoint"}
    assert rpc == {str(entry_point): "XMLRPC_auth" for entry_point in EntryPoint}


@pytest.mark.parametrize("entry_point", [str(e) for e in EntryPoint])
def test_entry_point_reaches_its_java_class_through_a_wrapper(
    entry_point: str, descriptor: ElementTree.Element, module: ModuleFile
) -> None:
    module_id = descriptor.get("id")
    functions = {f.get("id"): f for f in descriptor.iter("function")}
    (rpc,) = [e for e in descriptor.iter("rpcEntryPoint") if e.get("name") == entry_point]
    reference = rpc.find("functionReference")
    assert reference is not None and reference.get("targetDomainId") == module_id
    wrapper = functions[reference.get("targetId")]
    assert wrapper.findtext("implementationFile") is None, "an entry point must target a wrapper"
    wrapper_in = {v.get("name"): v.get("id") for v in wrapper.iterfind("inputVars/variable")}
    wrapper_out = {v.get("name"): v.get("id") for v in wrapper.iterfind("outputVars/variable")}
    assert set(wrapper_in) == {"request"} and set(wrapper_out) == {"response"}
    (call,) = wrapper.iterfind("children/functionCall")
    target = call.find("target")
    assert target is not None and target.get("targetDomainId") == module_id
    java_class = function_class(entry_point)
    assert target.get("targetId") == java_class
    assert {v.get("id"): v.findtext("value") for v in call.iterfind("inputVars/variable")} == {
        "request": wrapper_in["request"]
    }
    assert {v.get("id"): v.findtext("value") for v in call.iterfind("outputVars/variable")} == {
        "response": wrapper_out["response"]
    }
    java = functions[java_class]
    assert java.get("visibility") == "Private"
    assert java.findtext("implementationFile") == f"{java_class}.class"
    assert {v.get("id") for v in java.iterfind("inputVars/variable")} == {"request"}
    assert {v.get("id") for v in java.iterfind("outputVars/variable")} == {"response"}
    assert f"{java_class}.class" in module.entry_names


def test_instance_form_has_the_secret_as_password(module: ModuleFile, descriptor: ElementTree.Element) -> None:
    secret = module.descriptor.schema.get("agentSecret")
    assert secret is not None and secret.is_secret
    module_vars = {v.get("id"): v.get("type") for v in descriptor.iterfind("inputVars/variable")}
    assert module_vars == {"agentSecret": "STRING"}


def test_no_stub_class_is_packed_and_classes_are_java_8(agent_sfm: Path) -> None:
    with zipfile.ZipFile(agent_sfm) as archive:
        class_names = [name for name in archive.namelist() if name.endswith(".class")]
        for name in class_names:
            assert "/" not in name or name.startswith("de/modmanager/agent/"), name
            assert read_class(archive.read(name)).major == 52, name
    assert not any(name.startswith(("de/vertico/", "de/starface/", "com/starface/")) for name in class_names)


def test_packing_is_reproducible(agent_sfm: Path, tmp_path: Path) -> None:
    """The same classes give the same bytes (fixed times, order and attributes)."""
    classes = tmp_path / "classes"
    with zipfile.ZipFile(agent_sfm) as archive:
        for name in archive.namelist():
            if name.endswith(".class"):
                target = classes / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    repacked = tmp_path / "again.sfm"
    subprocess.run(
        [sys.executable, str(AGENT_DIR / "build_sfm.py"), "--classes", str(classes), "--out", str(repacked)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert repacked.read_bytes() == agent_sfm.read_bytes()


def test_package_data_holds_the_built_module(agent_sfm: Path) -> None:
    assert agent_module_path().read_bytes() == agent_sfm.read_bytes()


def test_sfm_inspect_shows_every_rpc_entry_point(agent_sfm: Path) -> None:
    """What a partner sees with modmanager's own reader: every entry point, as STARFACE wires it."""
    shown = subprocess.run(
        [sys.executable, "-m", "modmanager", "sfm", "inspect", str(agent_sfm)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert AGENT_MODULE_ID in shown
    for entry_point in EntryPoint:
        assert f"rpcEntryPoint {entry_point.value} (XMLRPC_auth)" in shown
