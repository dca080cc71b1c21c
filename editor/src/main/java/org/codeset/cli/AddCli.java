package org.codeset.cli;

import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.edit.AddCommand;
import org.codeset.core.edit.EditCommand;
import org.codeset.core.errors.CodesetException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** codeset add: a new code, at its place in code order. */
@Command(name = "add", mixinStandardHelpOptions = true, footer = Edits.FOOTER,
        description = {"Add a code.", "",
            "It goes into the file of its parent (or --file, or the code set's main code file), at its place in"
                + " code order, in canonical form.",
            "Example: codeset add radiology 72041 --display 'X-ray of cervical spine, 1 view' --parent 72020-72295",
            "         --property modality=DX --property views=1 --mapping icd10cm:M54.2=related-to"})
final class AddCli extends Edits {
    @CommandLine.Mixin
    CodeArgs args;

    @Option(names = "--display", required = true, paramLabel = "TEXT")
    String display;

    @Option(names = "--definition", paramLabel = "TEXT")
    String definition;

    @Option(names = "--synonym", paramLabel = "TEXT", description = "A synonym (repeatable).")
    List<String> synonyms;

    @Option(names = "--parent", paramLabel = "CODE", description = "A parent code (repeatable: polyhierarchy).")
    List<String> parents;

    @Option(names = "--effective", paramLabel = "DATE", description = "When the code takes effect (default: today).")
    String effective;

    @Option(names = "--abstract", description = "A grouper, not used on its own.")
    boolean abstractCode;

    @Option(names = "--property", paramLabel = "NAME=VALUE", description = "A property value (repeat a name for a multiple property).")
    List<String> properties;

    @Option(names = "--relation", paramLabel = "TYPE=TARGET", description = "A relation, e.g. see-also=72050 (repeatable).")
    List<String> relations;

    @Option(names = "--mapping", paramLabel = "TARGET=RELATIONSHIP",
            description = "A mapping: icd10cm:M54.2=related-to, or SYSTEM|CODE=RELATIONSHIP for an external system.")
    List<String> mappings;

    @Option(names = "--note", paramLabel = "TEXT")
    String note;

    @Option(names = "--file", paramLabel = "PATH", description = "The code file, relative to the code set's folder.")
    String file;

    @Override
    EditCommand command(Codesets c) throws CodesetException {
        AddCommand a = c.add().codeset(args.codeset).code(args.code).display(display).definition(definition).effective(effective)
                .abstractCode(abstractCode).note(note).file(file);
        for (String s : synonyms == null ? List.<String>of() : synonyms) {
            a.synonym(s);
        }
        for (String p : parents == null ? List.<String>of() : parents) {
            a.parent(p);
        }
        for (String[] p : pairs(properties, "--property")) {
            a.property(p[0], p[1]);
        }
        for (String[] r : pairs(relations, "--relation")) {
            a.relation(r[0], r[1]);
        }
        for (String[] m : pairs(mappings, "--mapping")) {
            int bar = m[0].indexOf('|');
            if (bar > 0) {
                a.mapping(m[0].substring(0, bar), m[0].substring(bar + 1), m[1]);
            } else {
                a.mapping(m[0], m[1]);
            }
        }
        return a;
    }
}
