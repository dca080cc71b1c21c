package org.codeset.cli;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;
import org.codeset.core.edit.RelateCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** codeset relate: adds a relation to a code (and unrelate, through UnrelateCli, removes one). */
@Command(name = "relate", mixinStandardHelpOptions = true, footer = Edits.FOOTER,
        description = {"Add a relation to a code.", "",
            "TYPE is replaced-by, see-also, excludes, mutually-exclusive (written on both codes) or add-on-to."
                + " TARGET is a code of the same code set or <codeset-id>:<code>.",
            "Example: codeset relate radiology 71045 mutually-exclusive 71046"})
class RelateCli extends Edits {
    @CommandLine.Mixin
    CodeArgs args;

    @Parameters(index = "2", paramLabel = "TYPE")
    String type;

    @Parameters(index = "3", paramLabel = "TARGET")
    String target;

    boolean remove() {
        return false;
    }

    @Override
    EditCommand command(Codesets c) {
        RelateCommand r = remove() ? c.unrelate() : c.relate();
        return r.codeset(args.codeset).code(args.code).type(type).target(target);
    }
}
