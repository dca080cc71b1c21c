package org.codeset.core.errors;

/** A code set or code named by the caller does not exist. */
public class NotFoundException extends CodesetException {
    public NotFoundException(String message) {
        super(message);
    }
}
