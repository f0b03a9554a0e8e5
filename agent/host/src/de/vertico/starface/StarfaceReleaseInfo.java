package de.vertico.starface;

import modmanager.host.HostServices;

/** The running STARFACE release (9.x style; 10.x code reads the bean "pbxVersion" instead). */
public class StarfaceReleaseInfo {
    public static String getVersion() {
        HostServices.get().requireApi9("StarfaceReleaseInfo.getVersion()");
        return HostServices.get().config().starfaceVersion;
    }
}
