package org.codeset.core.rules;

import org.codeset.core.finding.Severity;
import org.codeset.core.validate.Rule;

/** The self-description every built-in rule shares; the rule itself is only {@code check}. */
abstract class AbstractRule implements Rule {
    private final String id;
    private final Severity severity;
    private final String description;
    private final String solution;

    AbstractRule(String id, Severity severity, String description, String solution) {
        this.id = id;
        this.severity = severity;
        this.description = description;
        this.solution = solution;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity defaultSeverity() {
        return severity;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String solution() {
        return solution;
    }

    /** Quotes a code for a message: {@code "01996"}. */
    static String q(String code) {
        return "\"" + code + "\"";
    }
}
