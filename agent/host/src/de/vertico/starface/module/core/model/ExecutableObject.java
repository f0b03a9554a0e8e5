package de.vertico.starface.module.core.model;

import de.vertico.starface.module.core.model.resource.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Common base of modules, module instances and functions. */
public class ExecutableObject {
    private String id;
    private String name;
    private String description = "";
    private List<Variable> inputVars = new ArrayList<>();
    private Set<Resource> resources = new LinkedHashSet<>();

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<Variable> getInputVars() {
        return inputVars;
    }

    public void setInputVars(List<Variable> inputVars) {
        this.inputVars = inputVars;
    }

    /** The live set: changes count once the object is saved through the registry. */
    public Set<Resource> getResources() {
        return resources;
    }

    public void setResources(Set<Resource> resources) {
        this.resources = resources;
    }
}
