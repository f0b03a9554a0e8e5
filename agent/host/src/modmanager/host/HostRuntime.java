package modmanager.host;

import de.starface.core.component.StarfaceComponentProvider;
import de.vertico.starface.module.core.runtime.IRuntimeEnvironment;
import de.vertico.starface.module.core.runtime.InvocationInfo;
import org.apache.logging.log4j.Logger;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;

/**
 * The IRuntimeEnvironment one function call gets. Public (like its nested classes), so module
 * code that looks members up reflectively on the objects' classes can call them, as on STARFACE.
 */
public final class HostRuntime implements IRuntimeEnvironment {
    private final HostServices services;
    private final InvocationInfo invocation;
    private final Logger log;

    HostRuntime(HostServices services, InvocationInfo invocation, String logName) {
        this.services = services;
        this.invocation = invocation;
        this.log = new HostLogger(logName);
    }

    @Override
    public InvocationInfo getInvocationInfo() {
        return invocation;
    }

    @Override
    public Logger getLog() {
        return log;
    }

    @Override
    public StarfaceComponentProvider provider() {
        services.requireApi9("IRuntimeEnvironment.provider()");
        return StarfaceComponentProvider.getInstance();
    }

    @Override
    public ApplicationContext springApplicationContext() {
        services.requireApi10("IRuntimeEnvironment.springApplicationContext()");
        return new Context(services);
    }

    /** The Spring application context (only the bean look-ups module code uses). */
    public static final class Context implements ApplicationContext {
        private final HostServices services;

        Context(HostServices services) {
            this.services = services;
        }

        @Override
        public <T> T getBean(Class<T> requiredType) {
            T bean = services.component(requiredType);
            if (bean == null) {
                throw new NoSuchBeanDefinitionException("No qualifying bean of type '" + requiredType.getName() + "'");
            }
            return bean;
        }

        @Override
        public Object getBean(String name) {
            Object bean = services.bean(name);
            if (bean == null) {
                throw new NoSuchBeanDefinitionException("No bean named '" + name + "'");
            }
            return bean;
        }

        @Override
        public boolean containsBean(String name) {
            return services.bean(name) != null;
        }
    }

    /** Module log records go to the host's stderr with the module instance as source. */
    public static final class HostLogger implements Logger {
        private final String name;

        HostLogger(String name) {
            this.name = name;
        }

        @Override
        public void hostLog(String level, String message, Throwable error) {
            HostLog.log(name, level, String.valueOf(message), error);
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
