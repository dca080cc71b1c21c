package org.codeset.core.errors;

/** The folder given is not a code-set repository (it does not exist, or has no {@code codesets/}). */
public class RepositoryNotFoundException extends CodesetException {
    public RepositoryNotFoundException(String message) {
        super(message);
    }
}
