package de.vertico.starface.module.core.model;

/** Compile-only stub; callers cast getObject() to ModuleInstance. */
public class ModuleInstanceProject {
    public ExecutableObject getObject() {
        throw new UnsupportedOperationException("stub");
    }
}
