package de.vertico.starface.module.core.model;

/** Compile-only stub; the real constants are not known and the agent only uses names. */
public enum TimerInterval {
}
