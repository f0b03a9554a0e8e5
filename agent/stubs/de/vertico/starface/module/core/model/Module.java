package de.vertico.starface.module.core.model;

/** Compile-only stub. */
public class Module {
    public String getId() {
        throw new UnsupportedOperationException("stub");
    }

    public String getName() {
        throw new UnsupportedOperationException("stub");
    }

    public String getVendor() {
        throw new UnsupportedOperationException("stub");
    }

    public long getVersion() {
        throw new UnsupportedOperationException("stub");
    }
}
