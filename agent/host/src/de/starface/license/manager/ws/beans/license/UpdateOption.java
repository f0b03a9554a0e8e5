package de.starface.license.manager.ws.beans.license;

/** The update option of a license (seen in public source: expiry date in epoch ms, users). */
public class UpdateOption {
    private final long expireDate;
    private final int users;

    public UpdateOption(long expireDate, int users) {
        this.expireDate = expireDate;
        this.users = users;
    }

    public long getExpireDate() {
        return expireDate;
    }

    public int getUsers() {
        return users;
    }
}
