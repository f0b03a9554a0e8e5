package de.modmanager.agent;

import de.vertico.starface.module.core.runtime.IRuntimeEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one dispatcher behind every entry point function: JSON in, JSON out, never an exception.
 *
 * <p>Checks run in the order PROTOCOL-V2 fixes (the first failing one answers): the JSON, the
 * protocol version, the agent secret, the STARFACE release, whether this PBX supports the entry
 * point, the lock, then the fields. Anything unexpected becomes fault INTERNAL, logged to the
 * module log without the request.
 */
public final class Agent {

    /** Entry points that change the PBX and therefore need the lock. */
    private static final Set<String> NEED_LOCK = set("importConfig", "uploadBegin", "uploadChunk", "uploadCommit",
            "installUploaded", "createInstance", "setInstanceActive", "deleteInstance");

    /** Entry points that read or write the data folder and therefore run under its lock. */
    private static final Set<String> USE_DATA_DIR = set("acquireLock", "releaseLock", "uploadBegin", "uploadStatus",
            "uploadChunk", "uploadCommit", "installUploaded", "importConfig", "createInstance",
            "setInstanceActive", "deleteInstance");

    private Agent() {
    }

    private static Set<String> set(String... names) {
        return Collections.unmodifiableSet(new HashSet<String>(Arrays.asList(names)));
    }

    /**
     * Answers one call of {@code entryPoint} with the JSON text of the answer.
     * Never throws: every failure is a fault inside the JSON.
     */
    public static String handle(String entryPoint, String requestJson, IRuntimeEnvironment context) {
        try {
            return JsonWriter.write(success(serve(entryPoint, requestJson, context)));
        } catch (Fault fault) {
            return JsonWriter.write(fault(fault.code(), fault.getMessage()));
        } catch (Throwable unexpected) { // a bug, a disk error, an API that differs on this release
            try {
                AgentLog.error(context, entryPoint + " failed", unexpected);
            } catch (Throwable ignored) {
                // the answer matters more than the log
            }
            return JsonWriter.write(fault(Fault.Code.INTERNAL, "internal error in the agent ("
                    + unexpected.getClass().getSimpleName() + "); see the module log on the PBX"));
        }
    }

    private static Map<String, Object> serve(String entryPoint, String requestJson, IRuntimeEnvironment context)
            throws Exception {
        final Call call = new Call(entryPoint, new Request(parse(requestJson)), context);
        checkProtocol(call.request);
        checkSecret(call);
        if (!"systemInfo".equals(entryPoint)) {
            checkRelease(call.pbx);
        }
        checkSupported(call);
        if (!USE_DATA_DIR.contains(entryPoint)) {
            return dispatch(call);
        }
        return call.dataDir().locked(new DataDir.Work<Map<String, Object>>() {
            @Override
            public Map<String, Object> run() throws Exception {
                if (NEED_LOCK.contains(call.entryPoint)) {
                    call.locks().require(call.request);
                }
                return dispatch(call);
            }
        });
    }

