package de.modmanager.agent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Reflective calls for STARFACE members that are not confirmed on every release.
 *
 * <p>A member the agent called directly but that a release lacks would make the class fail
 * with {@code NoSuchMethodError}; called through here, its absence is an ordinary
 * "not available" and the agent falls back or answers NOT_SUPPORTED. Methods are looked up on
 * public types only (an implementation class is often not public), so no access checks need
 * to be bypassed.
 */
public final class Reflect {

    private Reflect() {
    }

    /** A public method callable on {@code target}'s class, or null when there is none. */
    public static Method method(Class<?> type, String name, Class<?>... parameters) {
        Method found;
        try {
            found = type.getMethod(name, parameters);
        } catch (NoSuchMethodException | SecurityException absent) {
            return null;
        }
        if (Modifier.isPublic(found.getDeclaringClass().getModifiers())) {
            return found;
        }
        return publicDeclaration(type, name, parameters);
    }

    /** The same method as declared by a public superclass or interface of {@code type}. */
    private static Method publicDeclaration(Class<?> type, String name, Class<?>[] parameters) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (Modifier.isPublic(current.getModifiers())) {
                try {
                    return current.getMethod(name, parameters);
                } catch (NoSuchMethodException ignored) {
                    // look further up
                }
            }
            for (Class<?> face : current.getInterfaces()) {
                Method declared = publicDeclaration(face, name, parameters);
                if (declared != null) {
                    return declared;
                }
            }
        }
        return null;
    }

    /** Whether {@code target} has the public method. */
    public static boolean has(Object target, String name, Class<?>... parameters) {
        return target != null && method(target.getClass(), name, parameters) != null;
    }

    /**
     * Calls the public method {@code name} on {@code target}.
     *
     * @throws NoSuchMethodException when there is no such method
     * @throws Exception whatever the method itself threw (unwrapped)
     */
    public static Object call(Object target, String name, Class<?>[] parameters, Object... args) throws Exception {
        Method method = target == null ? null : method(target.getClass(), name, parameters);
        if (method == null) {
            throw new NoSuchMethodException(name);
        }
        return invoke(method, target, args);
    }

    /** Calls a public no-argument method. */
    public static Object call(Object target, String name) throws Exception {
        return call(target, name, new Class<?>[0]);
    }

    /** Calls a public static method of the class named {@code className}. */
    public static Object callStatic(String className, String name) throws Exception {
        Class<?> type = load(className);
        Method method = type == null ? null : method(type, name);
        if (method == null || !Modifier.isStatic(method.getModifiers())) {
            throw new NoSuchMethodException(name);
        }
        return invoke(method, null);
    }

    /** A no-argument getter's result as a string, or null when absent or failing. */
    public static String string(Object target, String getter) {
        try {
            Object value = call(target, getter);
            return value == null ? null : value.toString();
        } catch (Exception | LinkageError unavailable) {
            return null;
        }
    }

    /** The class named {@code className} as STARFACE's class loaders see it, or null. */
    public static Class<?> load(String className) {
        ClassLoader[] loaders = {
            Reflect.class.getClassLoader(), Thread.currentThread().getContextClassLoader(),
        };
        for (ClassLoader loader : loaders) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError absent) {
                // try the next loader
            }
        }
        return null;
    }

    private static Object invoke(Method method, Object target, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException thrown) {
            Throwable cause = thrown.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw thrown;
        }
    }
}
