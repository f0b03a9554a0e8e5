package de.vertico.starface.module.core.model;

/** A module operation STARFACE refuses (e.g. an import of a broken file). */
public class ModuleException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModuleException(String message) {
        super(message);
    }

    public ModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
