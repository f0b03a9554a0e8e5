package de.vertico.starface.module.core.model;

import de.vertico.starface.module.core.model.resource.FileResource;
import de.vertico.starface.module.core.model.resource.ListResource;
import de.vertico.starface.module.core.model.resource.MapResource;
import de.vertico.starface.module.core.model.resource.Resource;
import de.vertico.starface.module.core.model.resource.TimerSettingsResource;

/**
 * A module instance ("Modulkonfiguration"). What the registry hands out is a copy: changes
 * count only after {@code ModuleRegistry.updateModuleInstance}.
 */
public class ModuleInstance extends ExecutableObject {
    private String moduleId;
    private String moduleName;
    private boolean disabled = true;

    public String getModuleId() {
        return moduleId;
    }

    public void setModuleId(String moduleId) {
        this.moduleId = moduleId;
    }

    public String getModuleName() {
        return moduleName;
    }

    public void setModuleName(String moduleName) {
        this.moduleName = moduleName;
    }

    /** True while the instance is inactive. */
    public boolean getDisabled() {
        return disabled;
    }

    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    /** The input variable with this id, else with this name, else null. */
    public Variable getInputVar(String idOrName) {
        for (Variable variable : getInputVars()) {
            if (idOrName != null && idOrName.equals(variable.getId())) {
                return variable;
            }
        }
        for (Variable variable : getInputVars()) {
            if (idOrName != null && idOrName.equals(variable.getName())) {
                return variable;
            }
        }
        return null;
    }

    public ListResource getListResource(String id) {
        return resource(id, ListResource.class);
    }

    public MapResource getMapResource(String id) {
        return resource(id, MapResource.class);
    }

    public FileResource getFileResource(String id) {
        return resource(id, FileResource.class);
    }

    public TimerSettingsResource getTimerSettings(String id) {
        return resource(id, TimerSettingsResource.class);
    }

    private <T extends Resource> T resource(String id, Class<T> kind) {
        if (id == null) {
            return null;
        }
        for (Resource resource : getResources()) {
            if (kind.isInstance(resource) && id.equals(resource.getId())) {
                return kind.cast(resource);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ModuleInstance[" + getId() + ", " + getName() + ", module " + moduleId + "]";
    }
}
