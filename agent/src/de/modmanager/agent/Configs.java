package de.modmanager.agent;

import de.vertico.starface.module.core.ModuleRegistry;
import de.vertico.starface.module.core.model.Module;
import de.vertico.starface.module.core.model.ModuleInstance;
import de.vertico.starface.module.core.model.ModuleInstanceProject;
import de.vertico.starface.module.core.model.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * exportConfig and importConfig: every instance's values by variable id and type, plus the
 * module's internal data.
 *
 * <p>importConfig checks everything before it writes anything (an unknown instance, a value of
 * the wrong shape, a bad internalData blob: nothing changes), never changes whether an
 * instance is active, and replaces an instance's values: it writes the variables it is given
 * that the instance has (the form may have changed between versions) and clears the others
 * (value null, which exportConfig leaves out), like the protocol says. The agent's own secret
 * is never exported and never overwritten or cleared this way.
 */
final class Configs {

    private Configs() {
    }

    static Map<String, Object> exportConfig(Call call) throws Exception {
        String moduleId = call.request.string("moduleId");
        Module module = call.pbx.requireModule(moduleId);
        List<Object> instances = new ArrayList<Object>();
        long binary = 0;
        for (ModuleInstance instance : call.pbx.instances(moduleId)) {
            Map<String, Object> values = new LinkedHashMap<String, Object>();
            Map<String, Object> types = new LinkedHashMap<String, Object>();
            for (Variable variable : variables(instance)) {
                String key = Values.key(variable);
                if (key == null || hidden(moduleId, variable)) {
                    continue;
                }
                Object value = Values.read(instance, variable);
                if (value != null) { // a type only beside a value (PROTOCOL-V2: types within values)
                    binary = addBinary(binary, value);
                    values.put(key, value);
                    types.put(key, Values.typeName(variable));
                }
            }
            Map<String, Object> config = ModuleQueries.instanceState(instance);
            config.put("values", values);
            config.put("types", types);
            instances.add(config);
        }
        Set<String> entries = InternalData.entriesOf(call.kept().find(moduleId, module.getVersion()));
        Map<String, Object> result = new LinkedHashMap<String, Object>();
        result.put("moduleId", moduleId);
        result.put("version", Long.valueOf(module.getVersion()));
        result.put("instances", instances);
        byte[] internal = InternalData.pack(moduleId, entries);
        addBinary(binary, internal);
        result.put("internalData", internal);
        return result;
    }

    /** One instance's checked writes. */
    private static final class Target {
        final ModuleInstance instance;
        final List<Values.Planned> writes = new ArrayList<Values.Planned>();

        Target(ModuleInstance instance) {
            this.instance = instance;
        }
    }

    static Map<String, Object> importConfig(Call call) throws Exception {
        String moduleId = call.request.string("moduleId");
        List<?> items = call.request.list("instances");
        boolean restore = call.request.optBool("restoreInternalData", false);
        byte[] blob = restore ? call.request.optBase64("internalData", Json.MAX_CHARS) : new byte[0];
        Module module = call.pbx.requireModule(moduleId);
        List<Target> targets = new ArrayList<Target>();
        List<Object> names = new ArrayList<Object>();
        for (int i = 0; i < items.size(); i++) {
            targets.add(plan(call, moduleId, items.get(i), i));
            names.add(targets.get(i).instance.getName());
        }
        Map<String, byte[]> files = InternalData.unpack(blob);
        Set<String> entries = InternalData.entriesOf(call.kept().find(moduleId, module.getVersion()));
        ModuleRegistry registry = call.pbx.registry();
        Path staging = call.dataDir().resolve("files");
        for (Target target : targets) {
            ModuleInstanceProject project = registry.getInstance4Edit(target.instance.getId());
            ModuleInstance edit = (ModuleInstance) project.getObject();
            Map<String, Variable> byKey = byKey(edit);
            Set<Variable> written = Collections.newSetFromMap(new IdentityHashMap<Variable, Boolean>());
            for (Values.Planned write : target.writes) {
                Variable variable = byKey.get(write.key);
                if (variable != null) {
                    Values.write(edit, variable, write, staging);
                    written.add(variable);
                }
            }
            for (Variable variable : variables(edit)) { // "replaces the values": the rest has none now
                if (!written.contains(variable) && !hidden(moduleId, variable) && variable.getValue() != null) {
                    variable.setValue(null);
                }
            }
            registry.updateModuleInstance(project);
        }
        if (!files.isEmpty()) {
            InternalData.restore(moduleId, files, entries);
        }
        Map<String, Object> result = new LinkedHashMap<String, Object>();
        result.put("moduleId", moduleId);
        result.put("instances", names);
        result.put("internalDataRestored", Boolean.valueOf(restore));
        return result;
    }

