#!/usr/bin/env python3
"""Write the agent's module-descriptor.xml and pack the agent .sfm (called by agent/build.sh).

Standard library only: it runs before modmanager's virtualenv matters. The descriptor is
generated rather than kept as a file because it repeats the same three pieces for every entry
point (the Java function, the wrapper function ``rpc_<entryPoint>`` that an RPC entry point
must point at, and the ``rpcEntryPoint`` itself; AGENT.md "The descriptor"). Ids of wrapper
variables, calls and entry points are UUIDs derived from their names, so the same sources
give the same bytes.

Usage: build_sfm.py --classes DIR --out FILE.sfm [--descriptor-out FILE.xml]
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
AGENT_INFO = HERE / "src" / "de" / "modmanager" / "agent" / "AgentInfo.java"

LAST_CHANGED_TIME = 1795460400000
"""Epoch ms of the last descriptor change (2026-11-23 19:00 UTC); bump it together with AgentInfo.VERSION.

It is the descriptor's createTime and lastChangedTime, the manifest's Create-Date, the ZIP
entries' time stamp, and part of noLicenseId.
"""

ENTRY_POINTS = (
    "systemInfo",
    "listModules",
    "getDescriptor",
    "exportConfig",
    "importConfig",
    "acquireLock",
    "releaseLock",
    "uploadBegin",
    "uploadStatus",
    "uploadChunk",
    "uploadCommit",
    "installUploaded",
    "createInstance",
    "setInstanceActive",
    "deleteInstance",
)
"""PROTOCOL-V2's entry points, in its order; one Java function class each."""

VENDOR = "modmanager"
NAME = "modmanager Agent"
SECRET_VARIABLE = "agentSecret"
_ID_NAMESPACE = uuid.UUID("5d2d2325-d991-4fb2-9bdd-4391cb24542a")


def function_class(entry_point: str) -> str:
    """``systemInfo`` -> ``SystemInfoFunction`` (the class at the JAR root)."""
    return entry_point[0].upper() + entry_point[1:] + "Function"


def wrapper_id(entry_point: str) -> str:
    return f"rpc_{entry_point}"


def java_constant(name: str) -> str:
    """A constant of AgentInfo.java (the single place the agent's id and version are written)."""
    match = re.search(rf"\b{name}\s*=\s*\"?([^\";]+)\"?;", AGENT_INFO.read_text(encoding="utf-8"))
    if not match:
        sys.exit(f"build_sfm: {name} not found in {AGENT_INFO}")
    return match.group(1).strip()


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(_ID_NAMESPACE, "/".join(parts)))


def sha1hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def variable(
    var_id: str, name: str, *, label: str, by_reference: bool, reference_allowed: bool, value_allowed: bool,
    visible: bool, description: str = "", value: str = "", indent: str = "",
) -> str:
    attributes = (
        f"id={quoteattr(var_id)} label={quoteattr(label)} name={quoteattr(name)} type=\"STRING\" "
        f"valueByReference=\"{str(by_reference).lower()}\" valueByReferenceAllowed=\"{str(reference_allowed).lower()}\" "
        f"valueByValueAllowed=\"{str(value_allowed).lower()}\" visible=\"{str(visible).lower()}\""
    )
    value_xml = f"<value>{escape(value)}</value>" if value else "<value />"
    description_xml = f"<description>{escape(description)}</description>" if description else "<description />"
    return f"{indent}<variable {attributes}>{description_xml}{value_xml}</variable>\n"


def java_function(module_id: str, entry_point: str) -> str:
    cls = function_class(entry_point)
    i = "            "
    return (
        f"        <function visibility=\"Private\" createTime=\"{LAST_CHANGED_TIME}\" id=\"{cls}\" name=\"{cls}\" "
        f"specVersion=\"0\" vendor=\"{VENDOR}\" version=\"0\">\n"
        f"{i}<description>Java: {escape(entry_point)} (JSON request in, JSON response out)</description>\n"
        f"{i}<descriptionURL />\n{i}<disabled>false</disabled>\n"
        f"{i}<inputVars>\n"
        + variable("request", "request", label="request", by_reference=False, reference_allowed=False,
                   value_allowed=True, visible=True, description="the request as JSON text", indent=i + "    ")
        + f"{i}</inputVars>\n{i}<outputVars>\n"
        + variable("response", "response", label="response", by_reference=False, reference_allowed=False,
                   value_allowed=True, visible=True, description="the answer as JSON text", indent=i + "    ")
        + f"{i}</outputVars>\n{i}<resources />\n{i}<children />\n"
        f"{i}<implementationFile>{cls}.class</implementationFile>\n"
        "        </function>\n"
    )


