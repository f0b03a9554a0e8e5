package de.vertico.starface.module.core.model;

/** Compile-only stub. */
public enum Visibility {
    Private,
    Public
}
