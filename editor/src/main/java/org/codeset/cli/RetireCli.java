package org.codeset.cli;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** codeset retire: a code no longer valid, kept with its date and replacement. */
@Command(name = "retire", mixinStandardHelpOptions = true, footer = Edits.FOOTER,
        description = {"Retire a code.", "",
            "It stays in the file (codes are never deleted once used), with its retired date and replacement."
                + " The places that refer to it are listed.",
            "Example: codeset retire radiology 71020 --replaced-by 71046 --date 2018-01-01"})
final class RetireCli extends Edits {
    @CommandLine.Mixin
    CodeArgs args;

    @Option(names = "--replaced-by", paramLabel = "CODE")
    String replacedBy;

    @Option(names = "--date", paramLabel = "DATE", description = "The retirement date (default: today).")
    String date;

    @Override
    EditCommand command(Codesets c) {
        return c.retire().codeset(args.codeset).code(args.code).replacedBy(replacedBy).date(date);
    }
}
