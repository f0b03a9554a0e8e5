package de.starface.license.manager;

import de.starface.license.manager.ws.beans.license.License;

/** The PBX's licenses as the host was configured (server license may be null: Free Edition). */
public class LicenseComponent {
    private final License serverLicense;
    private final int maxUsers;

    public LicenseComponent(License serverLicense, int maxUsers) {
        this.serverLicense = serverLicense;
        this.maxUsers = maxUsers;
    }

    public License getServerLicense() {
        return serverLicense;
    }

    public int getMaxUsers() {
        return maxUsers;
    }
}
