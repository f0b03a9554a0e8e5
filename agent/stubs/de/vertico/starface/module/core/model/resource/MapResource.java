package de.vertico.starface.module.core.model.resource;

import java.util.Map;

/** Compile-only stub. */
public class MapResource {
    public MapResource() {
    }

    public Map<String, String> getMap() {
        throw new UnsupportedOperationException("stub");
    }

    public void setMap(Map<String, String> map) {
        throw new UnsupportedOperationException("stub");
    }

    public void setId(String id) {
        throw new UnsupportedOperationException("stub");
    }
}
