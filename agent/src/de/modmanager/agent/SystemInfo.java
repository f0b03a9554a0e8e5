package de.modmanager.agent;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * systemInfo: the STARFACE release, licenses and what this agent can do.
 *
 * <p>License facts come from STARFACE's {@code LicenseComponent} (seen in compiled modules but
 * not on every release, so reflectively). Assumptions, because nothing public says more: a
 * product name containing "NFR" marks an NFR license; the edition is "free" or "cloud" only
 * when the product name says so, otherwise "unknown"; the hardware id is not readable ("").
 */
final class SystemInfo {

    private static final String LICENSE_COMPONENT = "de.starface.license.manager.LicenseComponent";

    private SystemInfo() {
    }

    static Map<String, Object> systemInfo(Call call) throws Exception {
        Map<String, Object> info = new LinkedHashMap<String, Object>();
        info.put("agentVersion", agentVersion(call.pbx));
        info.put("agentModuleId", AgentInfo.MODULE_ID);
        info.put("starfaceVersion", call.pbx.starfaceVersion());
        List<Object> licenses = new ArrayList<Object>();
        String licenseKey = "";
        String product = "";
        Object component = call.pbx.component(LICENSE_COMPONENT);
        Object server = Starface.quietly(component, "getServerLicense", new Class<?>[0]);
        if (server != null) {
            licenseKey = orEmpty(Reflect.string(server, "getLicenseKey"));
            product = orEmpty(Reflect.string(server, "getProductName"));
            boolean nfr = product.toUpperCase(Locale.ROOT).contains("NFR");
            licenses.add(license(nfr ? "nfr-server" : "server", 1));
            Object users = Starface.quietly(component, "getMaxUsers", new Class<?>[0]);
            if (users instanceof Integer) {
                licenses.add(license(nfr ? "nfr-user" : "user", ((Integer) users).intValue()));
            }
        }
        info.put("edition", edition(product));
        info.put("serverLicenseKey", licenseKey);
        info.put("hardwareId", "");
        info.put("licenses", licenses);
        info.put("hostname", hostname());
        List<Object> capabilities = new ArrayList<Object>();
        capabilities.add("moduleFile");
        capabilities.add("internalData");
        if (server != null) {
            capabilities.add("licenses");
        }
        capabilities.add("selfUpdate");
        info.put("capabilities", capabilities);
        info.put("maxUploadSize", Integer.valueOf(AgentInfo.MAX_UPLOAD_SIZE));
        info.put("maxChunkSize", Integer.valueOf(AgentInfo.MAX_CHUNK_SIZE));
        return info;
    }

    /**
     * The installed agent module's version (what listModules shows, and what a client polls for
     * after a self-update), else the version these classes were built as.
     */
    private static String agentVersion(Starface pbx) {
        try {
            de.vertico.starface.module.core.model.Module own = pbx.module(AgentInfo.MODULE_ID);
            if (own != null) {
                return String.valueOf(own.getVersion());
            }
        } catch (Fault | RuntimeException unreadable) {
            // the registry is not reachable: report the built version
        }
        return String.valueOf(AgentInfo.VERSION);
    }

    private static Map<String, Object> license(String kind, int count) {
        Map<String, Object> license = new LinkedHashMap<String, Object>();
        license.put("kind", kind);
        license.put("count", Integer.valueOf(count));
        license.put("expires", "");
        return license;
    }

    private static String edition(String product) {
        String lower = product.toLowerCase(Locale.ROOT);
        if (lower.contains("free")) {
            return "free";
        }
        if (lower.contains("cloud")) {
            return "cloud";
        }
        return "unknown";
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception | LinkageError unknown) {
            return "";
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
