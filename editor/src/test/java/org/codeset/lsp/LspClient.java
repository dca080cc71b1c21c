package org.codeset.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A test client: starts the real server on in-process pipes and talks to it over JSON-RPC with
 * LSP4J's client launcher, keeping every diagnostics notification it receives.
 */
final class LspClient implements LanguageClient, AutoCloseable {
    final Path root;
    final LanguageServer server;
    private final CompletableFuture<Integer> exit;
    private final List<PublishDiagnosticsParams> received = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final OutputStream toServerStream;

    LspClient(Path root, long debounceMillis) throws Exception {
        this(root, debounceMillis, null);
    }

    LspClient(Path root, long debounceMillis, org.codeset.core.validate.Rules rules) throws Exception {
        this.root = root;
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        InputStream serverIn = Channels.newInputStream(toServer.source());
        OutputStream serverOut = Channels.newOutputStream(toClient.sink());
        exit = CompletableFuture.supplyAsync(() -> {
            try {
                return CodesetLanguageServer.serve(
                        new CodesetLanguageServer.Options(null, debounceMillis, false, rules), serverIn, serverOut, System.err);
            } catch (InterruptedException e) {
                return -1;
            }
        }, r -> {
            Thread t = new Thread(r, "test-lsp-server");
            t.setDaemon(true);
            t.start();
        });
        toServerStream = Channels.newOutputStream(toServer.sink());
        var launcher = LSPLauncher.createClientLauncher(this, Channels.newInputStream(toClient.source()),
                toServerStream);
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "repo")));
        server.initialize(init).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    String uri(String rel) {
        return root.resolve(rel).toUri().toString();
    }

    void open(String rel, String text) {
        versions.put(rel, 1);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(rel), "yaml", 1, text)));
    }

    /** Replaces the whole text of an open document. */
    void change(String rel, String text) {
        int v = versions.merge(rel, 1, Integer::sum);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(rel), v), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** Replaces a range of an open document (an incremental change, as editors send). */
    void change(String rel, int line, int from, int toLine, int to, String text) {
        int v = versions.merge(rel, 1, Integer::sum);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(rel), v), List.of(new TextDocumentContentChangeEvent(
                        new Range(new Position(line, from), new Position(toLine, to)), text))));
    }

    TextDocumentIdentifier doc(String rel) {
        return new TextDocumentIdentifier(uri(rel));
    }

    /** Waits for diagnostics of a file that satisfy {@code test}; returns them (the latest ones received). */
    PublishDiagnosticsParams await(String rel, Predicate<PublishDiagnosticsParams> test) throws InterruptedException {
        String uri = uri(rel);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (received) {
            while (true) {
                PublishDiagnosticsParams latest = null;
                for (PublishDiagnosticsParams p : received) {
                    if (p.getUri().equals(uri)) {
                        latest = p;
                    }
                }
                if (latest != null && test.test(latest)) {
                    return latest;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no diagnostics as expected for " + rel + "; latest: " + latest);
                }
                received.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** Every notification for a file so far. */
    List<PublishDiagnosticsParams> all(String rel) {
        synchronized (received) {
            return received.stream().filter(p -> p.getUri().equals(uri(rel))).toList();
        }
    }

    int shutdownAndExit() throws java.io.IOException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException, InterruptedException {
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        int code = exit.get(10, TimeUnit.SECONDS);
        toServerStream.close(); // the server's reader sees the end of its input
        return code;
    }

    @Override
    public void close() throws java.io.IOException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException, InterruptedException {
        if (!exit.isDone()) {
            shutdownAndExit();
        }
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
        synchronized (received) {
            received.add(diagnostics);
            received.notifyAll();
        }
    }

    @Override
    public void showMessage(MessageParams messageParams) {
        synchronized (messages) {
            messages.add(messageParams.getMessage());
        }
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
    }
}
