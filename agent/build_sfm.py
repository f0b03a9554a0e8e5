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
from xml.etree.ElementTree import Element, SubElement, indent, tostring

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


def element(parent: Element | None, tag: str, text: str | None = None, **attributes: str) -> Element:
    """A child of ``parent`` (or a root) with attributes in the given order and optional text."""
    node = Element(tag, attributes) if parent is None else SubElement(parent, tag, attributes)
    if text is not None:
        node.text = text
    return node


def flag(value: bool) -> str:
    return "true" if value else "false"


def string_variable(
    parent: Element,
    var_id: str,
    name: str,
    *,
    label: str,
    by_reference: bool,
    reference_allowed: bool,
    value_allowed: bool,
    visible: bool,
    description: str = "",
    value: str = "",
) -> None:
    """One ``<variable>`` of type STRING, with the attributes real descriptors carry."""
    node = element(
        parent,
        "variable",
        id=var_id,
        label=label,
        name=name,
        type="STRING",
        valueByReference=flag(by_reference),
        valueByReferenceAllowed=flag(reference_allowed),
        valueByValueAllowed=flag(value_allowed),
        visible=flag(visible),
    )
    element(node, "description", description or None)
    element(node, "value", value or None)


def common(node: Element, description: str) -> None:
    """The children every function, call and form element starts with."""
    element(node, "description", description or None)
    element(node, "descriptionURL")
    element(node, "disabled", "false")


def function_node(parent: Element, function_id: str, description: str) -> Element:
    """A private ``<function>`` of the agent (id and name alike), with its common children."""
    node = element(
        parent,
        "function",
        visibility="Private",
        createTime=str(LAST_CHANGED_TIME),
        id=function_id,
        name=function_id,
        specVersion="0",
        vendor=VENDOR,
        version="0",
    )
    common(node, description)
    return node


def java_function(parent: Element, entry_point: str) -> None:
    """The function implemented by ``<Name>Function.class`` at the JAR root."""
    cls = function_class(entry_point)
    node = function_node(parent, cls, f"Java: {entry_point} (JSON request in, JSON response out)")
    string_variable(
        element(node, "inputVars"),
        "request",
        "request",
        label="request",
        by_reference=False,
        reference_allowed=False,
        value_allowed=True,
        visible=True,
        description="the request as JSON text",
    )
    string_variable(
        element(node, "outputVars"),
        "response",
        "response",
        label="response",
        by_reference=False,
        reference_allowed=False,
        value_allowed=True,
        visible=True,
        description="the answer as JSON text",
    )
    element(node, "resources")
    element(node, "children")
    element(node, "implementationFile", f"{cls}.class")


def wrapper_function(parent: Element, module_id: str, entry_point: str) -> None:
    """The function an RPC entry point targets: the XML-RPC struct fills its variables.

    Its only child calls the Java function: an input's value is the id of the wrapper variable
    it reads, an output's value the id of the wrapper variable it writes (AGENT.md).
    """
    cls = function_class(entry_point)
    wrapper = wrapper_id(entry_point)
    request_var = stable_id(wrapper, "request")
    response_var = stable_id(wrapper, "response")
    description = f"XML-RPC entry point {entry_point}: passes request to {cls} and its response back"
    node = function_node(parent, wrapper, description)
    string_variable(
        element(node, "inputVars"),
        request_var,
        "request",
        label="request",
        by_reference=False,
        reference_allowed=True,
        value_allowed=True,
        visible=True,
        description="the request as JSON text",
    )
    string_variable(
        element(node, "outputVars"),
        response_var,
        "response",
        label="response",
        by_reference=True,
        reference_allowed=True,
        value_allowed=False,
        visible=True,
        description="the answer as JSON text",
    )
    element(node, "resources")
    call = element(
        element(node, "children"),
        "functionCall",
        createTime=str(LAST_CHANGED_TIME),
        id=stable_id(wrapper, "call"),
        name=f"Call --> {cls}",
        specVersion="0",
        vendor=VENDOR,
        version="0",
    )
    common(call, "")
    string_variable(
        element(call, "inputVars"),
        "request",
        "request",
        label="",
        by_reference=True,
        reference_allowed=True,
        value_allowed=True,
        visible=False,
        value=request_var,
    )
    string_variable(
        element(call, "outputVars"),
        "response",
        "response",
        label="",
        by_reference=False,
        reference_allowed=True,
        value_allowed=False,
        visible=False,
        value=response_var,
    )
    element(call, "resources")
    element(call, "children")
    element(call, "target", targetDomainId=module_id, targetId=cls, targetName=cls, targetVersion="0")


