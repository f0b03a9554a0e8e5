import de.modmanager.agent.Agent;
import de.vertico.starface.module.core.model.VariableType;
import de.vertico.starface.module.core.model.Visibility;
import de.vertico.starface.module.core.runtime.IBaseExecutable;
import de.vertico.starface.module.core.runtime.IRuntimeEnvironment;
import de.vertico.starface.module.core.runtime.annotations.Function;
import de.vertico.starface.module.core.runtime.annotations.InputVar;
import de.vertico.starface.module.core.runtime.annotations.OutputVar;

/**
 * The modmanager agent's releaseLock entry point (called through the wrapper function rpc_releaseLock).
 * The class sits at the JAR root because the descriptor names it as ReleaseLockFunction.class.
 */
@Function(visibility = Visibility.Private, description = "modmanager agent: releaseLock (JSON request, JSON response)")
public class ReleaseLockFunction implements IBaseExecutable {

    @InputVar(label = "request", description = "the request as JSON text", type = VariableType.STRING)
    public String request = "";

    @OutputVar(label = "response", description = "the answer as JSON text", type = VariableType.STRING)
    public String response = "";

    @Override
    public void execute(IRuntimeEnvironment context) {
        response = Agent.handle("releaseLock", request, context);
    }
}
