package de.vertico.starface.module.core.runtime;

/** Compile-only stub: the interface every module function implements. */
public interface IBaseExecutable {
    void execute(IRuntimeEnvironment context) throws Exception;
}