    /** Checks one item of {@code instances} and plans its writes (nothing is changed here). */
    private static Target plan(Call call, String moduleId, Object item, int index) throws Exception {
        if (!(item instanceof Map) || !(((Map<?, ?>) item).get("name") instanceof String)) {
            throw Fault.badRequest("instances[" + index + "] must be an object with a name");
        }
        Map<?, ?> fields = (Map<?, ?>) item;
        Object values = fields.get("values");
        if (values == null || values == Json.NULL) {
            values = new LinkedHashMap<String, Object>();
        }
        if (!(values instanceof Map)) {
            throw Fault.badRequest("instances[" + index + "].values must be an object");
        }
        Target target = new Target(call.pbx.requireInstance(moduleId, (String) fields.get("name")));
        Map<String, Variable> byKey = byKey(target.instance);
        for (Map.Entry<?, ?> value : ((Map<?, ?>) values).entrySet()) {
            String key = (String) value.getKey();
            Variable variable = byKey.get(key);
            if (variable == null || hidden(moduleId, variable)) {
                continue; // the form of the installed version has no such variable
            }
            String where = "instance " + Text.clip(target.instance.getName(), 60) + ", " + Text.clip(key, 60);
            Values.Planned planned = Values.plan(target.instance, variable, value.getValue(), where);
            if (planned != null) {
                target.writes.add(planned);
            }
        }
        return target;
    }

    private static Map<String, Variable> byKey(ModuleInstance instance) {
        Map<String, Variable> byKey = new LinkedHashMap<String, Variable>();
        for (Variable variable : variables(instance)) {
            String key = Values.key(variable);
            if (key != null && !byKey.containsKey(key)) {
                byKey.put(key, variable);
            }
        }
        // a value may also be addressed by the variable's name (older backups)
        for (Variable variable : variables(instance)) {
            String name = variable.getName();
            if (name != null && !byKey.containsKey(name)) {
                byKey.put(name, variable);
            }
        }
        return byKey;
    }

    private static List<Variable> variables(ModuleInstance instance) {
        List<Variable> variables = new ArrayList<Variable>();
        List<Variable> listed = instance.getInputVars();
        if (listed != null) {
            for (Object item : listed) {
                if (item instanceof Variable) {
                    variables.add((Variable) item);
                }
            }
        }
        return variables;
    }

    /** The agent's own secret never leaves the PBX and is not overwritten by a restore. */
    private static boolean hidden(String moduleId, Variable variable) {
        return AgentInfo.MODULE_ID.equals(moduleId) && (AgentInfo.SECRET_VARIABLE.equals(variable.getId())
                || AgentInfo.SECRET_VARIABLE.equals(variable.getName()));
    }

    /** Most raw bytes (files and internal data) one exportConfig answer carries. */
    private static final long MAX_BINARY_BYTES = 32L * 1024 * 1024;

    /** {@code total} plus the binary bytes in {@code value}; INTERNAL beyond the answer's limit. */
    private static long addBinary(long total, Object value) throws Fault {
        long sum = total;
        if (value instanceof byte[]) {
            sum += ((byte[]) value).length;
        } else if (value instanceof Map) {
            Object data = ((Map<?, ?>) value).get("data");
            if (data instanceof byte[]) {
                sum += ((byte[]) data).length;
            }
        }
        if (sum > MAX_BINARY_BYTES) {
            throw new Fault(Fault.Code.INTERNAL,
                    "the configuration's files and internal data are larger than the agent can transfer in one answer");
        }
        return sum;
    }
}
