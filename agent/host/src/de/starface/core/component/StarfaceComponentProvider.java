package de.starface.core.component;

import modmanager.host.HostServices;

/** STARFACE 9.x style component look-up ({@code fetch(ModuleRegistry.class)}). */
public class StarfaceComponentProvider {
    private static final StarfaceComponentProvider INSTANCE = new StarfaceComponentProvider();

    protected StarfaceComponentProvider() {
    }

    public static StarfaceComponentProvider getInstance() {
        HostServices.get().requireApi9("StarfaceComponentProvider.getInstance()");
        return INSTANCE;
    }

    /** The component of this class; throws IllegalArgumentException for one the host does not have. */
    public <T> T fetch(Class<T> type) {
        HostServices.get().requireApi9("StarfaceComponentProvider.fetch(Class)");
        T component = HostServices.get().component(type);
        if (component == null) {
            throw new IllegalArgumentException("no component " + type.getName());
        }
        return component;
    }
}
