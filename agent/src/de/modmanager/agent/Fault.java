package de.modmanager.agent;

/**
 * A refusal the agent answers inside the JSON ({@code "fault": {code, name, message}}).
 *
 * <p>Faults travel in the answer rather than as Java exceptions because how STARFACE reports
 * an exception to an XML-RPC caller is unknown (PROTOCOL-V2). The message is one line for
 * people and logs and never holds a secret.
 */
public final class Fault extends Exception {

    private static final long serialVersionUID = 1L;

    /** The fault codes of PROTOCOL-V2; clients act on the number. */
    public enum Code {
        AUTH_FAILED(1),
        UNKNOWN_METHOD(2),
        BAD_REQUEST(3),
        PROTOCOL_UNSUPPORTED(4),
        STARFACE_TOO_OLD(5),
        NOT_SUPPORTED(6),
        SECRET_INVALID(7),
        MODULE_NOT_FOUND(10),
        INSTANCE_NOT_FOUND(11),
        INSTANCE_EXISTS(12),
        UPLOAD_NOT_FOUND(20),
        CHECKSUM_MISMATCH(21),
        OFFSET_MISMATCH(22),
        INVALID_MODULE(23),
        UPLOAD_INCOMPLETE(24),
        UPLOAD_TOO_LARGE(25),
        LOCKED(30),
        LOCK_REQUIRED(31),
        INTERNAL(50);

        private final int number;

        Code(int number) {
            this.number = number;
        }

        /** The number on the wire. */
        public int number() {
            return number;
        }
    }

    private final Code code;

    public Fault(Code code, String message) {
        super(Text.oneLine(message), null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /** Shorthand for the most common refusal. */
    public static Fault badRequest(String message) {
        return new Fault(Code.BAD_REQUEST, message);
    }
}
