package org.codeset.lsp;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.codeset.core.Codesets;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.finding.Finding;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.Layout;
import org.codeset.core.model.RepositoryLoader;
import org.codeset.core.model.SourceFile;
import org.codeset.core.validate.Rules;
import org.codeset.core.validate.Validator;
import org.codeset.core.workspace.Workspace;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The state of one editor session and its two threads. The model thread applies buffer changes
 * in order (parsing only the changed file into a new immutable model) and answers requests on
 * the latest state, so a request always sees every change sent before it. The check thread
 * validates the latest state after a short quiet time and publishes the diagnostics that
 * changed, in any file; a check whose state is already stale when it ends publishes nothing.
 * Requests never wait for a check, so the server answers while a long validation runs.
 */
final class Session {
    /** A request's work on a snapshot; it may check for cancellation. */
    interface Query<T> {
        T apply(Snapshot s, CancelChecker cancel) throws Exception;
    }

    private final long debounceMillis;
    private final PrintStream log;
    /** Timings of each change and check on the log (CODESET_LSP_STATS=1), for the benchmark. */
    private final boolean stats = System.getenv("CODESET_LSP_STATS") != null;
    private final ExecutorService modelThread = Executors.newSingleThreadExecutor(daemon("codeset-lsp-model"));
    private final ScheduledExecutorService checkThread = Executors.newSingleThreadScheduledExecutor(
            daemon("codeset-lsp-check"));
    private volatile LanguageClient client;
    /** The session's own workspace: its model follows the editor's buffers (null before the repository is loaded). */
    private volatile Workspace workspace;
    private volatile Snapshot snapshot;
    private volatile Validator validator;
    private ScheduledFuture<?> pendingCheck;
    private long lastChange = Long.MIN_VALUE / 2;
    // check thread only
    private final Map<String, List<Diagnostic>> published = new HashMap<>();
    private final Map<String, Integer> publishedVersions = new HashMap<>();

    private final Rules rules;
    private final boolean cache;

