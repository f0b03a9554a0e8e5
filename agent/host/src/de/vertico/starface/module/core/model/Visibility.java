package de.vertico.starface.module.core.model;

/** Visibility of a module function ({@code Private} and {@code Public} are seen in real code). */
public enum Visibility {
    Private, Public
}
