package de.vertico.starface.module.core.model;

/** Compile-only stub. */
public class Variable {
    public String getId() {
        throw new UnsupportedOperationException("stub");
    }

    public String getName() {
        throw new UnsupportedOperationException("stub");
    }

    public String getValue() {
        throw new UnsupportedOperationException("stub");
    }

    public VariableType getType() {
        throw new UnsupportedOperationException("stub");
    }

    public void setValue(String value) {
        throw new UnsupportedOperationException("stub");
    }
}
