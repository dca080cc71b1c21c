package org.codeset.core.interchange;

import java.util.Optional;

import org.codeset.core.model.CodeSet;

/** The canonical system URI of a code set of the exported repository. */
final class CodeSetLookup {
    private CodeSetLookup() {
    }

    static Optional<String> systemOf(ExportSource source, String codeSetId) {
        CodeSet cs = codeSetId.equals(source.codeSet().id()) ? source.codeSet()
                : source.repository() == null ? null : source.repository().codeSet(codeSetId);
        return Optional.ofNullable(cs == null || cs.meta() == null ? null : cs.meta().text("system"));
    }
}
