package de.modmanager.agent;

import de.vertico.starface.module.core.ModuleRegistry;
import de.vertico.starface.module.core.model.Module;
import de.vertico.starface.module.core.model.ModuleInstance;
import de.vertico.starface.module.core.model.Variable;
import de.vertico.starface.module.core.runtime.IRuntimeEnvironment;
import de.vertico.starface.module.core.runtime.InvocationInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's view of the PBX it runs on: STARFACE components, the agent's own instance,
 * modules and instances.
 *
 * <p>Members confirmed in compiled real modules (AGENT.md confidence A) are called directly;
 * everything else goes through {@link Reflect} with a fallback, so a STARFACE release without
 * it still loads the agent. One object per call; nothing is cached across calls because a
 * module re-import gives the agent fresh classes anyway.
 */
public final class Starface {

    /** Spring bean name under which STARFACE 10 examples read the release. */
    private static final String VERSION_BEAN = "pbxVersion";
    private static final Pattern FOUR_PART = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)");

    private final IRuntimeEnvironment context;
    private ModuleRegistry registry;

    public Starface(IRuntimeEnvironment context) {
        this.context = context;
    }

    public IRuntimeEnvironment context() {
        return context;
    }

    /** The agent's own module instance (the one the XML-RPC call was addressed to). */
    public ModuleInstance ownInstance() throws Fault {
        InvocationInfo info = context.getInvocationInfo();
        ModuleInstance instance = info == null ? null : info.getModuleInstance();
        if (instance == null) {
            throw new Fault(Fault.Code.INTERNAL, "STARFACE did not say which agent instance was called");
        }
        return instance;
    }

    /** The secret configured in the agent's own instance, or "" when none is set. */
    public String configuredSecret() throws Fault {
        List<Variable> variables = ownInstance().getInputVars();
        if (variables == null) {
            return "";
        }
        for (Object item : variables) {
            if (item instanceof Variable) {
                Variable variable = (Variable) item;
                if (AgentInfo.SECRET_VARIABLE.equals(variable.getId())
                        || AgentInfo.SECRET_VARIABLE.equals(variable.getName())) {
                    String value = variable.getValue();
                    return value == null ? "" : value;
                }
            }
        }
        return "";
    }

    /** STARFACE's module registry (through whichever component lookup this release offers). */
    public ModuleRegistry registry() throws Fault {
        if (registry == null) {
            Object found = component(ModuleRegistry.class);
            if (!(found instanceof ModuleRegistry)) {
                throw new Fault(Fault.Code.INTERNAL, "the STARFACE module registry is not reachable");
            }
            registry = (ModuleRegistry) found;
        }
        return registry;
    }

    /**
     * A STARFACE component (Spring bean) of {@code type}, or null.
     *
     * <p>Tried in order: {@code springApplicationContext().getBean(Class)} (10.x examples),
     * {@code provider().fetch(Class)} (9.x examples), the static
     * {@code StarfaceComponentProvider.getInstance().fetch(Class)}.
     */
    public Object component(Class<?> type) {
        Class<?>[] byClass = {Class.class};
        Object bean = quietly(applicationContext(), "getBean", byClass, type);
        if (bean == null) {
            bean = quietly(quietly(context, "provider", new Class<?>[0]), "fetch", byClass, type);
        }
        if (bean == null) {
            Object provider = null;
            try {
                provider = Reflect.callStatic("de.starface.core.component.StarfaceComponentProvider", "getInstance");
            } catch (Exception | LinkageError unavailable) {
                // older or newer release without it
            }
            bean = quietly(provider, "fetch", byClass, type);
        }
        return bean;
    }

    /** The component of the class named {@code className}, or null when absent. */
    public Object component(String className) {
        Class<?> type = Reflect.load(className);
        return type == null ? null : component(type);
    }

    private Object applicationContext() {
        return quietly(context, "springApplicationContext", new Class<?>[0]);
    }

    /**
     * The STARFACE release as four numbers joined by dots, or "" when it cannot be read.
     * {@code StarfaceReleaseInfo.getVersion()} (9.x), else the bean "pbxVersion" (10.x).
     */
    public String starfaceVersion() {
        String text = null;
        try {
            Object version = Reflect.callStatic("de.vertico.starface.StarfaceReleaseInfo", "getVersion");
            text = version == null ? null : version.toString();
        } catch (Exception | LinkageError unavailable) {
            // fall back to the bean
        }
        if (fourPart(text).isEmpty()) {
            Object bean = quietly(applicationContext(), "getBean", new Class<?>[] {String.class}, VERSION_BEAN);
            if (bean != null) {
                String viaGetter = Reflect.string(bean, "getVersion");
                text = viaGetter != null ? viaGetter : bean.toString();
            }
        }
        return fourPart(text);
    }

    /** The first {@code N.N.N.N} in {@code text}, or "". */
    static String fourPart(String text) {
        if (text == null) {
            return "";
        }
        Matcher match = FOUR_PART.matcher(text);
        return match.find() ? match.group() : "";
    }

    /** The major release number of {@code version} ("10.0.2.5" -> 10), -1 when unknown. */
    static int major(String version) {
        Matcher match = FOUR_PART.matcher(version == null ? "" : version);
        if (!match.find()) {
            return -1;
        }
        try {
            return Integer.parseInt(match.group(1));
        } catch (NumberFormatException absurd) {
            return -1;
        }
    }

    // --- modules and instances -----------------------------------------------------------------

    /** Every installed module STARFACE knows (its own built-in ones included). */
    public List<Module> modules() throws Fault {
        List<Module> modules = new ArrayList<Module>();
        List<Module> listed = registry().getModules();
        if (listed != null) {
            for (Object item : listed) {
                if (item instanceof Module) {
                    modules.add((Module) item);
                }
            }
        }
        return modules;
    }

    /** The installed module with {@code moduleId}, or null. */
    public Module module(String moduleId) throws Fault {
        if (moduleId == null || moduleId.isEmpty()) {
            return null;
        }
        try {
            Module direct = registry().getModuleById(moduleId);
            if (direct != null && moduleId.equals(direct.getId())) {
                return direct;
            }
        } catch (RuntimeException unknownId) {
            // some releases throw for an unknown id; the list below decides
        }
        for (Module module : modules()) {
            if (moduleId.equals(module.getId())) {
                return module;
            }
        }
        return null;
    }

    /** The installed module named by the request field {@code moduleId}, or MODULE_NOT_FOUND. */
    public Module requireModule(String moduleId) throws Fault {
        Module module = module(moduleId);
        if (module == null) {
            throw new Fault(Fault.Code.MODULE_NOT_FOUND, "no module " + Text.clip(moduleId, 80) + " is installed");
        }
        return module;
    }

    /** The instances of {@code moduleId}, in STARFACE's order. */
    public List<ModuleInstance> instances(String moduleId) throws Fault {
        List<Object> listed = registry().getInstances4Module(moduleId);
        if (listed == null) {
            return Collections.emptyList();
        }
        List<ModuleInstance> instances = new ArrayList<ModuleInstance>();
        for (Object item : listed) {
            ModuleInstance instance = asInstance(item);
            if (instance != null) {
                instances.add(instance);
            }
        }
        return instances;
    }

    /** Elements of getInstances4Module may be a read-only view; resolve them by id. */
    private ModuleInstance asInstance(Object item) throws Fault {
        if (item instanceof ModuleInstance) {
            return (ModuleInstance) item;
        }
        String id = Reflect.string(item, "getId");
        return id == null ? null : registry().getInstance(id);
    }

    /** The instance of {@code moduleId} named {@code name}, or null. */
    public ModuleInstance instance(String moduleId, String name) throws Fault {
        for (ModuleInstance instance : instances(moduleId)) {
            if (name.equals(instance.getName())) {
                return instance;
            }
        }
        return null;
    }

    /** Like {@link #instance} but INSTANCE_NOT_FOUND when absent. */
    public ModuleInstance requireInstance(String moduleId, String name) throws Fault {
        ModuleInstance instance = instance(moduleId, name);
        if (instance == null) {
            throw new Fault(Fault.Code.INSTANCE_NOT_FOUND,
                    "module " + Text.clip(moduleId, 80) + " has no instance " + Text.clip(name, 80));
        }
        return instance;
    }

    /** A present, non-failing reflective call's result, or null. */
    static Object quietly(Object target, String name, Class<?>[] parameters, Object... args) {
        if (target == null) {
            return null;
        }
        try {
            return Reflect.call(target, name, parameters, args);
        } catch (Exception | LinkageError unavailable) {
            return null;
        }
    }
}
