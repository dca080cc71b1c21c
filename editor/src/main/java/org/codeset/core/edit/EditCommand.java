package org.codeset.core.edit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.errors.NotFoundException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.io.AtomicFiles;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.Layout;
import org.codeset.core.model.RepositoryLoader;
import org.codeset.core.model.SourceFile;
import org.codeset.core.text.EntryEdits;
import org.codeset.core.text.SourceText;
import org.codeset.core.validate.ValidationResult;
import org.codeset.core.workspace.RepositoryLock;
import org.codeset.core.workspace.Workspace;
import org.codeset.core.workspace.WorkspaceCommand;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YSeq;
import org.codeset.core.yaml.YamlDocument;
import org.codeset.core.yaml.YamlParser;

/**
 * The life of every edit, in the manner of JGit's {@code GitCommand}: configure with fluent
 * setters, then {@link #call()} once. Under the repository's lock, the command plans its change
 * as line edits of the current files, applies them to the in-memory model, validates, and only
 * when the edit adds no error writes each file atomically. The command line, the language
 * server and the web editor all run edits through here.
 */
public abstract class EditCommand extends WorkspaceCommand<EditResult> {
    private boolean dryRun;
    private java.util.function.Function<String, String> unsaved = rel -> null;
    private org.codeset.core.io.Timings timings = new org.codeset.core.io.Timings();

    protected EditCommand(Workspace workspace) {
        super(workspace);
    }

    /** Plan and validate only: report what would change, write nothing. */
    public EditCommand dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    /**
     * For {@link #preview()}: reads the files the edit opens from these texts first (path relative
     * to the root to text, or null for "read the disk"), an editor's unsaved buffers. {@link #call()}
     * writes files, so it always plans against the files on disk.
     */
    public EditCommand unsaved(java.util.function.Function<String, String> texts) {
        this.unsaved = texts;
        return this;
    }

    /** Records the wall time of each step (plan, parse, validate, compare, write, caches) here. */
    public EditCommand timings(org.codeset.core.io.Timings timings) {
        this.timings = timings;
        return this;
    }

    /** One file a planned edit changes: its text before (null for a new file) and after. */
    public record FileChange(String path, String before, String after) {
    }

    /**
     * Plans the edit and returns the files it would change with their texts before and after;
     * validates nothing and writes nothing. The language server sends these to the editor as
     * workspace edits, for the user to apply.
     */
    public final List<FileChange> preview() throws CodesetException {
        checkCallable();
        Plan plan = new Plan(workspace.model(), workspace.root(), unsaved);
        plan(plan);
        List<FileChange> out = new ArrayList<>();
        for (Map.Entry<String, String> e : plan.created.entrySet()) {
            out.add(new FileChange(e.getKey(), null, e.getValue()));
        }
        for (Opened o : plan.opened.values()) {
            if (o.text.changed()) {
                out.add(new FileChange(o.rel, o.original, o.text.result()));
            }
        }
        return out;
    }

    /** Checks the options and records the change in the plan. */
    protected abstract void plan(Plan plan) throws CodesetException;

