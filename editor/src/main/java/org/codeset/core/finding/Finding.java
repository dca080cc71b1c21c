package org.codeset.core.finding;

import java.util.Comparator;
import java.util.List;

/**
 * One finding: immutable, ordered by file, line, column and rule. Maps one to one onto an LSP
 * {@code Diagnostic} (range, severity, code = rule id, related locations) and a SARIF result.
 *
 * @param rule     the rule id, stable across versions
 * @param file     the file relative to the repository root, {@code /} separators
 * @param line     1-based line of the offending value
 * @param column   1-based column of the offending value
 * @param endLine  1-based line just after the value (as an LSP range end)
 * @param endColumn 1-based column just after the value
 * @param codeset  the code set's id, or null
 * @param code     the code the finding is about, or null
 * @param related  other places that explain the finding (the other copy of a duplicate code)
 */
public record Finding(String rule, Severity severity, String file, int line, int column, int endLine, int endColumn,
        String message, String codeset, String code, List<Location> related) implements Comparable<Finding> {

    /** A related place. */
    public record Location(String file, int line, int column, String message) {
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::rule)
            .thenComparing(Finding::message);

    public Finding {
        related = related == null ? List.of() : List.copyOf(related);
    }

    /** The same finding with another severity. */
    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, file, line, column, endLine, endColumn, message, codeset, code, related);
    }

    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }

    /** {@code <file>:<line>:<col>: <severity> [<rule-id>] <message>}, the text output. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.label() + " [" + rule + "] " + message;
    }
}
