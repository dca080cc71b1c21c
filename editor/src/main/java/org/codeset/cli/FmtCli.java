package org.codeset.cli;

import org.codeset.core.Codesets;
import org.codeset.core.edit.EditCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** codeset fmt: rewrites code files into the canonical form. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Rewrite code files into the canonical form.", "",
            "Codes double-quoted, each entry's keys in the order code, display, definition, synonyms, status,"
                + " effective, retired, abstract, parent, properties, relations, mappings, note. Only what differs"
                + " is touched; comments stay. --check lists the files that differ and exits 1 if any does."})
final class FmtCli extends Edits {
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
