package org.codeset.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.codeset.core.Codesets;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** codeset init: a new code-set repository. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a new code-set repository.", "",
            "git, the bundled schema/, an empty codesets/, a README and a .gitignore. Refused where a repository"
                + " already is."})
final class InitCli implements Callable<Integer> {
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
