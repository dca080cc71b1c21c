package org.codeset.core.rules;

import java.util.regex.Pattern;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.validate.RuleContext;

/** A code does not match the code set's {@code codePattern}, or the pattern itself is broken. */
public final class CodePatternRule extends AbstractRule {
    public CodePatternRule() {
        super("code-pattern", Severity.ERROR,
                "A code does not match the code set's codePattern as a whole (or codePattern is not a valid regular expression).",
                "Correct the code (a typo, a missing leading zero, a stray space), or widen codePattern if the code set really allows it.");
    }

    /** Findings depend only on the file and codeset.yaml. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        CodeSet cs = ctx.codeSet();
        if (cs.codePatternError() != null) {
            ctx.report(cs.metaFile(), cs.meta().scalar("codePattern"), null,
                    "codePattern is not a valid regular expression: " + cs.codePatternError());
            return;
        }
        Pattern pattern = cs.codePattern();
        if (pattern == null) {
            return;
        }
        for (CodeEntry e : cs.entries()) {
            String code = e.code();
            if (code != null && !pattern.matcher(code).matches()) {
                ctx.report(e, e.codeNode(), "code " + q(code) + " does not match the code set's codePattern '"
                        + pattern.pattern() + "'" + hint(code));
            }
        }
    }

    private static String hint(String code) {
        if (!code.equals(code.strip())) {
            return " (it has leading or trailing white space)";
        }
        return "";
    }
}
