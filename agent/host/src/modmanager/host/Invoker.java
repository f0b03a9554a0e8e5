package modmanager.host;

import de.vertico.starface.module.core.model.ModuleInstance;
import de.vertico.starface.module.core.model.Variable;
import de.vertico.starface.module.core.model.VariableType;
import de.vertico.starface.module.core.model.resource.ListResource;
import de.vertico.starface.module.core.model.resource.MapResource;
import de.vertico.starface.module.core.runtime.IBaseExecutable;
import de.vertico.starface.module.core.runtime.InvocationInfo;
import de.vertico.starface.module.core.runtime.annotations.InputVar;
import de.vertico.starface.module.core.runtime.annotations.OutputVar;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an RPC entry point the way the descriptor wires it: the call's struct members fill the
 * wrapper function's input variables by name; the wrapper's functionCalls run in order, each
 * mapping wrapper variables (or module instance variables) onto the target function's
 * {@code @InputVar} fields and its {@code @OutputVar} fields back onto wrapper variables; the
 * wrapper's output variables become the answer struct.
 *
 * <p>An entry point that points straight at a Java function runs it without parameters (on
 * STARFACE "the parameters never arrive"); its output fields are still answered.
 */
final class Invoker {
    private static final int MAX_DEPTH = 16;

    private final HostServices services;
    private final Pbx.Target target;
    private final Descriptor descriptor;

    Invoker(HostServices services, Pbx.Target target) {
        this.services = services;
        this.target = target;
        this.descriptor = target.module.descriptor();
    }

