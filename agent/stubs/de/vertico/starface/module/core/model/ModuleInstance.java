package de.vertico.starface.module.core.model;

import de.vertico.starface.module.core.model.resource.FileResource;
import de.vertico.starface.module.core.model.resource.ListResource;
import de.vertico.starface.module.core.model.resource.MapResource;
import de.vertico.starface.module.core.model.resource.TimerSettingsResource;
import java.util.List;
import java.util.Set;

/** Compile-only stub. */
public class ModuleInstance extends ExecutableObject {
    public String getId() {
        throw new UnsupportedOperationException("stub");
    }

    public String getName() {
        throw new UnsupportedOperationException("stub");
    }

    public String getModuleId() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean getDisabled() {
        throw new UnsupportedOperationException("stub");
    }

    public List<Variable> getInputVars() {
        throw new UnsupportedOperationException("stub");
    }

    public Set<Object> getResources() {
        throw new UnsupportedOperationException("stub");
    }

    public void setResources(Set<Object> resources) {
        throw new UnsupportedOperationException("stub");
    }

    public ListResource getListResource(String id) {
        throw new UnsupportedOperationException("stub");
    }

    public MapResource getMapResource(String id) {
        throw new UnsupportedOperationException("stub");
    }

    public FileResource getFileResource(String id) {
        throw new UnsupportedOperationException("stub");
    }

    public TimerSettingsResource getTimerSettings(String id) {
        throw new UnsupportedOperationException("stub");
    }
}
