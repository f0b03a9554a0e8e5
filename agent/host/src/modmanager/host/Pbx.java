package modmanager.host;

import de.vertico.starface.module.core.model.Module;
import de.vertico.starface.module.core.model.ModuleException;
import de.vertico.starface.module.core.model.ModuleInstance;
import de.vertico.starface.module.core.model.ModuleInstanceProject;
import de.vertico.starface.module.core.model.TimerInterval;
import de.vertico.starface.module.core.model.Variable;
import de.vertico.starface.module.core.model.VariableType;
import de.vertico.starface.module.core.model.resource.FileResource;
import de.vertico.starface.module.core.model.resource.FileType;
import de.vertico.starface.module.core.model.resource.ListResource;
import de.vertico.starface.module.core.model.resource.MapResource;
import de.vertico.starface.module.core.model.resource.Resource;
import de.vertico.starface.module.core.model.resource.TimerSettingsResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The simulated PBX's module state: installed modules (unpacked under the module repo folder),
 * their instances, and what an upload does. Everything handed out is a copy; changes count
 * when saved through {@link #update}. All methods are thread-safe (one lock).
 *
 * <p>Upload ({@link #importModule}) mirrors modmanager/simulator/server.py _install_uploaded:
 * replace the module of the same id whatever the version, keep the instances but deactivate
 * them all, and for a module with a module-internal database (old or new file, same rule as
 * simulator/state.py uses_internal_database) delete the module folder (with the files the
 * module wrote there) and reset the instances' values to the new form's defaults.
 */
public final class Pbx {
    private final HostConfig config;
    private final Path moduleRepo;
    private final Path instanceRepo;
    private final Map<String, Installed> modules = new LinkedHashMap<>();
    /** Ids of instances made by newInstance and not yet saved, with their module id. */
    private final Map<String, String> unsaved = new HashMap<>();
    /** Grows with every install: class loaders of an older generation are replaced. */
    private long generation;

    Pbx(HostConfig config) {
        this.config = config;
        this.moduleRepo = config.dataRoot.resolve("var/starface/module/modules/repo");
        this.instanceRepo = config.dataRoot.resolve("var/starface/module/instances/repo");
    }

    Path moduleRepo() {
        return moduleRepo;
    }

    Path instanceRepo() {
        return instanceRepo;
    }

    /** An installed module. */
    static final class Installed {
        final Sfm sfm;
        final List<ModuleInstance> instances;
        ClassLoader loader;
        long loaderGeneration = -1;

        Installed(Sfm sfm, List<ModuleInstance> instances) {
            this.sfm = sfm;
            this.instances = instances;
        }

        Descriptor descriptor() {
            return sfm.descriptor;
        }
    }

    // --- registry operations (ModuleRegistry delegates here) ---------------------------------

    public synchronized List<Module> modules() {
        List<Module> result = new ArrayList<>();
        for (Installed installed : modules.values()) {
            result.add(snapshot(installed));
        }
        return result;
    }

    public synchronized Module module(String idOrName) {
        Installed installed = modules.get(idOrName);
        if (installed == null) {
            for (Installed candidate : modules.values()) {
                if (candidate.descriptor().name.equals(idOrName)) {
                    installed = candidate;
                    break;
                }
            }
        }
        return installed == null ? null : snapshot(installed);
    }

    public synchronized String localizedName(String moduleId, Locale locale) {
        Installed installed = modules.get(moduleId);
        if (installed == null) {
            return null;
        }
        Descriptor descriptor = installed.descriptor();
        String localized = locale == null ? null : descriptor.names.get(locale.getLanguage());
        return localized != null ? localized : descriptor.name;
    }

    public synchronized List<ModuleInstance> instances(String moduleId) {
        List<ModuleInstance> result = new ArrayList<>();
        Installed installed = modules.get(moduleId);
        if (installed != null) {
            for (ModuleInstance instance : installed.instances) {
                result.add(copy(instance));
            }
        }
        return result;
    }

    public synchronized ModuleInstance instance(String instanceId) {
        ModuleInstance live = live(instanceId);
        return live == null ? null : copy(live);
    }

    public synchronized ModuleInstanceProject edit(String instanceId) {
        ModuleInstance live = live(instanceId);
        return live == null ? null : new ModuleInstanceProject(copy(live));
    }

    /** A new, unsaved, inactive instance with the form's defaults (saved by {@link #update}). */
    public synchronized ModuleInstanceProject newInstance(String moduleId) {
        Installed installed = modules.get(moduleId);
        if (installed == null) {
            throw new IllegalArgumentException("no module " + moduleId + " is installed");
        }
        String id = UUID.randomUUID().toString();
        ModuleInstance instance = blankInstance(installed, id, installed.descriptor().name, true);
        unsaved.put(id, moduleId);
        return new ModuleInstanceProject(instance);
    }

    /** Saves name, values and resources of the edited copy (not the active flag). */
    public synchronized void update(ModuleInstanceProject project) {
        ModuleInstance edited = edited(project);
        ModuleInstance live = live(edited.getId());
        if (live == null) {
            String moduleId = unsaved.remove(edited.getId());
            Installed installed = moduleId == null ? null : modules.get(moduleId);
            if (installed == null) {
                throw new IllegalArgumentException("unknown module instance " + edited.getId());
            }
            ModuleInstance created = copy(edited);
            created.setModuleId(moduleId);
            created.setModuleName(installed.descriptor().name);
            created.setDisabled(true);
            installed.instances.add(created);
            HostLog.info("instance " + created.getId() + " created for module " + moduleId);
            return;
        }
        live.setName(edited.getName());
        live.setDescription(edited.getDescription());
        live.setInputVars(copyVariables(edited.getInputVars()));
        live.setResources(copyResources(edited.getResources()));
    }

    public synchronized void activate(ModuleInstanceProject project, boolean active) {
        ModuleInstance edited = edited(project);
        ModuleInstance live = live(edited.getId());
        if (live == null) {
            throw new IllegalStateException("module instance " + edited.getId()
                    + " is not saved; call updateModuleInstance first");
        }
        live.setDisabled(!active);
        edited.setDisabled(!active);
    }

    /** Upload of an .sfm: see the class comment. */
    public void importModule(String path) throws ModuleException {
        byte[] data;
        Sfm sfm;
        try {
            Path file = java.nio.file.Paths.get(path);
            if (Files.size(file) > Sfm.MAX_FILE_BYTES) {
                throw new ModuleException("the module file is too large");
            }
            data = Files.readAllBytes(file);
            sfm = Sfm.read(data);
        } catch (IOException error) {
            throw new ModuleException("cannot read the module file: " + error.getMessage());
        } catch (Sfm.SfmException error) {
            throw new ModuleException(error.getMessage());
        }
        synchronized (this) {
            String id = sfm.descriptor.id;
            Installed previous = modules.get(id);
            boolean wiped = previous != null && (previous.sfm.usesInternalDatabase() || sfm.usesInternalDatabase());
            Path folder = moduleRepo.resolve(id);
            try {
                if (wiped) {
                    deleteTree(folder);
                } else if (previous != null) {
                    for (String name : previous.sfm.entries.keySet()) {
                        if (!name.endsWith("/")) {
                            Files.deleteIfExists(inside(folder, name));
                        }
                    }
                }
                unpack(sfm, folder);
            } catch (IOException error) {
                throw new ModuleException("cannot unpack the module: " + error.getMessage());
            }
            List<ModuleInstance> instances = previous == null ? new ArrayList<>() : previous.instances;
            Installed next = new Installed(sfm, instances);
            for (ModuleInstance instance : instances) {
                instance.setDisabled(true);
                instance.setModuleName(sfm.descriptor.name);
                if (wiped) {
                    ModuleInstance fresh = blankInstance(next, instance.getId(), instance.getName(), true);
                    instance.setInputVars(fresh.getInputVars());
                    instance.setResources(fresh.getResources());
                } else {
                    adoptForm(next, instance);
                }
            }
            modules.put(id, next);
            generation++;
            HostLog.info("imported module " + id + " version " + sfm.descriptor.version
                    + (previous == null ? " (new)" : " replacing version " + previous.descriptor().version)
                    + (wiped ? "; module folder and settings wiped" : "") + "; " + instances.size()
                    + " instance(s) deactivated");
        }
    }

    // --- host side ------------------------------------------------------------------------------

    /** Installs a module as it is at start (no upload semantics), with instances and extra files. */
    synchronized void preinstall(HostConfig.ModuleSpec spec) throws IOException, Sfm.SfmException {
        Sfm sfm = Sfm.read(Files.readAllBytes(spec.sfm));
        String id = sfm.descriptor.id;
        Path folder = moduleRepo.resolve(id);
        deleteTree(folder);
        unpack(sfm, folder);
        for (Map.Entry<String, byte[]> file : spec.internalFiles.entrySet()) {
            Path target = inside(folder, file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Installed installed = new Installed(sfm, new ArrayList<>());
        for (HostConfig.InstanceSpec wanted : spec.instances) {
            String instanceId = UUID.nameUUIDFromBytes((id + "\0" + wanted.name).getBytes(StandardCharsets.UTF_8))
                    .toString();
            ModuleInstance instance = blankInstance(installed, instanceId, wanted.name, false);
            for (Map.Entry<String, Object> value : wanted.values.entrySet()) {
                applyValue(instance, value.getKey(), value.getValue());
            }
            instance.setDisabled(!wanted.active);
            installed.instances.add(instance);
        }
        modules.put(id, installed);
        generation++;
        HostLog.info("installed module " + id + " (" + sfm.descriptor.name + " " + sfm.descriptor.version
                + ") with " + installed.instances.size() + " instance(s)");
    }

    /** What an XML-RPC call names: the module and instance (a copy), or null. */
    static final class Target {
        final Installed module;
        final Module moduleSnapshot;
        final ModuleInstance instance;
        final ClassLoader loader;

        Target(Installed module, Module moduleSnapshot, ModuleInstance instance, ClassLoader loader) {
            this.module = module;
            this.moduleSnapshot = moduleSnapshot;
            this.instance = instance;
            this.loader = loader;
        }
    }

    /** The active instance of this name (any module) with a class loader of the current revision. */
    synchronized Target target(String instanceName) {
        for (Installed installed : modules.values()) {
            for (ModuleInstance instance : installed.instances) {
                if (instance.getName().equals(instanceName) && !instance.getDisabled()) {
                    if (installed.loader == null || installed.loaderGeneration != generation) {
                        installed.loader = new ModuleClassLoader(installed.sfm.entries, Pbx.class.getClassLoader(),
                                config.maxClassMajor, installed.descriptor().id);
                        installed.loaderGeneration = generation;
                    }
                    return new Target(installed, snapshot(installed), copy(instance), installed.loader);
                }
            }
        }
        return null;
    }

    synchronized ModuleInstance liveInstanceByName(String name) {
        for (Installed installed : modules.values()) {
            for (ModuleInstance instance : installed.instances) {
                if (instance.getName().equals(name)) {
                    return instance;
                }
            }
        }
        return null;
    }

    // --- instances and values ---------------------------------------------------------------------

    private ModuleInstance live(String instanceId) {
        if (instanceId == null) {
            return null;
        }
        for (Installed installed : modules.values()) {
            for (ModuleInstance instance : installed.instances) {
                if (instanceId.equals(instance.getId())) {
                    return instance;
                }
            }
        }
        return null;
    }

    private static ModuleInstance edited(ModuleInstanceProject project) {
        if (project == null || !(project.getObject() instanceof ModuleInstance)) {
            throw new IllegalArgumentException("not a module instance project");
        }
        return (ModuleInstance) project.getObject();
    }

    /** An instance with the module's variables; with defaults, or all empty (values set later). */
    private ModuleInstance blankInstance(Installed installed, String id, String name, boolean defaults) {
        ModuleInstance instance = new ModuleInstance();
        instance.setId(id);
        instance.setName(name);
        instance.setModuleId(installed.descriptor().id);
        instance.setModuleName(installed.descriptor().name);
        instance.setDisabled(true);
        List<Variable> variables = new ArrayList<>();
        for (Descriptor.InstanceVar spec : installed.descriptor().instanceVariables()) {
            String value = defaults && scalar(spec.type) ? spec.defaultValue : null;
            variables.add(new Variable(spec.id, spec.name, spec.type, value));
        }
        instance.setInputVars(variables);
        return instance;
    }

    /** After an upload without wipe: variables of the new form appear (empty), known ones take its type. */
    private void adoptForm(Installed installed, ModuleInstance instance) {
        for (Descriptor.InstanceVar spec : installed.descriptor().instanceVariables()) {
            Variable existing = instance.getInputVar(spec.id);
            if (existing == null) {
                instance.getInputVars().add(new Variable(spec.id, spec.name, spec.type, null));
            } else {
                existing.setType(spec.type);
            }
        }
    }

    private static boolean scalar(VariableType type) {
        return !(type == VariableType.LIST || type == VariableType.MAP || type == VariableType.TIMER_SETTINGS
                || fileType(type));
    }

    private static boolean fileType(VariableType type) {
        return type == VariableType.FILE_RESOURCE || type == VariableType.ASTERISK_SOUND_FILE
                || type == VariableType.SNOM_SOUND_FILE || type == VariableType.TIPTEL_SOUND_FILE
                || type == VariableType.SHELL_SCRIPT_FILE;
    }

    /** Sets a value given as the protocol's JSON Value (see PROTOCOL-V2.md, Records: Value). */
    @SuppressWarnings("unchecked")
    private void applyValue(ModuleInstance instance, String key, Object value) throws IOException {
        Variable variable = instance.getInputVar(key);
        if (variable == null) {
            variable = new Variable(key, key, inferType(value), null);
            instance.getInputVars().add(variable);
        }
        if (value == null) {
            variable.setValue(null);
            return;
        }
        VariableType type = variable.getType();
        String resourceId = UUID.randomUUID().toString();
        if (type == VariableType.LIST) {
            if (!(value instanceof List)) {
                throw new IllegalArgumentException("value of " + key + " must be a list");
            }
            ListResource resource = new ListResource();
            resource.setId(resourceId);
            List<String> items = new ArrayList<>();
            for (Object item : (List<Object>) value) {
                items.add(String.valueOf(item));
            }
            resource.setValues(items);
            instance.getResources().add(resource);
            variable.setValue(resourceId);
        } else if (type == VariableType.MAP) {
            MapResource resource = new MapResource();
            resource.setId(resourceId);
            Map<String, String> entries = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : HostConfig.object(value, "value of " + key).entrySet()) {
                entries.put(entry.getKey(), String.valueOf(entry.getValue()));
            }
            resource.setMap(entries);
            instance.getResources().add(resource);
            variable.setValue(resourceId);
        } else if (type == VariableType.TIMER_SETTINGS) {
            Map<String, Object> spec = HostConfig.object(value, "value of " + key);
            TimerSettingsResource resource = new TimerSettingsResource();
            resource.setId(resourceId);
            resource.setStartTime(HostConfig.number(spec, "startTime", 0));
            resource.setMultiplikator((int) HostConfig.number(spec, "multiplier", 1));
            String period = HostConfig.string(spec, "period", null);
            resource.setPeriod(period == null ? null : TimerInterval.valueOf(period));
            instance.getResources().add(resource);
            variable.setValue(resourceId);
        } else if (fileType(type)) {
            Map<String, Object> spec = HostConfig.object(value, "value of " + key);
            String fileName = HostConfig.required(spec, "fileName");
            byte[] data = Base64.getDecoder().decode(HostConfig.string(spec, "data", ""));
            int dot = fileName.lastIndexOf('.');
            String extension = dot < 0 ? "" : fileName.substring(dot + 1);
            Path folder = instanceRepo.resolve(instance.getId()).resolve("res");
            Files.createDirectories(folder);
            Path file = folder.resolve(resourceId + (extension.isEmpty() ? "" : "." + extension));
            Files.write(file, data);
            FileResource resource = new FileResource(fileName, FileType.FILE_RESOURCE, extension);
            resource.setId(resourceId);
            resource.setRealFile(file.toFile());
            instance.getResources().add(resource);
            variable.setValue(resourceId);
        } else {
            variable.setValue(scalarText(key, value));
        }
    }

    private static VariableType inferType(Object value) {
        if (value instanceof Boolean) {
            return VariableType.BOOLEAN;
        }
        if (value instanceof Number) {
            return VariableType.NUMBER;
        }
        if (value instanceof List) {
            return VariableType.LIST;
        }
        if (value instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) value;
            if (map.containsKey("fileName") && map.containsKey("data")) {
                return VariableType.FILE_RESOURCE;
            }
            if (map.containsKey("startTime") && map.containsKey("period")) {
                return VariableType.TIMER_SETTINGS;
            }
            return VariableType.MAP;
        }
        return VariableType.STRING;
    }

    private static String scalarText(String key, Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Boolean || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Double) {
            double number = (Double) value;
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                return Long.toString((long) number);
            }
            return value.toString();
        }
        throw new IllegalArgumentException("value of " + key + " must be a string, number or boolean");
    }

    // --- copies ---------------------------------------------------------------------------------

    private static Module snapshot(Installed installed) {
        Descriptor descriptor = installed.descriptor();
        Module module = new Module();
        module.setId(descriptor.id);
        module.setName(descriptor.name);
        module.setVendor(descriptor.vendor);
        module.setVersion(descriptor.version);
        module.setModuleType(descriptor.moduleType);
        List<Variable> inputs = new ArrayList<>();
        for (Descriptor.InstanceVar spec : descriptor.instanceVariables()) {
            inputs.add(new Variable(spec.id, spec.name, spec.type, spec.defaultValue));
        }
        module.setInputVars(inputs);
        return module;
    }

    static ModuleInstance copy(ModuleInstance source) {
        ModuleInstance copy = new ModuleInstance();
        copy.setId(source.getId());
        copy.setName(source.getName());
        copy.setDescription(source.getDescription());
        copy.setModuleId(source.getModuleId());
        copy.setModuleName(source.getModuleName());
        copy.setDisabled(source.getDisabled());
        copy.setInputVars(copyVariables(source.getInputVars()));
        copy.setResources(copyResources(source.getResources()));
        return copy;
    }

    private static List<Variable> copyVariables(List<Variable> variables) {
        List<Variable> copy = new ArrayList<>();
        if (variables != null) {
            for (Variable variable : variables) {
                copy.add(new Variable(variable.getId(), variable.getName(), variable.getType(), variable.getValue()));
            }
        }
        return copy;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Set<Resource> copyResources(Set resources) {
        Set<Resource> copy = new LinkedHashSet<>();
        if (resources == null) {
            return copy;
        }
        for (Object item : resources) {
            Resource resource;
            if (item instanceof ListResource) {
                ListResource list = new ListResource();
                list.setValues(new ArrayList<>(((ListResource) item).getValues()));
                resource = list;
            } else if (item instanceof MapResource) {
                MapResource map = new MapResource();
                map.setMap(new LinkedHashMap<>(((MapResource) item).getMap()));
                resource = map;
            } else if (item instanceof FileResource) {
                FileResource source = (FileResource) item;
                FileResource file = new FileResource(source.getName(), source.getType(), source.getRealFileExtension());
                file.setLocale(source.getLocale());
                file.setRealFile(source.getRealFile());
                resource = file;
            } else if (item instanceof TimerSettingsResource) {
                TimerSettingsResource source = (TimerSettingsResource) item;
                TimerSettingsResource timer = new TimerSettingsResource();
                timer.setStartTime(source.getStartTime());
                timer.setPeriod(source.getPeriod());
                timer.setMultiplikator(source.getMultiplikator());
                resource = timer;
            } else {
                continue;
            }
            resource.setId(((Resource) item).getId());
            if (!(item instanceof FileResource)) {
                resource.setName(((Resource) item).getName());
            }
            copy.add(resource);
        }
        return copy;
    }

    // --- folders -------------------------------------------------------------------------------

    private static void unpack(Sfm sfm, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> entry : sfm.entries.entrySet()) {
            Path target = inside(folder, entry.getKey());
            if (entry.getKey().endsWith("/")) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.write(target, entry.getValue());
            }
        }
    }

    private static Path inside(Path folder, String name) throws IOException {
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(folder)) {
            throw new IOException("entry outside the module folder: " + name);
        }
        return target;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all = new ArrayList<>();
            paths.forEach(all::add);
            all.sort(Comparator.reverseOrder());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
    }
}
