package modmanager.host;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;

/**
 * Loads a module's classes from its .sfm entries; one loader per module revision, so statics
 * start afresh after any install (STARFACE re-instantiates module classes on a new revision).
 *
 * <p>Parent first, like STARFACE (its copy of a shared library wins), but the host's own
 * classes ({@code modmanager.host.*}) are hidden: a module sees STARFACE's API and the JDK only.
 * Class files newer than {@code maxMajor} fail as they would on STARFACE's Java 8 runtime.
 */
final class ModuleClassLoader extends ClassLoader {
    private static final String HIDDEN = "modmanager.host.";

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> entries;
    private final int maxMajor;
    private final String label;

    ModuleClassLoader(Map<String, byte[]> entries, ClassLoader parent, int maxMajor, String label) {
        super(parent);
        this.entries = entries;
        this.maxMajor = maxMajor;
        this.label = label;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (!name.startsWith(HIDDEN)) {
                    try {
                        loaded = getParent().loadClass(name);
                    } catch (ClassNotFoundException notShared) {
                        loaded = null;
                    }
                }
                if (loaded == null) {
                    loaded = findClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = entries.get(name.replace('.', '/') + ".class");
        if (bytes == null || name.startsWith(HIDDEN)) {
            throw new ClassNotFoundException(name + " (not in module " + label + " and not part of STARFACE)");
        }
        if (bytes.length >= 8) {
            int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
            if (major > maxMajor) {
                throw new UnsupportedClassVersionError(name + " has class file version " + major
                        + "; this STARFACE runs class files up to version " + maxMajor);
            }
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        InputStream shared = getParent().getResourceAsStream(name);
        if (shared != null) {
            return shared;
        }
        byte[] bytes = entries.get(name);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    protected URL findResource(String name) {
        if (!entries.containsKey(name)) {
            return null;
        }
        try {
            return new URL("modmanager-module", null, -1, "/" + label + "/" + name, new java.net.URLStreamHandler() {
                @Override
                protected java.net.URLConnection openConnection(URL url) {
                    return new java.net.URLConnection(url) {
                        @Override
                        public void connect() {
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(entries.get(name));
                        }
                    };
                }
            });
        } catch (MalformedURLException error) {
            return null;
        }
    }
}
