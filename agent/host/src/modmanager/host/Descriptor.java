package modmanager.host;

import de.vertico.starface.module.core.model.VariableType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the host needs of {@code module-descriptor.xml}: module facts, the module-level input
 * variables and the configuration form (which make up an instance's variables), the functions
 * with their variables and functionCalls, and the RPC entry points.
 */
final class Descriptor {
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Set<String> LAYOUT_KINDS = new HashSet<>(java.util.Arrays.asList(
            "headline", "label", "separator", "spacer", "text", "infoText"));

    final String id;
    final String name;
    final String vendor;
    final long version;
    final String moduleType;
    final String lastChangedTime;
    final String noLicenseId;
    final Map<String, String> names;
    /** Module-level input variables (the instance's variables on a real PBX). */
    final List<Var> moduleInputs;
    /** Form inputs that store a value, first one per variableId. */
    final List<FormInput> form;
    final Map<String, Function> functions;
    final List<RpcEntryPoint> rpcEntryPoints;

    private Descriptor(Element root) throws Sfm.SfmException {
        id = required(Xml.trimmed(Xml.field(root, "id")), "module id");
        name = required(Xml.trimmed(Xml.field(root, "name")), "module name");
        String versionText = Xml.trimmed(Xml.field(root, "version"));
        if (versionText == null || !versionText.matches("[0-9]{1,18}")) {
            throw new Sfm.SfmException("the descriptor's module version is not a whole number");
        }
        version = Long.parseLong(versionText);
        vendor = nonNull(Xml.trimmed(Xml.field(root, "vendor")));
        moduleType = Xml.trimmed(Xml.field(root, "moduleType"));
        lastChangedTime = Xml.trimmed(Xml.field(root, "lastChangedTime"));
        noLicenseId = Xml.trimmed(Xml.field(root, "noLicenseId"));
        names = resourceNames(root);
        moduleInputs = variables(root, "inputVars");
        form = formInputs(root);
        functions = functions(root);
        rpcEntryPoints = entryPoints(root);
    }

    static Descriptor parse(byte[] xml) throws Sfm.SfmException {
        if (xml.length > MAX_BYTES) {
            throw new Sfm.SfmException("the module descriptor is larger than " + MAX_BYTES + " bytes");
        }
        Document document;
        try {
            document = Xml.parse(xml);
        } catch (Exception error) {
            throw new Sfm.SfmException("the module descriptor is not well-formed XML without a DTD");
        }
        Element root = document.getDocumentElement();
        if (root == null || !Xml.local(root).equals("module")) {
            throw new Sfm.SfmException("the module descriptor does not start with <module>");
        }
        return new Descriptor(root);
    }

    /**
     * False when the descriptor carries a noLicenseId that is not
     * sha1hex(id + lastChangedTime + "STARFACE") (STARFACE: "Unzureichende Modullizenz").
     * A descriptor without noLicenseId counts as licensed here.
     */
    boolean licenseHashValid() {
        if (noLicenseId == null) {
            return true;
        }
        String expected = sha1Hex(id + (lastChangedTime == null ? "" : lastChangedTime) + "STARFACE");
        return expected.equalsIgnoreCase(noLicenseId);
    }

    /** The variables an instance of this module has: module-level inputs, then form-only ones. */
    List<InstanceVar> instanceVariables() {
        Map<String, InstanceVar> result = new LinkedHashMap<>();
        for (Var input : moduleInputs) {
            if (input.id == null) {
                continue;
            }
            String defaultValue = input.value == null || input.value.isEmpty() ? null : input.value;
            result.put(input.id, new InstanceVar(input.id, input.name == null ? input.id : input.name,
                    input.type, defaultValue));
        }
        for (FormInput input : form) {
            InstanceVar known = result.get(input.variableId);
            if (known == null) {
                for (InstanceVar candidate : result.values()) {
                    if (input.variableId.equals(candidate.name)) {
                        known = candidate;
                    }
                }
            }
            if (known != null) {
                if (input.defaultValue != null) {
                    result.put(known.id, new InstanceVar(known.id, known.name, known.type, input.defaultValue));
                }
                continue;
            }
            result.put(input.variableId, new InstanceVar(input.variableId, input.variableId,
                    typeOfKind(input.kind), input.defaultValue));
        }
        return new ArrayList<>(result.values());
    }

    /** The STARFACE variable type a form element stores (by element name; unknown kinds: STRING). */
    static VariableType typeOfKind(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.contains("timer")) {
            return VariableType.TIMER_SETTINGS;
        }
        if (k.startsWith("number") || k.startsWith("integer")) {
            return VariableType.NUMBER;
        }
        if (k.startsWith("checkbox") || k.startsWith("boolean")) {
            return VariableType.BOOLEAN;
        }
        if (k.contains("map") || k.contains("keyvalue")) {
            return VariableType.MAP;
        }
        if (k.contains("list")) {
            return VariableType.LIST;
        }
        if (k.contains("file") || k.contains("sound")) {
            return VariableType.FILE_RESOURCE;
        }
        if (k.contains("group")) {
            return VariableType.STARFACE_GROUP;
        }
        if (k.contains("user")) {
            return VariableType.STARFACE_USER;
        }
        return VariableType.STRING;
    }

    static VariableType type(String name) {
        if (name == null) {
            return VariableType.UNDEFINED;
        }
        try {
            return VariableType.valueOf(name.trim());
        } catch (IllegalArgumentException error) {
            return VariableType.UNDEFINED;
        }
    }

    // --- parsing ----------------------------------------------------------------------------

    private static Map<String, String> resourceNames(Element root) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Element keys : Xml.children(root, "resourceKeys")) {
            for (Element entry : Xml.children(keys)) {
                String tag = Xml.local(entry);
                if (!tag.equals("entries") && !tag.equals("entry")) {
                    continue;
                }
                String locale = Xml.trimmed(Xml.field(entry, "key"));
                String value = Xml.trimmed(Xml.field(entry, "value"));
                if (locale != null && value != null) {
                    result.putIfAbsent(locale, value);
                }
            }
        }
        return result;
    }

    private static List<Var> variables(Element owner, String container) {
        List<Var> result = new ArrayList<>();
        for (Element vars : Xml.children(owner, container)) {
            for (Element variable : Xml.children(vars, "variable")) {
                String byReference = variable.hasAttribute("valueByReference")
                        ? variable.getAttribute("valueByReference").trim() : null;
                Element value = Xml.child(variable, "value");
                result.add(new Var(
                        Xml.trimmed(Xml.field(variable, "id")),
                        Xml.trimmed(variable.getAttribute("name")),
                        type(Xml.trimmed(variable.getAttribute("type"))),
                        value == null ? null : value.getTextContent(),
                        byReference == null ? null : Boolean.valueOf(byReference)));
            }
        }
        return Collections.unmodifiableList(result);
    }

    private static List<FormInput> formInputs(Element root) {
        List<FormInput> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Element> tabs = new ArrayList<>();
        for (Element container : Xml.children(root, "inputGUITabs")) {
            if (!Xml.children(container, "GUIDescriptors").isEmpty()) {
                tabs.add(container);
                continue;
            }
            for (Element child : Xml.children(container)) {
                if (!Xml.children(child, "GUIDescriptors").isEmpty()) {
                    tabs.add(child);
                }
            }
        }
        for (Element tab : tabs) {
            for (Element descriptors : Xml.children(tab, "GUIDescriptors")) {
                List<Element> elements = new ArrayList<>();
                List<String> kinds = new ArrayList<>();
                String typed = Xml.xsiType(descriptors);
                if (typed != null) {
                    elements.add(descriptors);
                    kinds.add(typed);
                } else {
                    for (Element element : Xml.children(descriptors)) {
                        elements.add(element);
                        kinds.add(Xml.local(element));
                    }
                }
                for (int i = 0; i < elements.size(); i++) {
                    String kind = kinds.get(i);
                    String variableId = Xml.trimmed(Xml.field(elements.get(i), "variableId"));
                    if (variableId == null || LAYOUT_KINDS.contains(kind) || !seen.add(variableId)) {
                        continue;
                    }
                    result.add(new FormInput(variableId, kind, Xml.field(elements.get(i), "defaultValue")));
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    private static Map<String, Function> functions(Element root) {
        Map<String, Function> result = new LinkedHashMap<>();
        for (Element children : Xml.children(root, "children")) {
            for (Element element : Xml.children(children, "function")) {
                Function function = new Function(element);
                if (function.id != null) {
                    result.putIfAbsent(function.id, function);
                }
            }
        }
        return Collections.unmodifiableMap(result);
    }

    private static List<RpcEntryPoint> entryPoints(Element root) {
        List<RpcEntryPoint> result = new ArrayList<>();
        for (Element container : Xml.children(root, "entryPoints")) {
            List<Element> elements = new ArrayList<>();
            String typed = Xml.xsiType(container);
            if (typed != null) {
                if (typed.equals("rpcEntryPoint")) {
                    elements.add(container);
                }
            } else {
                elements.addAll(Xml.children(container, "rpcEntryPoint"));
            }
            for (Element element : elements) {
                Element reference = Xml.child(element, "functionReference");
                result.add(new RpcEntryPoint(
                        Xml.trimmed(Xml.field(element, "name")),
                        Xml.trimmed(Xml.field(element, "type")),
                        reference == null ? null : Xml.trimmed(reference.getAttribute("targetDomainId")),
                        reference == null ? null : Xml.trimmed(reference.getAttribute("targetId"))));
            }
        }
        return Collections.unmodifiableList(result);
    }

    private static String required(String value, String what) throws Sfm.SfmException {
        if (value == null) {
            throw new Sfm.SfmException("the module descriptor has no " + what);
        }
        return value;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    static String sha1Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException error) {
            throw new IllegalStateException(error);
        }
    }

    // --- model --------------------------------------------------------------------------------

    /** A declared variable (of a function, a functionCall or the module). */
    static final class Var {
        final String id;
        final String name;
        final VariableType type;
        /** Text of the {@code <value>} child: a literal, or the id of a variable when by reference. */
        final String value;
        final Boolean byReference;

        Var(String id, String name, VariableType type, String value, Boolean byReference) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.value = value;
            this.byReference = byReference;
        }

        String fieldName() {
            return name != null ? name : id;
        }
    }

    /** A value-storing element of the configuration form. */
    static final class FormInput {
        final String variableId;
        final String kind;
        final String defaultValue;

        FormInput(String variableId, String kind, String defaultValue) {
            this.variableId = variableId;
            this.kind = kind;
            this.defaultValue = defaultValue;
        }
    }

    /** A variable an instance holds, with the value a new instance starts with (null: none). */
    static final class InstanceVar {
        final String id;
        final String name;
        final VariableType type;
        final String defaultValue;

        InstanceVar(String id, String name, VariableType type, String defaultValue) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.defaultValue = defaultValue;
        }
    }

    /** A function: Java (implementationFile) or composed of child elements (functionCalls). */
    static final class Function {
        final String id;
        final String name;
        final List<Var> inputs;
        final List<Var> outputs;
        final String implementationFile;
        final List<Call> calls = new ArrayList<>();
        /** Names of child elements the host cannot run (anything but functionCall). */
        final List<String> unsupportedChildren = new ArrayList<>();

        Function(Element element) {
            id = Xml.trimmed(Xml.field(element, "id"));
            name = Xml.trimmed(Xml.field(element, "name"));
            inputs = variables(element, "inputVars");
            outputs = variables(element, "outputVars");
            implementationFile = Xml.trimmed(Xml.field(element, "implementationFile"));
            for (Element children : Xml.children(element, "children")) {
                for (Element child : Xml.children(children)) {
                    if (Xml.local(child).equals("functionCall")) {
                        calls.add(new Call(child));
                    } else {
                        unsupportedChildren.add(Xml.local(child));
                    }
                }
            }
        }

        boolean isJava() {
            return implementationFile != null;
        }

        /** The class name from implementationFile ("a/b/X.class" -> "a.b.X"). */
        String className() {
            String file = implementationFile;
            if (file.endsWith(".class")) {
                file = file.substring(0, file.length() - ".class".length());
            }
            return file.replace('/', '.');
        }

        Var input(String varId) {
            return find(inputs, varId);
        }

        Var output(String varId) {
            return find(outputs, varId);
        }

        private static Var find(List<Var> vars, String varId) {
            for (Var var : vars) {
                if (varId != null && varId.equals(var.id)) {
                    return var;
                }
            }
            for (Var var : vars) {
                if (varId != null && varId.equals(var.name)) {
                    return var;
                }
            }
            return null;
        }
    }

    /** A functionCall inside a composed function. */
    static final class Call {
        final String id;
        final List<Var> inputs;
        final List<Var> outputs;
        final String targetDomainId;
        final String targetId;

        Call(Element element) {
            id = Xml.trimmed(Xml.field(element, "id"));
            inputs = variables(element, "inputVars");
            outputs = variables(element, "outputVars");
            Element target = Xml.child(element, "target");
            targetDomainId = target == null ? null : Xml.trimmed(target.getAttribute("targetDomainId"));
            targetId = target == null ? null : Xml.trimmed(target.getAttribute("targetId"));
        }
    }

    /** An {@code <rpcEntryPoint>}. */
    static final class RpcEntryPoint {
        final String name;
        final String type;
        final String targetDomainId;
        final String targetId;

        RpcEntryPoint(String name, String type, String targetDomainId, String targetId) {
            this.name = name;
            this.type = type;
            this.targetDomainId = targetDomainId;
            this.targetId = targetId;
        }
    }
}
