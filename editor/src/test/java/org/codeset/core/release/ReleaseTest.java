package org.codeset.core.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.history.Manifest;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases on real git repositories, cross-checked with the git command line; failures leave nothing half done. */
class ReleaseTest {
    @TempDir
    Path dir;
    private Git git;
    private final PersonIdent who = new PersonIdent("Coding Team", "team@example.org");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    /** An active code as codes.yaml lists it (VersionPolicyTest writes its codes with it too). */
    static String entry(String code, String display) {
        return "  - code: \"" + code + "\"\n    display: " + display + "\n    status: active\n    effective: 2018-01-01\n";
    }

    @BeforeEach
    void repository() throws Exception {
        new TestRepo(dir).codeset("rad").codeset("dx")
                .file("codesets/rad/codes.yaml", "codes:\n" + entry("71045", "Chest X-ray, single view") + entry("71046", "Chest X-ray, 2 views"))
                .file("codesets/dx/codes.yaml", "codes:\n" + entry("M54.2", "Cervicalgia"));
        Files.writeString(dir.resolve(".gitignore"), ".codeset/\n");
        Path meta = dir.resolve("codesets/rad/codeset.yaml");
        Files.writeString(meta, Files.readString(meta).replace("version: 1.0.0", "version: 0.1.0"));
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        git.add().addFilepattern(".").call();
        git.commit().setMessage("start").setAuthor(who).setCommitter(who).call();
    }

    private ReleaseCommand release() throws Exception {
        return Codesets.open(dir).release().codeset("rad").author(who).date(DAY);
    }

    private String cli(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.stripTrailing();
    }

