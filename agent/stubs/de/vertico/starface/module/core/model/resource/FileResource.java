package de.vertico.starface.module.core.model.resource;

import java.io.File;

/** Compile-only stub. */
public class FileResource {
    public String getName() {
        throw new UnsupportedOperationException("stub");
    }

    public File getRealFile() {
        throw new UnsupportedOperationException("stub");
    }

    public void setRealFile(File file) {
        throw new UnsupportedOperationException("stub");
    }
}
