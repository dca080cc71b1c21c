package org.codeset.core.yaml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses YAML into {@link YNode}s from snakeyaml-engine's event stream, keeping every scalar as
 * written and the position of every node.
 *
 * <p>Resources are bounded: files over {@link #MAX_BYTES}, nesting deeper than
 * {@link #MAX_DEPTH} and aliases (the vector of "billion laughs" bombs; code-set files have no
 * use for them) are reported as problems, never followed. The event-driven builder keeps its own
 * stack, so no input can overflow the Java stack.
 */
public final class YamlParser {
    /** The largest file the tool reads. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    /** The deepest nesting of mappings and lists accepted. */
    public static final int MAX_DEPTH = 64;
    /**
     * The longest line accepted, in characters. snakeyaml-engine reads a scalar of several
     * megabytes on one line in seconds and one of 64 MiB in minutes; no code-set file has a
     * line anywhere near this.
     */
    public static final int MAX_LINE = 1 << 20;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setCodePointLimit(MAX_BYTES)
            .setParseComments(false)
            .setUseMarks(true)
            .setAllowDuplicateKeys(true) // detected here, with both positions
            .build();

    private YamlParser() {
    }

    /** Parses raw bytes, which must be UTF-8 (a byte order mark is skipped). */
    public static YamlDocument parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return failed(String.format("file is %,d bytes, over the limit of %,d bytes; split it into several code files",
                    bytes.length, MAX_BYTES), 1, 1);
        }
        String text;
        try {
            text = decodeUtf8(bytes);
        } catch (MalformedInputException e) {
            return invalidUtf8(bytes, e);
        } catch (CharacterCodingException e) {
            return failed("file is not valid UTF-8: " + e.getMessage(), 1, 1);
        }
        return parse(text);
    }

    /** Decodes UTF-8 strictly, skipping a byte order mark. */
    public static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        return decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    }

    private static YamlDocument invalidUtf8(byte[] bytes, MalformedInputException e) {
        // Find the first undecodable byte by decoding prefixes: cheap, since this only runs on failure.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int bad = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        return failed(String.format("file is not valid UTF-8: byte 0x%02X cannot start or continue a character;"
                + " save the file as UTF-8", bytes[bad] & 0xff), line, column.codePointCount(0, column.length()) + 1);
    }

    private static YamlDocument failed(String message, int line, int column) {
        return new YamlDocument(null, List.of(new YamlProblem(message, line, column)));
    }

    /**
     * Parses text: the files the tool writes (and most written by hand) through the fast reader
     * of {@link BlockSubset}, everything else through snakeyaml-engine's events; both give the
     * same nodes.
     */
    public static YamlDocument parse(String text) {
        YamlDocument tooLong = longLine(text);
        if (tooLong != null) {
            return tooLong;
        }
        Builder fast = new Builder();
        if (BlockSubset.read(text, fast)) {
            return new YamlDocument(fast.root, fast.problems);
        }
        return new Builder().run(text);
    }

    /** A document with one problem when a line is longer than {@link #MAX_LINE}, else null. */
    private static YamlDocument longLine(String text) {
        if (text.length() <= MAX_LINE) {
            return null;
        }
        int line = 1;
        int start = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            if (i == n || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    return failed(String.format("line %,d is %,d characters long, over the limit of %,d; break it up (a long"
                            + " text can be a folded block scalar, >-, over several lines)", line, i - start, MAX_LINE),
                            line, MAX_LINE + 1);
                }
                line++;
                start = i + 1;
            }
        }
        return null;
    }

    /** Parses text with snakeyaml-engine only (the reference the fast reader is tested against). */
    static YamlDocument parseWithEngine(String text) {
        return new Builder().run(text);
    }

    /** A collection under construction. */
    private static final class Frame {
        final boolean map;
        final int line;
        final int column;
        final List<YScalar> keys;
        final List<YNode> items;
        YScalar pendingKey;
        boolean skipValue;

        Frame(boolean map, int line, int column) {
            this.map = map;
            this.line = line;
            this.column = column;
            this.keys = map ? new ArrayList<>(8) : null;
            this.items = new ArrayList<>(map ? 8 : 4);
        }

        java.util.Map<String, YScalar> index;

        /** The key already given with this text, or null (a short scan; an index for large mappings). */
        YScalar keyNamed(String text) {
            if (index != null) {
                return index.get(text);
            }
            for (YScalar k : keys) {
                if (k.text().equals(text)) {
                    return k;
                }
            }
            if (keys.size() >= 16) {
                index = new java.util.HashMap<>();
                for (YScalar k : keys) {
                    index.put(k.text(), k);
                }
            }
            return null;
        }
    }

    /** Builds nodes from snakeyaml-engine's events, or from the fast reader's calls. */
    private static final class Builder implements BlockSubset.Sink {
        private static final int SHARED_LENGTH = 24;
        private final List<YamlProblem> problems = new ArrayList<>();
        private final java.util.Map<String, String> strings = new java.util.HashMap<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private YNode root;
        private int documents;

        YamlDocument run(String text) {
            ParserImpl parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text));
            try {
                while (parser.hasNext()) {
                    Event event = parser.next();
                    if (!accept(event)) {
                        break;
                    }
                }
            } catch (MarkedYamlEngineException e) {
                Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
                String problem = describe(e);
                problems.add(new YamlProblem(problem, mark == null ? 1 : mark.getLine() + 1,
                        mark == null ? 1 : mark.getColumn() + 1));
                return new YamlDocument(null, problems);
            } catch (YamlEngineException e) {
                problems.add(new YamlProblem(clean(e.getMessage()), 1, 1));
                return new YamlDocument(null, problems);
            }
            return new YamlDocument(root, problems);
        }

        @Override
        public boolean start(boolean map, int line, int column) {
            if (stack.size() >= MAX_DEPTH) {
                problems.add(new YamlProblem("nesting is deeper than " + MAX_DEPTH + " levels", line, column));
                return false;
            }
            Frame parent = stack.peek();
            if (parent != null && parent.map && parent.pendingKey == null) {
                problems.add(new YamlProblem("a key must be a plain text, not a mapping or list", line, column));
                return false;
            }
            stack.push(new Frame(map, line, column));
            return true;
        }

        @Override
        public void end(boolean map, int endLine, int endColumn) {
            Frame f = stack.pop();
            add(map ? YMap.of(f.keys.toArray(new YScalar[0]), f.items.toArray(new YNode[0]), f.line, f.column, endLine,
                    endColumn) : new YSeq(List.of(f.items.toArray(new YNode[0])), f.line, f.column, endLine, endColumn));
        }

        @Override
        public void scalar(String text, YScalar.Style style, int line, int column, int endLine, int endColumn) {
            add(new YScalar(share(text), style, null, line, column, endLine, endColumn));
        }

        /** Keys and short values ("active", "2015-10-01", "true") repeat thousands of times: one copy of each. */
        private String share(String value) {
            if (value.length() <= SHARED_LENGTH) {
                String shared = strings.putIfAbsent(value, value);
                if (shared != null) {
                    return shared;
                }
            }
            return value;
        }

        private static String describe(MarkedYamlEngineException e) {
            String problem = e.getProblem() == null ? "" : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext();
            String text = context.isEmpty() ? problem : context + ": " + problem;
            return clean(text.isEmpty() ? e.getClass().getSimpleName() : text);
        }

        private static String clean(String message) {
            if (message == null) {
                return "not well-formed YAML";
            }
            int nl = message.indexOf('\n');
            return (nl < 0 ? message : message.substring(0, nl)).trim();
        }

        /** Returns false to stop parsing. */
        private boolean accept(Event event) {
            switch (event.getEventId()) {
                case DocumentStart -> {
                    if (++documents > 1) {
                        Mark m = start(event);
                        problems.add(new YamlProblem("a code-set file holds one YAML document; a second one starts here",
                                m.getLine() + 1, m.getColumn() + 1));
                        return false;
                    }
                }
                case MappingStart, SequenceStart -> {
                    Mark m = start(event);
                    return start(event.getEventId() == Event.ID.MappingStart, m.getLine() + 1, m.getColumn() + 1);
                }
                case MappingEnd, SequenceEnd -> {
                    Mark m = end(event);
                    end(event.getEventId() == Event.ID.MappingEnd, m.getLine() + 1, m.getColumn() + 1);
                }
                case Scalar -> add(scalar((ScalarEvent) event));
                case Alias -> {
                    Mark m = start(event);
                    problems.add(new YamlProblem("aliases (*name) are not accepted in code-set files; write the value out",
                            m.getLine() + 1, m.getColumn() + 1));
                    add(new YScalar("", YScalar.Style.PLAIN, null, m.getLine() + 1, m.getColumn() + 1,
                            end(event).getLine() + 1, end(event).getColumn() + 1));
                }
                default -> {
                    // StreamStart, StreamEnd, DocumentEnd, Comment: nothing to build
                }
            }
            return true;
        }

        private YScalar scalar(ScalarEvent e) {
            Mark s = start(e);
            Mark t = end(e);
            YScalar.Style style = switch (e.getScalarStyle()) {
                case PLAIN -> YScalar.Style.PLAIN;
                case SINGLE_QUOTED -> YScalar.Style.SINGLE_QUOTED;
                case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> YScalar.Style.DOUBLE_QUOTED;
                case LITERAL -> YScalar.Style.LITERAL;
                case FOLDED -> YScalar.Style.FOLDED;
            };
            Optional<String> tag = e.getTag();
            String explicitTag = tag.isPresent() && !e.getImplicit().canOmitTagInPlainScalar()
                    && !e.getImplicit().canOmitTagInNonPlainScalar() ? tag.get() : null;
            return new YScalar(share(e.getValue()), style, explicitTag, s.getLine() + 1, s.getColumn() + 1,
                    t.getLine() + 1, t.getColumn() + 1);
        }

        private void add(YNode node) {
            Frame parent = stack.peek();
            if (parent == null) {
                root = node;
            } else if (!parent.map) {
                parent.items.add(node);
            } else if (parent.pendingKey == null) {
                // node is a key (collections as keys were refused at their start)
                YScalar key = (YScalar) node;
                YScalar first = parent.keyNamed(key.text());
                if (first != null) {
                    problems.add(new YamlProblem("key '" + key.text() + "' is repeated; it was first given at line "
                            + first.line(), key.line(), key.column(), first.line(), first.column()));
                    parent.skipValue = true;
                }
                parent.pendingKey = key;
            } else {
                if (parent.skipValue) {
                    parent.skipValue = false;
                } else {
                    parent.keys.add(parent.pendingKey);
                    if (parent.index != null) {
                        parent.index.put(parent.pendingKey.text(), parent.pendingKey);
                    }
                    parent.items.add(node);
                }
                parent.pendingKey = null;
            }
        }

        private static Mark start(Event e) {
            return e.getStartMark().orElseThrow();
        }

        private static Mark end(Event e) {
            return e.getEndMark().orElseThrow();
        }
    }
}
