package org.codeset.core.yaml;

/**
 * A fast reader for the part of YAML that code-set files are written in, used before
 * snakeyaml-engine: block mappings with simple keys, block lists, one-line plain, single- and
 * double-quoted scalars, one-line flow lists of scalars, and comments. On anything else (flow
 * mappings, block scalars, multi-line scalars, anchors, tags, directives, empty values,
 * tabs, CR line ends, characters outside the Basic Multilingual Plane, every kind of error) it
 * gives up, and the file is read by snakeyaml-engine instead; so every well-formed file reads
 * the same as before and every error is still reported by snakeyaml-engine, at its position.
 *
 * <p>Why it exists: snakeyaml-engine builds a token, an event and two marks per scalar, about
 * 80 bytes of garbage per byte of input; on the 31 MiB test repository that was the largest
 * part of {@code pull}, {@code import} and a cold {@code validate}. This reader reports the
 * same nodes, texts, styles and positions (to the column; the differential test
 * {@code BlockSubsetTest} compares both readers on every file and on thousands of mutated ones),
 * straight from the text.
 */
final class BlockSubset {
    /** What the reader reports: the same calls the event builder makes from snakeyaml-engine's events. */
    interface Sink {
        /** Returns false when the builder refuses the collection (too deep). */
        boolean start(boolean map, int line, int column);

        void end(boolean map, int endLine, int endColumn);

        void scalar(String text, YScalar.Style style, int line, int column, int endLine, int endColumn);
    }

    /** Thrown to give up; carries no stack trace (it is control flow, thrown on every unsupported file). */
    private static final class GiveUp extends RuntimeException {
        private static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    /** The longest key read here (snakeyaml-engine allows 1024 characters for a simple key). */
    private static final int MAX_KEY = 512;

    private final String s;
    private final int n;
    private final Sink sink;
    private int pos;
    /** 0-based line of {@link #pos} and the index at which that line starts. */
    private int line;
    private int lineStart;
    private int depth;

    private BlockSubset(String s, Sink sink) {
        this.s = s;
        this.n = s.length();
        this.sink = sink;
    }

    /** Reads the text into the sink; false when the text is outside the subset (the sink's state is then undefined). */
    static boolean read(String text, Sink sink) {
        if (!plainCharacters(text)) {
            return false;
        }
        BlockSubset r = new BlockSubset(text, sink);
        try {
            r.document();
            return true;
        } catch (GiveUp e) {
            return false;
        }
    }

