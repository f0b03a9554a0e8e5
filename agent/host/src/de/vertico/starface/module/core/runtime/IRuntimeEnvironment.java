package de.vertico.starface.module.core.runtime;

import de.starface.core.component.StarfaceComponentProvider;
import org.apache.logging.log4j.Logger;
import org.springframework.context.ApplicationContext;

/**
 * What a function sees of STARFACE while it runs (test host implementation).
 *
 * <p>{@code getLog()} returns the log4j {@code Logger} as on STARFACE 7.3 and later; 7.2 and
 * older return {@code org.apache.commons.logging.Log}, which this host does not emulate.
 */
public interface IRuntimeEnvironment {
    InvocationInfo getInvocationInfo();

    Logger getLog();

    StarfaceComponentProvider provider();

    ApplicationContext springApplicationContext();
}
