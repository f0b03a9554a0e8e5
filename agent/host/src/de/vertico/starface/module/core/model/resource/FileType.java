package de.vertico.starface.module.core.model.resource;

/** Kind of a file resource. The constant names are a GUESS (modelled on VariableType). */
public enum FileType {
    FILE_RESOURCE, ASTERISK_SOUND_FILE, SNOM_SOUND_FILE, TIPTEL_SOUND_FILE, SHELL_SCRIPT_FILE
}
