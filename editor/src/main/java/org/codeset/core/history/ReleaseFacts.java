package org.codeset.core.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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

/**
 * What the history rules need of a release — each code's status, display and file — kept on disk
 * per tagged commit in {@code .codeset/cache/releases/}: a tag never moves, so this never goes
 * stale, and a repository with many releases of a large code set is not re-parsed on every run.
 */
public record ReleaseFacts(Map<String, Fact> codes) {
    /** One released code. */
    public record Fact(String code, String status, String display, String file) {
    }

    private static final int MAGIC = 0x43535247; // "CSRG": retired codes first, then all
    private static final Map<String, ReleaseFacts> MEMORY = new ConcurrentHashMap<>();

    /** The facts of a release, from memory, the disk cache, or the tag's tree. */
    public static ReleaseFacts of(Path root, Release r) throws CodesetException {
        String key = r.commit() + "-" + r.codeset();
        ReleaseFacts known = MEMORY.get(key);
        if (known != null) {
            return known;
        }
        Path file = root.resolve(".codeset/cache/releases").resolve(key + ".bin");
        ReleaseFacts facts = read(file);
        if (facts == null) {
            CodeSet cs = ReleaseHistory.snapshot(root, r);
            Map<String, Fact> codes = new HashMap<>();
            for (CodeEntry e : cs.entries()) {
                if (e.code() != null) {
                    codes.putIfAbsent(e.code(), new Fact(e.code(), e.status(), e.display(), e.file().path()));
                }
            }
            facts = new ReleaseFacts(codes);
            write(file, facts);
        }
        MEMORY.put(key, facts);
        return facts;
    }

    /** Records the facts of a release just made from a code set the caller already holds (no parse). */
    public static void record(Path root, Release r, CodeSet cs) {
        Map<String, Fact> codes = new HashMap<>();
        for (CodeEntry e : cs.entries()) {
            if (e.code() != null) {
                codes.putIfAbsent(e.code(), new Fact(e.code(), e.status(), e.display(), e.file().path()));
            }
        }
        ReleaseFacts facts = new ReleaseFacts(codes);
        String key = r.commit() + "-" + r.codeset();
        write(root.resolve(".codeset/cache/releases").resolve(key + ".bin"), facts);
        MEMORY.put(key, facts);
    }

    /**
     * Only the codes a release holds as retired (all {@code code-reused} needs of every release):
     * read from the head of the cached file, without the rest.
     */
    public static Map<String, Fact> retired(Path root, Release r) throws CodesetException {
        String key = r.commit() + "-" + r.codeset();
        ReleaseFacts known = MEMORY.get(key);
        if (known != null) {
            return retiredOf(known.codes());
        }
        Map<String, Fact> retired = readSection(root.resolve(".codeset/cache/releases").resolve(key + ".bin"), true);
        return retired != null ? retired : retiredOf(of(root, r).codes());
    }

    private static Map<String, Fact> retiredOf(Map<String, Fact> codes) {
        Map<String, Fact> out = new HashMap<>();
        codes.values().stream().filter(f -> "retired".equals(f.status())).forEach(f -> out.put(f.code(), f));
        return out;
    }

    private static ReleaseFacts read(Path file) {
        Map<String, Fact> all = readSection(file, false);
        return all == null ? null : new ReleaseFacts(all);
    }

    private static Map<String, Fact> readSection(Path file, boolean retiredOnly) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)));
            if (in.readInt() != MAGIC) {
                return null;
            }
            List<String> files = new ArrayList<>();
            int nf = in.readInt();
            for (int i = 0; i < nf; i++) {
                files.add(in.readUTF());
            }
            Map<String, Fact> retired = readFacts(in, files);
            return retiredOnly ? retired : readFacts(in, files);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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

    private static void write(Path file, ReleaseFacts facts) {
        try {
            Files.createDirectories(file.getParent());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
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
            writeFacts(out, facts.codes(), index);
            org.codeset.core.edit.AtomicFiles.replace(file, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // a cache only
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
