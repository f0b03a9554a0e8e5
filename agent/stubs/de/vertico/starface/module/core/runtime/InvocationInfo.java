package de.vertico.starface.module.core.runtime;

import de.vertico.starface.module.core.model.ModuleInstance;

/** Compile-only stub. */
public class InvocationInfo {
    public ModuleInstance getModuleInstance() {
        throw new UnsupportedOperationException("stub");
    }
}
