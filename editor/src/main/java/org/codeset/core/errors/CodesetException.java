package org.codeset.core.errors;

/**
 * The root of the core's exceptions: every failure a caller can act on is one subclass, and its
 * message names the thing that failed and what to do. Front ends map the subclasses to exit codes
 * or protocol errors; none parses a message.
 */
public abstract class CodesetException extends Exception {
    protected CodesetException(String message) {
        super(message);
    }

    protected CodesetException(String message, Throwable cause) {
        super(message, cause);
    }
}
