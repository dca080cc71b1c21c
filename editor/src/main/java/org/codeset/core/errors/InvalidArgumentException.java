package org.codeset.core.errors;

/** An option's value is malformed (a date that is not YYYY-MM-DD, a property without '='). */
public class InvalidArgumentException extends CodesetException {
    public InvalidArgumentException(String message) {
        super(message);
    }
}
