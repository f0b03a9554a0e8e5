package de.modmanager.agent;

/** Facts about the agent itself that the descriptor and the wire share. */
public final class AgentInfo {

    /** The agent module's own id (PROTOCOL-V2); also the ObjectId in its manifest. */
    public static final String MODULE_ID = "4f1c9e2a-7b3d-4a5e-8c6f-0d2b9a1e3c57";

    /**
     * The agent release: the descriptor's {@code version} (agent/build.sh reads it from here).
     * SystemInfo's {@code agentVersion} is the installed agent module's version, this as fallback.
     */
    public static final int VERSION = 200;

    /** The protocol this agent speaks. */
    public static final int PROTOCOL_VERSION = 2;

    /** The agent instance's input variable that holds the shared secret. */
    public static final String SECRET_VARIABLE = "agentSecret";

    /** The agent needs STARFACE 7.0 or newer (older releases answer STARFACE_TOO_OLD). */
    public static final int MINIMUM_STARFACE_MAJOR = 7;

    /** Largest module file the agent accepts (UPLOAD_TOO_LARGE above). */
    public static final int MAX_UPLOAD_SIZE = 32 * 1024 * 1024;

    /** Most raw bytes in one chunk (uploadChunk, uploadBegin's data). */
    public static final int MAX_CHUNK_SIZE = 256 * 1024;

    private AgentInfo() {
    }
}
