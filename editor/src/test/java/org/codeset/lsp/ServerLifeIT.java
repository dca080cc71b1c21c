package org.codeset.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.codeset.cli.Main;
import org.codeset.core.TestRepo;
import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.validate.Rule;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.validate.Rules;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server answers while a long check runs, drops a check made stale by a newer change, and serves on a local port. */
class ServerLifeIT {
    static final String FILE = "codesets/a/codes.yaml";
    static final String TEXT = "codes:\n  - code: \"1\"\n    display: One\n    status: active\n    effective: 2026-01-01\n"
            + "  - code: \"2\"\n    display: Two\n    status: active\n    effective: 2026-01-01\n    parent: \"1\"\n";

    @TempDir
    Path dir;

    /** A rule that takes as long as the test wants on a code set that has a display "slow". */
    static final class SlowRule implements Rule {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String id() {
            return "slow";
        }

        @Override
        public Severity defaultSeverity() {
            return Severity.WARNING;
        }

        @Override
        public String description() {
            return "Slow.";
        }

        @Override
        public String solution() {
            return "Wait.";
        }

        @Override
        public void check(RuleContext ctx) {
            for (CodeEntry e : ctx.codeSet().entries()) {
                if ("slow".equals(e.display())) {
                    entered.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException x) {
                        Thread.currentThread().interrupt();
                    }
                    ctx.report(e, e.node().scalar("display"), "slow display");
                }
            }
        }
    }

    @Test
    void requestsAreAnsweredDuringALongCheckAndAStaleCheckPublishesNothing() throws Exception {
        new TestRepo(dir).codeset("a").file(FILE, TEXT);
        SlowRule slow = new SlowRule();
        List<Rule> rules = new ArrayList<>(Rules.discover().all());
        rules.add(slow);
        try (LspClient client = new LspClient(dir, 0, Rules.of(rules))) {
            client.open(FILE, TEXT.replace("display: One", "display: slow"));
            assertTrue(slow.entered.await(20, TimeUnit.SECONDS), "the check started");
            // the check hangs; hover answers all the same, on the latest buffer
            Hover h = client.server.getTextDocumentService().hover(new HoverParams(client.doc(FILE), new Position(9, 13)))
                    .get(5, TimeUnit.SECONDS);
            assertEquals("**1** — slow\n\ncode set `a` · status **active** · effective 2026-01-01",
                    h.getContents().getRight().getValue());
            client.change(FILE, TEXT);
            // answered after the change is applied (requests follow the changes sent before them)
            h = client.server.getTextDocumentService().hover(new HoverParams(client.doc(FILE), new Position(9, 13)))
                    .get(5, TimeUnit.SECONDS);
            assertEquals("**1** — One\n\ncode set `a` · status **active** · effective 2026-01-01",
                    h.getContents().getRight().getValue());
            slow.release.countDown();
            PublishDiagnosticsParams latest = client.await(FILE, p -> p.getVersion() == 2);
            assertEquals(List.of(), latest.getDiagnostics());
            assertTrue(client.all(FILE).stream().noneMatch(p -> p.getVersion() == 1),
                    "the check of version 1 ended after version 2 arrived: not published");
        }
    }

    @Test
    void servesOneClientOnALocalPort() throws Exception {
        new TestRepo(dir).codeset("a").file(FILE, TEXT.replace("parent: \"1\"", "parent: \"9\""));
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), "lsp", "--port", "0", "--cache", "--repo", dir.toString()));
        Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
        Matcher m = listening.matcher("");
        for (int i = 0; i < 200 && !(m = listening.matcher(err.toString())).find(); i++) {
            Thread.sleep(50);
        }
        assertTrue(m.find(0), err.toString());
        CompletableFuture<PublishDiagnosticsParams> diagnostics = new CompletableFuture<>();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)))) {
            var launcher = LSPLauncher.createClientLauncher(new DiagnosticsOnly() {
                @Override
                public void publishDiagnostics(PublishDiagnosticsParams p) {
                    if (!p.getDiagnostics().isEmpty()) {
                        diagnostics.complete(p);
                    }
                }
            }, socket.getInputStream(), socket.getOutputStream());
            var clientListening = launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            server.initialize(init).get(30, TimeUnit.SECONDS); // no workspace folder: --repo is the repository
            PublishDiagnosticsParams p = diagnostics.get(30, TimeUnit.SECONDS);
            assertEquals(dir.resolve(FILE).toUri().toString(), p.getUri());
            assertEquals("unresolved-reference", p.getDiagnostics().get(0).getCode().getLeft());
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(p.getUri(), "yaml", 1, TEXT)));
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
            assertEquals(0, exit.get(10, TimeUnit.SECONDS));
            clientListening.get(10, TimeUnit.SECONDS); // the server closed the connection
        }
        assertNotNull(err.toString());
    }

    @Test
    void aWorkspaceThatIsNoRepositoryIsSaidSoAndEveryRequestAnswersEmpty() throws Exception {
        try (LspClient client = new LspClient(dir, 0)) {
            client.open(FILE, TEXT);
            assertEquals(List.of(), client.server.getTextDocumentService().definition(
                    new org.eclipse.lsp4j.DefinitionParams(client.doc(FILE), new Position(9, 13)))
                    .get(10, TimeUnit.SECONDS).getLeft());
            synchronized (client.messages) {
                assertEquals(1, client.messages.size(), client.messages.toString());
                assertTrue(client.messages.get(0).contains("is not a code-set repository"), client.messages.toString());
            }
            assertEquals(0, client.shutdownAndExit());
        }
    }

    @Test
    void aRepoOptionThatIsNoRepositoryIsAUsageErrorBeforeTheServerStarts() {
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "lsp", "--repo",
                dir.resolve("missing").toString());
        assertEquals(Main.USAGE, exit);
        assertTrue(err.toString().contains("is not a code-set repository"), err.toString());
    }

    /** A client that only receives diagnostics: every other notification is ignored. */
    private abstract static class DiagnosticsOnly implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }

    @Test
    void overStdioInItsOwnProcessRequestsSentBeforeExitAreAnsweredAndTheExitCodeIsZero() throws Exception {
        new TestRepo(dir).codeset("a").file(FILE, TEXT);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.codeset.cli.Main", "lsp", "--repo", dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var launcher = LSPLauncher.createClientLauncher(new DiagnosticsOnly() {
                @Override
                public void publishDiagnostics(PublishDiagnosticsParams p) {
                }
            }, p.getInputStream(), p.getOutputStream());
            launcher.startListening();
            LanguageServer server = launcher.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            server.initialize(init).get(30, TimeUnit.SECONDS);
            // sent at once, without waiting: the load is still running when exit arrives
            var symbols = server.getWorkspaceService().symbol(new org.eclipse.lsp4j.WorkspaceSymbolParams("two"));
            var shutdown = server.shutdown();
            server.exit();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            assertEquals(List.of("2 Two"), symbols.get(5, TimeUnit.SECONDS).getRight().stream()
                    .map(org.eclipse.lsp4j.WorkspaceSymbol::getName).toList());
            shutdown.get(5, TimeUnit.SECONDS);
        } finally {
            p.destroy();
        }
    }
}
