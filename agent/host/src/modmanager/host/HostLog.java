package modmanager.host;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/** The host's own log on stderr (stdout carries only the LISTENING line). Never logs secrets. */
final class HostLog {
    private HostLog() {
    }

    static synchronized void log(String source, String level, String message, Throwable error) {
        StringBuilder line = new StringBuilder();
        line.append(Instant.now()).append(' ').append(level).append(" [").append(source).append("] ").append(message);
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().trim());
        }
        System.err.println(line);
        System.err.flush();
    }

    static void info(String message) {
        log("host", "INFO", message, null);
    }

    static void warn(String message) {
        log("host", "WARN", message, null);
    }

    static void error(String message, Throwable error) {
        log("host", "ERROR", message, error);
    }
}
