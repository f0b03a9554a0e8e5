package de.vertico.starface.module.core.runtime.annotations;

import de.vertico.starface.module.core.model.VariableType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a public field of a function class as one of its variables (mapped by field name). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OutputVar {
    String label() default "";

    String description() default "";

    VariableType type() default VariableType.STRING;

    boolean valueByReferenceAllowed() default false;
}
