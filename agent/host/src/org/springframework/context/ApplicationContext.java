package org.springframework.context;

/** The two bean look-ups module code uses (test host version of Spring's interface). */
public interface ApplicationContext {
    <T> T getBean(Class<T> requiredType);

    Object getBean(String name);

    boolean containsBean(String name);
}