    /** Check 1: one JSON object of at most 1 MiB. */
    private static Map<String, Object> parse(String requestJson) throws Fault {
        if (requestJson == null || requestJson.isEmpty()) {
            throw Fault.badRequest("the request is empty; send the JSON in the member 'request'");
        }
        if (requestJson.length() > Json.MAX_CHARS
                || (requestJson.length() * 3L > Json.MAX_CHARS
                        && requestJson.getBytes(StandardCharsets.UTF_8).length > Json.MAX_CHARS)) {
            throw Fault.badRequest("the request is larger than 1 MiB");
        }
        Object parsed;
        try {
            parsed = Json.parse(requestJson);
        } catch (Json.SyntaxError invalid) {
            throw Fault.badRequest(invalid.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw Fault.badRequest("the request must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) parsed;
        return fields;
    }

    /** Check 2: protocolVersion is the integer this agent speaks. */
    private static void checkProtocol(Request request) throws Fault {
        Object version = request.raw("protocolVersion");
        if (!(version instanceof Long) || ((Long) version).longValue() != AgentInfo.PROTOCOL_VERSION) {
            throw new Fault(Fault.Code.PROTOCOL_UNSUPPORTED, "protocol version "
                    + (version == null ? "missing" : Text.clip(String.valueOf(version), 20))
                    + " unsupported; the agent speaks " + AgentInfo.PROTOCOL_VERSION);
        }
    }

    /** Check 3: agentSecret equals the secret of the agent's own instance (systemInfo too). */
    private static void checkSecret(Call call) throws Fault {
        String configured = call.pbx.configuredSecret();
        if (configured.isEmpty()) {
            throw new Fault(Fault.Code.SECRET_INVALID,
                    "the agent has no secret configured; set 'Agent secret' in the agent's module configuration");
        }
        Object sent = call.request.raw("agentSecret");
        if (!(sent instanceof String) || ((String) sent).isEmpty() || !Text.secretEquals((String) sent, configured)) {
            throw new Fault(Fault.Code.SECRET_INVALID, "the agent secret is missing or wrong");
        }
    }

    /** Check 4: STARFACE 7.0 or newer (an unreadable release is not refused). */
    private static void checkRelease(Starface pbx) throws Fault {
        String version = pbx.starfaceVersion();
        int major = Starface.major(version);
        if (major >= 0 && major < AgentInfo.MINIMUM_STARFACE_MAJOR) {
            throw new Fault(Fault.Code.STARFACE_TOO_OLD, "STARFACE " + version + " is too old; the agent needs "
                    + AgentInfo.MINIMUM_STARFACE_MAJOR + ".0 or newer");
        }
    }

    /** Check 5: entry points this PBX cannot carry out. */
    private static void checkSupported(Call call) throws Fault {
        if ("deleteInstance".equals(call.entryPoint)) {
            throw new Fault(Fault.Code.NOT_SUPPORTED,
                    "STARFACE offers modules no way to delete an instance; delete it in the STARFACE admin interface");
        }
        if ("createInstance".equals(call.entryPoint) && !Instances.canCreate(call.pbx)) {
            throw new Fault(Fault.Code.NOT_SUPPORTED,
                    "this STARFACE release offers modules no way to create an instance; create it in the admin interface");
        }
    }

    private static Map<String, Object> dispatch(Call call) throws Exception {
        switch (call.entryPoint) {
            case "systemInfo":
                return SystemInfo.systemInfo(call);
            case "listModules":
                return ModuleQueries.listModules(call);
            case "getDescriptor":
                return ModuleQueries.getDescriptor(call);
            case "exportConfig":
                return Configs.exportConfig(call);
            case "importConfig":
                return Configs.importConfig(call);
            case "acquireLock":
                return call.locks().acquire(call.request);
            case "releaseLock":
                return call.locks().release(call.request);
            case "uploadBegin":
                return call.uploads().begin(call.request);
            case "uploadStatus":
                call.uploads().sweep();
                return call.uploads().status(call.request);
            case "uploadChunk":
                call.uploads().sweep();
                return call.uploads().chunk(call.request);
            case "uploadCommit":
                return call.uploads().commit(call.request);
            case "installUploaded":
                return Installer.installUploaded(call);
            case "createInstance":
                return Instances.createInstance(call);
            case "setInstanceActive":
                return Instances.setInstanceActive(call);
            default:
                throw new Fault(Fault.Code.UNKNOWN_METHOD, "no such entry point: " + Text.clip(call.entryPoint, 40));
        }
    }

    private static Map<String, Object> success(Map<String, Object> result) {
        Map<String, Object> answer = new LinkedHashMap<String, Object>();
        answer.put("protocolVersion", Integer.valueOf(AgentInfo.PROTOCOL_VERSION));
        answer.put("result", result);
        return answer;
    }

    private static Map<String, Object> fault(Fault.Code code, String message) {
        Map<String, Object> fault = new LinkedHashMap<String, Object>();
        fault.put("code", Integer.valueOf(code.number()));
        fault.put("name", code.name());
        fault.put("message", Text.oneLine(message));
        Map<String, Object> answer = new LinkedHashMap<String, Object>();
        answer.put("protocolVersion", Integer.valueOf(AgentInfo.PROTOCOL_VERSION));
        answer.put("fault", fault);
        return answer;
    }
}