    /**
     * Runs the edit: under the repository's lock, plans it against the files as they are now
     * (another process may have changed them since the workspace was loaded), validates the result,
     * and writes only when the edit adds no error; then updates the workspace and its caches.
     */
    @Override
    public final EditResult call() throws CodesetException {
        checkCallable();
        Path root = workspace.root();
        try (RepositoryLock lock = workspace.lock()) {
            CodeSetRepository before = workspace.refresh();
            Plan plan = new Plan(before, root);
            plan(plan);
            Map<String, byte[]> written = plan.results();
            timings.lap("plan");
            if (written.isEmpty()) {
                return new EditResult(plan.unchanged != null ? plan.unchanged : plan.summary == null ? "nothing to change"
                        : plan.summary, List.of(), List.of(),
                        plan.notes, new Undo(root, Map.of(), Map.of()));
            }
            CodeSetRepository after = RepositoryLoader.updateAll(before, written);
            timings.lap("parse");
            ValidationResult now = workspace.validation(after);
            timings.lap("validate");
            // What the state before had, to tell new findings from old ones. A session that has
            // validated it keeps the result; otherwise only the files in which the new state has
            // findings need checking before (the command line's case: one full validation, not two).
            Set<String> known = new HashSet<>();
            for (Finding f : workspace.validationIfKnown(before) != null ? workspace.validationIfKnown(before).findings()
                    : workspace.validator().validateFiles(before, filesWithFindings(now, written.keySet()))) {
                known.add(fingerprint(f));
            }
            List<Finding> newErrors = new ArrayList<>();
            List<Finding> newWarnings = new ArrayList<>();
            for (Finding f : now.findings()) {
                if (!known.contains(fingerprint(f))) {
                    (f.severity() == Severity.ERROR ? newErrors : newWarnings).add(f);
                }
            }
            timings.lap("compare");
            if (!newErrors.isEmpty()) {
                throw new EditRefusedException("refused: " + (plan.summary == null ? "the edit" : plan.summary)
                        + " would add " + newErrors.size() + " error" + (newErrors.size() == 1 ? "" : "s")
                        + "; nothing was written", newErrors);
            }
            if (dryRun) {
                return new EditResult("would " + plan.summary, List.copyOf(written.keySet()), newWarnings, plan.notes,
                        new Undo(root, Map.of(), Map.of()));
            }
            Map<String, byte[]> previous = new LinkedHashMap<>();
            try {
                for (String rel : written.keySet()) {
                    Path p = root.resolve(rel);
                    previous.put(rel, Files.exists(p) ? Files.readAllBytes(p) : null);
                }
                write(root, written);
            } catch (IOException e) {
                throw new UnreadableInputException("cannot write: " + e.getMessage(), e);
            }
            timings.lap("write");
            workspace.written(after, written.keySet());
            timings.lap("caches");
            return new EditResult(plan.summary, List.copyOf(written.keySet()), newWarnings, plan.notes,
                    new Undo(root, previous, written));
        }
    }

    /**
     * Writes the files, each atomically: many code files (an import) in parallel, as each is forced
     * to disk; a code set's codeset.yaml after its code files, so that a new code set is not seen
     * before its codes are in place.
     */
    private static void write(Path root, Map<String, byte[]> written) throws IOException {
        List<Map.Entry<String, byte[]>> codes = new ArrayList<>();
        List<Map.Entry<String, byte[]>> metas = new ArrayList<>();
        written.entrySet().forEach(e -> (e.getKey().endsWith("/" + Layout.CODESET_FILE) ? metas : codes).add(e));
        AtomicFiles.forEachInParallel(codes, e -> AtomicFiles.write(root.resolve(e.getKey()), e.getValue()));
        for (Map.Entry<String, byte[]> e : metas) {
            AtomicFiles.write(root.resolve(e.getKey()), e.getValue());
        }
    }

    /** The files in which the new state has findings: the only ones whose old findings matter. */
    private static Set<String> filesWithFindings(ValidationResult r, Set<String> written) {
        Set<String> files = new HashSet<>();
        for (Finding f : r.findings()) {
            files.add(f.file());
        }
        return files;
    }

    /** What identifies a finding across an edit that moves lines: everything but the position. */
    private static String fingerprint(Finding f) {
        return f.rule() + "\u0000" + f.file() + "\u0000" + f.codeset() + "\u0000" + f.code() + "\u0000" + f.message();
    }

    // ---- helpers shared by the commands ----

    protected static CodeSet codeSet(CodeSetRepository repo, String id) throws NotFoundException {
        if (id == null) {
            throw new IllegalArgumentException("no code set given");
        }
        CodeSet cs = repo.codeSet(id);
        if (cs == null) {
            throw new NotFoundException("no code set '" + id + "'; the repository has: "
                    + String.join(", ", repo.codeSets().stream().map(CodeSet::id).toList()));
        }
        return cs;
    }

    protected static CodeEntry entry(CodeSet cs, String code) throws NotFoundException {
        CodeEntry e = cs.get(code);
        if (e == null) {
            throw new NotFoundException("no code \"" + code + "\" in code set " + cs.id());
        }
        return e;
    }

