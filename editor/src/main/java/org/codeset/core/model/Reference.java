package org.codeset.core.model;

import java.util.regex.Pattern;

/**
 * A reference to a code as written in a file: {@code "72050"} (same code set) or
 * {@code "icd10cm:M54.2"} (another code set).
 */
public record Reference(String codeSetId, String code) {
    /** The pattern every code-set id matches. */
    public static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{0,62}$");

    /**
     * Where references are read and resolved: which code sets exist and which codes they hold.
     * The repository is one; a rule's context, which records what its findings depend on, is another.
     */
    public interface Lookup {
        /** Whether a code set exists. */
        boolean codeSetExists(String id);

        /** The entry of a code in a code set (the first, if duplicated), or null. */
        CodeEntry lookup(String codeSetId, String code);

        /** The entry a reference names, or null. */
        default CodeEntry resolve(Reference ref) {
            return lookup(ref.codeSetId(), ref.code());
        }
    }

    /**
     * Reads a reference written in code set {@code homeId}. A prefix before the first colon is a
     * code-set id when a code set of that name exists or when no code of the home code set has the
     * whole text as its code and the prefix looks like an id.
     */
    public static Reference parse(String text, String homeId, Lookup codes) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String prefix = text.substring(0, colon);
            if (codes.codeSetExists(prefix) || (codes.lookup(homeId, text) == null && ID.matcher(prefix).matches())) {
                return new Reference(prefix, text.substring(colon + 1));
            }
        }
        return new Reference(homeId, text);
    }

    /**
     * Reads a reference written in code set {@code home}, which may be a release's snapshot rather
     * than the repository's code set of that id: its own codes are looked up in it.
     */
    public static Reference parse(String text, CodeSet home, CodeSetRepository repo) {
        return parse(text, home.id(), new Lookup() {
            @Override
            public boolean codeSetExists(String id) {
                return repo.codeSetExists(id);
            }

            @Override
            public CodeEntry lookup(String codeSetId, String code) {
                return codeSetId.equals(home.id()) ? home.get(code) : repo.lookup(codeSetId, code);
            }
        });
    }

    @Override
    public String toString() {
        return codeSetId + ":" + code;
    }
}
