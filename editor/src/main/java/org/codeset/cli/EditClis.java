package org.codeset.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;
import org.codeset.core.edit.AddCommand;
import org.codeset.core.edit.EditCommand;
import org.codeset.core.edit.RelateCommand;
import org.codeset.core.edit.SetCommand;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidArgumentException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The editing commands: each builds one core command; the core validates before it writes. */
final class EditClis {
    private EditClis() {
    }

    static final String EDIT_FOOTER = "%nEvery edit is validated before it is written: one that would add an error is"
            + " refused (exit 1) and nothing on disk changes. Files are replaced atomically; only the lines of the"
            + " touched entries change.";

    /** NAME=VALUE pairs, in order. */
    static List<String[]> pairs(List<String> values, String option) throws InvalidArgumentException {
        List<String[]> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            int eq = v.lastIndexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new InvalidArgumentException(option + " '" + v + "': write NAME=VALUE");
            }
            out.add(new String[] {v.substring(0, eq), v.substring(eq + 1)});
        }
        return out;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create a new code-set repository.", "",
                "git, the bundled schema/, an empty codesets/, a README and a .gitignore. Refused where a repository"
                    + " already is."})
    static final class InitCli implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Where (default: the current folder).")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path target = dir == null ? Path.of(".") : dir;
            List<String> written = Codesets.init(target);
            spec.commandLine().getOut().println("initialised a code-set repository in " + target.toAbsolutePath().normalize());
            for (String f : written) {
                spec.commandLine().getOut().println("  " + f);
            }
            spec.commandLine().getOut().println("next: codeset new <id> --title TEXT --system URI");
            return Main.OK;
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true, footer = EDIT_FOOTER,
            description = {"Create a code set.", "",
                "Writes codesets/<id>/codeset.yaml (status draft, version 0.1.0) and an empty codes.yaml.",
                "Example: codeset new radiology --title 'Radiology procedures' --system https://codes.example.org/radiology"})
    static final class NewCli extends Edits {
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

    @Command(name = "add", mixinStandardHelpOptions = true, footer = EDIT_FOOTER,
            description = {"Add a code.", "",
                "It goes into the file of its parent (or --file, or the code set's main code file), at its place in"
                    + " code order, in canonical form.",
                "Example: codeset add radiology 72041 --display 'X-ray of cervical spine, 1 view' --parent 72020-72295",
                "         --property modality=DX --property views=1 --mapping icd10cm:M54.2=related-to"})
    static final class AddCli extends Edits {
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

    @Command(name = "set", mixinStandardHelpOptions = true, footer = EDIT_FOOTER,
            description = {"Change fields of a code.", "", "Only the lines of the changed fields are rewritten.",
                "Example: codeset set radiology 72040 --display 'X-ray of cervical spine; 2 or 3 views' --property views=2",
                "         codeset set radiology 72040 --unset note --unset properties.bodyPart"})
    static final class SetCli extends Edits {
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

    @Command(name = "relate", mixinStandardHelpOptions = true, footer = EDIT_FOOTER,
            description = {"Add a relation to a code.", "",
                "TYPE is replaced-by, see-also, excludes, mutually-exclusive (written on both codes) or add-on-to."
                    + " TARGET is a code of the same code set or <codeset-id>:<code>.",
                "Example: codeset relate radiology 71045 mutually-exclusive 71046"})
    static class RelateCli extends Edits {
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

    @Command(name = "unrelate", mixinStandardHelpOptions = true, footer = EDIT_FOOTER,
            description = {"Remove a relation from a code.", "", "Both sides of a mutually-exclusive one.",
                "Example: codeset unrelate radiology 72040 see-also 72052"})
    static final class UnrelateCli extends RelateCli {
        @Override
        boolean remove() {
            return true;
        }
    }

    @Command(name = "deprecate", mixinStandardHelpOptions = true, footer = EDIT_FOOTER,
            description = {"Deprecate a code.", "", "Still valid, not for new use; optionally with its replacement.",
                "Example: codeset deprecate charges 3240146 --replaced-by 3240046"})
    static final class DeprecateCli extends Edits {
        @CommandLine.Mixin
        CodeArgs args;

        @Option(names = "--replaced-by", paramLabel = "CODE")
        String replacedBy;

        @Override
        EditCommand command(Codesets c) {
            return c.deprecate().codeset(args.codeset).code(args.code).replacedBy(replacedBy);
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true, footer = EDIT_FOOTER,
            description = {"Retire a code.", "",
                "It stays in the file (codes are never deleted once used), with its retired date and replacement."
                    + " The places that refer to it are listed.",
                "Example: codeset retire radiology 71020 --replaced-by 71046 --date 2018-01-01"})
    static final class RetireCli extends Edits {
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

    @Command(name = "remove", mixinStandardHelpOptions = true, footer = EDIT_FOOTER,
            description = {"Delete a code that was never released.", "",
                "For a mistake in a draft. A code that is in a release tag is refused: retire it instead. A code others"
                    + " refer to is refused with the places."})
    static final class RemoveCli extends Edits {
        @CommandLine.Mixin
        CodeArgs args;

        @Override
        EditCommand command(Codesets c) {
            return c.remove().codeset(args.codeset).code(args.code);
        }
    }

    @Command(name = "fmt", mixinStandardHelpOptions = true,
            description = {"Rewrite code files into the canonical form.", "",
                "Codes double-quoted, each entry's keys in the order code, display, definition, synonyms, status,"
                    + " effective, retired, abstract, parent, properties, relations, mappings, note. Only what differs"
                    + " is touched; comments stay. --check lists the files that differ and exits 1 if any does."})
    static final class FmtCli extends Edits {
        @Option(names = "--check", description = "List the files that are not in canonical form; change nothing.")
        boolean check;

        @Option(names = "--codeset", paramLabel = "ID", description = "Only this code set.")
        String codeset;

        @Override
        EditCommand command(Codesets c) {
            if (check) {
                dryRun = true;
            }
            return c.format().codeset(codeset);
        }

        @Override
        public Integer call() throws Exception {
            if (!check) {
                return super.call();
            }
            Codesets c = Codesets.openCached(repo.repo);
            var result = command(c).dryRun(true).call();
            for (String f : result.files()) {
                spec.commandLine().getOut().println(f);
            }
            return result.files().isEmpty() ? Main.OK : Main.FINDINGS;
        }
    }
}
