package org.codeset.core.finding;

import java.util.Locale;

/** How serious a finding is. Errors block edits and releases; warnings are shown. */
public enum Severity {
    ERROR, WARNING;

    /** The lower-case name used in every output format ("error", "warning"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The SARIF 2.1.0 {@code level}. */
    public String sarifLevel() {
        return this == ERROR ? "error" : "warning";
    }
}