def wrapper_function(module_id: str, entry_point: str) -> str:
    """The function an RPC entry point targets: its variables are what the XML-RPC struct fills."""
    cls = function_class(entry_point)
    wrapper = wrapper_id(entry_point)
    request_var = stable_id(wrapper, "request")
    response_var = stable_id(wrapper, "response")
    i = "            "
    j = i + "        "
    return (
        f"        <function visibility=\"Private\" createTime=\"{LAST_CHANGED_TIME}\" id=\"{wrapper}\" "
        f"name=\"{wrapper}\" specVersion=\"0\" vendor=\"{VENDOR}\" version=\"0\">\n"
        f"{i}<description>XML-RPC entry point {escape(entry_point)}: passes request to {cls} and its response back</description>\n"
        f"{i}<descriptionURL />\n{i}<disabled>false</disabled>\n"
        f"{i}<inputVars>\n"
        + variable(request_var, "request", label="request", by_reference=False, reference_allowed=True,
                   value_allowed=True, visible=True, description="the request as JSON text", indent=i + "    ")
        + f"{i}</inputVars>\n{i}<outputVars>\n"
        + variable(response_var, "response", label="response", by_reference=True, reference_allowed=True,
                   value_allowed=False, visible=True, description="the answer as JSON text", indent=i + "    ")
        + f"{i}</outputVars>\n{i}<resources />\n{i}<children>\n"
        f"{i}    <functionCall createTime=\"{LAST_CHANGED_TIME}\" id=\"{stable_id(wrapper, 'call')}\" "
        f"name=\"Call --&gt; {cls}\" specVersion=\"0\" vendor=\"{VENDOR}\" version=\"0\">\n"
        f"{j}<description />\n{j}<descriptionURL />\n{j}<disabled>false</disabled>\n"
        f"{j}<inputVars>\n"
        + variable("request", "request", label="", by_reference=True, reference_allowed=True, value_allowed=True,
                   visible=False, value=request_var, indent=j + "    ")
        + f"{j}</inputVars>\n{j}<outputVars>\n"
        + variable("response", "response", label="", by_reference=False, reference_allowed=True,
                   value_allowed=False, visible=False, value=response_var, indent=j + "    ")
        + f"{j}</outputVars>\n{j}<resources />\n{j}<children />\n"
        f"{j}<target targetDomainId=\"{module_id}\" targetId=\"{cls}\" targetName=\"{cls}\" targetVersion=\"0\" />\n"
        f"{i}    </functionCall>\n{i}</children>\n"
        "        </function>\n"
    )


def rpc_entry_point(module_id: str, entry_point: str) -> str:
    wrapper = wrapper_id(entry_point)
    return (
        f"        <rpcEntryPoint id=\"{stable_id('entryPoint', entry_point)}\" name=\"{entry_point}\">\n"
        f"            <functionReference targetDomainId=\"{module_id}\" targetId=\"{wrapper}\" "
        f"targetName=\"{wrapper}\" targetVersion=\"0\" />\n"
        "            <type>XMLRPC_auth</type>\n"
        "        </rpcEntryPoint>\n"
    )


def localized(key: str, english: str, german: str, indent: str) -> str:
    return (
        f"{indent}<resourceKeys>\n"
        f"{indent}    <entries><key>en</key><value>{escape(english)}</value></entries>\n"
        f"{indent}    <entries><key>de</key><value>{escape(german)}</value></entries>\n"
        f"{indent}    <key>{escape(key)}</key>\n"
        f"{indent}    <propertyName>NAME</propertyName>\n"
        f"{indent}</resourceKeys>\n"
    )


def secret_form(module_id: str) -> str:
    """The instance form: one tab with the password input for the agent secret."""
    tab = stable_id("tab", "agent")
    i = "        "
    return (
        f"    <inputGUITabs createTime=\"{LAST_CHANGED_TIME}\" id=\"{tab}\" name=\"Agent\" specVersion=\"0\" "
        "vendor=\"\" version=\"0\">\n"
        f"{i}<description />\n{i}<descriptionURL />\n{i}<disabled>false</disabled>\n"
        + localized(f"inputguitab.name{{{tab}}}", "Agent", "Agent", i)
        + f"{i}<GUIDescriptors>\n"
        f"{i}    <passwordInput maxLength=\"0\" variableId=\"{SECRET_VARIABLE}\" createTime=\"{LAST_CHANGED_TIME}\" "
        f"id=\"{stable_id('input', SECRET_VARIABLE)}\" name=\"Agent secret\" specVersion=\"0\" vendor=\"\" version=\"0\">\n"
        f"{i}        <description>The shared secret modmanager sends with every call (Gemeinsames Geheimnis, "
        "das modmanager bei jedem Aufruf mitsendet). Without it the agent answers nothing.</description>\n"
        f"{i}        <descriptionURL />\n{i}        <disabled>false</disabled>\n"
        f"{i}        <defaultValue />\n{i}        <elements />\n"
        f"{i}    </passwordInput>\n"
        f"{i}</GUIDescriptors>\n"
        "    </inputGUITabs>\n"
    )


