package modmanager.host;

import de.starface.license.manager.ws.beans.license.License;
import de.starface.license.manager.ws.beans.license.UpdateOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's configuration, read from one JSON object (a file, or stdin so that test passwords
 * never touch the disk). See agent/host/README.md for the fields.
 */
final class HostConfig {
    String bind = "127.0.0.1";
    int port;
    String keystore;
    char[] keystorePassword;
    String starfaceVersion = "9.0.1.3";
    /** "all": every look-up style works; "9": no Spring context; "10": no 9.x style calls. */
    String apiStyle = "all";
    /** "fault": XML-RPC fault 1; "http401": HTTP 401 without body. */
    String authFailure = "fault";
    /** Highest class file major version module classes may have (52 = Java 8, as on STARFACE). */
    int maxClassMajor = 52;
    Path dataRoot;
    final Map<String, String> users = new LinkedHashMap<>();
    License serverLicense;
    int maxUsers;
    final List<ModuleSpec> modules = new ArrayList<>();
    ModuleSpec agent;
    String agentInstance = "modmanager";

    static HostConfig fromJson(String text) {
        Object parsed = Json.parse(text);
        Map<String, Object> root = object(parsed, "the configuration");
        HostConfig config = new HostConfig();
        config.bind = string(root, "bind", config.bind);
        config.port = (int) number(root, "port", 0);
        config.keystore = string(root, "keystore", null);
        String password = string(root, "keystorePassword", null);
        config.keystorePassword = password == null ? null : password.toCharArray();
        config.starfaceVersion = string(root, "starfaceVersion", config.starfaceVersion);
        config.apiStyle = choice(root, "apiStyle", config.apiStyle, "all", "9", "10");
        config.authFailure = choice(root, "authFailure", config.authFailure, "fault", "http401");
        config.maxClassMajor = (int) number(root, "maxClassMajor", config.maxClassMajor);
        String dataRoot = string(root, "dataRoot", null);
        if (dataRoot == null || config.keystore == null || config.keystorePassword == null) {
            throw new IllegalArgumentException("dataRoot, keystore and keystorePassword are required");
        }
        config.dataRoot = Paths.get(dataRoot).toAbsolutePath();
        for (Object item : list(root, "users")) {
            Map<String, Object> user = object(item, "a user");
            config.users.put(required(user, "login"), required(user, "password"));
        }
        if (config.users.isEmpty()) {
            throw new IllegalArgumentException("at least one user is required");
        }
        Object license = root.get("license");
        if (license != null) {
            Map<String, Object> facts = object(license, "license");
            config.maxUsers = (int) number(facts, "maxUsers", 0);
            Object server = facts.get("serverLicense");
            config.serverLicense = server == null ? null : license(object(server, "serverLicense"));
        }
        for (Object item : list(root, "modules")) {
            config.modules.add(ModuleSpec.of(object(item, "a module")));
        }
        Object agent = root.get("agent");
        if (agent != null) {
            Map<String, Object> spec = object(agent, "agent");
            config.agentInstance = string(spec, "instance", config.agentInstance);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("agentSecret", string(spec, "secret", ""));
            InstanceSpec instance = new InstanceSpec(config.agentInstance, true, values);
            config.agent = new ModuleSpec(Paths.get(required(spec, "sfm")),
                    Collections.singletonList(instance), Collections.emptyMap());
        }
        return config;
    }

    private static License license(Map<String, Object> spec) {
        List<License> children = new ArrayList<>();
        for (Object child : list(spec, "children")) {
            children.add(license(object(child, "a child license")));
        }
        UpdateOption update = null;
        Object option = spec.get("updateOption");
        if (option != null) {
            Map<String, Object> facts = object(option, "updateOption");
            update = new UpdateOption(number(facts, "expireDate", 0), (int) number(facts, "users", 0));
        }
        return new License(string(spec, "licenseKey", ""), string(spec, "productName", ""), children, update);
    }

    /** A module to install at start, as it is (no upload semantics), with its instances. */
    static final class ModuleSpec {
        final Path sfm;
        final List<InstanceSpec> instances;
        /** Files to put into the module's repo folder besides the unpacked module (internal data). */
        final Map<String, byte[]> internalFiles;

        ModuleSpec(Path sfm, List<InstanceSpec> instances, Map<String, byte[]> internalFiles) {
            this.sfm = sfm;
            this.instances = instances;
            this.internalFiles = internalFiles;
        }

        static ModuleSpec of(Map<String, Object> spec) {
            List<InstanceSpec> instances = new ArrayList<>();
            for (Object item : list(spec, "instances")) {
                Map<String, Object> instance = object(item, "an instance");
                Object values = instance.get("values");
                instances.add(new InstanceSpec(required(instance, "name"), bool(instance, "active", false),
                        values == null ? Collections.emptyMap() : object(values, "values")));
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            Object internal = spec.get("internalFiles");
            if (internal != null) {
                for (Map.Entry<String, Object> file : object(internal, "internalFiles").entrySet()) {
                    if (!Sfm.safeName(file.getKey()) || !(file.getValue() instanceof String)) {
                        throw new IllegalArgumentException("internalFiles: bad entry " + file.getKey());
                    }
                    files.put(file.getKey(), Base64.getDecoder().decode((String) file.getValue()));
                }
            }
            return new ModuleSpec(Paths.get(required(spec, "sfm")), instances, files);
        }
    }

    /** An instance to create at start: its values are JSON values as the protocol carries them. */
    static final class InstanceSpec {
        final String name;
        final boolean active;
        final Map<String, Object> values;

        InstanceSpec(String name, boolean active, Map<String, Object> values) {
            this.name = name;
            this.active = active;
            this.values = values;
        }
    }

    // --- typed access ---------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> owner, String key) {
        Object value = owner.get(key);
        if (value == null) {
            return Collections.emptyList();
        }
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(key + " must be a JSON array");
        }
        return (List<Object>) value;
    }

    static String string(Map<String, Object> owner, String key, String fallback) {
        Object value = owner.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String)) {
            throw new IllegalArgumentException(key + " must be a string");
        }
        return (String) value;
    }

    static String required(Map<String, Object> owner, String key) {
        String value = string(owner, key, null);
        if (value == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value;
    }

    static long number(Map<String, Object> owner, String key, long fallback) {
        Object value = owner.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Long)) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
        return (Long) value;
    }

    static boolean bool(Map<String, Object> owner, String key, boolean fallback) {
        Object value = owner.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw new IllegalArgumentException(key + " must be true or false");
        }
        return (Boolean) value;
    }

    private static String choice(Map<String, Object> owner, String key, String fallback, String... allowed) {
        String value = string(owner, key, fallback);
        for (String option : allowed) {
            if (option.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed));
    }
}
