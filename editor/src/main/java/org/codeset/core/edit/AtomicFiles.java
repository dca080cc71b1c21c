package org.codeset.core.edit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

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
        Path tmp = temporary(dir, target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                int half = bytes.length / 2;
                writeFully(ch, ByteBuffer.wrap(bytes, 0, half));
                pause();
                writeFully(ch, ByteBuffer.wrap(bytes, half, bytes.length - half));
                ch.force(true);
            }
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
        Path tmp = temporary(dir, target);
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file beside {@code target} with the permissions the file will keep: those of
     * the file it replaces, or for a new file the default ones (the umask's), not the owner-only
     * ones of {@link Files#createTempFile}, which would make every file the tool writes unreadable
     * to the rest of a team.
     */
    private static Path temporary(Path dir, Path target) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                continue;
            }
            try {
                if (POSIX && Files.exists(target)) {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
                }
            } catch (IOException | UnsupportedOperationException e) {
                // the default permissions then
            }
            return tmp;
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
