package de.modmanager.agent;

import de.vertico.starface.module.core.runtime.IRuntimeEnvironment;

/** Everything one entry point call works with: the request, the PBX, the data folder. */
final class Call {

    final String entryPoint;
    final Request request;
    final Starface pbx;
    private DataDir dataDir;

    Call(String entryPoint, Request request, IRuntimeEnvironment context) {
        this.entryPoint = entryPoint;
        this.request = request;
        this.pbx = new Starface(context);
    }

    /** The agent's data folder (derived from the agent's own instance id). */
    DataDir dataDir() throws Fault {
        if (dataDir == null) {
            dataDir = DataDir.forInstance(pbx.ownInstance().getId());
        }
        return dataDir;
    }

    KeptModules kept() throws Fault {
        return new KeptModules(dataDir());
    }

    Uploads uploads() throws Fault {
        return new Uploads(dataDir());
    }

    Locks locks() throws Fault {
        return new Locks(dataDir());
    }
}
