package org.codeset.cli;

import picocli.CommandLine.Parameters;

/** The CODESET CODE pair most commands start with. */
final class CodeArgs {
    @Parameters(index = "0", paramLabel = "CODESET", description = "The code set's id (its folder below codesets/).")
    String codeset;

    @Parameters(index = "1", paramLabel = "CODE", description = "The code, exactly as it is written (01996 stays 01996).")
    String code;
}
