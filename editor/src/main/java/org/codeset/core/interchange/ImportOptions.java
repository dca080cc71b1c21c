package org.codeset.core.interchange;

import java.util.List;

/**
 * What an import is told besides the file: the code set's id (an importer may derive one), the
 * date new codes take effect (and vanished ones are retired), and for tabular formats the
 * columns, for formats without them the title and system of a new code set, and the properties the
 * code set already declares (their types tell how to read a column), and the systems of the
 * repository's code sets by URI (a FHIR Coding of one of them is read as a code of that code set).
 */
public record ImportOptions(String id, String effective, List<String> columns, String title, String system,
        List<ImportedCodeSet.Property> declared, java.util.Map<String, String> systems) {
    public ImportOptions {
        columns = columns == null ? List.of() : List.copyOf(columns);
        declared = declared == null ? List.of() : List.copyOf(declared);
        systems = systems == null ? java.util.Map.of() : java.util.Map.copyOf(systems);
    }
}
