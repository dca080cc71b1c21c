package org.codeset.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.errors.EditRefusedException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed release tags: made with a key of a GnuPG key store made here with the gpg command line,
 * and checked by {@code git tag -v}, which verifies with gpg itself.
 */
class SignedReleaseTest {
    @TempDir
    static Path gnupg;
    @TempDir
    Path dir;
    private final PersonIdent who = new PersonIdent("Coding Team", "team@example.org");

    private static int run(Path cwd, Map<String, String> env, StringBuilder out, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return p.waitFor();
    }

    @BeforeAll
    static void keyStore() throws Exception {
        // .ci/run installs gnupg where it is missing, so in CI this always runs
        boolean gpg;
        try {
            gpg = new ProcessBuilder("gpg", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (java.io.IOException e) {
            gpg = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(gpg, "gpg is not installed: signed tags are not tested here");
        Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        StringBuilder out = new StringBuilder();
        assertEquals(0, run(gnupg, Map.of("GNUPGHOME", gnupg.toString()), out, "gpg", "--batch", "--passphrase", "",
                "--quick-gen-key", "Coding Team <team@example.org>", "rsa2048", "sign", "never"), out.toString());
        // JGit's OpenPGP signer reads the key store named here (else GNUPGHOME, else ~/.gnupg)
        System.setProperty("jgit.gpg.home", gnupg.toString());
    }

    @AfterAll
    static void stopAgent() {
        try {
            run(gnupg, Map.of("GNUPGHOME", gnupg.toString()), new StringBuilder(), "gpgconf", "--kill", "gpg-agent");
        } catch (Exception e) {
            // no agent to stop
        }
    }

    @Test
    void aSignedReleaseTagVerifiesWithGitAndAMissingKeyIsRefusedBeforeAnythingIsWritten() throws Exception {
        new TestRepo(dir).codeset("rad").file("codesets/rad/codes.yaml",
                "codes:\n" + ReleaseTest.entry("72040", "X-ray of the cervical spine, 2 or 3 views")).commitAll(who);
        try (Git git = Git.open(dir.toFile())) {
            ObjectId head = git.getRepository().resolve("HEAD");

            EditRefusedException refused = assertThrows(EditRefusedException.class, () -> Codesets.open(dir).release()
                    .codeset("rad").bump(ReleaseCommand.Bump.AUTO).author(who).signingKey("nobody@example.org").call());
            assertTrue(refused.getMessage().contains("no OpenPGP secret key 'nobody@example.org'"), refused.getMessage());
            assertEquals(head, git.getRepository().resolve("HEAD"));
            assertNull(git.getRepository().exactRef("refs/tags/rad/v1.0.0"));

            var r = Codesets.open(dir).release().codeset("rad").bump(ReleaseCommand.Bump.AUTO).author(who).sign(true)
                    .date(LocalDate.of(2026, 11, 27)).call();
            assertEquals("rad/v1.0.0", r.tag());
        }
        StringBuilder out = new StringBuilder();
        int code = run(dir, Map.of("GNUPGHOME", gnupg.toString()), out, "git", "tag", "-v", "rad/v1.0.0");
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("Good signature from \"Coding Team <team@example.org>\""), out.toString());
        // the signature covers the message with its manifest: a changed message no longer verifies
        StringBuilder raw = new StringBuilder();
        run(dir, Map.of(), raw, "git", "cat-file", "tag", "rad/v1.0.0");
        assertTrue(raw.toString().contains("SHA-256 of the code set's files:"), raw.toString());
        assertTrue(raw.toString().contains("-----BEGIN PGP SIGNATURE-----"), raw.toString());
        String forged = raw.toString().replace("rad/v1.0.0: 1 added", "rad/v1.0.0: 2 added");
        Path forgedFile = dir.resolve("forged-tag.txt");
        Files.writeString(forgedFile, forged);
        StringBuilder id = new StringBuilder();
        assertEquals(0, run(dir, Map.of(), id, "sh", "-c", "git mktag < forged-tag.txt"), id.toString());
        Files.delete(forgedFile);
        StringBuilder bad = new StringBuilder();
        assertTrue(run(dir, Map.of("GNUPGHOME", gnupg.toString()), bad, "git", "verify-tag", id.toString().strip()) != 0,
                bad.toString());
        assertTrue(bad.toString().contains("BAD signature"), bad.toString());
        List<String> tags = List.of(new String(new ProcessBuilder("git", "-C", dir.toString(), "tag").start().getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8).strip().split("\n"));
        assertEquals(List.of("rad/v1.0.0"), tags);
    }
}
