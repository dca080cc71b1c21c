package org.codeset.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What the commands about one code share: --repo, the code set and the code, and text or JSON. */
abstract class CodeQueryCli implements Callable<Integer> {
    @CommandLine.Mixin
    RepoOption repo;

    @CommandLine.Mixin
    CodeArgs args;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json.")
    TextOrJson format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
}