def descriptor_xml(module_id: str, version: int) -> bytes:
    functions = "".join(java_function(module_id, ep) + wrapper_function(module_id, ep) for ep in ENTRY_POINTS)
    entry_points = "".join(rpc_entry_point(module_id, ep) for ep in ENTRY_POINTS)
    text = (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        f"<module id=\"{module_id}\" name={quoteattr(NAME)} vendor=\"{VENDOR}\" version=\"{version}\" "
        f"specVersion=\"5\" moduleType=\"EXTENDED\" createTime=\"{LAST_CHANGED_TIME}\" "
        f"lastChangedTime=\"{LAST_CHANGED_TIME}\">\n"
        "    <description>modmanager agent: lets modmanager list, back up, update and restore the modules of "
        "this PBX over XML-RPC (protocol 2). Every call needs the agent secret of this instance.</description>\n"
        "    <descriptionURL />\n"
        "    <disabled>false</disabled>\n"
        "    <inputVars>\n"
        f"        <variable id=\"{SECRET_VARIABLE}\" name=\"{SECRET_VARIABLE}\" type=\"STRING\" valueByReference=\"false\" "
        "valueByReferenceAllowed=\"false\" valueByValueAllowed=\"true\" visible=\"true\">\n"
        "            <accessRights>Read</accessRights>\n"
        "            <value />\n"
        "        </variable>\n"
        "    </inputVars>\n"
        "    <outputVars />\n"
        "    <resources />\n"
        "    <children>\n"
        f"{functions}"
        "    </children>\n"
        "    <defaultLocale>de</defaultLocale>\n"
        "    <editable>false</editable>\n"
        "    <entryPoints>\n"
        f"{entry_points}"
        "    </entryPoints>\n"
        f"{secret_form(module_id)}"
        + localized(f"module.name{{{module_id}}}", NAME, NAME, "    ")
        + "    <shortDescription>modmanager agent (protocol 2)</shortDescription>\n"
        f"    <writeHash>{sha1hex(module_id)}</writeHash>\n"
        f"    <noLicenseId>{sha1hex(module_id + str(LAST_CHANGED_TIME) + 'STARFACE')}</noLicenseId>\n"
        "</module>\n"
    )
    return text.encode("utf-8")


def manifest(module_id: str) -> bytes:
    stamp = datetime.fromtimestamp(LAST_CHANGED_TIME / 1000, UTC).isoformat(timespec="seconds")
    lines = [
        "Manifest-Version: 1.0",
        "Created-By: modmanager agent/build.sh",
        f"ObjectId: {module_id}",
        "StarfaceModule_SpecVersion: 5",
        f"Create-Date: {stamp}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")


def pack(classes: Path, out: Path, descriptor: bytes, module_id: str) -> None:
    """The .sfm: manifest first (stored, as jar writes it), descriptor, classes, fixed times."""
    stamp = datetime.fromtimestamp(LAST_CHANGED_TIME / 1000, UTC).timetuple()[:6]
    class_files = sorted(p for p in classes.rglob("*.class"))
    missing = [function_class(ep) for ep in ENTRY_POINTS if not (classes / f"{function_class(ep)}.class").is_file()]
    if missing:
        sys.exit(f"build_sfm: function classes missing at the root of {classes}: {', '.join(missing)}")
    if any(p.relative_to(classes).parts[0] in ("de",) and p.relative_to(classes).parts[:2] != ("de", "modmanager")
           for p in class_files):
        sys.exit("build_sfm: STARFACE stub classes found among the agent's classes; they must never be packed")
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_suffix(".tmp")
    with zipfile.ZipFile(temp, "w") as archive:
        entries: list[tuple[str, bytes, int]] = [
            ("META-INF/", b"", zipfile.ZIP_STORED),
            ("META-INF/MANIFEST.MF", manifest(module_id), zipfile.ZIP_STORED),
            ("module-descriptor.xml", descriptor, zipfile.ZIP_DEFLATED),
        ]
        folders: set[str] = set()
        for path in class_files:
            relative = path.relative_to(classes).as_posix()
            for depth in range(1, relative.count("/") + 1):
                folder = "/".join(relative.split("/")[:depth]) + "/"
                if folder not in folders:
                    folders.add(folder)
                    entries.append((folder, b"", zipfile.ZIP_STORED))
            entries.append((relative, path.read_bytes(), zipfile.ZIP_DEFLATED))
        for name, content, method in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 0
            info.external_attr = (0o40755 << 16 | 0x10) if name.endswith("/") else (0o644 << 16)
            info.compress_type = method
            archive.writestr(info, content, compresslevel=9)
    temp.replace(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=Path, required=True, help="compiled agent classes (no stubs)")
    parser.add_argument("--out", type=Path, required=True, help="the .sfm to write")
    parser.add_argument("--descriptor-out", type=Path, help="also write the descriptor here")
    args = parser.parse_args()
    module_id = java_constant("MODULE_ID")
    version = int(java_constant("VERSION"))
    descriptor = descriptor_xml(module_id, version)
    if args.descriptor_out:
        args.descriptor_out.parent.mkdir(parents=True, exist_ok=True)
        args.descriptor_out.write_bytes(descriptor)
    pack(args.classes, args.out, descriptor, module_id)


if __name__ == "__main__":
    main()
