"""A tiny STARFACE module for the test host's own tests: compiled and packed in the test.

It keeps the host tests independent of the real agent. Its descriptor is wired like the
agent's (one wrapper function per entry point with a functionCall to a Java function):

- ``echo``: ``request`` -> ``response``. Plain text comes back as it is; ``!`` commands probe
  the host from inside (``!boom`` throws, ``!secret`` reads the own instance's ``agentSecret``,
  ``!calls`` counts calls in a static field, ``!import:<path>``, ``!state``, ``!deactivate-self``,
  ``!create:<name>``, ``!set:<instance>:<variable>=<value>``, ``!version``, ``!hostclass``, ``!reflect``).
- ``add``: NUMBER ``a`` + NUMBER ``b`` -> NUMBER ``sum``, BOOLEAN ``positive``.
- ``greeting``: the instance's ``greeting`` setting, passed by reference in the functionCall.
"""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

from modmanager.core.sfmbuild import ModuleSpec, assemble_sfm, manifest_text

MODULE_ID = "7d2f0c1e-3a4b-4c5d-9e6f-708192a3b4c5"
SECRET_VARIABLE = "c0ffee00-0000-4000-8000-00000000a9e7"
GREETING_VARIABLE = "c0ffee00-0000-4000-8000-0000000097ee"
LIMIT_VARIABLE = "c0ffee00-0000-4000-8000-0000000011a1"
LAST_CHANGED = "1755000000000"

