package org.codeset.core;

import java.util.HashMap;
import java.util.Map;

import org.codeset.core.validate.Severity;
import org.codeset.core.validate.ValidationResult;
import org.codeset.core.validate.Validator;

/** Validates the repository: {@code codesets.validate().codeset("radiology").call()}. */
public final class ValidateCommand {
    private final Codesets codesets;
    private String codeset;
    private final Map<String, Severity> severities = new HashMap<>();
    private org.codeset.core.model.CodeSetRepository model;

    ValidateCommand(Codesets codesets) {
        this.codesets = codesets;
    }

    /** Report only findings of this code set (every code set is still loaded for cross-references). */
    public ValidateCommand codeset(String id) {
        this.codeset = id;
        return this;
    }

    /** Report a rule at another severity than its default. */
    public ValidateCommand severity(String ruleId, Severity severity) {
        severities.put(ruleId, severity);
        return this;
    }

    /** Validates this model (an edit's planned state) instead of the loaded one. */
    public ValidateCommand on(org.codeset.core.model.CodeSetRepository repository) {
        this.model = repository;
        return this;
    }

    public ValidationResult call() {
        org.codeset.core.model.CodeSetRepository target = model != null ? model : codesets.model();
        ValidationResult result = severities.isEmpty() ? codesets.validation(target)
                : new Validator(codesets.rules(), severities).validate(target);
        if (codeset == null) {
            return result;
        }
        return new ValidationResult(result.findings().stream()
                .filter(f -> codeset.equals(f.codeset())).toList(), 1,
                codesets.model().codeSet(codeset) == null ? 0 : codesets.model().codeSet(codeset).files().size(),
                codesets.model().codeSet(codeset) == null ? 0 : codesets.model().codeSet(codeset).entries().size());
    }
}
