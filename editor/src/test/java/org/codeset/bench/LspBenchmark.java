package org.codeset.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Time from a one-line change to its diagnostics, over the protocol: starts {@code codeset lsp}
 * as an editor does (a separate process on stdio), opens a file of the 100,000-code repository,
 * then changes one line at a time and measures from sending {@code didChange} to receiving the
 * {@code publishDiagnostics} for that version. Three kinds of change: a display in a 500-code file
 * (findings of that file only), the same typed as six keystrokes 50 ms apart (timed from the
 * last), and retiring a procedure code that every one of the 200 diagnosis files refers to (all
 * of them republished). Not a test; bench/lsp runs it.
 * Usage: LspBenchmark JAR REPO [CHANGES [SERVER-OPTION...]]
 */
public final class LspBenchmark implements LanguageClient {
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final AtomicInteger publishes = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path repo = Path.of(args[1]).toAbsolutePath().normalize();
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<String> command = new ArrayList<>(List.of("java"));
        String opts = System.getenv("CODESET_LSP_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "lsp"));
        command.addAll(List.of(args).subList(Math.min(3, args.length), args.length)); // server options
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        LspBenchmark client = new LspBenchmark();
        var launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();
        long t0 = System.nanoTime();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(repo.toUri().toString(), "bench")));
        server.initialize(init).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());

        String dx = "codesets/dx/block-100.yaml";
        String dxUri = repo.resolve(dx).toUri().toString();
        String dxText = Files.readString(repo.resolve(dx));
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(dxUri, "yaml", 1, dxText)));
        client.await(dxUri, 1, 300);
        System.out.printf("load and first check of the repository, over the protocol: %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);

        // a display line in the middle of the file
        List<String> lines = List.of(dxText.split("\n", -1));
        int line = -1;
        for (int i = lines.size() / 2; i < lines.size(); i++) {
            if (lines.get(i).startsWith("    display: ")) {
                line = i;
                break;
            }
        }
        String display = lines.get(line);
        List<Long> times = new ArrayList<>();
        int version = 1;
        for (int i = 0; i < n + 20; i++) {
            String now = i % 2 == 0 ? display + ", edited" : display;
            String before = i % 2 == 0 ? display : display + ", edited";
            version++;
            long ms = client.change(server, dxUri, version, line, before.length(), now, 30);
            if (i >= 20) {
                times.add(ms);
            }
        }
        report("one-line change (a display) in a 500-code file", times);

        // typing: six keystrokes 50 ms apart at the end of the display; time from the last one
        List<Long> typing = new ArrayList<>();
        for (int round = 0; round < Math.max(6, n / 3) + 3; round++) {
            String word = "typed!";
            for (int k = 0; k < word.length(); k++) {
                version++;
                int col = display.length() + k;
                server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(dxUri, version), List.of(new TextDocumentContentChangeEvent(
                                new Range(new Position(line, col), new Position(line, col)), word.substring(k, k + 1)))));
                if (k < word.length() - 1) {
                    Thread.sleep(50);
                }
            }
            long last = System.nanoTime();
            long ms = (client.await(dxUri, version, 30) - last) / 1_000_000;
            if (round >= 3) {
                typing.add(ms);
            }
            version++;
            client.change(server, dxUri, version, line, display.length() + word.length(), display, 30);
        }
        report("typing six keystrokes 50 ms apart, from the last one", typing);

        // retire and reinstate a code every diagnosis file refers to
        String px = "codesets/px/codes.yaml";
        String pxUri = repo.resolve(px).toUri().toString();
        String pxText = Files.readString(repo.resolve(px));
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(pxUri, "yaml", 1, pxText)));
        client.await(pxUri, 1, 60);
        int statusLine = List.of(pxText.split("\n", -1)).indexOf("    status: active");
        List<Long> cross = new ArrayList<>();
        int pxVersion = 1;
        int rounds = Math.max(6, n / 3);
        for (int i = 0; i < rounds + 4; i++) {
            String now = i % 2 == 0 ? "    status: retired" : "    status: active";
            String before = i % 2 == 0 ? "    status: active" : "    status: retired";
            pxVersion++;
            int publishedBefore = client.publishes.get();
            long ms = client.change(server, pxUri, pxVersion, statusLine, before.length(), now, 60);
            if (i == 0) {
                System.out.printf("  (retiring code 70000 republished %d files)%n", client.publishes.get() - publishedBefore);
            }
            if (i >= 4) {
                cross.add(ms);
            }
        }
        report("one-line change retiring a code used in 200 other files", cross);

        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        p.waitFor(10, TimeUnit.SECONDS);
        p.destroy();
        System.exit(0);
    }

    private static void report(String label, List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("%-58s median %4d ms, p90 %4d ms, min %4d ms, max %4d ms (%d changes)%n", label,
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)), sorted.get(0),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    /** Replaces one line (the whole of it) and returns the milliseconds until its diagnostics arrive. */
    private long change(LanguageServer server, String uri, int version, int line, int oldLength, String text,
            int timeoutSeconds) throws Exception {
        long t0 = System.nanoTime();
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(
                        new Range(new Position(line, 0), new Position(line, oldLength)), text))));
        long t1 = await(uri, version, timeoutSeconds);
        return (t1 - t0) / 1_000_000;
    }

    private long await(String uri, int version, int timeoutSeconds) throws InterruptedException {
        String key = uri + "#" + version;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (this) {
            while (!arrived.containsKey(key)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no diagnostics for " + key);
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return arrived.get(key);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams d) {
        long now = System.nanoTime();
        publishes.incrementAndGet();
        synchronized (this) {
            arrived.putIfAbsent(d.getUri() + "#" + d.getVersion(), now);
            notifyAll();
        }
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams m) {
        System.err.println("server: " + m.getMessage());
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams m) {
    }
}
