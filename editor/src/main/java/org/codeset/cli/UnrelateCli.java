package org.codeset.cli;

import picocli.CommandLine.Command;

/** codeset unrelate: removes a relation from a code. */
@Command(name = "unrelate", mixinStandardHelpOptions = true, footer = Edits.FOOTER,
        description = {"Remove a relation from a code.", "", "Both sides of a mutually-exclusive one.",
            "Example: codeset unrelate radiology 72040 see-also 72052"})
final class UnrelateCli extends RelateCli {
    @Override
    boolean remove() {
        return true;
    }
}
