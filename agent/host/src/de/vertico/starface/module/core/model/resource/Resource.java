package de.vertico.starface.module.core.model.resource;

/**
 * Base of the resources a module instance owns. Whether the real type is a class or an
 * interface is not known: call members on the concrete resource classes.
 */
public abstract class Resource {
    private String id;
    private String name;

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

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + "]";
    }
}