def rpc_entry_point(parent: Element, module_id: str, entry_point: str) -> None:
    wrapper = wrapper_id(entry_point)
    node = element(parent, "rpcEntryPoint", id=stable_id("entryPoint", entry_point), name=entry_point)
    element(
        node, "functionReference", targetDomainId=module_id, targetId=wrapper, targetName=wrapper, targetVersion="0"
    )
    element(node, "type", "XMLRPC_auth")


def localized(parent: Element, key: str, english: str, german: str) -> None:
    node = element(parent, "resourceKeys")
    for locale, text in (("en", english), ("de", german)):
        entry = element(node, "entries")
        element(entry, "key", locale)
        element(entry, "value", text)
    element(node, "key", key)
    element(node, "propertyName", "NAME")


def secret_form(parent: Element) -> None:
    """The instance form: one tab with the password input for the agent secret.

    ``passwordInput`` is a guess: no public descriptor with a password field was found.
    """
    tab_id = stable_id("tab", "agent")
    tab = element(
        parent,
        "inputGUITabs",
        createTime=str(LAST_CHANGED_TIME),
        id=tab_id,
        name="Agent",
        specVersion="0",
        vendor="",
        version="0",
    )
    common(tab, "")
    localized(tab, f"inputguitab.name{{{tab_id}}}", "Agent", "Agent")
    secret = element(
        element(tab, "GUIDescriptors"),
        "passwordInput",
        maxLength="0",
        variableId=SECRET_VARIABLE,
        createTime=str(LAST_CHANGED_TIME),
        id=stable_id("input", SECRET_VARIABLE),
        name="Agent secret",
        specVersion="0",
        vendor="",
        version="0",
    )
    common(
        secret,
        "The shared secret modmanager sends with every call (Gemeinsames Geheimnis, das modmanager bei jedem "
        "Aufruf mitsendet). Without it the agent answers nothing.",
    )
    element(secret, "defaultValue")
    element(secret, "elements")


def descriptor_xml(module_id: str, version: int) -> bytes:
    root = element(
        None,
        "module",
        id=module_id,
        name=NAME,
        vendor=VENDOR,
        version=str(version),
        specVersion="5",
        moduleType="EXTENDED",
        createTime=str(LAST_CHANGED_TIME),
        lastChangedTime=str(LAST_CHANGED_TIME),
    )
    common(
        root,
        "modmanager agent: lets modmanager list, back up, update and restore the modules of this PBX over "
        "XML-RPC (protocol 2). Every call needs the agent secret of this instance.",
    )
    secret = element(
        element(root, "inputVars"),
        "variable",
        id=SECRET_VARIABLE,
        name=SECRET_VARIABLE,
        type="STRING",
        valueByReference="false",
        valueByReferenceAllowed="false",
        valueByValueAllowed="true",
        visible="true",
    )
    element(secret, "accessRights", "Read")
    element(secret, "value")
    element(root, "outputVars")
    element(root, "resources")
    children = element(root, "children")
    for entry_point in ENTRY_POINTS:
        java_function(children, entry_point)
        wrapper_function(children, module_id, entry_point)
    element(root, "defaultLocale", "de")
    element(root, "editable", "false")
    entry_points = element(root, "entryPoints")
    for entry_point in ENTRY_POINTS:
        rpc_entry_point(entry_points, module_id, entry_point)
    secret_form(root)
    localized(root, f"module.name{{{module_id}}}", NAME, NAME)
    element(root, "shortDescription", "modmanager agent (protocol 2)")
    element(root, "writeHash", sha1hex(module_id))
    element(root, "noLicenseId", sha1hex(module_id + str(LAST_CHANGED_TIME) + "STARFACE"))
    indent(root, space="    ")
    text = tostring(root, encoding="unicode", short_empty_elements=True)
    return ("<?xml version='1.0' encoding='UTF-8'?>\n" + text + "\n").encode("utf-8")


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


def is_agent_package(path: Path, classes: Path) -> bool:
    return path.relative_to(classes).parts[:3] == ("de", "modmanager", "agent")


def pack(classes: Path, out: Path, descriptor: bytes, module_id: str) -> None:
    """The .sfm: manifest first (stored, as jar writes it), descriptor, classes, fixed times."""
    stamp = datetime.fromtimestamp(LAST_CHANGED_TIME / 1000, UTC).timetuple()[:6]
    class_files = sorted(p for p in classes.rglob("*.class"))
    missing = [function_class(ep) for ep in ENTRY_POINTS if not (classes / f"{function_class(ep)}.class").is_file()]
    if missing:
        sys.exit(f"build_sfm: function classes missing at the root of {classes}: {', '.join(missing)}")
    foreign = [p for p in class_files if len(p.relative_to(classes).parts) > 1 and not is_agent_package(p, classes)]
    if foreign:
        sys.exit(f"build_sfm: classes outside de/modmanager/agent (stubs?) must never be packed: {foreign[0]}")
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
