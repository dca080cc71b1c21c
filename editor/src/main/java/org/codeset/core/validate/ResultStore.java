package org.codeset.core.validate;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.io.ByteSink;
import org.codeset.core.model.ChangeLog;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.EntryDigest;
import org.codeset.core.model.Layout;
import org.codeset.core.model.SourceFile;

/**
 * Keeps the findings of file-scoped rules across runs, in {@code .codeset/cache/results/}, so a
 * command-line run after a one-file change checks only what that change can affect.
 *
 * <p>A save writes, for each file, an immutable entry (the file's checksum, its codeset.yaml's
 * checksum, the keys it defines, and each rule's findings with the keys they read), then a
 * manifest naming the entries and the checksum of every file: the manifest's atomic rename is
 * the commit. A load compares today's files with the manifest, takes the keys of every file that
 * changed, appeared or went (old keys from the old entries, new ones from today's parse) as the
 * change since that state, and restores the other files' findings: the validator then reuses
 * those whose recorded look-ups none of the changes touch, and recomputes the rest. Anything
 * unreadable, from another tool build or another schema, means starting afresh.
 */
public final class ResultStore {
    private static final int MAGIC = 0x43535231; // "CSR1"
    private static final int FORMAT = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final String stamp;

    /** What a file's entry holds. */
    private record Entry(String name, String path, long checksum, long metaChecksum, Map<String, EntryDigest> keys,
            Map<Validator.FileKey, Validator.FileResult> results) {
    }

    private record Manifest(Map<String, Long> checksums, Map<String, String> entries) {
    }

    /** What a load restored: the state the repository is now known to follow, and the entries in use. */
    private final Map<String, Entry> restored = new HashMap<>();

    public ResultStore(Path root, String toolStamp, String schemaDigest) {
        this.dir = root.resolve(".codeset/cache/results");
        this.stamp = toolStamp + "|" + schemaDigest;
    }

    /**
     * Restores the findings saved by an earlier run into the files of {@code repo}, and returns
     * {@code repo} declared as following that run's state with today's differences; returns
     * {@code repo} unchanged when there is nothing usable.
     */
    public CodeSetRepository restore(CodeSetRepository repo) {
        try {
            Manifest manifest = readManifest();
            if (manifest == null) {
                return repo;
            }
            Map<String, SourceFile> now = new HashMap<>();
            for (CodeSet cs : repo.codeSets()) {
                for (SourceFile f : cs.files()) {
                    now.put(f.path(), f);
                }
            }
            Set<String> changed = new HashSet<>();
            Set<String> paths = new HashSet<>(now.keySet());
            paths.addAll(manifest.checksums().keySet());
            for (String path : paths) {
                SourceFile f = now.get(path);
                Long before = manifest.checksums().get(path);
                if (f != null && before != null && f.checksum() == before && f.checksum() >= 0) {
                    continue;
                }
                Map<String, EntryDigest> was = Map.of();
                if (before != null) {
                    Entry old = readEntry(manifest.entries().get(path), repo);
                    if (old == null) {
                        return repo; // cannot tell what the old version defined: start afresh
                    }
                    was = old.keys();
                }
                String codeset = Layout.codeSetOf(path);
                if (Layout.kindOf(path) == SourceFile.Kind.CODESET && (f == null || before == null)) {
                    changed.add(ChangeLog.codeSetKey(codeset));
                }
                EntryDigest.changedKeys(codeset, was, EntryDigest.of(f), changed);
                changed.add(ChangeLog.fileKey(path));
            }
            ChangeLog saved = ChangeLog.start();
            for (Map.Entry<String, SourceFile> e : now.entrySet()) {
                SourceFile f = e.getValue();
                Long before = manifest.checksums().get(e.getKey());
                if (before == null || f.checksum() != before) {
                    continue;
                }
                Entry entry = readEntry(manifest.entries().get(e.getKey()), repo, false);
                CodeSet cs = repo.codeSet(f.codeSetId());
                SourceFile meta = cs == null ? null : cs.metaFile();
                if (entry == null || entry.checksum() != f.checksum()
                        || entry.metaChecksum() != (cs == null ? 0 : cs.rulesDigest())) {
                    continue;
                }
                for (Map.Entry<Validator.FileKey, Validator.FileResult> r : entry.results().entrySet()) {
                    Validator.FileKey key = new Validator.FileKey(r.getKey().rule(), r.getKey().severity(),
                            cs == null ? 0 : cs.rulesDigest());
                    f.cache(key, new Validator.FileResult(r.getValue().findings(), r.getValue().dependencies(),
                            saved.generation()));
                }
                restored.put(e.getKey(), entry);
            }
            return repo.after(saved, changed);
        } catch (IOException | RuntimeException e) {
            return repo;
        }
    }

