package de.vertico.starface.module.core.model;

/** An editable copy of a module instance; save it with ModuleRegistry.updateModuleInstance. */
public class ModuleInstanceProject {
    private final ModuleInstance object;

    public ModuleInstanceProject(ModuleInstance object) {
        this.object = object;
    }

    public ExecutableObject getObject() {
        return object;
    }
}
