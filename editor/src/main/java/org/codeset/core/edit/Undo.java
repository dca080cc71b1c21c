package org.codeset.core.edit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.ConcurrentEditException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.io.AtomicFiles;
import org.codeset.core.workspace.RepositoryLock;

/**
 * Restores the exact bytes an edit replaced (or removes a file it created), provided nobody has
 * changed those files since.
 */
public final class Undo {
    private final Path root;
    private final Map<String, byte[]> before;
    private final Map<String, byte[]> after;

    Undo(Path root, Map<String, byte[]> before, Map<String, byte[]> after) {
        this.root = root;
        this.before = new LinkedHashMap<>(before);
        this.after = new LinkedHashMap<>(after);
    }

    public void undo() throws CodesetException {
        try (RepositoryLock lock = RepositoryLock.acquire(root)) {
            for (Map.Entry<String, byte[]> e : after.entrySet()) {
                Path p = root.resolve(e.getKey());
                byte[] now = Files.exists(p) ? Files.readAllBytes(p) : null;
                if (!Arrays.equals(now, e.getValue())) {
                    throw new ConcurrentEditException(e.getKey() + " changed after the edit; not undoing it");
                }
            }
            for (Map.Entry<String, byte[]> e : before.entrySet()) {
                AtomicFiles.write(root.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UnreadableInputException("cannot undo: " + e.getMessage(), e);
        }
    }
}
