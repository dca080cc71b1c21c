package org.codeset.cli;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** codeset new: a new code set. */
@Command(name = "new", mixinStandardHelpOptions = true, footer = Edits.FOOTER,
        description = {"Create a code set.", "",
            "Writes codesets/<id>/codeset.yaml (status draft, version 0.1.0) and an empty codes.yaml.",
            "Example: codeset new radiology --title 'Radiology procedures' --system https://codes.example.org/radiology"})
final class NewCli extends Edits {
    @Parameters(index = "0", paramLabel = "ID", description = "The id: lower-case letters, digits and '-'.")
    String id;

    @Option(names = "--title", required = true, paramLabel = "TEXT")
    String title;

    @Option(names = "--system", required = true, paramLabel = "URI", description = "The canonical URI of the code system.")
    String system;

    @Option(names = "--pattern", paramLabel = "REGEX", description = "A regular expression every code must match whole.")
    String pattern;

    @Option(names = "--publisher", paramLabel = "TEXT")
    String publisher;

    @Override
    EditCommand command(Codesets c) {
        return c.newCodeSet().id(id).title(title).system(system).pattern(pattern).publisher(publisher);
    }
}
