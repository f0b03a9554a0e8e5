package de.modmanager.agent;

import de.vertico.starface.module.core.model.ModuleInstance;
import de.vertico.starface.module.core.model.TimerInterval;
import de.vertico.starface.module.core.model.Variable;
import de.vertico.starface.module.core.model.resource.FileResource;
import de.vertico.starface.module.core.model.resource.ListResource;
import de.vertico.starface.module.core.model.resource.MapResource;
import de.vertico.starface.module.core.model.resource.TimerSettingsResource;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts an instance variable's value between STARFACE and the wire (PROTOCOL-V2 "Value").
 *
 * <p>STARFACE stores every value as a string; LIST, MAP, FILE_RESOURCE and TIMER_SETTINGS
 * variables hold the id of a resource of the instance (AGENT.md), whose content is what a
 * backup must carry. Reading: NUMBER and BOOLEAN become JSON numbers and booleans when they
 * parse, anything else stays a string.
 */
public final class Values {

    /** Largest file resource exported (the answer must stay far below 64 MiB). */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private Values() {
    }

    /** The STARFACE type name of {@code variable} ("STRING", ...), "" when unknown. */
    public static String typeName(Variable variable) {
        Object type = variable.getType();
        return type instanceof Enum ? ((Enum<?>) type).name() : "";
    }

    /** The key a value travels under: the variable id (the form's variableId), else its name. */
    public static String key(Variable variable) {
        String id = variable.getId();
        return id != null && !id.isEmpty() ? id : variable.getName();
    }

    /**
     * The wire value of {@code variable} of {@code instance}, or null when it has none (value
     * null: never set, or cleared by importConfig) or none worth sending (a timer without settings).
     */
    public static Object read(ModuleInstance instance, Variable variable) throws Exception {
        String type = typeName(variable);
        if (variable.getValue() == null) {
            return null;
        }
        String value = variable.getValue();
        if ("NUMBER".equals(type)) {
            return number(value);
        }
        if ("BOOLEAN".equals(type)) {
            return "true".equalsIgnoreCase(value) ? Boolean.TRUE
                    : "false".equalsIgnoreCase(value) ? (Object) Boolean.FALSE : value;
        }
        if ("LIST".equals(type)) {
            List<Object> items = new ArrayList<Object>();
            ListResource list = value.isEmpty() ? null : instance.getListResource(value);
            List<String> values = list == null ? null : list.getValues();
            if (values != null) {
                for (Object item : values) {
                    items.add(item == null ? "" : item.toString());
                }
            }
            return items;
        }
        if ("MAP".equals(type)) {
            Map<String, Object> map = new LinkedHashMap<String, Object>();
            MapResource resource = value.isEmpty() ? null : instance.getMapResource(value);
            Map<String, String> entries = resource == null ? null : resource.getMap();
            if (entries != null) {
                for (Map.Entry<?, ?> entry : entries.entrySet()) {
                    map.put(String.valueOf(entry.getKey()), entry.getValue() == null ? "" : entry.getValue().toString());
                }
            }
            return map;
        }
        if ("FILE_RESOURCE".equals(type)) {
            return file(value.isEmpty() ? null : instance.getFileResource(value));
        }
        if ("TIMER_SETTINGS".equals(type)) {
            TimerSettingsResource timer = value.isEmpty() ? null : instance.getTimerSettings(value);
            if (timer == null) {
                return null;
            }
            Map<String, Object> settings = new LinkedHashMap<String, Object>();
            settings.put("startTime", Long.valueOf(timer.getStartTime()));
            Object period = timer.getPeriod();
            settings.put("period", period instanceof Enum ? ((Enum<?>) period).name() : "");
            settings.put("multiplier", Long.valueOf(timer.getMultiplikator()));
            return settings;
        }
        return value;
    }

    private static Object number(String value) {
        String text = value.trim();
        if (text.matches("-?[0-9]{1,18}")) {
            return Long.valueOf(text);
        }
        if (text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            double number = Double.parseDouble(text);
            if (!Double.isInfinite(number)) {
                return Double.valueOf(number);
            }
        }
        return value;
    }

