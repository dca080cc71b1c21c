package org.codeset.cli;

import java.nio.file.Path;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.interchange.ImportCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** codeset import csv: a code set from a CSV file. */
@Command(name = "csv", mixinStandardHelpOptions = true,
        description = {"Import a CSV file with a header row (RFC 4180).", "",
            "Columns: code, display, definition, synonyms, status, effective, retired, abstract, parent, '-' to"
                + " skip, any other name a property; several values joined by '|'. The file is the whole code set:"
                + " codes it does not list are retired.",
            "Example: codeset import csv charges.csv charges --columns code,display,-,price"})
final class CsvImportCli extends Imports {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Parameters(index = "1", paramLabel = "ID")
    String id;

    @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "The columns, in order (default: the header row).")
    List<String> columns;

    @Option(names = "--title", paramLabel = "TEXT", description = "The title, when the code set is new.")
    String title;

    @Option(names = "--system", paramLabel = "URI", description = "The system URI, when the code set is new.")
    String system;

    @Override
    ImportCommand command(Codesets codesets) {
        return codesets.importer().format("csv").file(file).id(id).columns(columns).title(title).system(system);
    }
}
