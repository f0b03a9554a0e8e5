package de.vertico.starface.module.core.model.resource;

import java.util.LinkedHashMap;
import java.util.Map;

/** The entries of a MAP variable. */
public class MapResource extends Resource {
    private Map<String, String> map = new LinkedHashMap<>();

    public MapResource() {
    }

    public Map<String, String> getMap() {
        return map;
    }

    public void setMap(Map<String, String> map) {
        this.map = map == null ? new LinkedHashMap<>() : map;
    }
}
