package org.codeset.core.rules;

import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.model.SourceFile;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.yaml.YamlProblem;

/** A file that is not well-formed YAML, repeats a key, or exceeds the reader's limits. */
public final class YamlSyntaxRule extends AbstractRule {
    public YamlSyntaxRule() {
        super("yaml-syntax", Severity.ERROR,
                "A file is not well-formed YAML, is not UTF-8, repeats a key, uses an alias, or exceeds the size and nesting limits.",
                "Fix the YAML at the position given; give each key once per mapping and write values out instead of using aliases.");
    }

    /** Findings depend only on the file and codeset.yaml. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        for (SourceFile file : ctx.codeSet().files()) {
            for (YamlProblem p : file.document().problems()) {
                Finding.Location[] related = p.relatedLine() > 0
                        ? new Finding.Location[] {new Finding.Location(file.path(), p.relatedLine(), p.relatedColumn(),
                                "first given here")}
                        : new Finding.Location[0];
                ctx.report(file.path(), p.line(), p.column(), p.line(), p.column(), null, p.message(), related);
            }
        }
    }
}
