package de.vertico.starface.module.core.model;

/** Period unit of a timer setting. The constant names are a GUESS: no real list was found. */
public enum TimerInterval {
    SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR
}
