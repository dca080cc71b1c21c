package org.codeset.core.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.codeset.core.io.ByteSink;
import org.codeset.core.schema.SchemaSet;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YScalar;
import org.codeset.core.yaml.YSeq;
import org.codeset.core.yaml.YamlDocument;
import org.codeset.core.yaml.YamlProblem;

/**
 * A cache of parsed files and their schema violations in {@code .codeset/cache/}, so that a run
 * after a one-file change parses one file (parsing YAML is the main cost of a cold run).
 *
 * <p>An entry is used only when the file's path, size and modification time and the schemas'
 * digest all match, like git's index; an entry stored within two seconds of the file's last
 * change is used only if the file's bytes still have the stored checksum, so a change within one
 * timestamp tick can never be missed. A damaged or foreign entry is ignored
 * and rewritten. The cache is an optimisation only: any failure to read or write it falls back
 * to parsing.
 */
public final class ParseCache {
    private static final int MAGIC = 0x43534331; // "CSC1"
    private static final int FORMAT = 4;
    private static final long RACY_MILLIS = 2000;

    private final Path dir;
    private final String schemaDigest;

    public ParseCache(Path dir, SchemaSet schemas) {
        this.dir = dir;
        this.schemaDigest = schemas.digest();
    }

    /** The cache of the repository at {@code root}. */
    public static ParseCache of(Path root, SchemaSet schemas) {
        return new ParseCache(root.resolve(".codeset/cache"), schemas);
    }

    private Path entry(String rel) {
        return dir.resolve(sha1(rel) + ".bin");
    }

