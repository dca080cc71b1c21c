package org.codeset.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.codeset.lsp.CodesetLanguageServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = {
            "Run the language server: a validating code-set editor in any LSP client.",
            "",
            "Eclipse (LSP4E), VS Code, Neovim, IntelliJ: the client starts 'codeset lsp' and speaks LSP over"
                + " standard input and output (or, with --port, over one TCP connection on 127.0.0.1). The"
                + " client's workspace folder is the code-set repository, unless --repo is given.",
            "",
            "Diagnostics (every rule of validate) follow the unsaved buffers as you type; definition,"
                + " references, hover, completion, quick fixes, outline, workspace symbols and formatting"
                + " work on them too. The server never writes a file: fixes go to the editor as edits."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  codeset lsp                        stdio, for an editor that starts the server",
            "  codeset lsp --port 5007            wait for one client on 127.0.0.1:5007",
            "",
            "Exit status: 0 after the client's shutdown and exit, 1 when the connection ends",
            "without them, 2 bad usage."})
final class LspCli implements Callable<Integer> {
    @Option(names = "--repo", paramLabel = "DIR",
            description = "The code-set repository (default: the client's workspace folder).")
    Path repo;

    @Option(names = "--port", paramLabel = "N",
            description = "Listen on 127.0.0.1:N for one client instead of using standard input and output"
                + " (0: any free port, printed to standard error).")
    Integer port;

    @Option(names = "--debounce", paramLabel = "MS", defaultValue = "20",
            description = "Quiet time after a change before the repository is checked. Default: ${DEFAULT-VALUE} ms.")
    long debounce;

    @Option(names = "--cache",
            description = "Start from the parse cache and saved findings in .codeset/cache/ (shared with the"
                + " command line, and refreshed): a start in seconds instead of a full parse on a large"
                + " repository, but the first edits are checked slower until the JVM has warmed up.")
    boolean cache;

    private CodesetLanguageServer.Options options() {
        return new CodesetLanguageServer.Options(repo, debounce, cache, null);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // Standard output carries the protocol: nothing else may be written to it.
        PrintStream log = System.err;
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (repo != null) {
            // a --repo that is no repository is a usage error now, not a silent failure at initialize
            org.codeset.core.model.RepositoryLoader.codeSetIds(repo);
        }
        if (port == null) {
            InputStream in = System.in;
            OutputStream out = System.out;
            System.setOut(log);
            return CodesetLanguageServer.serve(options(), in, out, log);
        }
        if (port < 0 || port > 65535) {
            err.println("codeset: --port " + port + " is not a port number (0-65535)");
            return Main.USAGE;
        }
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            err.println("codeset lsp: listening on 127.0.0.1:" + server.getLocalPort());
            err.flush();
            try (Socket socket = server.accept()) {
                return CodesetLanguageServer.serve(options(), endsWhenClosed(socket),
                        socket.getOutputStream(), log);
            }
        }
    }

    /** The socket's input, reading as ended (not failing) once the socket is closed after the session. */
    private static InputStream endsWhenClosed(Socket socket) throws java.io.IOException {
        return new java.io.FilterInputStream(socket.getInputStream()) {
            @Override
            public int read() throws java.io.IOException {
                try {
                    return super.read();
                } catch (java.net.SocketException e) {
                    if (socket.isClosed()) {
                        return -1;
                    }
                    throw e;
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                try {
                    return super.read(b, off, len);
                } catch (java.net.SocketException e) {
                    if (socket.isClosed()) {
                        return -1;
                    }
                    throw e;
                }
            }
        };
    }
}
