package org.codeset.cli;

import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;
import org.codeset.core.edit.SetCommand;
import org.codeset.core.errors.CodesetException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** codeset set: changes fields of a code. */
@Command(name = "set", mixinStandardHelpOptions = true, footer = Edits.FOOTER,
        description = {"Change fields of a code.", "", "Only the lines of the changed fields are rewritten.",
            "Example: codeset set radiology 72040 --display 'X-ray of cervical spine; 2 or 3 views' --property views=2",
            "         codeset set radiology 72040 --unset note --unset properties.bodyPart"})
final class SetCli extends Edits {
    @CommandLine.Mixin
    CodeArgs args;

    @Option(names = "--display", paramLabel = "TEXT")
    String display;

    @Option(names = "--definition", paramLabel = "TEXT")
    String definition;

    @Option(names = "--parent", paramLabel = "CODE", description = "Replaces the parents (repeatable).")
    List<String> parents;

    @Option(names = "--effective", paramLabel = "DATE")
    String effective;

    @Option(names = "--note", paramLabel = "TEXT")
    String note;

    @Option(names = "--property", paramLabel = "NAME=VALUE", description = "Replaces a property's value (repeat a name for a list).")
    List<String> properties;

    @Option(names = "--unset", paramLabel = "FIELD",
            description = "Remove a field: definition, synonyms, note, parent, abstract, retired, or properties.NAME.")
    List<String> unset;

    @Override
    EditCommand command(Codesets c) throws CodesetException {
        SetCommand s = c.set().codeset(args.codeset).code(args.code);
        if (display != null) {
            s.display(display);
        }
        if (definition != null) {
            s.definition(definition);
        }
        if (effective != null) {
            s.effective(effective);
        }
        if (note != null) {
            s.note(note);
        }
        for (String p : parents == null ? List.<String>of() : parents) {
            s.parent(p);
        }
        for (String[] p : pairs(properties, "--property")) {
            s.property(p[0], p[1]);
        }
        for (String u : unset == null ? List.<String>of() : unset) {
            s.unset(u);
        }
        return s;
    }
}
