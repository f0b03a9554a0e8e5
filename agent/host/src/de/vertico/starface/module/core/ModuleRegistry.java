package de.vertico.starface.module.core;

import de.vertico.starface.module.core.model.Module;
import de.vertico.starface.module.core.model.ModuleException;
import de.vertico.starface.module.core.model.ModuleInstance;
import de.vertico.starface.module.core.model.ModuleInstanceProject;
import de.vertico.starface.module.core.model.ModuleProject;
import java.util.List;
import java.util.Locale;
import modmanager.host.Pbx;

/**
 * STARFACE's module registry (test host implementation). Read methods hand out copies; an
 * instance changes only through {@link #updateModuleInstance} and {@link #activateModuleInstance}.
 * Unknown ids give null (an empty list for getInstances4Module).
 */
public class ModuleRegistry {
    private final Pbx pbx;

    public ModuleRegistry(Pbx pbx) {
        this.pbx = pbx;
    }

    public List<Module> getModules() {
        return pbx.modules();
    }

    /** By module id (a module name is accepted too: what the real lookup takes is not known). */
    public Module getModule(String idOrName) {
        return pbx.module(idOrName);
    }

    public Module getModuleById(String moduleId) {
        return pbx.module(moduleId);
    }

    public ModuleProject getModule4Edit(String moduleId) {
        Module module = pbx.module(moduleId);
        return module == null ? null : new ModuleProject(module);
    }

    /** Module definitions cannot be edited on this host; the project is handed back unchanged. */
    public ModuleProject updateModule(ModuleProject project) {
        return project;
    }

    public String getLocalizedNameByModuleId(String moduleId, Locale locale) {
        return pbx.localizedName(moduleId, locale);
    }

    public List<ModuleInstance> getInstances4Module(String moduleId) {
        return pbx.instances(moduleId);
    }

    public ModuleInstance getInstance(String instanceId) {
        return pbx.instance(instanceId);
    }

    public ModuleInstanceProject getInstance4Edit(String instanceId) {
        return pbx.edit(instanceId);
    }

    /** A new inactive instance with the form's defaults; it exists once updateModuleInstance saved it. */
    public ModuleInstanceProject createModuleInstance(String moduleId) {
        return pbx.newInstance(moduleId);
    }

    public void activateModuleInstance(ModuleInstanceProject project, boolean active) {
        pbx.activate(project, active);
    }

    public void updateModuleInstance(ModuleInstanceProject project) {
        pbx.update(project);
    }

    /**
     * Installs or replaces the module in the .sfm at {@code path} as an upload in the web UI does
     * (the flag's meaning is not known; it is ignored). Creates no instance.
     */
    public void importModule(String path, boolean flag) throws ModuleException {
        pbx.importModule(path);
    }
}
