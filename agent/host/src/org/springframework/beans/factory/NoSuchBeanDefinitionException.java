package org.springframework.beans.factory;

/** Thrown for a bean the context does not have (a RuntimeException, as in Spring). */
public class NoSuchBeanDefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoSuchBeanDefinitionException(String message) {
        super(message);
    }
}
