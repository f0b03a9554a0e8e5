package de.starface.license.manager.ws.beans.license;

import java.util.ArrayList;
import java.util.List;

/** One license (server license, with child licenses such as user licenses). */
public class License {
    private final String licenseKey;
    private final String productName;
    private final List<License> children;
    private final UpdateOption updateOption;

    public License(String licenseKey, String productName, List<License> children, UpdateOption updateOption) {
        this.licenseKey = licenseKey;
        this.productName = productName;
        this.children = children == null ? new ArrayList<>() : children;
        this.updateOption = updateOption;
    }

    public String getLicenseKey() {
        return licenseKey;
    }

    public String getProductName() {
        return productName;
    }

    public List<License> getChildren() {
        return children;
    }

    public UpdateOption getUpdateOption() {
        return updateOption;
    }
}
