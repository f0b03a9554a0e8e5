package de.vertico.starface.module.core.model;

/** Compile-only stub: what ModuleInstanceProject.getObject() erases to. */
public class ExecutableObject {
}
