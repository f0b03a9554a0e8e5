package de.vertico.starface.module.core.model.resource;

import de.vertico.starface.module.core.model.TimerInterval;

/** Compile-only stub. */
public class TimerSettingsResource {
    public long getStartTime() {
        throw new UnsupportedOperationException("stub");
    }

    public void setStartTime(long startTime) {
        throw new UnsupportedOperationException("stub");
    }

    public int getMultiplikator() {
        throw new UnsupportedOperationException("stub");
    }

    public void setMultiplikator(int multiplikator) {
        throw new UnsupportedOperationException("stub");
    }

    public TimerInterval getPeriod() {
        throw new UnsupportedOperationException("stub");
    }

    public void setPeriod(TimerInterval period) {
        throw new UnsupportedOperationException("stub");
    }
}