    private static Map<String, Object> file(FileResource resource) throws Exception {
        Map<String, Object> file = new LinkedHashMap<String, Object>();
        String name = resource == null ? null : resource.getName();
        File real = resource == null ? null : resource.getRealFile();
        byte[] data = new byte[0];
        if (real != null && real.isFile()) {
            if (real.length() > MAX_FILE_BYTES) {
                throw new Fault(Fault.Code.INTERNAL, "the file resource " + Text.clip(name, 80)
                        + " is larger than the agent can transfer (" + real.length() + " bytes)");
            }
            data = Files.readAllBytes(real.toPath());
        }
        file.put("fileName", name == null ? "" : name);
        file.put("data", data);
        return file;
    }

    // --- writing -------------------------------------------------------------------------------

    /** A checked value ready to be written to one variable. */
    public static final class Planned {
        final String key;
        final String type;
        final Object value;

        Planned(String key, String type, Object value) {
            this.key = key;
            this.type = type;
            this.value = value;
        }
    }

    /**
     * Checks {@code wire} against {@code variable}'s type and returns what to write, or null
     * when there is nothing to write (an empty file resource). BAD_REQUEST for a wrong shape,
     * NOT_SUPPORTED when the value cannot be written on this PBX; nothing is changed here.
     */
    public static Planned plan(ModuleInstance instance, Variable variable, Object wire, String where)
            throws Exception {
        String type = typeName(variable);
        String key = key(variable);
        String current = variable.getValue() == null ? "" : variable.getValue();
        if ("LIST".equals(type)) {
            if (!(wire instanceof List)) {
                throw Fault.badRequest(where + ": a LIST value must be an array of strings");
            }
            List<String> items = new ArrayList<String>();
            for (Object item : (List<?>) wire) {
                if (!(item instanceof String)) {
                    throw Fault.badRequest(where + ": a LIST value must be an array of strings");
                }
                items.add((String) item);
            }
            return new Planned(key, type, items);
        }
        if ("MAP".equals(type)) {
            if (!(wire instanceof Map)) {
                throw Fault.badRequest(where + ": a MAP value must be an object of strings");
            }
            Map<String, String> map = new LinkedHashMap<String, String>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) wire).entrySet()) {
                if (!(entry.getValue() instanceof String)) {
                    throw Fault.badRequest(where + ": a MAP value must be an object of strings");
                }
                map.put((String) entry.getKey(), (String) entry.getValue());
            }
            return new Planned(key, type, map);
        }
        if ("FILE_RESOURCE".equals(type)) {
            Map<?, ?> file = wire instanceof Map ? (Map<?, ?>) wire : null;
            if (file == null || !(file.get("fileName") instanceof String) || !(file.get("data") instanceof String)) {
                throw Fault.badRequest(where + ": a FILE_RESOURCE value must be {fileName, data}");
            }
            byte[] data = Request.decodeBase64((String) file.get("data"), where, Json.MAX_CHARS);
            if (data.length == 0 && ((String) file.get("fileName")).isEmpty()) {
                return null;
            }
            if (current.isEmpty() || instance.getFileResource(current) == null) {
                throw new Fault(Fault.Code.NOT_SUPPORTED, where
                        + ": the agent cannot create a new file resource on this PBX; upload the file in the module's form");
            }
            return new Planned(key, type, new Object[] {file.get("fileName"), data});
        }
        if ("TIMER_SETTINGS".equals(type)) {
            Map<?, ?> timer = wire instanceof Map ? (Map<?, ?>) wire : null;
            if (timer == null || !(timer.get("startTime") instanceof Long) || !(timer.get("period") instanceof String)
                    || !(timer.get("multiplier") instanceof Long)) {
                throw Fault.badRequest(where + ": a TIMER_SETTINGS value must be {startTime, period, multiplier}");
            }
            long multiplier = ((Long) timer.get("multiplier")).longValue();
            if (multiplier < Integer.MIN_VALUE || multiplier > Integer.MAX_VALUE) {
                throw Fault.badRequest(where + ": multiplier is out of range");
            }
            TimerInterval period;
            try {
                period = Enum.valueOf(TimerInterval.class, (String) timer.get("period"));
            } catch (IllegalArgumentException unknown) {
                throw Fault.badRequest(where + ": the timer period " + Text.clip((String) timer.get("period"), 40)
                        + " is unknown to this PBX");
            }
            if (current.isEmpty() || instance.getTimerSettings(current) == null) {
                throw new Fault(Fault.Code.NOT_SUPPORTED, where + ": the instance has no timer settings to write to");
            }
            return new Planned(key, type, new Object[] {timer.get("startTime"), period, Integer.valueOf((int) multiplier)});
        }
        return new Planned(key, type, scalar(wire, type, where));
    }

    private static String scalar(Object wire, String type, String where) throws Fault {
        if ("BOOLEAN".equals(type)) {
            if (wire instanceof Boolean) {
                return wire.toString();
            }
            if (wire instanceof String && ("true".equalsIgnoreCase((String) wire) || "false".equalsIgnoreCase((String) wire))) {
                return ((String) wire).toLowerCase(java.util.Locale.ROOT);
            }
            throw Fault.badRequest(where + ": a BOOLEAN value must be true or false");
        }
        if (wire instanceof String) {
            return (String) wire;
        }
        if (wire instanceof Long || wire instanceof Double) {
            return JsonWriter.write(wire);
        }
        if (wire instanceof Boolean && !"NUMBER".equals(type)) {
            return wire.toString();
        }
        throw Fault.badRequest(where + ": a " + (type.isEmpty() ? "STRING" : type) + " value must be a string"
                + ("NUMBER".equals(type) ? " or a number" : ""));
    }

    /**
     * Writes {@code planned} into {@code variable} of the edit copy {@code instance}.
     * {@code files} is where file resources are staged (the agent's data folder).
     */
    public static void write(ModuleInstance instance, Variable variable, Planned planned, java.nio.file.Path files)
            throws Exception {
        String current = variable.getValue() == null ? "" : variable.getValue();
        if ("LIST".equals(planned.type)) {
            ListResource list = current.isEmpty() ? null : instance.getListResource(current);
            if (list == null) {
                list = new ListResource();
            }
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) planned.value;
            list.setValues(items);
            String id = resourceId(variable, current);
            list.setId(id);
            Resources.replace(instance, id, list);
        } else if ("MAP".equals(planned.type)) {
            MapResource map = current.isEmpty() ? null : instance.getMapResource(current);
            if (map == null) {
                map = new MapResource();
            }
            @SuppressWarnings("unchecked")
            Map<String, String> entries = (Map<String, String>) planned.value;
            map.setMap(entries);
            String id = resourceId(variable, current);
            map.setId(id);
            Resources.replace(instance, id, map);
        } else if ("FILE_RESOURCE".equals(planned.type)) {
            Object[] file = (Object[]) planned.value;
            FileResource resource = instance.getFileResource(current);
            if (resource == null) {
                throw new Fault(Fault.Code.INTERNAL, "the file resource of " + planned.key + " vanished during the import");
            }
            java.nio.file.Path staged = Resources.stage(files, instance.getId(), planned.key, (String) file[0],
                    (byte[]) file[1]);
            resource.setRealFile(staged.toFile());
        } else if ("TIMER_SETTINGS".equals(planned.type)) {
            Object[] timer = (Object[]) planned.value;
            TimerSettingsResource settings = instance.getTimerSettings(current);
            if (settings == null) {
                throw new Fault(Fault.Code.INTERNAL, "the timer settings of " + planned.key + " vanished during the import");
            }
            settings.setStartTime(((Long) timer[0]).longValue());
            settings.setPeriod((TimerInterval) timer[1]);
            settings.setMultiplikator(((Integer) timer[2]).intValue());
        } else {
            variable.setValue((String) planned.value);
        }
    }

    /** The resource id a LIST/MAP variable uses; a fresh one (stored in the variable) if none. */
    private static String resourceId(Variable variable, String current) {
        if (!current.isEmpty()) {
            return current;
        }
        String id = java.util.UUID.randomUUID().toString();
        variable.setValue(id);
        return id;
    }
}
