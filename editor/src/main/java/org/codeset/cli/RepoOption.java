package org.codeset.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --repo} option every command takes. */
final class RepoOption {
    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "The code-set repository (default: the current folder).")
    Path repo;
}
