package de.modmanager.agent;

import de.vertico.starface.module.core.ModuleRegistry;
import de.vertico.starface.module.core.model.ModuleInstance;
import de.vertico.starface.module.core.model.ModuleInstanceProject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * createInstance, setInstanceActive, deleteInstance.
 *
 * <p>Activating goes through {@code getInstance4Edit} + {@code activateModuleInstance} (seen in
 * compiled modules). Creating needs {@code createModuleInstance} and
 * {@code ModuleInstance.setName}, seen in public sources only, so they are called reflectively
 * and createInstance answers NOT_SUPPORTED where they are missing. No API to delete an
 * instance is known: deleteInstance is always NOT_SUPPORTED.
 */
final class Instances {

    private Instances() {
    }

    /** Whether this PBX offers what createInstance needs. */
    static boolean canCreate(Starface pbx) throws Fault {
        return Reflect.method(pbx.registry().getClass(), "createModuleInstance", String.class) != null
                && Reflect.method(ModuleInstance.class, "setName", String.class) != null;
    }

    static Map<String, Object> createInstance(Call call) throws Exception {
        String moduleId = call.request.string("moduleId");
        String name = call.request.string("instanceName");
        if (name.trim().isEmpty()) {
            throw Fault.badRequest("instanceName must not be empty");
        }
        call.pbx.requireModule(moduleId);
        if (call.pbx.instance(moduleId, name) != null) {
            throw new Fault(Fault.Code.INSTANCE_EXISTS,
                    "module " + moduleId + " already has an instance " + Text.clip(name, 80));
        }
        ModuleRegistry registry = call.pbx.registry();
        Object created = Reflect.call(registry, "createModuleInstance", new Class<?>[] {String.class}, moduleId);
        if (!(created instanceof ModuleInstanceProject)) {
            throw new Fault(Fault.Code.INTERNAL, "STARFACE did not create an instance");
        }
        ModuleInstanceProject project = (ModuleInstanceProject) created;
        ModuleInstance instance = (ModuleInstance) project.getObject();
        Reflect.call(instance, "setName", new Class<?>[] {String.class}, name);
        registry.updateModuleInstance(project);
        ModuleInstance stored = call.pbx.instance(moduleId, name);
        if (stored != null && !stored.getDisabled()) {
            registry.activateModuleInstance(registry.getInstance4Edit(stored.getId()), false);
            stored = call.pbx.instance(moduleId, name);
        }
        Map<String, Object> state = new LinkedHashMap<String, Object>();
        state.put("name", name);
        state.put("active", Boolean.valueOf(stored != null && !stored.getDisabled()));
        return state;
    }

    static Map<String, Object> setInstanceActive(Call call) throws Exception {
        String moduleId = call.request.string("moduleId");
        String name = call.request.string("instanceName");
        boolean active = call.request.bool("active");
        call.pbx.requireModule(moduleId);
        ModuleInstance instance = call.pbx.requireInstance(moduleId, name);
        ModuleRegistry registry = call.pbx.registry();
        registry.activateModuleInstance(registry.getInstance4Edit(instance.getId()), active);
        ModuleInstance now = registry.getInstance(instance.getId());
        return ModuleQueries.instanceState(now != null ? now : instance);
    }
}
