package de.modmanager.agent;

import de.vertico.starface.module.core.runtime.IRuntimeEnvironment;

/**
 * Writes to the module log of the STARFACE instance, reflectively.
 *
 * <p>{@code IRuntimeEnvironment.getLog()} returns commons-logging's {@code Log} up to 7.2 and
 * log4j's {@code Logger} from 7.3; a direct call compiled against one fails on the other. Both
 * have {@code warn(Object)} and {@code error(Object, Throwable)}, so the agent calls those by
 * name and stays silent when neither exists. Nothing logged here ever contains a request, a
 * secret or a lock token.
 */
public final class AgentLog {

    private AgentLog() {
    }

    public static void warn(IRuntimeEnvironment context, String message) {
        Object log = log(context);
        if (log != null) {
            try {
                Reflect.call(log, "warn", new Class<?>[] {Object.class}, "modmanager agent: " + Text.oneLine(message));
            } catch (Exception | LinkageError ignored) {
                // logging is best effort
            }
        }
    }

    public static void error(IRuntimeEnvironment context, String message, Throwable problem) {
        Object log = log(context);
        if (log != null) {
            try {
                Reflect.call(log, "error", new Class<?>[] {Object.class, Throwable.class},
                        "modmanager agent: " + Text.oneLine(message), problem);
            } catch (Exception | LinkageError ignored) {
                // logging is best effort
            }
        }
    }

    private static Object log(IRuntimeEnvironment context) {
        if (context == null) {
            return null;
        }
        try {
            return Reflect.call(context, "getLog");
        } catch (Exception | LinkageError unavailable) {
            return null;
        }
    }
}