    /** A call the host answers with an XML-RPC fault (code 0: the real code is not known). */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }

        Failure(String message) {
            super(message);
        }
    }

    Map<String, Object> invoke(Descriptor.RpcEntryPoint entryPoint, Map<String, Object> struct) throws Failure {
        if (!descriptor.licenseHashValid()) {
            throw new Failure("Unzureichende Modullizenz (the descriptor's noLicenseId does not match)");
        }
        Descriptor.Function function = function(entryPoint.targetDomainId, entryPoint.targetId,
                "rpcEntryPoint " + entryPoint.name);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (function.isJava()) {
            Map<String, Object> outputs = runJava(function, Collections.emptyMap());
            for (Descriptor.Var output : function.outputs) {
                putAnswer(answer, output, outputs.get(output.id));
            }
            return answer;
        }
        Map<String, Object> scope = new HashMap<>();
        for (Descriptor.Var input : function.inputs) {
            String name = input.fieldName();
            Object value = struct.containsKey(name) ? coerceIn(struct.get(name), input.type, name)
                    : literal(input, input.type);
            scope.put(input.id, value);
        }
        run(function, scope, 0);
        for (Descriptor.Var output : function.outputs) {
            putAnswer(answer, output, scope.get(output.id));
        }
        return answer;
    }

    private Descriptor.Function function(String domainId, String functionId, String what) throws Failure {
        if (functionId == null) {
            throw new Failure(what + " names no function");
        }
        if (domainId != null && !domainId.equals(descriptor.id)) {
            throw new Failure(what + " points into another module (" + domainId + "), which the host does not support");
        }
        Descriptor.Function function = descriptor.functions.get(functionId);
        if (function == null) {
            throw new Failure(what + " points to function " + functionId + ", which the module does not define");
        }
        return function;
    }

    /** Runs a composed function's children against its variables (by variable id). */
    private void run(Descriptor.Function function, Map<String, Object> scope, int depth) throws Failure {
        if (depth > MAX_DEPTH) {
            throw new Failure("functionCalls nest deeper than " + MAX_DEPTH);
        }
        if (!function.unsupportedChildren.isEmpty()) {
            throw new Failure("function " + function.id + " has children the host cannot run: "
                    + function.unsupportedChildren);
        }
        for (Descriptor.Call call : function.calls) {
            Descriptor.Function callee = function(call.targetDomainId, call.targetId, "functionCall in " + function.id);
            Map<String, Object> inputs = new HashMap<>();
            for (Descriptor.Var given : call.inputs) {
                Descriptor.Var declared = callee.input(given.id);
                if (declared == null) {
                    throw new Failure("functionCall in " + function.id + " sets input " + given.id
                            + ", which function " + callee.id + " does not declare");
                }
                inputs.put(declared.id, argument(given, declared.type, scope));
            }
            Map<String, Object> outputs;
            if (callee.isJava()) {
                outputs = runJava(callee, inputs);
            } else {
                Map<String, Object> inner = new HashMap<>();
                for (Descriptor.Var input : callee.inputs) {
                    inner.put(input.id, inputs.containsKey(input.id) ? inputs.get(input.id) : literal(input, input.type));
                }
                run(callee, inner, depth + 1);
                outputs = inner;
            }
            for (Descriptor.Var taken : call.outputs) {
                Descriptor.Var declared = callee.output(taken.id);
                if (declared == null) {
                    throw new Failure("functionCall in " + function.id + " reads output " + taken.id
                            + ", which function " + callee.id + " does not declare");
                }
                String destination = Xml.trimmed(taken.value);
                if (destination != null) {
                    scope.put(destination, outputs.get(declared.id));
                }
            }
        }
    }

    /** A functionCall input: a variable of the caller or of the module instance, or a literal. */
    private Object argument(Descriptor.Var given, VariableType type, Map<String, Object> scope) throws Failure {
        String reference = Xml.trimmed(given.value);
        if (!Boolean.FALSE.equals(given.byReference) && reference != null) {
            if (scope.containsKey(reference)) {
                return scope.get(reference);
            }
            Variable instanceVariable = target.instance.getInputVar(reference);
            if (instanceVariable != null) {
                return instanceValue(instanceVariable, target.instance);
            }
            if (Boolean.TRUE.equals(given.byReference)) {
                return null;
            }
        }
        return literal(given, type);
    }

    private Object literal(Descriptor.Var var, VariableType type) throws Failure {
        if (var.value == null || var.value.isEmpty() || Boolean.TRUE.equals(var.byReference)) {
            return null;
        }
        return coerceIn(var.value, type, var.fieldName());
    }

    private static Object instanceValue(Variable variable, ModuleInstance instance) {
        String value = variable.getValue();
        if (value == null) {
            return null;
        }
        switch (variable.getType()) {
            case NUMBER:
                try {
                    return value.trim().matches("-?[0-9]{1,18}") ? (Object) Long.valueOf(value.trim())
                            : (Object) Double.valueOf(value.trim());
                } catch (NumberFormatException error) {
                    return value;
                }
            case BOOLEAN:
                return Boolean.valueOf(value.trim());
            case LIST: {
                ListResource list = instance.getListResource(value);
                return list == null ? null : new ArrayList<>(list.getValues());
            }
            case MAP: {
                MapResource map = instance.getMapResource(value);
                return map == null ? null : new LinkedHashMap<>(map.getMap());
            }
            default:
                return value;
        }
    }

    /** Instantiates the Java function, sets its inputs, runs it, reads its outputs (by variable id). */
    private Map<String, Object> runJava(Descriptor.Function function, Map<String, Object> inputs) throws Failure {
        String className = function.className();
        Class<?> type;
        try {
            type = Class.forName(className, true, target.loader);
        } catch (ClassNotFoundException | LinkageError error) {
            throw new Failure("function " + function.id + ": cannot load class " + className + ": " + error, error);
        }
        if (!IBaseExecutable.class.isAssignableFrom(type) || !Modifier.isPublic(type.getModifiers())) {
            throw new Failure("function " + function.id + ": " + className + " is not a public IBaseExecutable");
        }
        Object instance;
        try {
            instance = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError error) {
            throw new Failure("function " + function.id + ": cannot instantiate " + className + ": " + cause(error), error);
        }
        for (Descriptor.Var input : function.inputs) {
            Field field = field(type, input.fieldName(), InputVar.class, function);
            if (inputs.containsKey(input.id)) {
                assign(field, instance, inputs.get(input.id));
            }
        }
        List<Field> outputFields = new ArrayList<>();
        for (Descriptor.Var output : function.outputs) {
            outputFields.add(field(type, output.fieldName(), OutputVar.class, function));
        }
        InvocationInfo invocation = new InvocationInfo(target.moduleSnapshot, target.instance);
        HostRuntime runtime = new HostRuntime(services, invocation,
                target.moduleSnapshot.getName() + "/" + target.instance.getName() + "/" + function.id);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(target.loader);
        try {
            ((IBaseExecutable) instance).execute(runtime);
        } catch (Exception | LinkageError error) {
            throw new Failure("function " + function.id + " failed: " + cause(error), error);
        } finally {
            thread.setContextClassLoader(previous);
        }
        Map<String, Object> outputs = new HashMap<>();
        for (int i = 0; i < function.outputs.size(); i++) {
            try {
                outputs.put(function.outputs.get(i).id, outputFields.get(i).get(instance));
            } catch (IllegalAccessException error) {
                throw new Failure("function " + function.id + ": cannot read " + outputFields.get(i).getName(), error);
            }
        }
        return outputs;
    }

    private static Field field(Class<?> type, String name, Class<? extends Annotation> marker,
            Descriptor.Function function) throws Failure {
        try {
            Field field = type.getField(name);
            if (field.isAnnotationPresent(marker) && !Modifier.isStatic(field.getModifiers())) {
                return field;
            }
        } catch (NoSuchFieldException error) {
            // reported below
        }
        throw new Failure("function " + function.id + " declares variable " + name + ", but "
                + type.getName() + " has no public @" + marker.getSimpleName() + " field of that name");
    }

    private static void assign(Field field, Object instance, Object value) throws Failure {
        Class<?> type = field.getType();
        try {
            Object converted = convert(value, type);
            if (converted == null && type.isPrimitive()) {
                return;
            }
            field.set(instance, converted);
        } catch (IllegalArgumentException | IllegalAccessException error) {
            throw new Failure("cannot set field " + field.getName() + " (" + type.getSimpleName() + ") to a "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    /** Converts a variable value to a field type the way module code expects (numbers, text, flags). */
    private static Object convert(Object value, Class<?> type) {
        if (value == null) {
            return null;
        }
        if (type == String.class) {
            return value instanceof String || value instanceof Number || value instanceof Boolean
                    ? String.valueOf(value) : fail(value, type);
        }
        if (type == Boolean.class || type == boolean.class) {
            if (value instanceof Boolean) {
                return value;
            }
            if (value instanceof String && ((String) value).trim().matches("(?i)true|false")) {
                return Boolean.valueOf(((String) value).trim());
            }
            return fail(value, type);
        }
        Number number = null;
        if (value instanceof Number) {
            number = (Number) value;
        } else if (value instanceof String) {
            try {
                number = Double.valueOf(((String) value).trim());
            } catch (NumberFormatException error) {
                return fail(value, type);
            }
        }
        if (number != null) {
            if (type == Integer.class || type == int.class) {
                return number.intValue();
            }
            if (type == Long.class || type == long.class) {
                return number.longValue();
            }
            if (type == Double.class || type == double.class) {
                return number.doubleValue();
            }
            if (type == Float.class || type == float.class) {
                return number.floatValue();
            }
            if (type == Short.class || type == short.class) {
                return number.shortValue();
            }
            if (type == Number.class) {
                return number;
            }
        }
        return type.isInstance(value) ? value : fail(value, type);
    }

    private static Object fail(Object value, Class<?> type) {
        throw new IllegalArgumentException(value.getClass().getSimpleName() + " -> " + type.getSimpleName());
    }

    /** XML-RPC value -> wrapper input variable (strings become numbers for NUMBER inputs, as seen). */
    private static Object coerceIn(Object value, VariableType type, String name) throws Failure {
        if (value == null) {
            return null;
        }
        switch (type) {
            case STRING:
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    return String.valueOf(value);
                }
                break;
            case NUMBER:
                if (value instanceof Number) {
                    return value;
                }
                if (value instanceof String) {
                    String text = ((String) value).trim();
                    try {
                        return text.matches("-?[0-9]{1,18}") ? (Object) Long.valueOf(text) : (Object) Double.valueOf(text);
                    } catch (NumberFormatException error) {
                        throw new Failure("input " + name + ": " + "'" + abbreviate(text) + "' is not a number");
                    }
                }
                break;
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                if (value instanceof String && ((String) value).trim().matches("(?i)true|false")) {
                    return Boolean.valueOf(((String) value).trim());
                }
                break;
            case MAP:
                if (value instanceof Map) {
                    return value;
                }
                break;
            case LIST:
                if (value instanceof List) {
                    return value;
                }
                break;
            default:
                return value;
        }
        throw new Failure("input " + name + " (" + type + ") cannot take a " + value.getClass().getSimpleName());
    }

    /** Wrapper output variable -> answer member: strings, numbers as double, booleans; null is left out. */
    private static void putAnswer(Map<String, Object> answer, Descriptor.Var output, Object value) throws Failure {
        if (value == null) {
            return;
        }
        String name = output.fieldName();
        switch (output.type) {
            case NUMBER:
                if (value instanceof Number) {
                    answer.put(name, ((Number) value).doubleValue());
                    return;
                }
                try {
                    answer.put(name, Double.valueOf(String.valueOf(value).trim()));
                    return;
                } catch (NumberFormatException error) {
                    throw new Failure("output " + name + " (NUMBER) holds a non-number");
                }
            case BOOLEAN:
                answer.put(name, value instanceof Boolean ? value : Boolean.valueOf(String.valueOf(value).trim()));
                return;
            case MAP:
            case LIST:
                if (value instanceof Map || value instanceof List) {
                    answer.put(name, value);
                    return;
                }
                answer.put(name, String.valueOf(value));
                return;
            default:
                answer.put(name, String.valueOf(value));
        }
    }

    private static String cause(Throwable error) {
        Throwable cause = error;
        if (cause instanceof InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String text = cause.getClass().getName() + (message == null ? "" : ": " + message);
        return abbreviate(text);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