ECHO_SOURCE = r"""
import de.vertico.starface.StarfaceReleaseInfo;
import java.nio.file.Files;
import de.vertico.starface.module.core.ModuleRegistry;
import de.vertico.starface.module.core.model.Module;
import de.vertico.starface.module.core.model.ModuleInstance;
import de.vertico.starface.module.core.model.ModuleInstanceProject;
import de.vertico.starface.module.core.model.Variable;
import de.vertico.starface.module.core.model.VariableType;
import de.vertico.starface.module.core.model.Visibility;
import de.vertico.starface.module.core.model.resource.FileResource;
import de.vertico.starface.module.core.model.resource.TimerSettingsResource;
import de.vertico.starface.module.core.runtime.IBaseExecutable;
import de.vertico.starface.module.core.runtime.IRuntimeEnvironment;
import de.vertico.starface.module.core.runtime.annotations.Function;
import de.vertico.starface.module.core.runtime.annotations.InputVar;
import de.vertico.starface.module.core.runtime.annotations.OutputVar;

@Function(visibility = Visibility.Private, description = "echo and host probes")
public class EchoFunction implements IBaseExecutable {
    private static int calls;

    @InputVar(label = "request", type = VariableType.STRING)
    public String request = "<unset>";

    @OutputVar(label = "response", type = VariableType.STRING)
    public String response;

    @Override
    public void execute(IRuntimeEnvironment context) throws Exception {
        String r = request;
        if (r == null) {
            response = "<null>";
        } else if (!r.startsWith("!")) {
            response = r;
        } else if (r.equals("!boom")) {
            throw new IllegalStateException("boom requested");
        } else if (r.equals("!secret")) {
            response = "<none>";
            for (Variable v : context.getInvocationInfo().getModuleInstance().getInputVars()) {
                if ("agentSecret".equals(v.getName())) {
                    response = v.getValue();
                }
            }
        } else if (r.equals("!calls")) {
            response = Integer.toString(++calls);
        } else if (r.startsWith("!import:")) {
            registry(context).importModule(r.substring("!import:".length()), true);
            response = "imported";
        } else if (r.equals("!state")) {
            StringBuilder out = new StringBuilder();
            ModuleRegistry registry = registry(context);
            for (Module m : registry.getModules()) {
                out.append("module ").append(m.getId()).append(' ').append(m.getVersion()).append('\n');
                for (ModuleInstance i : registry.getInstances4Module(m.getId())) {
                    out.append("instance ").append(i.getName()).append(" active=").append(!i.getDisabled());
                    for (Variable v : i.getInputVars()) {
                        String value = v.getValue();
                        if (v.getType() == VariableType.LIST && value != null) {
                            value = String.valueOf(i.getListResource(value).getValues());
                        } else if (v.getType() == VariableType.MAP && value != null) {
                            value = String.valueOf(i.getMapResource(value).getMap());
                        } else if (v.getType() == VariableType.TIMER_SETTINGS && value != null) {
                            TimerSettingsResource t = i.getTimerSettings(value);
                            value = t.getMultiplikator() + "x" + t.getPeriod() + "@" + t.getStartTime();
                        } else if (v.getType() == VariableType.FILE_RESOURCE && value != null) {
                            FileResource f = i.getFileResource(value);
                            byte[] data = Files.readAllBytes(f.getRealFile().toPath());
                            value = f.getName() + ":" + new String(data, "UTF-8");
                        }
                        out.append(' ').append(v.getName()).append('=').append(value);
                    }
                    out.append('\n');
                }
            }
            response = out.toString();
        } else if (r.equals("!deactivate-self")) {
            ModuleRegistry registry = registry(context);
            String self = context.getInvocationInfo().getModuleInstance().getId();
            registry.activateModuleInstance(registry.getInstance4Edit(self), false);
            response = "deactivated";
        } else if (r.startsWith("!create:")) {
            ModuleRegistry registry = registry(context);
            String own = context.getInvocationInfo().getModule().getId();
            ModuleInstanceProject project = registry.createModuleInstance(own);
            ((ModuleInstance) project.getObject()).setName(r.substring("!create:".length()));
            registry.updateModuleInstance(project);
            response = "created";
        } else if (r.startsWith("!set:")) {
            String[] parts = r.substring("!set:".length()).split("[:=]", 3);
            ModuleRegistry registry = registry(context);
            for (Module m : registry.getModules()) {
                for (ModuleInstance i : registry.getInstances4Module(m.getId())) {
                    if (i.getName().equals(parts[0])) {
                        ModuleInstanceProject project = registry.getInstance4Edit(i.getId());
                        ((ModuleInstance) project.getObject()).getInputVar(parts[1]).setValue(parts[2]);
                        registry.updateModuleInstance(project);
                    }
                }
            }
            response = "set";
        } else if (r.equals("!version")) {
            String bean;
            try {
                bean = String.valueOf(context.springApplicationContext().getBean("pbxVersion"));
            } catch (NoSuchMethodError e) {
                bean = "-";
            }
            String legacy;
            try {
                legacy = StarfaceReleaseInfo.getVersion();
            } catch (NoSuchMethodError e) {
                legacy = "-";
            }
            response = legacy + "|" + bean;
        } else if (r.equals("!reflect")) {
            Object spring = context.getClass().getMethod("springApplicationContext").invoke(context);
            Object bean = spring.getClass().getMethod("getBean", Class.class).invoke(spring, ModuleRegistry.class);
            Object log = context.getClass().getMethod("getLog").invoke(context);
            log.getClass().getMethod("warn", Object.class).invoke(log, "reflective warning");
            response = bean.getClass().getName();
        } else if (r.equals("!hostclass")) {
            try {
                Class.forName("modmanager.host.Pbx");
                response = "visible";
            } catch (ClassNotFoundException e) {
                response = "hidden";
            }
        } else {
            response = "unknown command";
        }
        context.getLog().info("echo handled {}", r != null && r.startsWith("!") ? r : "text");
    }

    private static ModuleRegistry registry(IRuntimeEnvironment context) {
        try {
            return context.springApplicationContext().getBean(ModuleRegistry.class);
        } catch (NoSuchMethodError e) {
            return (ModuleRegistry) context.provider().fetch(ModuleRegistry.class);
        }
    }
}
"""

