package org.codeset.core.errors;

/** A schema file of the repository cannot be read or is not a usable JSON Schema. */
public class InvalidSchemaException extends CodesetException {
    public InvalidSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
