package org.codeset.core.model;

import java.util.regex.Pattern;

/**
 * A reference to a code as written in a file: {@code "72050"} (same code set) or
 * {@code "icd10cm:M54.2"} (another code set).
 */
public record Reference(String codesetId, String code) {
    /** The pattern every code-set id matches. */
    public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{0,62}$");

    /**
     * Reads a reference written in code set {@code home}. A prefix before the first colon is a
     * code-set id when a code set of that name exists or when no code of {@code home} has the
     * whole text as its code and the prefix looks like an id.
     */
    public static Reference parse(String text, CodeSet home, CodeSetRepository repo) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String prefix = text.substring(0, colon);
            if (repo.codeSet(prefix) != null
                    || (!home.contains(text) && ID.matcher(prefix).matches())) {
                return new Reference(prefix, text.substring(colon + 1));
            }
        }
        return new Reference(home.id(), text);
    }

    @Override
    public String toString() {
        return codesetId + ":" + code;
    }
}