    /**
     * Saves the findings of a validated state: call after {@link Validator#validate} of
     * {@code repo}, when every file's findings are current. Best effort: a failure leaves the
     * previous save or none.
     */
    public void save(CodeSetRepository repo) {
        try {
            Files.createDirectories(dir);
            long generation = repo.changes().generation();
            Map<String, Long> checksums = new HashMap<>();
            Map<String, String> entries = new HashMap<>();
            Set<String> keep = new HashSet<>();
            List<IoTask> writes = new ArrayList<>(); // in parallel once all is known: an import writes a hundred
            for (CodeSet cs : repo.codeSets()) {
                long metaChecksum = cs.rulesDigest(); // what the findings depend on in codeset.yaml
                for (SourceFile f : cs.files()) {
                    if (f.checksum() < 0) {
                        return; // a file whose bytes are unknown: nothing reliable to save
                    }
                    Map<Validator.FileKey, Validator.FileResult> results = new HashMap<>();
                    boolean complete = true;
                    for (Object o : f.cachedKeys()) {
                        if (o instanceof Validator.FileKey k && k.meta() == metaChecksum) {
                            Validator.FileResult r = f.cachedValue(k);
                            if (r.generation() != generation) {
                                complete = false;
                            }
                            results.put(k, r);
                        }
                    }
                    if (!complete) {
                        return; // not validated in this state
                    }
                    checksums.put(f.path(), f.checksum());
                    Entry old = restored.get(f.path());
                    String name;
                    if (old != null && old.checksum() == f.checksum() && old.metaChecksum() == metaChecksum
                            && same(old.results(), results)) {
                        name = old.name();
                    } else {
                        name = Long.toHexString(RANDOM.nextLong()) + ".res";
                        String entryName = name;
                        writes.add(() -> writeEntry(entryName, new Entry(entryName, f.path(), f.checksum(), metaChecksum,
                                EntryDigest.of(f), results)));
                    }
                    entries.put(f.path(), name);
                    keep.add(name);
                }
            }
            org.codeset.core.io.AtomicFiles.forEachInParallel(writes, IoTask::run);
            writeManifest(new Manifest(checksums, entries));
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    String n = p.getFileName().toString();
                    if (n.endsWith(".res") && !keep.contains(n)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an optimisation only
        }
    }

    private static boolean same(Map<Validator.FileKey, Validator.FileResult> a, Map<Validator.FileKey, Validator.FileResult> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<Validator.FileKey, Validator.FileResult> e : a.entrySet()) {
            Validator.FileResult other = null;
            for (Map.Entry<Validator.FileKey, Validator.FileResult> f : b.entrySet()) {
                if (f.getKey().rule().equals(e.getKey().rule()) && f.getKey().severity() == e.getKey().severity()) {
                    other = f.getValue();
                }
            }
            if (other == null || !other.findings().equals(e.getValue().findings())) {
                return false;
            }
            if (other.dependencies() instanceof Dependencies.Exact x && !e.getValue().dependencies().covers(x.keys)) {
                return false;
            }
        }
        return true;
    }

    // ---- the formats ----

