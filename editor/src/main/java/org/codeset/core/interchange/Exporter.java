package org.codeset.core.interchange;

import java.util.List;

import org.codeset.core.errors.CodesetException;

/**
 * A format a code set is exported to: a contribution found with {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/org.codeset.core.interchange.Exporter}).
 */
public interface Exporter {
    /** The format's id ({@code fhir}, {@code csv}, {@code json}). */
    String id();

    /** One sentence: what the exporter writes. */
    String description();

    /**
     * Writes the code set as one or more documents: the first is the export itself; others
     * accompany it (the FHIR exporter adds a ConceptMap for the code set's mappings).
     */
    Export export(ExportSource source, Progress progress) throws CodesetException;

    /** The documents written, and what the format could not carry (reported, never dropped silently). */
    record Export(List<Document> documents, List<String> warnings) {
        public Export {
            documents = List.copyOf(documents);
            warnings = List.copyOf(warnings);
        }
    }

    /** One written document: a name suffix ({@code ""} for the main one, e.g. {@code ".conceptmap"}) and its bytes. */
    record Document(String suffix, String description, byte[] bytes) {
    }
}
