package de.vertico.starface.module.core.model.resource;

import de.vertico.starface.module.core.model.TimerInterval;

/** A TIMER_SETTINGS value: start time (epoch ms), period unit and multiplier. */
public class TimerSettingsResource extends Resource {
    private long startTime;
    private TimerInterval period;
    private int multiplikator = 1;

    public TimerSettingsResource() {
    }

    public long getStartTime() {
        return startTime;
    }

    public void setStartTime(long startTime) {
        this.startTime = startTime;
    }

    public TimerInterval getPeriod() {
        return period;
    }

    public void setPeriod(TimerInterval period) {
        this.period = period;
    }

    public int getMultiplikator() {
        return multiplikator;
    }

    public void setMultiplikator(int multiplikator) {
        this.multiplikator = multiplikator;
    }
}
