package org.apache.logging.log4j;

/**
 * The part of log4j 2's {@code Logger} that module code commonly calls (test host version).
 * Everything funnels into {@link #hostLog}; "{}" placeholders are filled like log4j does.
 */
public interface Logger {
    /** Test host only: write one record. */
    void hostLog(String level, String message, Throwable error);

    String getName();

    static String hostFormat(String pattern, Object... args) {
        if (pattern == null || args == null || args.length == 0) {
            return pattern;
        }
        StringBuilder text = new StringBuilder();
        int next = 0;
        int from = 0;
        while (true) {
            int at = pattern.indexOf("{}", from);
            if (at < 0 || next >= args.length) {
                break;
            }
            text.append(pattern, from, at).append(args[next++]);
            from = at + 2;
        }
        return text.append(pattern.substring(from)).toString();
    }

    static Throwable hostThrown(Object... args) {
        if (args != null && args.length > 0 && args[args.length - 1] instanceof Throwable) {
            return (Throwable) args[args.length - 1];
        }
        return null;
    }

    default boolean isTraceEnabled() {
        return true;
    }

    default void trace(String message) {
        hostLog("TRACE", message, null);
    }

    default void trace(Object message) {
        hostLog("TRACE", String.valueOf(message), null);
    }

    default void trace(String message, Throwable error) {
        hostLog("TRACE", message, error);
    }

    default void trace(Object message, Throwable error) {
        hostLog("TRACE", String.valueOf(message), error);
    }

    default void trace(String message, Object p0) {
        hostLog("TRACE", hostFormat(message, p0), hostThrown(p0));
    }

    default void trace(String message, Object p0, Object p1) {
        hostLog("TRACE", hostFormat(message, p0, p1), hostThrown(p0, p1));
    }

    default void trace(String message, Object... params) {
        hostLog("TRACE", hostFormat(message, params), hostThrown(params));
    }

    default boolean isDebugEnabled() {
        return true;
    }

    default void debug(String message) {
        hostLog("DEBUG", message, null);
    }

    default void debug(Object message) {
        hostLog("DEBUG", String.valueOf(message), null);
    }

    default void debug(String message, Throwable error) {
        hostLog("DEBUG", message, error);
    }

    default void debug(Object message, Throwable error) {
        hostLog("DEBUG", String.valueOf(message), error);
    }

    default void debug(String message, Object p0) {
        hostLog("DEBUG", hostFormat(message, p0), hostThrown(p0));
    }

    default void debug(String message, Object p0, Object p1) {
        hostLog("DEBUG", hostFormat(message, p0, p1), hostThrown(p0, p1));
    }

    default void debug(String message, Object... params) {
        hostLog("DEBUG", hostFormat(message, params), hostThrown(params));
    }

    default boolean isInfoEnabled() {
        return true;
    }

    default void info(String message) {
        hostLog("INFO", message, null);
    }

    default void info(Object message) {
        hostLog("INFO", String.valueOf(message), null);
    }

    default void info(String message, Throwable error) {
        hostLog("INFO", message, error);
    }

    default void info(Object message, Throwable error) {
        hostLog("INFO", String.valueOf(message), error);
    }

    default void info(String message, Object p0) {
        hostLog("INFO", hostFormat(message, p0), hostThrown(p0));
    }

    default void info(String message, Object p0, Object p1) {
        hostLog("INFO", hostFormat(message, p0, p1), hostThrown(p0, p1));
    }

    default void info(String message, Object... params) {
        hostLog("INFO", hostFormat(message, params), hostThrown(params));
    }

    default boolean isWarnEnabled() {
        return true;
    }

    default void warn(String message) {
        hostLog("WARN", message, null);
    }

    default void warn(Object message) {
        hostLog("WARN", String.valueOf(message), null);
    }

    default void warn(String message, Throwable error) {
        hostLog("WARN", message, error);
    }

    default void warn(Object message, Throwable error) {
        hostLog("WARN", String.valueOf(message), error);
    }

    default void warn(String message, Object p0) {
        hostLog("WARN", hostFormat(message, p0), hostThrown(p0));
    }

    default void warn(String message, Object p0, Object p1) {
        hostLog("WARN", hostFormat(message, p0, p1), hostThrown(p0, p1));
    }

    default void warn(String message, Object... params) {
        hostLog("WARN", hostFormat(message, params), hostThrown(params));
    }

    default boolean isErrorEnabled() {
        return true;
    }

    default void error(String message) {
        hostLog("ERROR", message, null);
    }

    default void error(Object message) {
        hostLog("ERROR", String.valueOf(message), null);
    }

    default void error(String message, Throwable error) {
        hostLog("ERROR", message, error);
    }

    default void error(Object message, Throwable error) {
        hostLog("ERROR", String.valueOf(message), error);
    }

    default void error(String message, Object p0) {
        hostLog("ERROR", hostFormat(message, p0), hostThrown(p0));
    }

    default void error(String message, Object p0, Object p1) {
        hostLog("ERROR", hostFormat(message, p0, p1), hostThrown(p0, p1));
    }

    default void error(String message, Object... params) {
        hostLog("ERROR", hostFormat(message, params), hostThrown(params));
    }

    default boolean isFatalEnabled() {
        return true;
    }

    default void fatal(String message) {
        hostLog("FATAL", message, null);
    }

    default void fatal(Object message) {
        hostLog("FATAL", String.valueOf(message), null);
    }

    default void fatal(String message, Throwable error) {
        hostLog("FATAL", message, error);
    }

    default void fatal(Object message, Throwable error) {
        hostLog("FATAL", String.valueOf(message), error);
    }

    default void fatal(String message, Object p0) {
        hostLog("FATAL", hostFormat(message, p0), hostThrown(p0));
    }

    default void fatal(String message, Object p0, Object p1) {
        hostLog("FATAL", hostFormat(message, p0, p1), hostThrown(p0, p1));
    }

    default void fatal(String message, Object... params) {
        hostLog("FATAL", hostFormat(message, params), hostThrown(params));
    }
}
