package de.modmanager.agent;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * The agent's data folder on the PBX and the one lock that serializes changes to it.
 *
 * <p>Locks and partial uploads must survive the agent's classes being re-instantiated (every
 * module import makes a new revision whose statics start empty while old threads keep
 * running), so they live on disk here. Nothing else on the PBX is written by the agent except
 * through STARFACE's API, and the module folder when a client asks to restore internal data.
 */
public final class DataDir {

    /** System property overriding the data folder (the test host sets it). */
    public static final String DATA_DIR_PROPERTY = "modmanager.agent.dataDir";
    /** System property overriding where STARFACE unpacks installed modules. */
    public static final String MODULE_REPO_PROPERTY = "modmanager.starface.moduleRepo";

    private static final String INSTANCE_REPO = "/var/starface/module/instances/repo";
    private static final String DEFAULT_MODULE_REPO = "/var/starface/module/modules/repo";
    private static final String FOLDER_NAME = "modmanager-agent";
    private static final long LOCK_WAIT_MILLIS = 60000;

    /** Serializes threads of this class revision; the file lock covers other revisions. */
    private static final Object MONITOR = new Object();

    private final Path root;

    private DataDir(Path root) {
        this.root = root;
    }

    /** The data folder for the agent instance with id {@code instanceId}. */
    public static DataDir forInstance(String instanceId) throws Fault {
        String override = System.getProperty(DATA_DIR_PROPERTY);
        if (override != null && !override.trim().isEmpty()) {
            return new DataDir(Paths.get(override.trim()));
        }
        if (!Text.safeSegment(instanceId)) {
            throw new Fault(Fault.Code.INTERNAL, "the agent instance has no usable id for its data folder");
        }
        return new DataDir(Paths.get(INSTANCE_REPO, instanceId, FOLDER_NAME));
    }

    /** Where STARFACE keeps the unpacked installed modules ({@code <repo>/<moduleId>/}). */
    public static Path moduleRepo() {
        String override = System.getProperty(MODULE_REPO_PROPERTY);
        return Paths.get(override != null && !override.trim().isEmpty() ? override.trim() : DEFAULT_MODULE_REPO);
    }

    /** The unpacked folder of an installed module, or null for an id unfit for a path. */
    public static Path moduleFolder(String moduleId) {
        return Text.safeSegment(moduleId) ? moduleRepo().resolve(moduleId) : null;
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** Work to run while holding the state lock. */
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code work} while no other call (of this or another class revision) changes the
     * data folder. Waits at most a minute, then answers INTERNAL.
     */
    public <T> T locked(Work<T> work) throws Exception {
        synchronized (MONITOR) {
            Files.createDirectories(root);
            try (RandomAccessFile file = new RandomAccessFile(root.resolve(".state.lock").toFile(), "rw");
                    FileChannel channel = file.getChannel()) {
                FileLock lock = acquire(channel);
                try {
                    return work.run();
                } finally {
                    lock.release();
                }
            }
        }
    }

    private static FileLock acquire(FileChannel channel) throws IOException, Fault {
        long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException heldByOtherRevision) {
                // the same JVM holds it through another class revision: wait like for a process
            }
            if (System.currentTimeMillis() > deadline) {
                throw new Fault(Fault.Code.INTERNAL, "the agent is busy with another call; try again");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new Fault(Fault.Code.INTERNAL, "the call was interrupted");
            }
        }
    }

    /** Replaces {@code target} so that readers see the old or the new content, never a mix. */
    public static void writeAtomic(Path target, byte[] data) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, data);
            moveAtomic(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames {@code source} onto {@code target} atomically where the file system allows. */
    public static void moveAtomic(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notHere) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a file tree below the data folder; best effort. */
    public static void deleteTree(Path path) {
        File file = path.toFile();
        File[] children = Files.isSymbolicLink(path) ? null : file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteTree(child.toPath());
            }
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover is cleaned up next time
        }
    }
}
