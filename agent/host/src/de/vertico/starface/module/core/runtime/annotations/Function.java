package de.vertico.starface.module.core.runtime.annotations;

import de.vertico.starface.module.core.model.Visibility;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class as a module function. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Function {
    Visibility visibility() default Visibility.Private;

    boolean rookieFunction() default false;

    String description() default "";
}
