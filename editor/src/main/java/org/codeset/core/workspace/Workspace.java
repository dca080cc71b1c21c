package org.codeset.core.workspace;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.Layout;
import org.codeset.core.model.ParseCache;
import org.codeset.core.model.RepositoryLoader;
import org.codeset.core.model.SourceFile;
import org.codeset.core.schema.SchemaSet;
import org.codeset.core.validate.ResultStore;
import org.codeset.core.validate.Rules;
import org.codeset.core.validate.ValidationResult;
import org.codeset.core.validate.Validator;

/**
 * One code-set repository on disk and what the tool knows of it, as JGit's {@code Repository} is
 * for git: the root, the rules, the loaded model (read on first use), the last validation, and
 * (for a workspace opened {@link #openCached cached}) the parse cache and saved findings in
 * {@code .codeset/}. Commands run on a workspace ({@link WorkspaceCommand}); the command line opens
 * one per run, and a long-lived front end (the language server, the web editor) holds its own and
 * updates it as files change.
 *
 * <p>The model is swapped whole, never changed in place: a reader holds a consistent state for as
 * long as it likes. Loading, refreshing and replacing the model are synchronized, and every
 * command that writes files runs under {@link #lock()}.
 */
public final class Workspace {
    private final Path root;
    private final Rules rules;
    private final boolean cached;
    private volatile CodeSetRepository model;
    private volatile ResultStore store;
    private volatile boolean persistEdits;
    private volatile Validated lastValidation;
    /** The holding of the edit lock under which the model was last read from or written to disk (-1: none). */
    private volatile long freshUnder = -1;
    /** What {@link #refresh} last compared, file by file, and when. */
    private Map<String, Seen> seen = Map.of();
    private long seenAt;
    private int filesRead;
    /** A file changed less than this before it was compared may change again within its timestamp's tick. */
    private long racyMillis = 2000;
    /** The stamps of {@code schema/} when the model was last read whole. */
    private Map<String, Stamp> schemaStamps = Map.of();

    private record Validated(CodeSetRepository model, ValidationResult result) {
    }

    private Workspace(Path root, Rules rules, boolean cached) {
        this.root = root.toAbsolutePath().normalize();
        this.rules = Objects.requireNonNull(rules);
        this.cached = cached;
        this.persistEdits = cached;
    }

    /**
     * The repository at {@code root}, read in full on first use (no caches); refused at once, with
     * the reason, where {@code root} is no code-set repository.
     */
    public static Workspace open(Path root) throws CodesetException {
        return open(root, Rules.discover());
    }

    /** As {@link #open(Path)}, with an explicit set of rules. */
    public static Workspace open(Path root, Rules rules) throws CodesetException {
        Layout.requireRepository(root);
        return new Workspace(root, rules, false);
    }

    /**
     * The repository at {@code root}, read through the parse cache in {@code .codeset/cache/} and
     * with the findings saved by the last run (the command line's way: a run after the first parses
     * and checks only what changed); each edit refreshes both.
     */
    public static Workspace openCached(Path root) throws CodesetException {
        Layout.requireRepository(root);
        return new Workspace(root, Rules.discover(), true);
    }

    /** The repository's folder (absolute). */
    public Path root() {
        return root;
    }

    public Rules rules() {
        return rules;
    }

