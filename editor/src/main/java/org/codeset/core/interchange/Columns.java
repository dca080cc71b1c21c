package org.codeset.core.interchange;

import java.util.List;

/** The columns of the tool's CSV: fixed ones, then one per declared property; several values joined by {@code |}. */
final class Columns {
    static final List<String> FIXED = List.of("code", "display", "definition", "synonyms", "status", "effective", "retired",
            "abstract", "parent");
    static final String SEPARATOR = "|";

    private Columns() {
    }
}
