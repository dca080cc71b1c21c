package org.codeset.core.interchange;

import java.nio.file.Path;

import org.codeset.core.errors.CodesetException;

/**
 * A format codes are imported from: a contribution found with {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/org.codeset.core.interchange.Importer}), so a jar
 * on the class path adds a format. An importer only reads; the import command turns what it read
 * into validated edits.
 */
public interface Importer {
    /** The format's id, as the command line names it ({@code fhir}, {@code csv}). */
    String id();

    /** One sentence: what the importer reads. */
    String description();

    /**
     * Reads a file. Problems with the input are an {@link org.codeset.core.errors.InvalidImportException}
     * naming the place of each; what the contract cannot hold goes into the result's warnings.
     */
    ImportedCodeSet read(Path file, ImportOptions options, Progress progress) throws CodesetException;
}
