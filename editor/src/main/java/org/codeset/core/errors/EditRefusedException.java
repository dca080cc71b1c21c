package org.codeset.core.errors;

import java.util.List;

import org.codeset.core.finding.Finding;

/**
 * An edit that would add validation errors, or that the rules of terminology forbid (removing a
 * released code). Nothing was written. {@link #findings()} holds the errors the edit would add.
 */
public class EditRefusedException extends CodesetException {
    private final transient List<Finding> findings;

    public EditRefusedException(String message, List<Finding> findings) {
        super(message);
        this.findings = List.copyOf(findings);
    }

    public EditRefusedException(String message) {
        this(message, List.of());
    }

    public List<Finding> findings() {
        return findings;
    }
}
