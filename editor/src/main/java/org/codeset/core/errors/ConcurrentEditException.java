package org.codeset.core.errors;

/** Another process holds the repository's edit lock, or changed a file under an edit or undo. */
public class ConcurrentEditException extends CodesetException {
    public ConcurrentEditException(String message) {
        super(message);
    }
}
