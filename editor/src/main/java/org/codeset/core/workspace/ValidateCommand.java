package org.codeset.core.workspace;

import java.util.HashMap;
import java.util.Map;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.finding.Severity;
import org.codeset.core.validate.ValidationResult;
import org.codeset.core.validate.Validator;

/** Validates the repository: {@code codesets.validate().codeset("radiology").call()}. */
public final class ValidateCommand extends WorkspaceCommand<ValidationResult> {
    private String codeset;
    private final Map<String, Severity> severities = new HashMap<>();
    private org.codeset.core.model.CodeSetRepository model;

    public ValidateCommand(Workspace workspace) {
        super(workspace);
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

    @Override
    public ValidationResult call() throws CodesetException {
        checkCallable();
        org.codeset.core.model.CodeSetRepository target = model != null ? model : workspace.model();
        ValidationResult result = severities.isEmpty() ? workspace.validation(target)
                : new Validator(workspace.rules(), severities).validate(target);
        if (codeset == null) {
            return result;
        }
        return new ValidationResult(result.findings().stream()
                .filter(f -> codeset.equals(f.codeset())).toList(), 1,
                target.codeSet(codeset) == null ? 0 : target.codeSet(codeset).files().size(),
                target.codeSet(codeset) == null ? 0 : target.codeSet(codeset).entries().size());
    }
}