    /** The cached parse of a file, with its violations already in place, or null. */
    public SourceFile load(String rel, Path file, SourceFile.Kind kind, String codeSetId, BasicFileAttributes attrs,
            SchemaSet schemas) {
        Path p = entry(rel);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(p);
            java.io.ByteArrayInputStream raw = new java.io.ByteArrayInputStream(bytes);
            DataInputStream in = new DataInputStream(raw);
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(rel)
                    || in.readLong() != attrs.size() || in.readLong() != attrs.lastModifiedTime().toMillis()
                    || !in.readUTF().equals(schemaDigest)) {
                return null;
            }
            long storedAt = in.readLong();
            long checksum = in.readLong();
            if (storedAt - attrs.lastModifiedTime().toMillis() < RACY_MILLIS
                    && checksum != SourceFile.checksum(Files.readAllBytes(file))) {
                // stored within a timestamp tick of the file's last change: trust the bytes, not the time
                return null;
            }
            boolean hasRoot = in.readBoolean();
            Reader r = new Reader(bytes, bytes.length - raw.available());
            YNode root = hasRoot ? r.node() : null;
            raw.skip(r.pos - (bytes.length - raw.available()));
            int problems = in.readInt();
            List<YamlProblem> list = new ArrayList<>(problems);
            for (int i = 0; i < problems; i++) {
                list.add(new YamlProblem(in.readUTF(), in.readInt(), in.readInt(), in.readInt(), in.readInt()));
            }
            int violations = in.readInt();
            List<SchemaSet.Violation> vs = new ArrayList<>(violations);
            for (int i = 0; i < violations; i++) {
                String message = readLong(in);
                String keyword = in.readUTF();
                YNode at = in.readBoolean()
                        ? new YScalar("", YScalar.Style.PLAIN, null, in.readInt(), in.readInt(), in.readInt(), in.readInt())
                        : null; // only the position of a violation is needed
                vs.add(new SchemaSet.Violation(message, at, keyword));
            }
            SourceFile parsed = new SourceFile(rel, kind, codeSetId, new YamlDocument(root, list), attrs.size(), checksum);
            parsed.primeSchemaViolations(schemas, vs);
            return parsed;
        } catch (IOException | RuntimeException e) {
            return null; // damaged or foreign: parse instead
        }
    }

    /** Stores a parsed file (with its violations) unless the file changed too recently to trust its timestamp. */
    public void store(SourceFile file, BasicFileAttributes attrs, List<SchemaSet.Violation> violations) {
        if (file.checksum() < 0) {
            return;
        }
        try {
            ByteSink bytes = new ByteSink(1 << 16);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(file.path());
                out.writeLong(attrs.size());
                out.writeLong(attrs.lastModifiedTime().toMillis());
                out.writeUTF(schemaDigest);
                out.writeLong(System.currentTimeMillis());
                out.writeLong(file.checksum());
                Writer w = new Writer(out);
                out.writeBoolean(file.root() != null);
                if (file.root() != null) {
                    w.node(file.root());
                }
                out.writeInt(file.document().problems().size());
                for (YamlProblem p : file.document().problems()) {
                    out.writeUTF(p.message());
                    out.writeInt(p.line());
                    out.writeInt(p.column());
                    out.writeInt(p.relatedLine());
                    out.writeInt(p.relatedColumn());
                }
                out.writeInt(violations.size());
                for (SchemaSet.Violation v : violations) {
                    // only the position of a violation matters once it is found
                    writeLong(out, v.message());
                    out.writeUTF(v.keyword() == null ? "" : v.keyword());
                    out.writeBoolean(v.at() != null);
                    if (v.at() != null) {
                        out.writeInt(v.at().line());
                        out.writeInt(v.at().column());
                        out.writeInt(v.at().endLine());
                        out.writeInt(v.at().endColumn());
                    }
                }
            }
            org.codeset.core.io.AtomicFiles.replace(entry(file.path()), bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation; a read-only repository simply goes without
        }
    }

    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Writes nodes in pre-order as varints, positions relative to the previous node, texts once. */
    private static final class Writer {
        final DataOutputStream out;
        final Map<String, Integer> strings = new HashMap<>();
        int lastLine;

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void varint(int v) throws IOException {
            int z = (v << 1) ^ (v >> 31); // zig-zag: small negatives stay small
            while ((z & ~0x7f) != 0) {
                out.writeByte((z & 0x7f) | 0x80);
                z >>>= 7;
            }
            out.writeByte(z);
        }

        void string(String s) throws IOException {
            Integer i = strings.get(s);
            if (i != null) {
                varint(i + 1);
            } else {
                strings.put(s, strings.size());
                varint(0);
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                varint(b.length);
                out.write(b);
            }
        }

        void span(YNode n) throws IOException {
            span(n.line(), n.column(), n.endLine(), n.endColumn());
        }

        void span(int line, int column, int endLine, int endColumn) throws IOException {
            varint(line - lastLine);
            varint(column);
            varint(endLine - line);
            varint(endColumn);
            lastLine = line;
        }

        void node(YNode n) throws IOException {
            if (n instanceof YScalar s) {
                out.writeByte(s.tag() == null ? s.style().ordinal() : 8 + s.style().ordinal());
                span(s);
                if (s.tag() != null) {
                    string(s.tag());
                }
                string(s.text());
            } else if (n instanceof YSeq q) {
                out.writeByte(16);
                span(q);
                varint(q.size());
                for (YNode item : q.items()) {
                    node(item);
                }
            } else {
                YMap m = (YMap) n;
                out.writeByte(17);
                span(m);
                varint(m.size());
                for (int i = 0; i < m.size(); i++) {
                    YScalar key = m.key(m.keyName(i));
                    out.writeByte(key.style().ordinal());
                    span(key);
                    string(key.text());
                    node(m.value(i));
                }
            }
        }
    }

    /** Reads what {@link Writer} wrote, from a byte array (no stream calls per byte). */
    private static final class Reader {
        final byte[] b;
        int pos;
        final List<String> strings = new ArrayList<>();
        int lastLine;
        int line;
        int column;
        int endLine;
        int endColumn;

        Reader(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        int varint() {
            int z = 0;
            int shift = 0;
            int x;
            do {
                x = b[pos++];
                z |= (x & 0x7f) << shift;
                shift += 7;
            } while ((x & 0x80) != 0);
            return (z >>> 1) ^ -(z & 1);
        }

        String string() {
            int i = varint();
            if (i > 0) {
                return strings.get(i - 1);
            }
            int len = varint();
            String s = new String(b, pos, len, StandardCharsets.UTF_8);
            pos += len;
            strings.add(s);
            return s;
        }

        void span() {
            line = lastLine + varint();
            column = varint();
            endLine = line + varint();
            endColumn = varint();
            lastLine = line;
        }

        YNode node() {
            int kind = b[pos++];
            span();
            int l = line;
            int c = column;
            int el = endLine;
            int ec = endColumn;
            if (kind < 16) {
                YScalar.Style style = YScalar.Style.of(kind & 7);
                String tag = kind >= 8 ? string() : null;
                return new YScalar(string(), style, tag, l, c, el, ec);
            }
            int size = varint();
            if (kind == 16) {
                YNode[] items = new YNode[size];
                for (int i = 0; i < size; i++) {
                    items[i] = node();
                }
                return new YSeq(List.of(items), l, c, el, ec);
            }
            String[] keys = new String[size];
            YNode[] values = new YNode[size];
            int[] positions = new int[size * 4];
            byte[] styles = new byte[size];
            for (int i = 0; i < size; i++) {
                styles[i] = (byte) YScalar.Style.of(b[pos++]).ordinal();
                span();
                positions[i * 4] = line;
                positions[i * 4 + 1] = column;
                positions[i * 4 + 2] = endLine;
                positions[i * 4 + 3] = endColumn;
                keys[i] = string();
                values[i] = node();
            }
            return YMap.ofArrays(keys, values, positions, styles, l, c, el, ec);
        }
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
