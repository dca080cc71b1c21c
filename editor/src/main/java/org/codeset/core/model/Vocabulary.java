package org.codeset.core.model;

import java.util.Arrays;
import java.util.List;

/**
 * The words the format gives meaning to, each list in one place: a code's and a code set's
 * statuses, the types of relations between codes, and the relationships of a mapping to another system. The schema
 * ({@code schema/codes.schema.json}) states the same lists; completion, the importers, the
 * exporters and the rules read them from here.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    /** Whatever a word of the format stands for: its text as written in the files. */
    public interface Term {
        String text();
    }

    /** A code's status: {@code status:} in a code file. */
    public enum Status implements Term {
        ACTIVE("active"), DEPRECATED("deprecated"), RETIRED("retired");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }

        private static final Status[] ALL = values();

        /** The status written as {@code text}, or null for a word that is no status. */
        public static Status of(String text) {
            return find(ALL, text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A code set's status: {@code status:} in its {@code codeset.yaml}. */
    public enum CodeSetStatus implements Term {
        DRAFT("draft"), ACTIVE("active"), RETIRED("retired");

        private static final CodeSetStatus[] ALL = values();

        private final String text;

        CodeSetStatus(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }

        /** The code-set status written as {@code text}, or null. */
        public static CodeSetStatus of(String text) {
            return find(ALL, text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The type of a relation between two codes: {@code relations: - type:}. */
    public enum RelationType implements Term {
        REPLACED_BY("replaced-by"), SEE_ALSO("see-also"), EXCLUDES("excludes"), MUTUALLY_EXCLUSIVE("mutually-exclusive"),
        ADD_ON_TO("add-on-to");

        private final String text;

        RelationType(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }

        private static final RelationType[] ALL = values();

        /** The relation type written as {@code text}, or null. */
        public static RelationType of(String text) {
            return find(ALL, text);
        }

        /** Whether the relation holds both ways, so that the tool writes it on both codes. */
        public boolean symmetric() {
            return this == MUTUALLY_EXCLUSIVE;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** How a code relates to the code a mapping names: {@code mappings: - relationship:}. */
    public enum Relationship implements Term {
        EQUIVALENT("equivalent"), BROADER("broader"), NARROWER("narrower"), RELATED_TO("related-to");

        private final String text;

        Relationship(String text) {
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }

        private static final Relationship[] ALL = values();

        /** The relationship written as {@code text}, or null. */
        public static Relationship of(String text) {
            return find(ALL, text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The texts of a list of terms, in their order: for completion, help and messages. */
    public static List<String> texts(Term[] terms) {
        return Arrays.stream(terms).map(Term::text).toList();
    }

    /** The texts of a list of terms as a choice, for messages: {@code active, deprecated or retired}. */
    public static String choice(Term[] terms) {
        List<String> t = texts(terms);
        int last = t.size() - 1;
        return last < 1 ? String.join("", t) : String.join(", ", t.subList(0, last)) + " or " + t.get(last);
    }

    private static <T extends Term> T find(T[] terms, String text) {
        for (T t : terms) {
            if (t.text().equals(text)) {
                return t;
            }
        }
        return null;
    }
}
