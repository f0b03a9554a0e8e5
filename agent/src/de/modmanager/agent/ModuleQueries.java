package de.modmanager.agent;

import de.vertico.starface.module.core.model.Module;
import de.vertico.starface.module.core.model.ModuleInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** listModules and getDescriptor: what is installed and how its configuration form looks. */
final class ModuleQueries {

    private ModuleQueries() {
    }

    static Map<String, Object> listModules(Call call) throws Exception {
        List<Object> modules = new ArrayList<Object>();
        for (Module module : call.pbx.modules()) {
            if (builtIn(module)) {
                continue;
            }
            String id = module.getId();
            Map<String, Object> entry = new LinkedHashMap<String, Object>();
            entry.put("id", id);
            entry.put("name", orEmpty(module.getName()));
            entry.put("vendor", orEmpty(module.getVendor()));
            entry.put("version", Long.valueOf(module.getVersion()));
            entry.put("moduleType", moduleType(id));
            entry.put("licenseState", "");
            entry.put("instances", instanceStates(call.pbx.instances(id)));
            modules.add(entry);
        }
        Map<String, Object> result = new LinkedHashMap<String, Object>();
        result.put("modules", modules);
        return result;
    }

    /**
     * STARFACE's own modules (no vendor, version 0), as public module sources skip them:
     * modmanager manages third-party modules only.
     */
    private static boolean builtIn(Module module) {
        return module.getVersion() == 0L && orEmpty(module.getVendor()).isEmpty();
    }

    static List<Object> instanceStates(List<ModuleInstance> instances) {
        List<Object> states = new ArrayList<Object>();
        for (ModuleInstance instance : instances) {
            states.add(instanceState(instance));
        }
        return states;
    }

    static Map<String, Object> instanceState(ModuleInstance instance) {
        Map<String, Object> state = new LinkedHashMap<String, Object>();
        state.put("name", orEmpty(instance.getName()));
        state.put("active", Boolean.valueOf(!instance.getDisabled()));
        return state;
    }

    static Map<String, Object> getDescriptor(Call call) throws Exception {
        String moduleId = call.request.string("moduleId");
        boolean includeFile = call.request.optBool("includeModuleFile", false);
        Module module = call.pbx.requireModule(moduleId);
        long version = module.getVersion();
        Path kept = call.kept().find(moduleId, version);
        byte[] descriptor = installedDescriptor(moduleId);
        if (descriptor == null && kept != null) {
            descriptor = ModuleArchive.readEntry(kept, Descriptor.FILE_NAME, Descriptor.MAX_BYTES);
        }
        if (descriptor == null) {
            throw new Fault(Fault.Code.INTERNAL, "the descriptor of module " + moduleId + " cannot be read on the PBX");
        }
        Map<String, Object> result = new LinkedHashMap<String, Object>();
        result.put("moduleId", moduleId);
        result.put("version", Long.valueOf(version));
        result.put("descriptor", descriptor);
        result.put("moduleFile", includeFile && kept != null ? Files.readAllBytes(kept) : new byte[0]);
        return result;
    }

    /** The descriptor in the installed module's folder, or null. */
    static byte[] installedDescriptor(String moduleId) throws IOException {
        Path folder = DataDir.moduleFolder(moduleId);
        Path file = folder == null ? null : folder.resolve(Descriptor.FILE_NAME);
        if (file == null || !Files.isRegularFile(file) || Files.size(file) > Descriptor.MAX_BYTES) {
            return null;
        }
        return Files.readAllBytes(file);
    }

    /** The module's type from its installed descriptor ("" when unknown). */
    private static String moduleType(String moduleId) {
        try {
            byte[] xml = installedDescriptor(moduleId);
            return xml == null ? "" : Descriptor.parse(xml).moduleType;
        } catch (IOException | Descriptor.Invalid unreadable) {
            return "";
        }
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
