package org.codeset.core.history;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Vocabulary.Status;

/**
 * What the history rules need of a release — each code's status, display and file — kept on disk
 * per tagged commit in {@code .codeset/cache/releases/}: a tag never moves, so this never goes
 * stale, and a repository with many releases of a large code set is not re-parsed on every run.
 */
public record ReleasedCodes(Map<String, Fact> codes) {
    /** One released code. */
    public record Fact(String code, String status, String display, String file) {
    }

    private static final int MAGIC = 0x43535248; // "CSRH": retired codes, then every code with its file, then all facts
    private static final Map<String, ReleasedCodes> MEMORY = new ConcurrentHashMap<>();

    /** The facts of a release, from memory, the disk cache, or the tag's tree. */
    public static ReleasedCodes of(Path root, Release r) throws CodesetException {
        String key = r.commit() + "-" + r.codeset();
        ReleasedCodes known = MEMORY.get(key);
        if (known != null) {
            return known;
        }
        Path file = root.resolve(".codeset/cache/releases").resolve(key + ".bin");
        ReleasedCodes facts = read(file);
        if (facts == null) {
            CodeSet cs = ReleaseHistory.snapshot(root, r);
            Map<String, Fact> codes = new HashMap<>();
            for (CodeEntry e : cs.entries()) {
                if (e.code() != null) {
                    codes.putIfAbsent(e.code(), new Fact(e.code(), e.status(), e.display(), e.file().path()));
                }
            }
            facts = new ReleasedCodes(codes);
            write(file, facts);
        }
        MEMORY.put(key, facts);
        return facts;
    }

    /**
     * The facts of a code set the caller already holds (no parse), encoded for the cache: made
     * while a release is being validated and committed, stored once the commit is known.
     */
    public static Prepared prepare(CodeSet cs) {
        Map<String, Fact> codes = new HashMap<>();
        for (CodeEntry e : cs.entries()) {
            if (e.code() != null) {
                codes.putIfAbsent(e.code(), new Fact(e.code(), e.status(), e.display(), e.file().path()));
            }
        }
        ReleasedCodes facts = new ReleasedCodes(codes);
        return new Prepared(facts, encode(facts));
    }

    /** Facts encoded and waiting for the commit they describe. */
    public record Prepared(ReleasedCodes facts, byte[] bytes) {
        /** Keeps these as the facts of release {@code r} (in memory and, best effort, on disk). */
        public void record(Path root, Release r) {
            String key = r.commit() + "-" + r.codeset();
            if (bytes != null) {
                try {
                    Path file = root.resolve(".codeset/cache/releases").resolve(key + ".bin");
                    Files.createDirectories(file.getParent());
                    org.codeset.core.io.AtomicFiles.replace(file, bytes);
                } catch (IOException | RuntimeException e) {
                    // a cache only
                }
            }
            MEMORY.put(key, facts);
        }
    }

    /**
     * Only the codes a release holds as retired (all {@code code-reused} needs of every release):
     * read from the head of the cached file, without the rest.
     */
    public static Map<String, Fact> retired(Path root, Release r) throws CodesetException {
        String key = r.commit() + "-" + r.codeset();
        ReleasedCodes known = MEMORY.get(key);
        if (known != null) {
            return retiredOf(known.codes());
        }
        Object[] head = readHead(root.resolve(".codeset/cache/releases").resolve(key + ".bin"), false);
        @SuppressWarnings("unchecked")
        Map<String, Fact> retired = head == null ? null : (Map<String, Fact>) head[0];
        return retired != null ? retired : retiredOf(of(root, r).codes());
    }

    /**
     * Every code a release holds, with the file it was in (all {@code released-code-removed} needs):
     * read from the cached file without the statuses and displays.
     */
    public static Map<String, String> codeFiles(Path root, Release r) throws CodesetException {
        String key = r.commit() + "-" + r.codeset();
        ReleasedCodes known = MEMORY.get(key);
        if (known == null) {
            Object[] head = readHead(root.resolve(".codeset/cache/releases").resolve(key + ".bin"), true);
            if (head != null) {
                @SuppressWarnings("unchecked")
                Map<String, String> codes = (Map<String, String>) head[1];
                return codes;
            }
            known = of(root, r);
        }
        Map<String, String> out = new HashMap<>(known.codes().size() * 2);
        known.codes().values().forEach(f -> out.put(f.code(), f.file()));
        return out;
    }