    @Test
    void firstReleaseIsAnAnnotatedTagOnACommitOfTheCodeSetOnly() throws Exception {
        Files.writeString(dir.resolve("codesets/dx/codes.yaml"), "codes:\n" + entry("M54.2", "Cervicalgia (edited)"));
        Files.writeString(dir.resolve("notes.txt"), "not mine");
        var r = release().bump(ReleaseCommand.Bump.AUTO).message("First issue").call();
        assertEquals("rad/v1.0.0", r.tag());
        assertEquals("tag", cli("cat-file", "-t", "rad/v1.0.0"));
        assertEquals(r.commit(), cli("rev-parse", "rad/v1.0.0^{commit}"));
        cli("fsck", "--strict");
        assertEquals("codesets/rad/CHANGELOG.md\ncodesets/rad/codeset.yaml", cli("show", "--name-only", "--format=", "HEAD"));
        // unrelated changes are neither committed nor lost
        assertEquals(" M codesets/dx/codes.yaml\n?? notes.txt", cli("status", "--short"));
        assertTrue(Files.readString(dir.resolve("codesets/rad/codeset.yaml")).contains("version: 1.0.0\n"));
        // the tag message lists the SHA-256 of each file as committed
        String message = cli("tag", "-l", "--format=%(contents)", "rad/v1.0.0");
        for (String f : List.of("codesets/rad/CHANGELOG.md", "codesets/rad/codes.yaml", "codesets/rad/codeset.yaml")) {
            byte[] committed = cli("show", "HEAD:" + f).getBytes(StandardCharsets.UTF_8);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve(f))));
            assertTrue(message.contains(sha + "  " + f), message);
            assertTrue(committed.length > 0);
        }
        assertTrue(message.startsWith("rad/v1.0.0: 2 added"), message);
    }

    /** Every line of a tag's manifest is the SHA-256 of that file in the tagged tree, and every file is listed. */
    private void manifestMatchesTree(String tag) throws Exception {
        String message = cli("tag", "-l", "--format=%(contents)", tag);
        java.util.Map<String, String> manifest = Manifest.of(message);
        List<String> files = List.of(cli("ls-tree", "-r", "--name-only", tag, "codesets/rad").split("\n"));
        assertEquals(new java.util.TreeSet<>(files), manifest.keySet(), message);
        for (String f : files) {
            Process p = new ProcessBuilder("git", "-C", dir.toString(), "cat-file", "blob", tag + ":" + f).start();
            byte[] blob = p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob)), manifest.get(f), tag + " " + f);
        }
    }

    /** A linked work tree (git worktree add) has a .git file that names its git folder. */
    @Test
    void aReleaseFromALinkedWorkTreeIsTaggedInTheSharedRepositoryAndListed() throws Exception {
        Path linked = dir.resolveSibling(dir.getFileName() + "-linked");
        cli("worktree", "add", "-q", "-b", "spring", linked.toString());
        try {
            assertTrue(Files.isRegularFile(linked.resolve(".git")), "git worktree add writes a .git file");
            Codesets.open(linked).set().codeset("rad").code("71045").display("Chest X-ray, one view").call();
            var r = Codesets.open(linked).release().codeset("rad").author(who).date(DAY).bump(ReleaseCommand.Bump.AUTO).call();
            assertEquals("rad/v1.0.0", r.tag());
            assertEquals("tag", cli("cat-file", "-t", "rad/v1.0.0"), "the tag is in the repository the work trees share");
            assertEquals(List.of("1.0.0"), Codesets.open(linked).releases("rad").stream().map(x -> x.version().toString()).toList());
        } finally {
            cli("worktree", "remove", "--force", linked.toString());
        }
    }

    @Test
    void theManifestOfALaterReleaseMatchesItsTreeWhereFilesChangedCommittedStagedOrNot() throws Exception {
        Files.writeString(dir.resolve("codesets/rad/more.yaml"), "codes:\n" + entry("72040", "X-ray of the cervical spine, 2 or 3 views"));
        git.add().addFilepattern("codesets/rad/more.yaml").call();
        git.commit().setMessage("more").setAuthor(who).setCommitter(who).call();
        release().bump(ReleaseCommand.Bump.AUTO).call();
        manifestMatchesTree("rad/v1.0.0");
        // committed before the release, as maintainers often do
        Files.writeString(dir.resolve("codesets/rad/more.yaml"), "codes:\n" + entry("72040", "X-ray of cervical spine, 2 or 3 views"));
        git.add().addFilepattern("codesets/rad/more.yaml").call();
        git.commit().setMessage("edit").setAuthor(who).setCommitter(who).call();
        // changed in the working tree right after staging, with the same size (git's racy case)
        Path codes = dir.resolve("codesets/rad/codes.yaml");
        String before = Files.readString(codes);
        git.add().addFilepattern("codesets/rad/codes.yaml").call();
        String after = before.replace("single view", "single View");
        assertEquals(before.length(), after.length());
        Files.writeString(codes, after);
        // and a new file nobody staged
        Files.writeString(dir.resolve("codesets/rad/new.yaml"), "codes:\n" + entry("72050", "X-ray of the cervical spine, 4 or 5 views"));
        var r = release().bump(ReleaseCommand.Bump.AUTO).call();
        assertEquals("rad/v1.1.0", r.tag());
        manifestMatchesTree("rad/v1.1.0");
        assertTrue(cli("show", "rad/v1.1.0:codesets/rad/codes.yaml").contains("single View"));
    }

    @Test
    void theBumpFollowsTheChangeAndAnExplicitVersionMustHonourIt() throws Exception {
        release().bump(ReleaseCommand.Bump.AUTO).call();
        Codesets.open(dir).retire().codeset("rad").code("71046").replacedBy("71045").date("2027-01-01").call();
        EditRefusedException low = assertThrows(EditRefusedException.class, () -> release().version("1.1.0").call());
        assertTrue(low.getMessage().contains("need a major release"), low.getMessage());
        assertThrows(EditRefusedException.class, () -> release().bump(ReleaseCommand.Bump.MINOR).call());
        assertEquals("rad/v2.0.0", release().bump(ReleaseCommand.Bump.AUTO).call().tag());
        EditRefusedException nothing = assertThrows(EditRefusedException.class, () -> release().bump(ReleaseCommand.Bump.AUTO).call());
        assertTrue(nothing.getMessage().contains("nothing in rad changed since rad/v2.0.0"), nothing.getMessage());
        Codesets.open(dir).set().codeset("rad").code("71045").display("Chest X-ray, one view").call();
        assertEquals("rad/v2.0.1", release().bump(ReleaseCommand.Bump.AUTO).call().tag());
        assertThrows(EditRefusedException.class, () -> release().version("2.0.1").call());
        String changelog = Files.readString(dir.resolve("codesets/rad/CHANGELOG.md"));
        assertTrue(changelog.startsWith("# Changelog of rad\n\n## 2.0.1 (2026-11-27)"), changelog);
        assertTrue(changelog.contains("- `71046` Chest X-ray, 2 views (status, retired, relations) → replaced by `71045`"), changelog);
    }

    @Test
    void aFailureAtAnyStepLeavesTheRepositoryAsItWas() throws Exception {
        ObjectId head = git.getRepository().resolve("HEAD");
        byte[] meta = Files.readAllBytes(dir.resolve("codesets/rad/codeset.yaml"));
        for (String step : List.of("write", "commit", "tag")) {
            assertThrows(EditRefusedException.class, () -> release().bump(ReleaseCommand.Bump.AUTO).failBefore(step).call(), step);
            assertEquals(head, git.getRepository().resolve("HEAD"), step);
            assertNull(git.getRepository().exactRef("refs/tags/rad/v1.0.0"), step);
            assertArrayEquals(meta, Files.readAllBytes(dir.resolve("codesets/rad/codeset.yaml")), step);
            assertTrue(Files.notExists(dir.resolve("codesets/rad/CHANGELOG.md")), step);
            assertEquals("", cli("status", "--short"), step);
        }
        assertEquals("rad/v1.0.0", release().bump(ReleaseCommand.Bump.AUTO).call().tag());
    }

    @Test
    void concurrentReleasesAreSerialisedNotInterleaved() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    try {
                        return release().bump(ReleaseCommand.Bump.AUTO).call().tag();
                    } catch (EditRefusedException e) {
                        return e.getMessage();
                    }
                }));
            }
            List<String> outcomes = new java.util.ArrayList<>();
            for (var f : runs) {
                outcomes.add(f.get());
            }
            outcomes.sort(null);
            assertEquals("rad/v1.0.0", outcomes.get(0), outcomes.toString());
            assertTrue(outcomes.get(1).startsWith("refused: nothing in rad changed since rad/v1.0.0"), outcomes.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals("rad/v1.0.0", cli("tag", "-l"));
        cli("fsck", "--strict");
    }

    @Test
    void anInvalidTreeIsNotTaggedAndADryRunChangesNothing() throws Exception {
        Files.writeString(dir.resolve("codesets/rad/codes.yaml"), "codes:\n" + entry("71045", "Chest") + entry("71045", "Again"));
        EditRefusedException e = assertThrows(EditRefusedException.class, () -> release().bump(ReleaseCommand.Bump.AUTO).call());
        assertEquals("duplicate-code", e.findings().get(0).rule());
        Files.writeString(dir.resolve("codesets/rad/codes.yaml"), "codes:\n" + entry("71045", "Chest"));
        var dry = release().bump(ReleaseCommand.Bump.AUTO).dryRun(true).call();
        assertEquals("rad/v1.0.0", dry.tag());
        assertNull(git.getRepository().exactRef("refs/tags/rad/v1.0.0"));
        assertEquals(" M codesets/rad/codes.yaml", cli("status", "--short"));
    }

    @Test
    void releasesAreReproducible(@TempDir Path other) throws Exception {
        var a = release().bump(ReleaseCommand.Bump.AUTO).call();
        Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(other.toFile()).call().close();
        try (Git g = Git.open(other.toFile())) {
            g.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("HEAD~1").call();
            g.tagDelete().setTags("rad/v1.0.0").call();
        }
        var b = Codesets.open(other).release().codeset("rad").author(who).date(DAY).bump(ReleaseCommand.Bump.AUTO).call();
        assertEquals(a.message(), b.message());
        for (String f : List.of("codesets/rad/CHANGELOG.md", "codesets/rad/codeset.yaml")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(other.resolve(f)), f);
        }
    }

    @Test
    void pushSendsCommitAndTagAndARejectedPushIsClear(@TempDir Path remotes) throws Exception {
        Path bare = remotes.resolve("origin.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        git.remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish(bare.toUri().toString())).call();
        git.push().setRemote("origin").add("main").call();
        var r = release().bump(ReleaseCommand.Bump.AUTO).push("origin").call();
        assertTrue(r.pushed());
        Process p = new ProcessBuilder("git", "--git-dir", bare.toString(), "cat-file", "-t", "rad/v1.0.0").start();
        assertEquals("tag", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        // someone else pushes first: ours is refused, never forced, and the local release stays
        Path theirs = remotes.resolve("theirs");
        try (Git g = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(theirs.toFile()).call()) {
            Files.writeString(theirs.resolve("other.txt"), "x");
            g.add().addFilepattern("other.txt").call();
            g.commit().setMessage("theirs").setAuthor(who).setCommitter(who).call();
            g.push().call();
        }
        Codesets.open(dir).set().codeset("rad").code("71045").display("Chest X-ray, one view").call();
        EditRefusedException e = assertThrows(EditRefusedException.class,
                () -> release().bump(ReleaseCommand.Bump.AUTO).push("origin").call());
        assertTrue(e.getMessage().contains("released locally") && e.getMessage().contains("refused"), e.getMessage());
        assertTrue(git.getRepository().exactRef("refs/tags/rad/v1.0.1") != null);
        Process q = new ProcessBuilder("git", "--git-dir", bare.toString(), "tag", "-l").start();
        assertEquals("rad/v1.0.0", new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                "the atomic push sent neither the commit nor the tag");
    }
}
