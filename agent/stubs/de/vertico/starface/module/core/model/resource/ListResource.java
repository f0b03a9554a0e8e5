package de.vertico.starface.module.core.model.resource;

import java.util.List;

/** Compile-only stub. */
public class ListResource {
    public ListResource() {
    }

    public List<String> getValues() {
        throw new UnsupportedOperationException("stub");
    }

    public void setValues(List<String> values) {
        throw new UnsupportedOperationException("stub");
    }

    public void setId(String id) {
        throw new UnsupportedOperationException("stub");
    }
}
