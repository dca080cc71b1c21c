package org.codeset.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** codeset import: the group of its formats (fhir, csv); alone, it prints its usage. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Create or update a code set from a FHIR CodeSystem or a CSV file.", "",
            "A new code set is created; an existing one is updated through one validated edit: new codes added,"
                + " displays, definitions, parents, properties and statuses changed, codes the file no longer lists"
                + " retired (never deleted). What the repository format has no place for is reported as a warning."},
        subcommands = {FhirImportCli.class, CsvImportCli.class})
final class ImportCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
