package org.codeset.core.yaml;

import java.util.regex.Pattern;

/** A scalar exactly as written: {@code 01996} stays the text "01996". */
public final class YScalar extends YNode {
    /** How the scalar was written in the file. */
    public enum Style {
        PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED;

        private static final Style[] ALL = values();

        /** The style with this ordinal, without the copy {@code values()} makes on every call. */
        public static Style of(int ordinal) {
            return ALL[ordinal];
        }
    }

    private static final Pattern NUMERIC = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7]+");

    private static final byte NULL = 1;
    private static final byte TRUE = 2;
    private static final byte FALSE = 3;

    private final String text;
    private final byte style;
    /** What a plain scalar means in the YAML 1.2 core schema: NULL, TRUE, FALSE, or 0 for text. */
    private final byte meaning;
    private final String tag;

    public YScalar(String text, Style style, String tag, int line, int column, int endLine, int endColumn) {
        super(line, column, endLine, endColumn);
        this.text = text;
        this.style = (byte) style.ordinal();
        this.tag = tag;
        this.meaning = style != Style.PLAIN || tag != null ? 0 : meaningOf(text);
    }

    private static byte meaningOf(String text) {
        return switch (text) {
            case "", "~", "null", "Null", "NULL" -> NULL;
            case "true", "True", "TRUE" -> TRUE;
            case "false", "False", "FALSE" -> FALSE;
            default -> 0;
        };
    }

    /** The scalar's text as written (after YAML unquoting and unescaping, never type-coerced). */
    public String text() {
        return text;
    }

    public Style style() {
        return Style.of(style);
    }

    /** The explicit tag ({@code !!str}) if one was written, else null. */
    public String tag() {
        return tag;
    }

    public boolean isPlain() {
        return style == 0 && tag == null;
    }

    /** True for a plain {@code true} or {@code false} (YAML 1.2 core schema). */
    public boolean isBoolean() {
        return meaning == TRUE || meaning == FALSE;
    }

    public boolean booleanValue() {
        return meaning == TRUE;
    }

    /** True for a plain null ({@code null}, {@code ~} or nothing at all). */
    public boolean isNull() {
        return meaning == NULL;
    }

    /** True when a plain scalar would be read as a number by a YAML 1.1/1.2 loader. */
    public boolean looksNumeric() {
        return isPlain() && !text.isEmpty() && NUMERIC.matcher(text).matches();
    }

    @Override
    public String kind() {
        return isNull() ? "nothing (null)" : isBoolean() ? "a boolean" : "a text";
    }

    @Override
    public String toString() {
        return text;
    }
}
