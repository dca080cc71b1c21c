package org.codeset.cli;

import java.nio.file.Path;

import org.codeset.core.Codesets;
import org.codeset.core.interchange.ImportCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** codeset import fhir: a code set from a FHIR CodeSystem. */
@Command(name = "fhir", mixinStandardHelpOptions = true,
        description = {"Import a FHIR R4/R5 CodeSystem (JSON).", "",
            "url becomes system; nested concepts and the parent/subsumedBy/child properties become parent;"
                + " status/deprecated/retired/inactive become the status, notSelectable abstract; designations"
                + " synonyms; other properties typed properties. Run again with a newer version to update.",
            "Example: codeset import fhir CodeSystem-v3-ActCode.json --id act-code"})
final class FhirImportCli extends Imports {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--id", paramLabel = "ID", description = "The code set's id (default: from the CodeSystem's id).")
    String id;

    @Override
    ImportCommand command(Codesets codesets) {
        return codesets.importer().format("fhir").file(file).id(id);
    }
}