    protected static String date(String text, String option) throws InvalidArgumentException {
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidArgumentException(option + " '" + text + "' is not a date; write YYYY-MM-DD");
        }
    }

    /** The change being planned: edited texts of files, and what to tell the user. */
    public static final class Plan {
        final CodeSetRepository repo;
        final Path root;
        final Map<String, Opened> opened = new LinkedHashMap<>();
        final Map<String, String> created = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        final java.util.function.Function<String, String> unsaved;
        String summary;
        String unchanged;

        Plan(CodeSetRepository repo, Path root) {
            this(repo, root, rel -> null);
        }

        Plan(CodeSetRepository repo, Path root, java.util.function.Function<String, String> unsaved) {
            this.repo = repo;
            this.root = root;
            this.unsaved = unsaved;
        }

        public CodeSetRepository repo() {
            return repo;
        }

        /** The repository's folder. */
        public Path root() {
            return root;
        }

        public void summary(String s) {
            this.summary = s;
        }

        /** What to tell the user instead of the summary when the edit leaves every file as it is. */
        public void unchanged(String s) {
            this.unchanged = s;
        }

        public void note(String s) {
            notes.add(s);
        }

        /** Creates a new file (refused if it exists). */
        public void create(String rel, String text) throws EditRefusedException {
            if (Files.exists(root.resolve(rel)) || created.containsKey(rel)) {
                throw new EditRefusedException("refused: " + rel + " already exists");
            }
            created.put(rel, text);
        }

        /** Opens a file for editing: its current text on disk, freshly parsed. */
        public Opened open(String rel) throws CodesetException {
            Opened o = opened.get(rel);
            if (o != null) {
                return o;
            }
            byte[] bytes;
            String buffered = unsaved.apply(rel);
            try {
                bytes = buffered != null ? buffered.getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(root.resolve(rel));
            } catch (IOException e) {
                throw new UnreadableInputException("cannot read " + rel + ": " + e.getMessage(), e);
            }
            // the loaded model's parse, when the file on disk is still what it was parsed from
            SourceFile known = repo.file(rel);
            YamlDocument doc = known != null && known.parsedFrom(bytes) ? known.document() : YamlParser.parse(bytes);
            if (!doc.ok()) {
                throw new EditRefusedException("refused: " + rel + ":" + doc.problems().get(0).line() + ": "
                        + doc.problems().get(0).message() + "; fix the file before editing it through the tool");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("\ufeff")) {
                text = text.substring(1);
            }
            o = new Opened(rel, text, doc.root());
            opened.put(rel, o);
            return o;
        }

        Map<String, byte[]> results() {
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : created.entrySet()) {
                out.put(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (Opened o : opened.values()) {
                if (o.text.changed()) {
                    out.put(o.rel, o.text.result().getBytes(StandardCharsets.UTF_8));
                }
            }
            return out;
        }
    }

    /** A file opened for editing: its text and the parse it was planned against. */
    public static final class Opened {
        final String rel;
        final String original;
        final SourceText text;
        final YNode root;
        final EntryEdits edits;

        Opened(String rel, String original, YNode root) {
            this.rel = rel;
            this.original = original;
            this.text = new SourceText(original);
            this.root = root;
            this.edits = new EntryEdits(text);
        }

        /** The file's path, relative to the root. */
        public String rel() {
            return rel;
        }

        /** The file's text being edited. */
        public SourceText text() {
            return text;
        }

        /** The parse of the file as it was opened. */
        public YNode root() {
            return root;
        }

        /** Line edits of the file's entries. */
        public EntryEdits edits() {
            return edits;
        }

        /** The {@code codes:} list, or null when the file has none yet (or it is empty). */
        public YSeq codes() {
            return root instanceof YMap m && m.get("codes") instanceof YSeq s ? s : null;
        }

        /** The entry node of a code in this file (its first occurrence). */
        public YMap entry(String code) throws NotFoundException {
            YSeq codes = codes();
            if (codes != null) {
                for (YNode item : codes.items()) {
                    if (item instanceof YMap m && code.equals(m.text("code"))) {
                        return m;
                    }
                }
            }
            throw new NotFoundException("code \"" + code + "\" is no longer in " + rel + "; run the command again");
        }
    }
}