    Session(CodesetLanguageServer.Options options, PrintStream log) {
        this.debounceMillis = options.debounceMillis();
        this.log = log;
        this.rules = options.rules();
        this.cache = options.cache();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    void connect(LanguageClient c) {
        this.client = c;
    }

    /** Loads the repository at {@code root} (on the model thread: later changes queue behind it). */
    void open(Path root) {
        modelThread.execute(() -> {
            long t0 = System.nanoTime();
            try {
                Workspace loaded = cache && rules == null ? Workspace.openCached(root)
                        : Workspace.open(root, rules != null ? rules : Rules.discover());
                loaded.persistEdits(false);
                CodeSetRepository m = loaded.model();
                validator = loaded.validator();
                snapshot = new Snapshot(loaded.root(), m, Map.of());
                workspace = loaded;
                scheduleCheck(0);
                LanguageClient c = client;
                if (c != null) {
                    c.logMessage(new MessageParams(MessageType.Info, String.format(
                            "codeset: %s loaded: %,d code sets, %,d files, %,d codes in %.1f s", m.root(),
                            m.codeSets().size(), m.fileCount(), m.codeCount(), (System.nanoTime() - t0) / 1e9)));
                }
            } catch (CodesetException | RuntimeException e) {
                message(MessageType.Error, "codeset: " + e.getMessage());
            }
        });
    }

    /** Completes (with null) once every change and request queued so far has been handled. */
    CompletableFuture<Object> drained() {
        try {
            return CompletableFuture.supplyAsync(() -> null, modelThread);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Stops both threads, letting a check that is writing finish its message (an interrupt would close the channel). */
    void close() {
        synchronized (this) {
            if (pendingCheck != null) {
                pendingCheck.cancel(false);
            }
        }
        modelThread.shutdown();
        checkThread.shutdown();
        try {
            // what was queued is still answered (a client that sends exit without waiting for shutdown)
            modelThread.awaitTermination(10, TimeUnit.SECONDS);
            checkThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commands on the session's workspace, whose model is the editor's current state (null before the repository is loaded). */
    Codesets codesets() {
        Workspace w = workspace;
        return w == null ? null : Codesets.on(w);
    }

    void message(MessageType type, String text) {
        log.println(text);
        LanguageClient c = client;
        if (c != null) {
            c.showMessage(new MessageParams(type, text));
        }
    }

    // ---- buffers ----

    /** Per document URI: change tasks submitted and not yet started. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> queuedChanges =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Model thread only: texts of documents with changes applied but not yet parsed (a later change is queued). */
    private final Map<String, Snapshot.Buffer> unparsed = new HashMap<>();

    void opened(String uri, int version, String text) {
        modelThread.execute(() -> guard(() -> {
            flush();
            put(uri, version, text);
        }));
    }

    /**
     * Applies a document's changes. When a later change of the same document is already queued
     * (keystrokes arriving faster than a large file parses), only the text is updated and the
     * parse is left to the last one: a burst costs one parse, not one per keystroke. Anything
     * else that reads the model first parses what is pending ({@link #flush}).
     */
    void changed(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
        java.util.concurrent.atomic.AtomicInteger queued = queuedChanges.computeIfAbsent(uri,
                k -> new java.util.concurrent.atomic.AtomicInteger());
        queued.incrementAndGet();
        modelThread.execute(() -> guard(() -> {
            int later = queued.decrementAndGet();
            Snapshot s = snapshot;
            String rel = s == null ? null : s.relative(uri);
            Snapshot.Buffer b = rel == null ? null : unparsed.containsKey(rel) ? unparsed.get(rel) : s.buffers().get(rel);
            if (b == null) {
                return;
            }
            String text = b.text();
            for (TextDocumentContentChangeEvent c : changes) {
                text = TextChanges.apply(text, c);
            }
            if (later > 0) {
                unparsed.put(rel, new Snapshot.Buffer(uri, version, text));
                return;
            }
            unparsed.remove(rel);
            put(uri, version, text);
        }));
    }

    /** Parses every document text left unparsed (model thread). */
    private void flush() {
        if (unparsed.isEmpty()) {
            return;
        }
        List<Snapshot.Buffer> pending = List.copyOf(unparsed.values());
        unparsed.clear();
        for (Snapshot.Buffer b : pending) {
            put(b.uri(), b.version(), b.text());
        }
    }

    void closed(String uri) {
        modelThread.execute(() -> guard(() -> {
            flush();
            Snapshot s = snapshot;
            String rel = s == null ? null : s.relative(uri);
            if (rel == null || !s.buffers().containsKey(rel)) {
                return;
            }
            Map<String, Snapshot.Buffer> buffers = new HashMap<>(s.buffers());
            buffers.remove(rel);
            Path p = s.root().resolve(rel);
            byte[] disk = Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
            commit(s, update(s.model(), rel, disk), buffers);
        }));
    }

    /** Files changed on disk (a checkout, another tool): re-read those not open in the editor. */
    void changedOnDisk(List<String> uris) {
        modelThread.execute(() -> guard(() -> {
            flush();
            Snapshot s = snapshot;
            if (s == null) {
                return;
            }
            CodeSetRepository model = s.model();
            for (String uri : uris) {
                String rel = Snapshot.relative(s.root(), uri);
                if (rel != null && !s.buffers().containsKey(rel)) {
                    Path p = s.root().resolve(rel);
                    model = update(model, rel, Files.isRegularFile(p) ? Files.readAllBytes(p) : null);
                }
            }
            commit(s, model, s.buffers());
        }));
    }

    private void put(String uri, int version, String text) {
        long t0 = System.nanoTime();
        Snapshot s = snapshot;
        String rel = s == null ? null : s.relative(uri);
        if (rel == null) {
            return;
        }
        Map<String, Snapshot.Buffer> buffers = new HashMap<>(s.buffers());
        buffers.put(rel, new Snapshot.Buffer(uri, version, text));
        commit(s, update(s.model(), rel, text.getBytes(StandardCharsets.UTF_8)), buffers);
        if (stats) {
            log.printf("codeset lsp: %s v%d: parsed and applied in %.1f ms%n", rel, version, (System.nanoTime() - t0) / 1e6);
        }
    }

    /** The model with one file's text replaced (null: gone); unchanged when it parses as it is. */
    private static CodeSetRepository update(CodeSetRepository model, String rel, byte[] bytes) {
        if (!isCodeFile(rel)) {
            return model;
        }
        SourceFile known = new Snapshot(model.root(), model, Map.of()).file(rel);
        if (bytes != null ? known != null && known.parsedFrom(bytes) : known == null) {
            return model;
        }
        return RepositoryLoader.update(model, rel, bytes);
    }

    static boolean isCodeFile(String rel) {
        return Layout.isCodeSetFile(rel);
    }

    /**
     * Makes the next state current and schedules its check: at once after a quiet time (a single
     * change is checked without waiting), else after {@code debounceMillis} without a further
     * change (a burst of keystrokes is checked once, at its end).
     */
    private void commit(Snapshot before, CodeSetRepository model, Map<String, Snapshot.Buffer> buffers) {
        snapshot = new Snapshot(before.root(), model, buffers);
        workspace.update(model);
        long now = System.nanoTime();
        boolean quiet = now - lastChange >= TimeUnit.MILLISECONDS.toNanos(debounceMillis);
        lastChange = now;
        scheduleCheck(quiet ? 0 : debounceMillis);
    }

    private void guard(ThrowingRunnable r) {
        try {
            r.run();
        } catch (Exception | StackOverflowError e) {
            log.println("codeset lsp: " + e);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ---- requests ----

    /** Runs a request on the model thread after every change sent before it; {@code fallback} on no repository or failure. */
    <T> CompletableFuture<T> query(T fallback, Query<T> q) {
        return CompletableFutures.computeAsync(modelThread, cancel -> {
            guard(this::flush);
            Snapshot s = snapshot;
            if (s == null) {
                return fallback;
            }
            try {
                T result = q.apply(s, cancel);
                return result == null ? fallback : result;
            } catch (java.util.concurrent.CancellationException e) {
                throw e;
            } catch (Exception | StackOverflowError e) {
                log.println("codeset lsp: request failed: " + e);
                return fallback;
            }
        });
    }

    // ---- checks ----

    private synchronized void scheduleCheck(long delay) {
        if (pendingCheck != null) {
            pendingCheck.cancel(false);
        }
        if (checkThread.isShutdown()) {
            return; // the session is ending: nobody to tell
        }
        try {
            pendingCheck = checkThread.schedule(this::check, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shut down meanwhile
        }
    }

    private void check() {
        Snapshot s = snapshot;
        if (s == null) {
            return;
        }
        List<Finding> findings;
        long t0 = System.nanoTime();
        try {
            // a newer change makes this check stale: it stops, and the newer state has its own check coming
            var result = validator.validate(s.model(), () -> snapshot.model() != s.model());
            if (result == null || snapshot.model() != s.model()) {
                if (stats) {
                    log.printf("codeset lsp: check of a stale state cancelled after %.1f ms%n", (System.nanoTime() - t0) / 1e6);
                }
                return;
            }
            findings = result.findings();
        } catch (RuntimeException | StackOverflowError e) {
            log.println("codeset lsp: validation failed: " + e);
            return;
        }
        long t1 = System.nanoTime();
        // the latest state if it has the same model (other buffers open, or a version with the same text)
        Snapshot latest = snapshot;
        if (latest.model() != s.model()) {
            return;
        }
        publish(latest, findings);
        if (stats) {
            log.printf("codeset lsp: checked in %.1f ms (%d findings), published in %.1f ms%n", (t1 - t0) / 1e6,
                    findings.size(), (System.nanoTime() - t1) / 1e6);
        }
    }

    /** Publishes the diagnostics of every file whose diagnostics changed, and of every open file at a new version. */
    private void publish(Snapshot s, List<Finding> findings) {
        LanguageClient c = client;
        if (c == null) {
            return;
        }
        Map<String, List<Diagnostic>> now = new TreeMap<>();
        for (Finding f : findings) {
            now.computeIfAbsent(f.file(), k -> new java.util.ArrayList<>()).add(Diagnostics.of(f, s));
        }
        Set<String> files = new TreeSet<>(now.keySet());
        files.addAll(published.keySet());
        files.addAll(s.buffers().keySet());
        for (String rel : files) {
            List<Diagnostic> list = now.getOrDefault(rel, List.of());
            Snapshot.Buffer b = s.buffers().get(rel);
            Integer version = b == null ? null : b.version();
            boolean changed = !list.equals(published.getOrDefault(rel, List.of()));
            boolean newVersion = b != null && !version.equals(publishedVersions.get(rel));
            if (changed || newVersion) {
                c.publishDiagnostics(new PublishDiagnosticsParams(s.uri(rel), list, version));
            }
            if (list.isEmpty()) {
                published.remove(rel);
            } else {
                published.put(rel, list);
            }
            if (b != null) {
                publishedVersions.put(rel, version);
            } else {
                publishedVersions.remove(rel);
            }
        }
    }
}
