package de.vertico.starface.module.core.runtime;

/** A module function: STARFACE sets its {@code @InputVar} fields, calls execute, reads its {@code @OutputVar} fields. */
public interface IBaseExecutable {
    void execute(IRuntimeEnvironment context) throws Exception;
}