    private Manifest readManifest() throws IOException {
        Path p = dir.resolve("manifest");
        if (!Files.isRegularFile(p)) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(p)));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(stamp)) {
            return null;
        }
        int n = in.readInt();
        Map<String, Long> checksums = new HashMap<>();
        Map<String, String> entries = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String path = in.readUTF();
            checksums.put(path, in.readLong());
            entries.put(path, in.readUTF());
        }
        return new Manifest(checksums, entries);
    }

    private void writeManifest(Manifest m) throws IOException {
        ByteSink bytes = new ByteSink(1 << 12);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(stamp);
        out.writeInt(m.checksums().size());
        for (Map.Entry<String, Long> e : m.checksums().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
            out.writeUTF(m.entries().get(e.getKey()));
        }
        write(dir.resolve("manifest"), bytes.toByteArray());
    }

    private Entry readEntry(String name, CodeSetRepository repo) throws IOException {
        return readEntry(name, repo, true);
    }

    private Entry readEntry(String name, CodeSetRepository repo, boolean withKeys) throws IOException {
        if (name == null || !Files.isRegularFile(dir.resolve(name))) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(dir.resolve(name))));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            return null;
        }
        String path = in.readUTF();
        long checksum = in.readLong();
        long metaChecksum = in.readLong();
        // one filter of look-ups for all the file's rules: a little more recomputation, far less to read
        Dependencies deps = Dependencies.Bloom.read(in);
        int n = in.readInt();
        Map<Validator.FileKey, Validator.FileResult> results = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String rule = in.readUTF();
            Severity severity = Severity.valueOf(in.readUTF());
            int count = in.readInt();
            List<Finding> findings = new ArrayList<>(count);
            for (int j = 0; j < count; j++) {
                findings.add(readFinding(in));
            }
            results.put(new Validator.FileKey(rule, severity, 0), new Validator.FileResult(List.copyOf(findings), deps, 0));
        }
        Map<String, EntryDigest> keys = new HashMap<>();
        if (withKeys) {
            int k = in.readInt();
            for (int i = 0; i < k; i++) {
                String code = in.readUTF();
                String display = in.readBoolean() ? in.readUTF() : null;
                keys.put(code, new EntryDigest(code, display, in.readLong()));
            }
        }
        return new Entry(name, path, checksum, metaChecksum, keys, results);
    }

    /** A write that may fail. */
    private interface IoTask {
        void run() throws IOException;
    }

    private void writeEntry(String name, Entry e) throws IOException {
        ByteSink bytes = new ByteSink(1 << 16);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(e.path());
        out.writeLong(e.checksum());
        out.writeLong(e.metaChecksum());
        Set<String> deps = new HashSet<>();
        for (Validator.FileResult r : e.results().values()) {
            if (r.dependencies() instanceof Dependencies.Exact x) {
                deps.addAll(x.keys);
            } else {
                throw new IOException("findings restored from a filter are saved as they were");
            }
        }
        Dependencies.Bloom.of(deps).write(out);
        out.writeInt(e.results().size());
        for (Map.Entry<Validator.FileKey, Validator.FileResult> r : e.results().entrySet()) {
            out.writeUTF(r.getKey().rule());
            out.writeUTF(r.getKey().severity().name());
            out.writeInt(r.getValue().findings().size());
            for (Finding f : r.getValue().findings()) {
                writeFinding(out, f);
            }
        }
        out.writeInt(e.keys().size());
        for (EntryDigest d : e.keys().values()) {
            out.writeUTF(d.code());
            out.writeBoolean(d.display() != null);
            if (d.display() != null) {
                out.writeUTF(d.display());
            }
            out.writeLong(d.hash());
        }
        write(dir.resolve(name), bytes.toByteArray());
    }

    private static Set<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        Set<String> out = new HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    private static void writeStrings(DataOutputStream out, Set<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    private static Finding readFinding(DataInputStream in) throws IOException {
        String rule = in.readUTF();
        Severity severity = Severity.valueOf(in.readUTF());
        String file = in.readUTF();
        int line = in.readInt();
        int column = in.readInt();
        int endLine = in.readInt();
        int endColumn = in.readInt();
        String message = readLongString(in);
        String codeset = in.readBoolean() ? in.readUTF() : null;
        String code = in.readBoolean() ? in.readUTF() : null;
        int n = in.readInt();
        List<Finding.Location> related = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            related.add(new Finding.Location(in.readUTF(), in.readInt(), in.readInt(), in.readUTF()));
        }
        return new Finding(rule, severity, file, line, column, endLine, endColumn, message, codeset, code, related);
    }

    private static void writeFinding(DataOutputStream out, Finding f) throws IOException {
        out.writeUTF(f.rule());
        out.writeUTF(f.severity().name());
        out.writeUTF(f.file());
        out.writeInt(f.line());
        out.writeInt(f.column());
        out.writeInt(f.endLine());
        out.writeInt(f.endColumn());
        writeLongString(out, f.message());
        out.writeBoolean(f.codeset() != null);
        if (f.codeset() != null) {
            out.writeUTF(f.codeset());
        }
        out.writeBoolean(f.code() != null);
        if (f.code() != null) {
            out.writeUTF(f.code());
        }
        out.writeInt(f.related().size());
        for (Finding.Location l : f.related()) {
            out.writeUTF(l.file());
            out.writeInt(l.line());
            out.writeInt(l.column());
            out.writeUTF(l.message());
        }
    }

    private static String readLongString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        org.codeset.core.io.AtomicFiles.replace(target, bytes);
    }
}
