package org.codeset.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.errors.EditRefusedException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downstream pulls from a bare repository by path, file:// and git:// (git daemon on 127.0.0.1). */
class PullTest {
    @TempDir
    Path dir;
    @TempDir
    Path cache;
    private Path bare;
    private final PersonIdent who = new PersonIdent("Coding Team", "team@example.org");

    private static String entry(String code, String display) {
        return "  - code: \"" + code + "\"\n    display: " + display + "\n    status: active\n    effective: 2018-01-01\n";
    }

    @BeforeEach
    void publish() throws Exception {
        Path up = dir.resolve("upstream");
        new TestRepo(up).codeset("rad").file("codesets/rad/codes.yaml", "codes:\n" + entry("71045", "Chest X-ray, single view"));
        Files.writeString(up.resolve(".gitignore"), ".codeset/\n");
        try (Git git = Git.init().setDirectory(up.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("start").setAuthor(who).setCommitter(who).call();
        }
        Codesets.open(up).release().codeset("rad").author(who).bump(ReleaseCommand.Bump.AUTO).call();
        Codesets.open(up).add().codeset("rad").code("71046").display("Chest X-ray, 2 views").effective("2018-01-01").call();
        Codesets.open(up).release().codeset("rad").author(who).bump(ReleaseCommand.Bump.AUTO).call();
        bare = dir.resolve("remote.git");
        Git.cloneRepository().setBare(true).setURI(up.toUri().toString()).setDirectory(bare.toFile()).call().close();
    }

    private PullCommand pull(String remote) {
        return new PullCommand().remote(remote).codeset("rad").cache(cache);
    }

    @Test
    void pullTheLatestReleaseByPathAndTheDeltaByFileUrl() throws Exception {
        var latest = pull(bare.toString()).call();
        assertEquals("rad/v1.1.0", latest.release().tag());
        assertEquals(List.of("71045", "71046"), latest.codeSet().entries().stream().map(e -> e.code()).toList());
        var delta = pull(bare.toUri().toString()).since("1.0.0").call();
        assertEquals(List.of("71046"), delta.delta().added().stream().map(c -> c.code()).toList());
        var old = pull(bare.toString()).version("1.0.0").call();
        assertEquals(1, old.codeSet().entries().size());
    }

    @Test
    void aMovedTagALightweightTagAndAnInvalidTreeAreRefused() throws Exception {
        pull(bare.toString()).version("1.0.0").call(); // now cached
        try (Git git = Git.open(bare.toFile())) {
            // someone re-creates v1.0.0 on another commit in the remote
            var other = git.getRepository().resolve("rad/v1.1.0^{commit}");
            git.tagDelete().setTags("rad/v1.0.0").call();
            git.tag().setName("rad/v1.0.0").setAnnotated(true).setMessage("moved").setTagger(who)
                    .setObjectId(new org.eclipse.jgit.revwalk.RevWalk(git.getRepository()).parseCommit(other)).call();
            git.tag().setName("rad/v9.0.0").setAnnotated(false)
                    .setObjectId(new org.eclipse.jgit.revwalk.RevWalk(git.getRepository()).parseCommit(other)).call();
        }
        EditRefusedException moved = assertThrows(EditRefusedException.class, () -> pull(bare.toString()).version("1.0.0").call());
        assertTrue(moved.getMessage().contains("must never move"), moved.getMessage());
        EditRefusedException light = assertThrows(EditRefusedException.class, () -> pull(bare.toString()).version("9.0.0").call());
        assertTrue(light.getMessage().contains("lightweight"), light.getMessage());
    }

    @Test
    void aTagWhoseTreeIsNotTheOneItsManifestListsIsRefused() throws Exception {
        try (Git git = Git.open(bare.toFile())) {
            // a tag on the 1.1.0 commit, with the manifest of 1.0.0 (whose codes.yaml held one code)
            String manifest = git.getRepository().parseCommit(git.getRepository().resolve("rad/v1.1.0^{commit}"))
                    .getFullMessage();
            String old = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())
                    .parseTag(git.getRepository().resolve("rad/v1.0.0")).getFullMessage();
            assertTrue(old.contains("SHA-256 of the code set's files:") && manifest.contains("rad/v1.1.0"));
            git.tag().setName("rad/v1.2.0").setAnnotated(true).setMessage(old.replace("rad/v1.0.0", "rad/v1.2.0"))
                    .setTagger(who).setObjectId(new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())
                            .parseCommit(git.getRepository().resolve("rad/v1.1.0^{commit}"))).call();
        }
        EditRefusedException wrong = assertThrows(EditRefusedException.class, () -> pull(bare.toString()).version("1.2.0").call());
        assertTrue(wrong.getMessage().contains("rad/v1.2.0's tree does not match the SHA-256 manifest"), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("codesets/rad/codes.yaml does not have the SHA-256 the manifest lists"),
                wrong.getMessage());
        // the genuine releases still pull
        assertEquals("rad/v1.1.0", pull(bare.toString()).version("1.1.0").call().release().tag());
    }

    @Test
    void aRemoteThatDiesMidFetchGivesAClearErrorAndNoPartialState() throws Exception {
        // a smart-HTTP server on loopback that advertises the refs, then drops the connection mid-pack
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        Path[] seen = new Path[1];
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (var git = Git.open(bare.toFile())) {
                if (path.endsWith("/info/refs")) {
                    var out = new java.io.ByteArrayOutputStream();
                    var pkt = new org.eclipse.jgit.transport.PacketLineOut(out);
                    pkt.writeString("# service=git-upload-pack\n");
                    pkt.end();
                    var up = new org.eclipse.jgit.transport.UploadPack(git.getRepository());
                    up.setBiDirectionalPipe(false);
                    up.sendAdvertisedRefs(new org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser(pkt));
                    byte[] body = out.toByteArray();
                    exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-advertisement");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } else {
                    // the pack request: start answering, then die
                    exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write("0008NAK\n0023\u0002Counting objects: 1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/remote.git";
            var e = assertThrows(org.codeset.core.errors.UnreadableInputException.class, () -> pull(url).call());
            assertTrue(e.getMessage().startsWith("cannot fetch rad releases from http://127.0.0.1:"), e.getMessage());
            // the cache holds no tag of the failed fetch
            try (Stream<Path> caches = Files.list(cache)) {
                for (Path repo : caches.toList()) {
                    try (Git g = Git.open(repo.toFile())) {
                        assertEquals(List.of(), g.tagList().call());
                    }
                }
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void pullOverGitProtocolFromAGitDaemonOnLoopback() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process daemon = new ProcessBuilder("git", "daemon", "--reuseaddr", "--listen=127.0.0.1", "--port=" + port,
                "--base-path=" + dir, "--export-all", dir.toString()).redirectErrorStream(true).start();
        try {
            String url = "git://127.0.0.1:" + port + "/remote.git";
            PullCommand.Result r = null;
            for (int attempt = 0; attempt < 50 && r == null; attempt++) {
                try {
                    r = pull(url).since("1.0.0").call();
                } catch (org.codeset.core.errors.UnreadableInputException e) {
                    Thread.sleep(100); // the daemon is still starting
                }
            }
            assertTrue(r != null, "git daemon did not answer on " + url);
            assertEquals("rad/v1.1.0", r.release().tag());
            assertEquals(1, r.delta().added().size());
        } finally {
            daemon.destroy();
            daemon.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
