package de.vertico.starface.module.core.model;

/**
 * A variable of a function or module instance. Instance variables keep their value as a
 * string; for LIST, MAP, FILE_RESOURCE and TIMER_SETTINGS the value is the id of a resource of
 * the instance.
 */
public class Variable {
    private String id;
    private String name;
    private VariableType type;
    private String value;

    public Variable() {
        this(null, null, VariableType.STRING, null);
    }

    public Variable(String id, String name, VariableType type, String value) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.value = value;
    }

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

    public VariableType getType() {
        return type;
    }

    public void setType(VariableType type) {
        this.type = type;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "Variable[" + id + ", " + name + ", " + type + "]";
    }
}