    /** Only LF line ends and printable characters of the Basic Multilingual Plane; no tabs. */
    private static boolean plainCharacters(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 ? c != '\n' : c >= 0x7f && (c <= 0x9f || c >= 0xd800 && c <= 0xdfff || c == 0x2028 || c == 0x2029
                    || c == 0xfeff || c >= 0xfffe)) {
                return false;
            }
        }
        return true;
    }

    private static GiveUp giveUp() {
        return GiveUp.INSTANCE;
    }

    private void document() {
        int indent = nextContent();
        if (indent != 0 || startsLine("---") || startsLine("...") || s.charAt(pos) == '%' || isDash()) {
            throw giveUp();
        }
        mapping(0);
        if (pos < n) {
            throw giveUp(); // content after the root mapping ended: not a single block mapping
        }
    }

    private boolean startsLine(String marker) {
        return s.startsWith(marker, pos);
    }

    /** The column of the current position (every character is one code point here). */
    private int column() {
        return pos - lineStart;
    }

    /**
     * Moves to the first character of the next line with content (skipping blank and comment
     * lines) and returns its column, or -1 at the end of the text. Called at the start of a line.
     */
    private int nextContent() {
        while (pos < n) {
            int i = pos;
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            if (i < n && s.charAt(i) != '\n' && s.charAt(i) != '#') {
                pos = i;
                return pos - lineStart;
            }
            while (i < n && s.charAt(i) != '\n') {
                i++;
            }
            if (i < n) {
                i++;
                line++;
                lineStart = i;
            }
            pos = i;
        }
        return -1;
    }

    /** After a value: spaces, an optional comment (after a space), then the line end. */
    private void endOfLine() {
        int start = pos;
        while (pos < n && s.charAt(pos) == ' ') {
            pos++;
        }
        if (pos < n && s.charAt(pos) == '#') {
            if (pos == start) {
                throw giveUp();
            }
            while (pos < n && s.charAt(pos) != '\n') {
                pos++;
            }
        }
        if (pos < n) {
            if (s.charAt(pos) != '\n') {
                throw giveUp();
            }
            pos++;
            line++;
            lineStart = pos;
        }
    }

    private boolean isDash() {
        return s.charAt(pos) == '-' && (pos + 1 == n || s.charAt(pos + 1) == ' ' || s.charAt(pos + 1) == '\n');
    }

    private void enter(boolean map) {
        if (++depth > YamlParser.MAX_DEPTH || !sink.start(map, line + 1, column() + 1)) {
            throw giveUp();
        }
    }

    /** The end of a block collection: snakeyaml-engine places it where the next token starts (or at the end). */
    private void leave(boolean map) {
        depth--;
        sink.end(map, line + 1, column() + 1);
    }

    /** A block mapping whose first key starts at the current position, in column {@code indent}. */
    private void mapping(int indent) {
        block(true, indent);
    }

    /** A block list whose first '-' is at the current position, in column {@code indent}. */
    private void sequence(int indent) {
        block(false, indent);
    }

    /**
     * A block mapping (keys) or list (dashes) at column {@code indent}: entries until a line
     * starts further left. A line further right, or one that switches from keys to dashes or
     * back at the same column, is outside the subset.
     */
    private void block(boolean map, int indent) {
        enter(map);
        while (true) {
            if (map) {
                key();
            }
            pos++; // the ':' or the '-'
            nodeAfterIndicator(indent);
            int next = pos < n ? column() : -1;
            if (next < indent) {
                leave(map);
                return;
            }
            if (next > indent || isDash() == map) {
                throw giveUp();
            }
        }
    }

    /**
     * The value after a key's ':' or a list's '-' (the position is just after the indicator):
     * on the same line a scalar, a flow list, or (after '-') a mapping; else a block collection
     * on the next lines, more indented than {@code indent}. Ends at the next content line.
     */
    private void nodeAfterIndicator(int indent) {
        boolean dash = s.charAt(pos - 1) == '-';
        if (pos < n && s.charAt(pos) == ' ') {
            while (pos < n && s.charAt(pos) == ' ') {
                pos++;
            }
            if (pos < n && s.charAt(pos) != '\n' && s.charAt(pos) != '#') {
                if (dash && looksLikeKey()) {
                    mapping(column());
                    return;
                }
                value();
                endOfLine();
                nextContent();
                return;
            }
            pos--; // the space before a comment
        } else if (pos < n && s.charAt(pos) != '\n') {
            throw giveUp();
        }
        endOfLine();
        int next = nextContent();
        if (next <= indent) {
            throw giveUp(); // an empty value
        }
        if (isDash()) {
            sequence(next);
        } else {
            mapping(next);
        }
    }

    private static boolean keyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
                || c == '/';
    }

    /** True when a simple key (followed by ':' and a space or the line end) starts here. */
    private boolean looksLikeKey() {
        int i = pos;
        if (i >= n || !keyChar(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '.' || s.charAt(i) == '/') {
            return false;
        }
        while (i < n && keyChar(s.charAt(i))) {
            i++;
        }
        return i < n && s.charAt(i) == ':' && (i + 1 == n || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\n');
    }

    /** A key at the current position, up to its ':'. */
    private void key() {
        if (!looksLikeKey()) {
            throw giveUp();
        }
        int start = pos;
        while (keyChar(s.charAt(pos))) {
            pos++;
        }
        if (pos - start > MAX_KEY) {
            throw giveUp();
        }
        int col = start - lineStart + 1;
        sink.scalar(s.substring(start, pos), YScalar.Style.PLAIN, line + 1, col, line + 1, col + pos - start);
    }

    /** A scalar or one-line flow list at the current position. */
    private void value() {
        char c = s.charAt(pos);
        if (c == '[') {
            flowList();
        } else {
            scalar(false);
        }
    }

    private void flowList() {
        enter(false);
        pos++; // '['
        skipSpaces();
        if (pos < n && s.charAt(pos) == ']') {
            pos++;
        } else {
            while (true) {
                if (pos >= n || s.charAt(pos) == '[' || s.charAt(pos) == '{') {
                    throw giveUp();
                }
                scalar(true);
                skipSpaces();
                if (pos >= n) {
                    throw giveUp();
                }
                char c = s.charAt(pos++);
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw giveUp();
                }
                skipSpaces();
                if (pos < n && s.charAt(pos) == ']') {
                    throw giveUp(); // a trailing comma
                }
            }
        }
        depth--;
        sink.end(false, line + 1, column() + 1);
    }

    private void skipSpaces() {
        while (pos < n && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    private void scalar(boolean flow) {
        char c = s.charAt(pos);
        if (c == '\'') {
            singleQuoted();
        } else if (c == '"') {
            doubleQuoted();
        } else {
            plain(flow);
        }
    }

    private static boolean indicator(char c) {
        return switch (c) {
            case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> true;
            default -> false;
        };
    }

    private void plain(boolean flow) {
        int start = pos;
        if (indicator(s.charAt(pos))) {
            throw giveUp();
        }
        int end = pos;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '\n') {
                break;
            }
            if (c == ' ') {
                pos++;
                continue;
            }
            if (c == '#' && s.charAt(pos - 1) == ' ') {
                break;
            }
            if (c == ':' && (flow || pos + 1 == n || s.charAt(pos + 1) == ' ' || s.charAt(pos + 1) == '\n')) {
                throw giveUp(); // a mapping (an error after a key); in flow lists left to snakeyaml-engine's rules
            }
            if (flow && c == '?') {
                throw giveUp();
            }
            if (flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) {
                break;
            }
            pos++;
            end = pos;
        }
        pos = end;
        int col = start - lineStart + 1;
        sink.scalar(s.substring(start, end), YScalar.Style.PLAIN, line + 1, col, line + 1, col + end - start);
    }

    private void singleQuoted() {
        int start = pos++;
        StringBuilder b = null;
        int from = pos;
        while (true) {
            if (pos >= n || s.charAt(pos) == '\n') {
                throw giveUp(); // more than one line
            }
            char c = s.charAt(pos);
            if (c == '\'') {
                if (pos + 1 < n && s.charAt(pos + 1) == '\'') {
                    if (b == null) {
                        b = new StringBuilder();
                    }
                    b.append(s, from, pos + 1);
                    pos += 2;
                    from = pos;
                    continue;
                }
                break;
            }
            pos++;
        }
        String text = b == null ? s.substring(from, pos) : b.append(s, from, pos).toString();
        pos++; // closing quote
        quotedEnd(text, YScalar.Style.SINGLE_QUOTED, start);
    }

    private void doubleQuoted() {
        int start = pos++;
        StringBuilder b = null;
        int from = pos;
        while (true) {
            if (pos >= n || s.charAt(pos) == '\n') {
                throw giveUp();
            }
            char c = s.charAt(pos);
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (b == null) {
                b = new StringBuilder();
            }
            b.append(s, from, pos);
            if (pos + 1 >= n) {
                throw giveUp();
            }
            char e = s.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case '0' -> b.append('\0');
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'v' -> b.append('\u000b');
                case 'f' -> b.append('\f');
                case 'r' -> b.append('\r');
                case 'e' -> b.append('\u001b');
                case ' ' -> b.append(' ');
                case '"' -> b.append('"');
                case '/' -> b.append('/');
                case '\\' -> b.append('\\');
                case 'N' -> b.append('\u0085');
                case '_' -> b.append('\u00a0');
                case 'x' -> b.append(hex(2));
                case 'u' -> b.append(hex(4));
                // \U, \L and \P (which snakeyaml-engine refuses), a line continuation, or not an escape
                default -> throw giveUp();
            }
            from = pos;
        }
        String text = b == null ? s.substring(from, pos) : b.append(s, from, pos).toString();
        pos++;
        quotedEnd(text, YScalar.Style.DOUBLE_QUOTED, start);
    }

    private char hex(int digits) {
        if (pos + digits > n) {
            throw giveUp();
        }
        int v = 0;
        for (int i = 0; i < digits; i++) {
            char c = s.charAt(pos + i);
            int lower = c | 0x20;
            // ASCII hex digits only (Character.digit also takes other scripts' digits; YAML does not)
            int d = c >= '0' && c <= '9' ? c - '0' : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
            if (d < 0) {
                throw giveUp();
            }
            v = v * 16 + d;
        }
        pos += digits;
        if (v >= 0xd800 && v <= 0xdfff) {
            throw giveUp();
        }
        return (char) v;
    }

    private void quotedEnd(String text, YScalar.Style style, int start) {
        int col = start - lineStart + 1;
        sink.scalar(text, style, line + 1, col, line + 1, col + pos - start);
    }
}
