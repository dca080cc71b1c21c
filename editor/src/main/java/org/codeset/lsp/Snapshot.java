package org.codeset.lsp;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.SourceFile;
import org.codeset.core.yaml.YNode;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * One state of a session: the model (with every open buffer's unsaved text parsed in place of its
 * file) and the open buffers. Immutable; each change of a buffer makes the next snapshot.
 */
final class Snapshot {
    /** An open document: the client's URI, its version and its current text. */
    record Buffer(String uri, int version, String text) {
    }

    private final Path root;
    private final CodeSetRepository model;
    private final Map<String, Buffer> buffers;

    Snapshot(Path root, CodeSetRepository model, Map<String, Buffer> buffers) {
        this.root = root;
        this.model = model;
        this.buffers = Map.copyOf(buffers);
    }

    Path root() {
        return root;
    }

    CodeSetRepository model() {
        return model;
    }

    /** Open buffers by path relative to the root. */
    Map<String, Buffer> buffers() {
        return buffers;
    }

    /** The text of a file as the editor has it: the open buffer, else the disk; null when unreadable. */
    String text(String rel) {
        Buffer b = buffers.get(rel);
        if (b != null) {
            return b.text();
        }
        try {
            return Files.readString(root.resolve(rel));
        } catch (Exception e) {
            return null;
        }
    }

    /** The unsaved text of an open file, or null (for edit commands: "read the disk"). */
    String unsaved(String rel) {
        Buffer b = buffers.get(rel);
        return b == null ? null : b.text();
    }

    /** The parsed file at a path relative to the root, or null. */
    SourceFile file(String rel) {
        return model.file(rel);
    }

    /** The URI of a path relative to the root: the client's own for an open document. */
    String uri(String rel) {
        Buffer b = buffers.get(rel);
        return b != null ? b.uri() : root.resolve(rel).toUri().toString();
    }

    /** The path relative to the root of a {@code file:} URI, or null when it is outside the root. */
    static String relative(Path root, String uri) {
        try {
            Path p = Path.of(URI.create(uri)).toAbsolutePath().normalize();
            if (!p.startsWith(root)) {
                Path real = root.toRealPath();
                Path parent = p.getParent() == null ? null : p.getParent().toRealPath();
                p = parent == null ? p : parent.resolve(p.getFileName());
                if (!p.startsWith(real)) {
                    return null;
                }
                return real.relativize(p).toString().replace(java.io.File.separatorChar, '/');
            }
            return root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
        } catch (Exception e) {
            return null;
        }
    }

    String relative(String uri) {
        for (Map.Entry<String, Buffer> e : buffers.entrySet()) {
            if (e.getValue().uri().equals(uri)) {
                return e.getKey();
            }
        }
        return relative(root, uri);
    }

    // ---- positions: the model is 1-based, LSP 0-based ----

    static Position position(int line, int column) {
        return new Position(Math.max(0, line - 1), Math.max(0, column - 1));
    }

    static Range range(YNode n) {
        return new Range(position(n.line(), n.column()), position(n.endLine(), n.endColumn()));
    }

    Location location(String rel, YNode n) {
        return new Location(uri(rel), n == null ? new Range(new Position(0, 0), new Position(0, 0)) : range(n));
    }

    /** The range of the scalar at a 1-based position of a file, or an empty range there. */
    Range rangeAt(String rel, int line, int column) {
        SourceFile f = file(rel);
        Cursor c = f == null ? null : Cursor.at(f.root(), line, column);
        return c != null ? range(c.scalar()) : new Range(position(line, column), position(line, column));
    }
}
