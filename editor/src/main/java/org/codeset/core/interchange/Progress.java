package org.codeset.core.interchange;

/**
 * Told how far a long import or export has got. Front ends decide whether to show it (the
 * command line does only on a terminal); the core never prints.
 */
@FunctionalInterface
public interface Progress {
    /** Nothing is shown. */
    Progress NONE = (phase, done, total) -> {
    };

    /** {@code done} of {@code total} items of a phase ("read", "write"); total is -1 when unknown. */
    void update(String phase, long done, long total);
}
