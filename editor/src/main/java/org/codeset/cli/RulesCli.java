package org.codeset.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.codeset.core.validate.Rule;
import org.codeset.core.validate.RuleDocs;
import org.codeset.core.validate.Rules;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {
            "List the validation rules.",
            "",
            "Every rule found on the class path (built in, or contributed by a jar through"
                + " META-INF/services/org.codeset.core.validate.Rule), with its id, default severity and what it finds."
                + " --format markdown writes the rules page (docs/rules.md), with each rule's failing example and its fix."})
final class RulesCli implements Callable<Integer> {
    enum Format { TEXT, MARKDOWN }

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or markdown. Default: ${DEFAULT-VALUE}.")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Rules rules = Rules.discover();
        if (format == Format.MARKDOWN) {
            out.print(RuleDocs.markdown(rules));
        } else {
            for (Rule r : rules.all()) {
                out.printf("%-28s %-8s %s%n", r.id(), r.defaultSeverity().label(), r.description());
            }
        }
        out.flush();
        return Main.OK;
    }
}
