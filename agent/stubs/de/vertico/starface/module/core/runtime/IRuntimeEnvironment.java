package de.vertico.starface.module.core.runtime;

/**
 * Compile-only stub. Only the member the agent calls directly is declared; getLog(),
 * provider() and springApplicationContext() differ between STARFACE releases and are
 * called reflectively.
 */
public interface IRuntimeEnvironment {
    InvocationInfo getInvocationInfo();
}
