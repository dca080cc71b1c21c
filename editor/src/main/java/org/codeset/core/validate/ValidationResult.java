package org.codeset.core.validate;

import java.util.List;

import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;

/** The findings of a validation, sorted by file, line and column. */
public record ValidationResult(List<Finding> findings, int codeSets, int files, int codes) {
    public ValidationResult {
        findings = List.copyOf(findings);
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    public boolean hasErrors() {
        return errors() > 0;
    }
}
