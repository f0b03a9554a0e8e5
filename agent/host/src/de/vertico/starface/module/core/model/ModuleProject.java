package de.vertico.starface.module.core.model;

/** An editable copy of a module. */
public class ModuleProject {
    private final Module module;

    public ModuleProject(Module module) {
        this.module = module;
    }

    public Module getModule() {
        return module;
    }
}
