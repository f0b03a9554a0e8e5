package de.vertico.starface.module.core.model.resource;

import java.io.File;

/**
 * A FILE_RESOURCE value: a named file kept under
 * {@code /var/starface/module/instances/repo/<instanceId>/res/}.
 */
public class FileResource extends Resource {
    private FileType type;
    private String realFileExtension;
    private String locale;
    private File realFile;

    public FileResource(String name, FileType type, String realFileExtension) {
        setName(name);
        this.type = type;
        this.realFileExtension = realFileExtension;
    }

    public FileType getType() {
        return type;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getRealFileName() {
        return realFile == null ? null : realFile.getName();
    }

    public String getRealFileExtension() {
        return realFileExtension;
    }

    public File getRealFile() {
        return realFile;
    }

    public void setRealFile(File realFile) {
        this.realFile = realFile;
    }
}
