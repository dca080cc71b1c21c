package org.codeset.core.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the tool writes values: codes always double-quoted as their exact text; other text plain
 * where every YAML reader reads it back unchanged, double-quoted otherwise.
 */
public final class Render {
    private static final Pattern FLOW_INDICATOR = Pattern.compile("[,\\[\\]{}]");
    private static final Pattern LOOKS_TYPED = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|y|n|null|~|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
            + "|0x[0-9a-f_]+|0o[0-7]+|\\.inf|\\.nan|[0-9]{4}-[0-9]{2}-[0-9]{2}.*)");

    private Render() {
    }

    /** A code (or reference to one): always double-quoted. */
    public static String code(String code) {
        return quoted(code);
    }

    /** Free text: plain when that reads back as the same string in any YAML reader, else quoted. */
    public static String text(String text) {
        return plainSafe(text) ? text : quoted(text);
    }

    /** Free text as an item of a flow list: also quoted when it holds a flow indicator ({@code , [ ] { }}). */
    public static String flowText(String text) {
        return plainSafe(text) && FLOW_INDICATOR.matcher(text).find() == false ? text : quoted(text);
    }

    /** A date, integer, decimal or boolean written plain (callers check the form). */
    public static String plain(String value) {
        return value;
    }

    /** A flow list of already rendered items: {@code ["26", "TC"]}. */
    public static String flowList(List<String> rendered) {
        return "[" + String.join(", ", rendered) + "]";
    }

    /** A YAML indicator or white space ({@code \\s}), which a plain scalar cannot start with. */
    private static boolean unsafeStart(char c) {
        return "-?:,[]{}#&*!|>'\"%@` \t\n\u000B\f\r".indexOf(c) >= 0;
    }

    static boolean plainSafe(String s) {
        if (s.isEmpty() || !s.equals(s.strip()) || unsafeStart(s.charAt(0))
                || mayLookTyped(s) && LOOKS_TYPED.matcher(s).matches() || s.contains(": ") || s.contains(" #")
                || s.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xfeff || c >= 0xfffe) {
                return false;
            }
        }
        return true;
    }

    /**
     * False when {@link #LOOKS_TYPED} cannot match: text that starts with a letter and is longer
     * than its longest word ("false"). Spares the pattern on most displays (an import renders
     * hundreds of thousands).
     */
    private static boolean mayLookTyped(String s) {
        char c = s.charAt(0);
        return s.length() <= 5 || !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
    }

    /** A double-quoted YAML scalar with the escapes YAML defines. */
    public static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    // C0 and C1 controls, line separators, BOM and non-characters: not printable in YAML
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff || c >= 0xfffe) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
