package org.codeset.cli;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** codeset deprecate: a code still valid, not for new use. */
@Command(name = "deprecate", mixinStandardHelpOptions = true, footer = Edits.FOOTER,
        description = {"Deprecate a code.", "", "Still valid, not for new use; optionally with its replacement.",
            "Example: codeset deprecate charges 3240146 --replaced-by 3240046"})
final class DeprecateCli extends Edits {
    @CommandLine.Mixin
    CodeArgs args;

    @Option(names = "--replaced-by", paramLabel = "CODE")
    String replacedBy;

    @Override
    EditCommand command(Codesets c) {
        return c.deprecate().codeset(args.codeset).code(args.code).replacedBy(replacedBy);
    }
}
