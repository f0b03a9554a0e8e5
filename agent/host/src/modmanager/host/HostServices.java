package modmanager.host;

import de.starface.license.manager.LicenseComponent;
import de.vertico.starface.module.core.ModuleRegistry;

/** The components STARFACE's look-ups hand out, shared by every module (one per host process). */
public final class HostServices {
    private static volatile HostServices current;

    private final HostConfig config;
    private final Pbx pbx;
    private final ModuleRegistry registry;
    private final LicenseComponent licenses;

    private HostServices(HostConfig config, Pbx pbx) {
        this.config = config;
        this.pbx = pbx;
        this.registry = new ModuleRegistry(pbx);
        this.licenses = new LicenseComponent(config.serverLicense, config.maxUsers);
    }

    static HostServices start(HostConfig config, Pbx pbx) {
        current = new HostServices(config, pbx);
        return current;
    }

    public static HostServices get() {
        HostServices services = current;
        if (services == null) {
            throw new IllegalStateException("the test host is not running");
        }
        return services;
    }

    /** Facts a STARFACE API emulation needs (version, API style). */
    public Facts config() {
        return new Facts(config.starfaceVersion);
    }

    /** Immutable facts for the STARFACE API classes. */
    public static final class Facts {
        public final String starfaceVersion;

        Facts(String starfaceVersion) {
            this.starfaceVersion = starfaceVersion;
        }
    }

    Pbx pbx() {
        return pbx;
    }

    /** Throws NoSuchMethodError when the host plays a STARFACE 10 (9.x style call absent). */
    public void requireApi9(String member) {
        if (config.apiStyle.equals("10")) {
            throw new NoSuchMethodError(member + " (this host plays STARFACE 10 without the 9.x API)");
        }
    }

    /** Throws NoSuchMethodError when the host plays a STARFACE 9 (no Spring context). */
    public void requireApi10(String member) {
        if (config.apiStyle.equals("9")) {
            throw new NoSuchMethodError(member + " (this host plays STARFACE 9 without the Spring context)");
        }
    }

    /** The component of this type, or null. */
    public <T> T component(Class<T> type) {
        if (type == ModuleRegistry.class) {
            return type.cast(registry);
        }
        if (type == LicenseComponent.class) {
            return type.cast(licenses);
        }
        return null;
    }

    /** A bean by name ("pbxVersion" is the STARFACE version string), or null. */
    public Object bean(String name) {
        switch (name) {
            case "pbxVersion":
                return config.starfaceVersion;
            case "moduleRegistry":
                return registry;
            case "licenseComponent":
                return licenses;
            default:
                return null;
        }
    }
}
