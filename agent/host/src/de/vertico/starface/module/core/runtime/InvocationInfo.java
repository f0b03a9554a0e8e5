package de.vertico.starface.module.core.runtime;

import de.vertico.starface.module.core.model.Module;
import de.vertico.starface.module.core.model.ModuleInstance;

/** The module and module instance whose entry point is running. */
public class InvocationInfo {
    private final Module module;
    private final ModuleInstance moduleInstance;

    public InvocationInfo(Module module, ModuleInstance moduleInstance) {
        this.module = module;
        this.moduleInstance = moduleInstance;
    }

    public Module getModule() {
        return module;
    }

    public ModuleInstance getModuleInstance() {
        return moduleInstance;
    }
}
