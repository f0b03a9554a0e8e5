package de.modmanager.agent;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies of the module files the agent installed, {@code modules/<moduleId>/v<version>-<sha256>.sfm}.
 *
 * <p>STARFACE offers no way to export an installed module as .sfm (AGENT.md: not found), so
 * the agent keeps what it installed: {@code getDescriptor includeModuleFile} returns it for a
 * rollback, and its entry list tells the module's own files from data the module wrote into
 * its folder. The newest {@link #KEEP} per module are kept.
 */
public final class KeptModules {

    public static final int KEEP = 2;
    private static final Pattern NAME = Pattern.compile("v([0-9]{1,18})-([0-9a-f]{64})\\.sfm");

    private final Path folder;

    public KeptModules(DataDir dir) {
        this.folder = dir.resolve("modules");
    }

    /** Moves {@code file} (a checked module) into the store and prunes older copies. */
    public Path keep(String moduleId, long version, String sha256, Path file) throws IOException {
        Path moduleFolder = folder.resolve(moduleId);
        Files.createDirectories(moduleFolder);
        Path target = moduleFolder.resolve("v" + version + "-" + sha256 + ".sfm");
        DataDir.moveAtomic(file, target);
        Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis()));
        List<Path> copies = copies(moduleId);
        for (int i = KEEP; i < copies.size(); i++) {
            Files.deleteIfExists(copies.get(i));
        }
        return target;
    }

    /** The newest kept copy of {@code moduleId} at {@code version}, or null. */
    public Path find(String moduleId, long version) throws IOException {
        for (Path copy : copies(moduleId)) {
            Matcher match = NAME.matcher(copy.getFileName().toString());
            if (match.matches() && Long.parseLong(match.group(1)) == version) {
                return copy;
            }
        }
        return null;
    }

    /** Kept copies of {@code moduleId}, newest first. */
    private List<Path> copies(String moduleId) throws IOException {
        List<Path> copies = new ArrayList<Path>();
        Path moduleFolder = Text.safeSegment(moduleId) ? folder.resolve(moduleId) : null;
        if (moduleFolder == null || !Files.isDirectory(moduleFolder)) {
            return copies;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(moduleFolder)) {
            for (Path entry : entries) {
                if (NAME.matcher(entry.getFileName().toString()).matches() && Files.isRegularFile(entry)) {
                    copies.add(entry);
                }
            }
        }
        final java.util.Map<Path, Long> times = new java.util.HashMap<Path, Long>();
        for (Path copy : copies) {
            times.put(copy, Long.valueOf(Files.getLastModifiedTime(copy).toMillis()));
        }
        Collections.sort(copies, new Comparator<Path>() {
            @Override
            public int compare(Path a, Path b) {
                int byTime = times.get(b).compareTo(times.get(a));
                return byTime != 0 ? byTime : b.getFileName().compareTo(a.getFileName());
            }
        });
        return copies;
    }
}
