package org.codeset.core.errors;

/** A file or folder the command needs cannot be read (permissions, I/O error). */
public class UnreadableInputException extends CodesetException {
    public UnreadableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
