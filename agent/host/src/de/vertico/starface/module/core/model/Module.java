package de.vertico.starface.module.core.model;

import java.util.ArrayList;
import java.util.List;

/** An installed module (a snapshot: changing it changes nothing on the PBX). */
public class Module extends ExecutableObject {
    private String vendor;
    private long version;
    private String moduleType;
    private List<Object> guiTabs = new ArrayList<>();

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getModuleType() {
        return moduleType;
    }

    public void setModuleType(String moduleType) {
        this.moduleType = moduleType;
    }

    /** The configuration form's tabs; their element class is not known, so the host hands out none. */
    public List<Object> getGUITabs() {
        return guiTabs;
    }

    @Override
    public String toString() {
        return "Module[" + getId() + ", " + getName() + ", " + version + "]";
    }
}
