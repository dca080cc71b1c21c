package org.codeset.core.history;

import java.time.Instant;

import org.codeset.core.model.SemVer;

/** A release of a code set: the annotated tag {@code <id>/v<version>} and the commit it names. */
public record Release(String codeset, SemVer version, String tag, String commit, Instant date, String message)
        implements Comparable<Release> {
    @Override
    public int compareTo(Release o) {
        return version.compareTo(o.version);
    }
}
