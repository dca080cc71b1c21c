package org.codeset.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.codeset.core.edit.EditCommand;
import org.codeset.core.validate.Rules;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The code-set language server: a thin layer that turns LSP requests into look-ups on the core
 * model and plans of the core's edit commands. It never writes a code-set file: fixes and formatting go
 * to the client as edits. See {@link Session} for how changes, requests and checks are ordered.
 */
public final class CodesetLanguageServer implements LanguageServer, LanguageClientAware {
    private final Path repo;
    private final Session session;
    private final CompletableFuture<Void> exited = new CompletableFuture<>();
    private volatile boolean shutdown;
    private final Documents documents = new Documents();
    private final Workspace workspace = new Workspace();

    /**
     * How a server runs.
     *
     * @param repo           the code-set repository, or null for the client's workspace folder
     * @param debounceMillis quiet time after a change inside a burst of changes before the check
     * @param cache          whether to read (and refresh) the parse cache and saved findings in
     *                       {@code .codeset/cache/}, as the command line does: a fast start
     * @param rules          the rules to check, or null for those on the class path
     */
    public record Options(Path repo, long debounceMillis, boolean cache, Rules rules) {
    }

    private CodesetLanguageServer(Options options, PrintStream log) {
        this.repo = options.repo();
        this.session = new Session(options, log);
    }

    /**
     * Serves one client on the given streams until it sends {@code exit} or the input ends;
     * {@code log} takes the server's own problems (never stdout). Returns the exit code LSP asks
     * for: 0 after {@code shutdown}, 1 without it.
     */
    public static int serve(Options options, InputStream in, OutputStream out, PrintStream log)
            throws InterruptedException {
        CodesetLanguageServer server = new CodesetLanguageServer(options, log);
        // daemon threads: after exit, a reader still blocked on the input does not keep the JVM alive
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "codeset-lsp-jsonrpc");
            t.setDaemon(true);
            return t;
        });
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>().setLocalService(server)
                .setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out).setExecutorService(threads)
                .create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        while (!server.exited.isDone() && !listening.isDone()) {
            try {
                server.exited.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // keep waiting
            } catch (java.util.concurrent.ExecutionException e) {
                break;
            }
        }
        server.session.close();
        threads.shutdown();
        return server.shutdown ? 0 : 1;
    }

    @Override
    public void connect(LanguageClient client) {
        session.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        Path root = repo != null ? repo : rootOf(params);
        if (root == null) {
            session.message(org.eclipse.lsp4j.MessageType.Error,
                    "codeset: no workspace folder; open the code-set repository as the workspace, or start 'codeset lsp --repo DIR'");
        } else {
            session.open(root.toAbsolutePath().normalize());
        }
        ServerCapabilities c = new ServerCapabilities();
        c.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        c.setDefinitionProvider(true);
        c.setReferencesProvider(true);
        c.setHoverProvider(true);
        CompletionOptions completion = new CompletionOptions(false, List.of(":", " ", "\"", "-"));
        c.setCompletionProvider(completion);
        c.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        c.setDocumentSymbolProvider(true);
        c.setWorkspaceSymbolProvider(true);
        c.setDocumentFormattingProvider(true);
        return CompletableFuture.completedFuture(new InitializeResult(c, new ServerInfo("codeset", version())));
    }

    private static String version() {
        String v = CodesetLanguageServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @SuppressWarnings("deprecation")
    private static Path rootOf(InitializeParams params) {
        try {
            List<WorkspaceFolder> folders = params.getWorkspaceFolders();
            if (folders != null && !folders.isEmpty()) {
                return Path.of(URI.create(folders.get(0).getUri()));
            }
            if (params.getRootUri() != null) {
                return Path.of(URI.create(params.getRootUri()));
            }
            if (params.getRootPath() != null) {
                return Path.of(params.getRootPath());
            }
        } catch (RuntimeException e) {
            // no usable root
        }
        return null;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return session.drained(); // requests sent before shutdown are answered first
    }

    @Override
    public void exit() {
        exited.complete(null);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    private final class Documents implements TextDocumentService {
        @Override
        public void didOpen(DidOpenTextDocumentParams p) {
            session.opened(p.getTextDocument().getUri(), p.getTextDocument().getVersion(), p.getTextDocument().getText());
        }

        @Override
        public void didChange(DidChangeTextDocumentParams p) {
            session.changed(p.getTextDocument().getUri(), p.getTextDocument().getVersion(), p.getContentChanges());
        }

        @Override
        public void didClose(DidCloseTextDocumentParams p) {
            session.closed(p.getTextDocument().getUri());
        }

        @Override
        public void didSave(DidSaveTextDocumentParams p) {
            // the buffer is the model already
        }

        @Override
        public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
                DefinitionParams p) {
            return session.query(Either.forLeft(List.of()), (s, cancel) -> Either.forLeft(
                    Navigation.definition(s, p.getTextDocument().getUri(), p.getPosition())));
        }

        @Override
        public CompletableFuture<List<? extends Location>> references(ReferenceParams p) {
            boolean declaration = p.getContext() != null && p.getContext().isIncludeDeclaration();
            return session.query(List.of(), (s, cancel) -> Navigation.references(s, p.getTextDocument().getUri(),
                    p.getPosition(), declaration, cancel));
        }

        @Override
        public CompletableFuture<Hover> hover(HoverParams p) {
            return session.query(null, (s, cancel) -> Navigation.hover(s, p.getTextDocument().getUri(), p.getPosition()));
        }

        @Override
        public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams p) {
            return session.query(Either.forRight(new CompletionList(List.of())), (s, cancel) -> Either.forRight(
                    Completion.complete(s, p.getTextDocument().getUri(), p.getPosition(), cancel)));
        }

        @Override
        public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams p) {
            return session.query(List.of(), (s, cancel) -> QuickFixes.actions(s, session.codesets(), p));
        }

        @Override
        public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams p) {
            return session.query(List.of(), (s, cancel) -> Symbols.outline(s, p.getTextDocument().getUri()));
        }

        @Override
        public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams p) {
            return session.query(List.of(), (s, cancel) -> {
                String rel = s.relative(p.getTextDocument().getUri());
                if (rel == null || !Session.isCodeFile(rel) || session.codesets() == null) {
                    return List.of();
                }
                EditCommand format = session.codesets().format().file(rel).unsaved(s::unsaved);
                try {
                    for (EditCommand.FileChange c : format.preview()) {
                        if (c.path().equals(rel) && c.before() != null) {
                            return TextEdits.diff(c.before(), c.after());
                        }
                    }
                } catch (org.codeset.core.errors.EditRefusedException e) {
                    // a file that does not parse is not formatted; its yaml-syntax diagnostic says why
                }
                return List.of();
            });
        }
    }

    private final class Workspace implements WorkspaceService {
        @Override
        public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
                WorkspaceSymbolParams p) {
            return session.query(Either.forRight(List.of()),
                    (s, cancel) -> Either.forRight(Symbols.search(s, p.getQuery(), cancel)));
        }

        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams p) {
            // no settings
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams p) {
            session.changedOnDisk(p.getChanges().stream().map(FileEvent::getUri).toList());
        }
    }
}
