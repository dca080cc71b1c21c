package org.codeset.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Replaces a file by writing a temporary file beside it, forcing it to disk and renaming it over
 * the old one: a crash or kill at any moment leaves the old file or the new one, never a torn
 * one.
 */
public final class AtomicFiles {
    /**
     * A pause in the middle of writing, in milliseconds (0: none). Only the crash test sets it,
     * to be sure its kill lands while a file is half written.
     */
    private static final long PAUSE = Long.getLong("codeset.test.writePauseMillis", 0);

    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target} atomically; with null, deletes the file. */
    public static void write(Path target, byte[] bytes) throws IOException {
        if (bytes == null) {
            Files.deleteIfExists(target);
            return;
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Temporary t = temporary(dir, target);
        Path tmp = t.path();
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                int half = bytes.length / 2;
                writeFully(ch, ByteBuffer.wrap(bytes, 0, half));
                pause();
                writeFully(ch, ByteBuffer.wrap(bytes, half, bytes.length - half));
                ch.force(true);
            }
            t.settle();
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Replaces a cache file atomically but without forcing it to disk: after a crash a cache may
     * lose its latest entries, never hold a torn one (readers reject what they cannot parse).
     */
    public static void replace(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Temporary t = temporary(dir, target);
        Path tmp = t.path();
        try {
            Files.write(tmp, bytes);
            t.settle();
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Something done to one item that may fail with an {@link IOException}. */
    public interface IoAction<T> {
        void run(T item) throws IOException;
    }

    /**
     * Runs {@code action} on every item on the common pool (many files are written faster on all
     * cores, each being forced to disk) and, only once all are done, throws the first failure with
     * the others suppressed in it: a failed write is reported after the other writes have ended,
     * not while they still run.
     */
    public static <T> void forEachInParallel(java.util.Collection<T> items, IoAction<T> action) throws IOException {
        java.util.Queue<IOException> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        items.parallelStream().forEach(item -> {
            try {
                action.run(item);
            } catch (IOException e) {
                failures.add(e);
            }
        });
        IOException first = failures.poll();
        if (first != null) {
            failures.forEach(first::addSuppressed);
            throw first;
        }
    }

    /**
     * A new empty file beside {@code target}, and the permissions it is to have when it replaces
     * the target: those of the file it replaces, or for a new file the default ones (the umask's),
     * not the owner-only ones of {@link Files#createTempFile}, which would make every file the tool
     * writes unreadable to the rest of a team. Until then it has the target's permissions and its
     * owner's write permission, so that a read-only file can be replaced too.
     */
    private static Temporary temporary(Path dir, Path target) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                continue;
            }
            java.util.Set<PosixFilePermission> keep = null;
            try {
                if (POSIX && Files.exists(target)) {
                    keep = Files.getPosixFilePermissions(target);
                    java.util.Set<PosixFilePermission> writable = java.util.EnumSet.of(PosixFilePermission.OWNER_WRITE);
                    writable.addAll(keep);
                    Files.setPosixFilePermissions(tmp, writable);
                }
            } catch (IOException | UnsupportedOperationException e) {
                keep = null; // the default permissions then
            }
            return new Temporary(tmp, keep);
        }
    }

    /** A temporary file and the permissions it takes once written (null: its own). */
    private record Temporary(Path path, java.util.Set<PosixFilePermission> keep) {
        void settle() throws IOException {
            if (keep != null) {
                Files.setPosixFilePermissions(path, keep);
            }
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static void pause() {
        if (PAUSE > 0) {
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the rename itself is still atomic
        }
    }
}
