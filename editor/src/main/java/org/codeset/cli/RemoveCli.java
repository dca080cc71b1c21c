package org.codeset.cli;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** codeset remove: deletes a code that was never released. */
@Command(name = "remove", mixinStandardHelpOptions = true, footer = Edits.FOOTER,
        description = {"Delete a code that was never released.", "",
            "For a mistake in a draft. A code that is in a release tag is refused: retire it instead. A code others"
                + " refer to is refused with the places."})
final class RemoveCli extends Edits {
    @CommandLine.Mixin
    CodeArgs args;

    @Override
    EditCommand command(Codesets c) {
        return c.remove().codeset(args.codeset).code(args.code);
    }
}