    /** How many codes a release holds, if its facts are known without parsing it; else -1. */
    public static int knownCodeCount(Path root, Release r) {
        String key = r.commit() + "-" + r.codeset();
        ReleasedCodes known = MEMORY.get(key);
        if (known != null) {
            return known.codes().size();
        }
        Object[] head = readHead(root.resolve(".codeset/cache/releases").resolve(key + ".bin"), true);
        return head == null ? -1 : ((Map<?, ?>) head[1]).size();
    }

    /** The retired facts and, if asked, the code-to-file section; null when the file is missing or unreadable. */
    private static Object[] readHead(Path file, boolean codes) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            List<String> files = readFiles(in);
            Map<String, Fact> retired = readFacts(in, files);
            return new Object[] {retired, codes ? readCodes(in, files) : null};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Fact> retiredOf(Map<String, Fact> codes) {
        Map<String, Fact> out = new HashMap<>();
        codes.values().stream().filter(f -> Status.RETIRED.text().equals(f.status())).forEach(f -> out.put(f.code(), f));
        return out;
    }

    private static ReleasedCodes read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            List<String> files = readFiles(in);
            readFacts(in, files);
            readCodes(in, files);
            return new ReleasedCodes(readFacts(in, files));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> readFiles(DataInputStream in) throws IOException {
        List<String> files = new ArrayList<>();
        int nf = in.readInt();
        for (int i = 0; i < nf; i++) {
            files.add(in.readUTF());
        }
        return files;
    }

    private static Map<String, String> readCodes(DataInputStream in, List<String> files) throws IOException {
        int n = in.readInt();
        Map<String, String> codes = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String code = in.readUTF();
            codes.put(code, files.get(in.readInt()));
        }
        return codes;
    }

    private static Map<String, Fact> readFacts(DataInputStream in, List<String> files) throws IOException {
        int n = in.readInt();
        Map<String, Fact> codes = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String code = in.readUTF();
            String status = in.readBoolean() ? in.readUTF() : null;
            String display = in.readBoolean() ? in.readUTF() : null;
            codes.put(code, new Fact(code, status, display, files.get(in.readInt())));
        }
        return codes;
    }

    private static void write(Path file, ReleasedCodes facts) {
        byte[] bytes = encode(facts);
        if (bytes == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            org.codeset.core.io.AtomicFiles.replace(file, bytes);
        } catch (IOException | RuntimeException e) {
            // a cache only
        }
    }

    private static byte[] encode(ReleasedCodes facts) {
        try {
            org.codeset.core.io.ByteSink bytes = new org.codeset.core.io.ByteSink(1 << 20);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            List<String> files = facts.codes().values().stream().map(Fact::file).distinct().toList();
            Map<String, Integer> index = new HashMap<>();
            out.writeInt(files.size());
            for (String f : files) {
                index.put(f, index.size());
                out.writeUTF(f);
            }
            writeFacts(out, retiredOf(facts.codes()), index);
            out.writeInt(facts.codes().size());
            for (Fact f : facts.codes().values()) {
                out.writeUTF(f.code());
                out.writeInt(index.get(f.file()));
            }
            writeFacts(out, facts.codes(), index);
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeFacts(DataOutputStream out, Map<String, Fact> facts, Map<String, Integer> index)
            throws IOException {
        out.writeInt(facts.size());
        for (Fact f : facts.values()) {
            out.writeUTF(f.code());
            out.writeBoolean(f.status() != null);
            if (f.status() != null) {
                out.writeUTF(f.status());
            }
            out.writeBoolean(f.display() != null);
            if (f.display() != null) {
                out.writeUTF(f.display());
            }
            out.writeInt(index.get(f.file()));
        }
    }
}