ADD_SOURCE = r"""
import de.vertico.starface.module.core.model.VariableType;
import de.vertico.starface.module.core.runtime.IBaseExecutable;
import de.vertico.starface.module.core.runtime.IRuntimeEnvironment;
import de.vertico.starface.module.core.runtime.annotations.Function;
import de.vertico.starface.module.core.runtime.annotations.InputVar;
import de.vertico.starface.module.core.runtime.annotations.OutputVar;

@Function
public class AddFunction implements IBaseExecutable {
    @InputVar(type = VariableType.NUMBER)
    public Integer a;

    @InputVar(type = VariableType.NUMBER)
    public double b;

    @OutputVar(type = VariableType.NUMBER)
    public Double sum;

    @OutputVar(type = VariableType.BOOLEAN)
    public Boolean positive;

    @Override
    public void execute(IRuntimeEnvironment context) {
        sum = (a == null ? 0 : a) + b;
        positive = sum > 0;
    }
}
"""


def compile_classes(host_classes: Path, folder: Path, release: int = 8) -> dict[str, bytes]:
    """Compile the module's Java functions against the host's STARFACE classes: JAR entry -> bytes."""
    sources = folder / "src"
    out = folder / "classes"
    sources.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    (sources / "EchoFunction.java").write_text(ECHO_SOURCE, encoding="utf-8")
    (sources / "AddFunction.java").write_text(ADD_SOURCE, encoding="utf-8")
    command = ["javac", "--release", str(release), "-Xlint:-options", "-encoding", "UTF-8"]
    command += ["-cp", str(host_classes), "-d", str(out), str(sources / "EchoFunction.java")]
    command += [str(sources / "AddFunction.java")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return {path.name: path.read_bytes() for path in sorted(out.glob("*.class"))}


@dataclass(frozen=True)
class Variant:
    """How a built test module differs from the correct one."""

    version: int = 1
    direct_entry_point: bool = False
    """The ``echo`` entry point targets EchoFunction itself instead of its wrapper."""
    internal_database: bool = False
    license_hash: str | None = "valid"
    """``valid``: a correct noLicenseId; ``wrong``: a wrong one; None: no noLicenseId element."""


def _variable(var_id: str, name: str, kind: str, value: str = "", by_reference: bool | None = None) -> str:
    reference = "" if by_reference is None else f' valueByReference="{str(by_reference).lower()}"'
    return (
        f"<variable id={quoteattr(var_id)} name={quoteattr(name)} type={quoteattr(kind)}{reference}>"
        f"<value>{value}</value></variable>"
    )


def _java_function(name: str, inputs: list[tuple[str, str]], outputs: list[tuple[str, str]]) -> str:
    ins = "".join(_variable(var, var, kind) for var, kind in inputs)
    outs = "".join(_variable(var, var, kind) for var, kind in outputs)
    return (
        f'<function id="{name}" name="{name}" visibility="Private"><inputVars>{ins}</inputVars>'
        f"<outputVars>{outs}</outputVars><children/><implementationFile>{name}.class</implementationFile></function>"
    )


def _wrapper(
    wrapper_id: str,
    target: str,
    inputs: list[tuple[str, str, str]],
    outputs: list[tuple[str, str, str]],
    call_inputs: list[tuple[str, str]],
) -> str:
    """A wrapper function: (id, name, type) variables; call_inputs map target input -> variable id."""
    ins = "".join(_variable(var_id, name, kind) for var_id, name, kind in inputs)
    outs = "".join(_variable(var_id, name, kind) for var_id, name, kind in outputs)
    call_ins = "".join(_variable(target_var, target_var, "STRING", source, True) for target_var, source in call_inputs)
    call_outs = "".join(_variable(name, name, kind, var_id, False) for var_id, name, kind in outputs)
    return (
        f'<function id="{wrapper_id}" name="{wrapper_id}" visibility="Private"><inputVars>{ins}</inputVars>'
        f"<outputVars>{outs}</outputVars><children>"
        f'<functionCall id="call-{wrapper_id}" name="Call --&gt; {target}">'
        f"<inputVars>{call_ins}</inputVars><outputVars>{call_outs}</outputVars><children/>"
        f'<target targetDomainId="{MODULE_ID}" targetId="{target}" targetName="{target}" targetVersion="0"/>'
        f"</functionCall></children></function>"
    )


def _entry_point(name: str, target: str) -> str:
    return (
        f'<rpcEntryPoint id="ep-{name}" name="{name}">'
        f'<functionReference targetDomainId="{MODULE_ID}" targetId="{target}" targetName="{target}" targetVersion="0"/>'
        f"<type>XMLRPC_auth</type></rpcEntryPoint>"
    )


def descriptor(variant: Variant) -> bytes:
    functions = [
        _java_function("EchoFunction", [("request", "STRING")], [("response", "STRING")]),
        _wrapper(
            "rpc_echo",
            "EchoFunction",
            [("w-echo-request", "request", "STRING")],
            [("w-echo-response", "response", "STRING")],
            [("request", "w-echo-request")],
        ),
        _java_function("AddFunction", [("a", "NUMBER"), ("b", "NUMBER")], [("sum", "NUMBER"), ("positive", "BOOLEAN")]),
        _wrapper(
            "rpc_add",
            "AddFunction",
            [("w-add-a", "a", "NUMBER"), ("w-add-b", "b", "NUMBER")],
            [("w-add-sum", "sum", "NUMBER"), ("w-add-positive", "positive", "BOOLEAN")],
            [("a", "w-add-a"), ("b", "w-add-b")],
        ),
        _wrapper(
            "rpc_greeting",
            "EchoFunction",
            [],
            [("w-greeting-response", "response", "STRING")],
            [("request", GREETING_VARIABLE)],
        ),
    ]
    entry_points = [
        _entry_point("echo", "EchoFunction" if variant.direct_entry_point else "rpc_echo"),
        _entry_point("add", "rpc_add"),
        _entry_point("greeting", "rpc_greeting"),
    ]
    license_hash = ""
    if variant.license_hash is not None:
        digest = hashlib.sha1((MODULE_ID + LAST_CHANGED + "STARFACE").encode()).hexdigest()
        license_hash = f"<noLicenseId>{digest if variant.license_hash == 'valid' else '0' * 40}</noLicenseId>"
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<module id="{MODULE_ID}" name="Host-Testmodul" vendor="modmanager tests" version="{variant.version}"'
        f' specVersion="5" moduleType="EXTENDED" createTime="{LAST_CHANGED}" lastChangedTime="{LAST_CHANGED}">'
        "<description>Probes for the STARFACE test host &amp; its tests</description>"
        f"{license_hash}<writeHash>{hashlib.sha1(MODULE_ID.encode()).hexdigest()}</writeHash>"
        "<inputVars>"
        + _variable(SECRET_VARIABLE, "agentSecret", "STRING")
        + _variable(GREETING_VARIABLE, "greeting", "STRING")
        + _variable(LIMIT_VARIABLE, "limit", "NUMBER")
        + "</inputVars><outputVars/><resources/>"
        f"<children>{''.join(functions)}</children>"
        f"<entryPoints>{''.join(entry_points)}</entryPoints>"
        '<inputGUITabs name="Allgemein"><GUIDescriptors>'
        f'<passwordInput id="g1" name="Agent-Geheimnis" variableId="{SECRET_VARIABLE}"/>'
        f'<textInput id="g2" name="Begrüßung" variableId="{GREETING_VARIABLE}"><defaultValue>Hallo</defaultValue>'
        "</textInput>"
        f'<numberInput id="g3" name="Grenze" variableId="{LIMIT_VARIABLE}" defaultValue="5"/>'
        '<listInput id="g4" name="Nummern" variableId="numbers"/>'
        "</GUIDescriptors></inputGUITabs>"
        "</module>\n"
    )
    return xml.encode("utf-8")


def build_module(classes: dict[str, bytes], variant: Variant | None = None) -> bytes:
    """The test module's .sfm (a JAR with manifest, descriptor and the compiled classes)."""
    variant = variant or Variant()
    spec = ModuleSpec(module_id=MODULE_ID, name="Host-Testmodul", vendor="modmanager tests", version=variant.version)
    entries = {
        "META-INF/": b"",
        "META-INF/MANIFEST.MF": manifest_text(spec),
        "module-descriptor.xml": descriptor(variant),
    }
    entries.update(classes)
    if variant.internal_database:
        entries["db/schema.sql"] = b"CREATE TABLE probe (id INT);\n"
    return assemble_sfm(entries, create_date=spec.create_date)
