package org.codeset.core.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.yaml.YScalar;

/** {@code retired} before {@code effective}, or {@code retired} on a code that is not retired. */
public final class DateOrderRule extends AbstractRule {
    public DateOrderRule() {
        super("date-order", Severity.ERROR,
                "A code's retired date is before its effective date, or a code that is not retired carries a retired date.",
                "Correct the dates; remove 'retired:' from a code that is still active or deprecated (or set status: retired).");
    }

    /** Findings depend only on the file and codeset.yaml. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        for (CodeEntry e : ctx.codeSet().entries()) {
            YScalar retired = e.retired();
            if (retired == null || retired.isNull()) {
                continue;
            }
            if (e.status() != null && !e.isRetired()) {
                ctx.report(e, retired, "code " + q(e.code()) + " has status " + e.status()
                        + " but a retired date; remove 'retired:' or set status: retired");
                continue;
            }
            LocalDate end = date(retired);
            LocalDate start = date(e.effective());
            if (start != null && end != null && end.isBefore(start)) {
                ctx.report(e, retired, "code " + q(e.code()) + " is retired on " + end + ", before it became effective on "
                        + start);
            }
        }
    }

    static LocalDate date(YScalar s) {
        if (s == null || s.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(s.text());
        } catch (DateTimeParseException e) {
            return null; // the schema reports malformed dates
        }
    }
}