    /** The model of the files, loaded on first use. */
    public CodeSetRepository model() throws CodesetException {
        CodeSetRepository m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    long holding = RepositoryLock.holdingOf(root);
                    m = load();
                    model = m;
                    freshUnder = holding;
                }
            }
        }
        return m;
    }

    /** The model if it has been loaded, else null (loads nothing). */
    public CodeSetRepository modelIfLoaded() {
        return model;
    }

    private CodeSetRepository load() throws CodesetException {
        schemaStamps = schemaStamps(); // before the read: a change during it shows as a difference later
        CodeSetRepository loaded = RepositoryLoader.load(root, cached);
        if (cached) {
            ResultStore s = new ResultStore(loaded.root(), toolStamp(), loaded.schemas().digest());
            store = s;
            return s.restore(loaded);
        }
        return loaded;
    }

    /**
     * The model as the files on disk are now, for a command that is about to change them (called
     * under {@link #lock()}): loaded if it was not yet; otherwise each file whose size or
     * modification time differs from when it was last compared (or that changed too recently for
     * its time to tell, as git's index does) is read and compared with the bytes it was parsed
     * from, and only files that changed, appeared or vanished are parsed again.
     */
    public synchronized CodeSetRepository refresh() throws CodesetException {
        CodeSetRepository m = model;
        long holding = RepositoryLock.holdingOf(root);
        if (m == null || (holding >= 0 && holding == freshUnder)) {
            // not loaded yet, or read (or written) under this very holding of the lock: as on disk
            return model();
        }
        if (!new TreeSet<>(RepositoryLoader.codeSetIds(root)).equals(codeSetIds(m)) || !schemaStamps().equals(schemaStamps)) {
            // a code set came or went (the layout findings change too), or the schemas changed (every
            // file's schema check does): read the repository anew
            CodeSetRepository loaded = load();
            model = loaded;
            freshUnder = holding;
            seen = Map.of();
            return loaded;
        }
        Map<String, SourceFile> known = new HashMap<>();
        for (CodeSet cs : m.codeSets()) {
            cs.files().forEach(f -> known.put(f.path(), f));
        }
        long scanStart = System.currentTimeMillis();
        Map<String, Stamp> now = new HashMap<>();
        Map<String, byte[]> changed = new LinkedHashMap<>();
        filesRead = 0;
        try {
            for (String rel : Layout.codeFiles(root)) {
                Path file = root.resolve(rel);
                Stamp stamp = stamp(file);
                now.put(rel, stamp);
                SourceFile f = known.get(rel);
                Seen before = seen.get(rel);
                if (f != null && before != null && before.parsed() == f && stamp.equals(before.stamp())
                        && stamp.changed() < seenAt - racyMillis) {
                    continue; // this very parse was compared with the file, and the file has not moved since
                }
                byte[] bytes = Files.readAllBytes(file);
                filesRead++;
                if (f == null || !f.parsedFrom(bytes)) {
                    changed.put(rel, bytes);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UnreadableInputException("cannot read the files of " + root.resolve(Layout.CODESETS) + ": "
                    + e.getMessage(), e);
        }
        for (String rel : known.keySet()) {
            if (!now.containsKey(rel)) {
                changed.put(rel, null);
            }
        }
        CodeSetRepository fresh = changed.isEmpty() ? m : RepositoryLoader.updateAll(m, changed);
        Map<String, Seen> compared = new HashMap<>();
        for (CodeSet cs : fresh.codeSets()) {
            for (SourceFile f : cs.files()) {
                Stamp stamp = now.get(f.path());
                if (stamp != null) {
                    compared.put(f.path(), new Seen(stamp, f));
                }
            }
        }
        model = fresh;
        seen = compared;
        seenAt = scanStart;
        freshUnder = holding;
        return fresh;
    }

    /**
     * What a file's metadata says of its content: size, modification time and, where the file
     * system has it, the inode's change time, which (unlike the modification time) a tool that
     * puts times back ({@code touch -r}, {@code cp -p}, {@code rsync -t}) cannot set.
     */
    private record Stamp(long size, long modified, long changed) {
    }

    /** A file's stamp when it was last compared with a parse, and that parse: the stamp vouches for it alone. */
    private record Seen(Stamp stamp, SourceFile parsed) {
    }

    /** How many files the last {@link #refresh} read (for tests: the others it judged by their stamps). */
    int filesReadByLastRefresh() {
        return filesRead;
    }

    /** Sets how recent a change must be for its stamp not to be trusted (for tests; default 2 s). */
    Workspace racyMillis(long millis) {
        this.racyMillis = millis;
        return this;
    }

    private static Stamp stamp(Path file) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime");
            long modified = ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime")).toMillis();
            long changed = ((java.nio.file.attribute.FileTime) a.get("ctime")).toMillis();
            return new Stamp((Long) a.get("size"), modified, Math.max(modified, changed));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().toMillis(), a.lastModifiedTime().toMillis());
        }
    }

    /** The stamps of the repository's own schemas in {@code schema/} (none for the bundled ones). */
    private Map<String, Stamp> schemaStamps() throws UnreadableInputException {
        Map<String, Stamp> out = new HashMap<>();
        for (String name : List.of(SchemaSet.CODESET_SCHEMA, SchemaSet.CODES_SCHEMA)) {
            Path file = root.resolve("schema").resolve(name);
            try {
                if (Files.exists(file)) {
                    out.put(name, stamp(file));
                }
            } catch (IOException e) {
                throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Set<String> codeSetIds(CodeSetRepository m) {
        Set<String> ids = new TreeSet<>();
        m.codeSets().forEach(cs -> ids.add(cs.id()));
        return ids;
    }

    /** Makes {@code updated} the current model (a front end's unsaved buffers, say); writes nothing. */
    public synchronized void update(CodeSetRepository updated) {
        this.model = Objects.requireNonNull(updated);
        this.freshUnder = -1;
    }

    /** Re-reads one file (a path relative to the root) from these bytes, keeping every other file's parse. */
    public synchronized void reload(String relativePath, byte[] contents) throws CodesetException {
        this.model = RepositoryLoader.update(model(), relativePath, contents);
        this.freshUnder = RepositoryLock.holdingOf(root) >= 0 ? freshUnder : -1;
    }

    /**
     * After a command wrote files: makes {@code after} current and, for a cached workspace that
     * persists edits, stores the written files' parse and the findings for the next run.
     */
    public void written(CodeSetRepository after, Collection<String> paths) {
        this.model = after; // what was just written: still as on disk under this holding of the lock
        if (persistEdits()) {
            cacheWritten(paths);
            saveResults();
        }
    }

    /**
     * Whether edits refresh the caches on disk (default: yes, for a workspace opened
     * {@link #openCached cached}). A long-running editor session turns it off.
     */
    public Workspace persistEdits(boolean persist) {
        this.persistEdits = persist;
        return this;
    }

    public boolean persistEdits() {
        return persistEdits && cached;
    }

    /** Keeps the written files' parse in the parse cache, so the next run need not parse them again. */
    public void cacheWritten(Collection<String> paths) {
        CodeSetRepository m = model;
        if (!cached || m == null) {
            return;
        }
        ParseCache cache = ParseCache.of(m.root(), m.schemas());
        Map<String, SourceFile> files = new HashMap<>();
        for (CodeSet cs : m.codeSets()) {
            cs.files().forEach(f -> files.put(f.path(), f));
        }
        // in parallel (as load stores them): an import writes a hundred files
        paths.parallelStream().map(files::get).filter(Objects::nonNull).forEach(f -> {
            try {
                cache.store(f, Files.readAttributes(m.root().resolve(f.path()), BasicFileAttributes.class),
                        f.schemaViolations(m.schemas()));
            } catch (IOException e) {
                // the cache is an optimisation
            }
        });
    }

    /** Saves the findings of the current model for the next run, when it has been validated. */
    public void saveResults() {
        CodeSetRepository m = model;
        ResultStore s = store;
        if (s != null && m != null && validationIfKnown(m) != null) {
            s.save(m);
        }
    }

    /**
     * The findings of a model with every rule at its default severity; the last result is kept, so
     * a series of edits validates each state once.
     */
    public ValidationResult validation(CodeSetRepository m) {
        Validated last = lastValidation;
        if (last != null && last.model() == m) {
            return last.result();
        }
        ValidationResult r = new Validator(rules).validate(m);
        lastValidation = new Validated(m, r);
        return r;
    }

    /** The last validation result if it was of exactly this model, else null. */
    public ValidationResult validationIfKnown(CodeSetRepository m) {
        Validated last = lastValidation;
        return last != null && last.model() == m ? last.result() : null;
    }

    /** A validator with this workspace's rules at their default severities. */
    public Validator validator() {
        return new Validator(rules);
    }

    /** Takes the repository's edit lock (see {@link RepositoryLock}); close it to release. */
    public RepositoryLock lock() throws CodesetException {
        return RepositoryLock.acquire(root);
    }

    private static final String TOOL_STAMP = computeToolStamp();

    /** What identifies this build of the tool: saved findings of another build are not reused. */
    public static String toolStamp() {
        return TOOL_STAMP;
    }

    private static String computeToolStamp() {
        try {
            URL where = Workspace.class.getProtectionDomain().getCodeSource().getLocation();
            Path p = Path.of(where.toURI());
            if (Files.isRegularFile(p)) {
                return p.getFileName() + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
            }
        } catch (Exception e) {
            // fall through
        }
        return "unpackaged:" + ProcessHandle.current().pid() + ":" + System.nanoTime();
    }

    @Override
    public String toString() {
        return "Workspace[" + root + "]";
    }
}
