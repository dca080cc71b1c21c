package org.codeset.core.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One downstream document (a delta, a release snapshot, a code's view or history) in one format:
 * the same bytes, in UTF-8, whichever front end writes it. Made by {@link DeltaReport},
 * {@link SnapshotReport}, {@link CodeViewReport}, {@link HistoryReport} and {@link ReleasesReport}.
 */
@FunctionalInterface
public interface Report {
    /** Writes the document; the stream is left open. */
    void writeTo(OutputStream out) throws IOException;

    /** The document's bytes. */
    default byte[] toBytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        try {
            writeTo(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return buffer.toByteArray();
    }

    /** Writes the document as text, for a front end that has a Writer; the writer is flushed, not closed. */
    default void writeTo(Writer out) throws IOException {
        out.write(new String(toBytes(), StandardCharsets.UTF_8));
        out.flush();
    }
}
