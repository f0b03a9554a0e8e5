package de.vertico.starface.module.core;

import de.vertico.starface.module.core.model.Module;
import de.vertico.starface.module.core.model.ModuleInstance;
import de.vertico.starface.module.core.model.ModuleInstanceProject;
import java.util.List;

/**
 * Compile-only stub of the members the agent calls directly (all confidence A).
 * createModuleInstance (B) is called reflectively and therefore not declared here.
 */
public class ModuleRegistry {
    public List<Module> getModules() {
        throw new UnsupportedOperationException("stub");
    }

    public Module getModuleById(String moduleId) {
        throw new UnsupportedOperationException("stub");
    }

    public List<Object> getInstances4Module(String moduleId) {
        throw new UnsupportedOperationException("stub");
    }

    public ModuleInstance getInstance(String instanceId) {
        throw new UnsupportedOperationException("stub");
    }

    public ModuleInstanceProject getInstance4Edit(String instanceId) {
        throw new UnsupportedOperationException("stub");
    }

    public void activateModuleInstance(ModuleInstanceProject project, boolean active) {
        throw new UnsupportedOperationException("stub");
    }

    public void updateModuleInstance(ModuleInstanceProject project) {
        throw new UnsupportedOperationException("stub");
    }

    public void importModule(String path, boolean replace) {
        throw new UnsupportedOperationException("stub");
    }
}
