package org.codeset.core.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.codeset.core.errors.ConcurrentEditException;
import org.codeset.core.errors.UnreadableInputException;

/**
 * The repository's edit lock: a lock per repository within this process (re-entrant for the
 * thread holding it) and an OS file lock on {@code .codeset/lock} across processes, so two
 * edits of one repository never interleave. A process that dies releases its file lock.
 */
public final class RepositoryLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, Holder> HOLDERS = new ConcurrentHashMap<>();
    private static final long WAIT_MILLIS = Long.getLong("codeset.lock.wait", 30_000);

    /** The per-repository state of this process. */
    private static final class Holder {
        final ReentrantLock lock = new ReentrantLock();
        FileChannel channel;
        FileLock fileLock;
        /** Counts the times the lock was taken afresh (not re-entered): what was read under one holding stays true till it ends. */
        volatile long holding;
    }

    private final Holder holder;

    private RepositoryLock(Holder holder) {
        this.holder = holder;
    }

    /** Takes the lock of the repository at {@code root}, waiting up to 30 seconds for another holder. */
    public static RepositoryLock acquire(Path root) throws ConcurrentEditException, UnreadableInputException {
        Path file = lockFile(root);
        Holder h = HOLDERS.computeIfAbsent(file, k -> new Holder());
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        try {
            if (!h.lock.tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw busy(root, file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentEditException("interrupted while waiting for the edit lock " + file);
        }
        if (h.lock.getHoldCount() > 1) {
            return new RepositoryLock(h);
        }
        FileChannel ch = null;
        boolean taken = false;
        try {
            Files.createDirectories(file.getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fl;
            while ((fl = ch.tryLock()) == null) {
                if (System.currentTimeMillis() > deadline) {
                    throw busy(root, file);
                }
                Thread.sleep(10);
            }
            h.channel = ch;
            h.fileLock = fl;
            h.holding++;
            taken = true;
            return new RepositoryLock(h);
        } catch (IOException e) {
            throw new UnreadableInputException("cannot take the edit lock " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentEditException("interrupted while waiting for the edit lock " + file);
        } finally {
            if (!taken) {
                // whatever went wrong (a runtime exception too), nothing stays held or open
                closeQuietly(ch);
                h.lock.unlock();
            }
        }
    }

    /**
     * Which holding of the lock of the repository at {@code root} the current thread is in (a
     * number that changes each time the lock is taken afresh), or -1 when it does not hold it. No
     * other process can change the files while one holding lasts.
     */
    static long holdingOf(Path root) {
        Holder h = HOLDERS.get(lockFile(root));
        return h != null && h.lock.isHeldByCurrentThread() ? h.holding : -1;
    }

    /** The lock file of a repository, by its real path: two spellings of one folder (a symbolic link) share one lock. */
    private static Path lockFile(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        try {
            dir = dir.toRealPath();
        } catch (IOException e) {
            // not there (yet): its normal form
        }
        return dir.resolve(".codeset/lock");
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }

    private static ConcurrentEditException busy(Path root, Path file) {
        return new ConcurrentEditException("another codeset process is editing " + root + " (it holds " + file
                + "); try again when it has finished");
    }

    @Override
    public void close() {
        if (holder.lock.getHoldCount() == 1) {
            try {
                holder.fileLock.release();
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            } finally {
                closeQuietly(holder.channel);
                holder.fileLock = null;
                holder.channel = null;
            }
        }
        holder.lock.unlock();
    }
}
