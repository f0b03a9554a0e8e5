package de.vertico.starface.module.core.model.resource;

import java.util.ArrayList;
import java.util.List;

/** The values of a LIST variable. */
public class ListResource extends Resource {
    private List<String> values = new ArrayList<>();

    public ListResource() {
    }

    public List<String> getValues() {
        return values;
    }

    public void setValues(List<String> values) {
        this.values = values == null ? new ArrayList<>() : values;
    }
}
