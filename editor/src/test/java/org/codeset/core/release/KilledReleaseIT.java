package org.codeset.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A release process killed (no exception, no clean-up) before each of its steps; the next release
 * finds its journal and finishes it (the commit exists: the tag is made on it) or undoes it (the
 * files are put back) and releases. Either way: one release commit, one tag on it, one changelog
 * section, and git fsck clean.
 */
class KilledReleaseIT {
    @TempDir
    Path dir;
    private final PersonIdent who = new PersonIdent("Coding Team", "team@example.org");
    private ObjectId start;

    @BeforeEach
    void repository() throws Exception {
        start = new TestRepo(dir).codeset("rad").file("codesets/rad/codes.yaml",
                "codes:\n" + ReleaseTest.entry("72040", "X-ray of the cervical spine, 2 or 3 views")).commitAll(who);
    }

    private String git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"write", "commit", "tag"})
    void aReleaseKilledBeforeAStepIsFinishedOrUndoneByTheNext(String step) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", HaltingRelease.class.getName(),
                dir.toString(), step).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(137, p.waitFor(), out);
        assertTrue(Files.exists(dir.resolve(".codeset/release-journal.json")), step);
        assertEquals("", git("tag", "-l"), step);

        var r = Codesets.open(dir).release().codeset("rad").bump(ReleaseCommand.Bump.AUTO).author(who)
                .date(LocalDate.of(2026, 11, 27)).call();
        assertEquals("rad/v1.0.0", r.tag());
        assertNotNull(r.recovered(), step);
        if (step.equals("tag")) {
            assertTrue(r.recovered().startsWith("finished the release rad/v1.0.0"), r.recovered());
        } else {
            assertTrue(r.recovered().startsWith("put back codesets/rad/codeset.yaml"), r.recovered());
        }
        assertTrue(Files.notExists(dir.resolve(".codeset/release-journal.json")), step);
        // one release commit on top of the start, tagged, the work tree clean
        assertEquals("tag", git("cat-file", "-t", "rad/v1.0.0"));
        assertEquals(git("rev-parse", "HEAD"), git("rev-parse", "rad/v1.0.0^{commit}"));
        assertEquals(start.name(), git("rev-parse", "HEAD~1"));
        assertEquals("", git("status", "--short"), step);
        git("fsck", "--strict");
        String changelog = Files.readString(dir.resolve("codesets/rad/CHANGELOG.md"));
        assertEquals(1, changelog.split("## 1.0.0", -1).length - 1, changelog);
        assertTrue(Files.readString(dir.resolve("codesets/rad/codeset.yaml")).contains("version: 1.0.0"));
        assertTrue(git("cat-file", "tag", "rad/v1.0.0").contains("SHA-256 of the code set's files:"));
        // and the next release is an ordinary one
        Codesets.open(dir).set().codeset("rad").code("72040").display("X-ray of cervical spine, 2 or 3 views").call();
        var next = Codesets.open(dir).release().codeset("rad").bump(ReleaseCommand.Bump.AUTO).author(who).dryRun(true).call();
        assertEquals("rad/v1.0.1", next.tag());
        assertNull(next.recovered());
    }
}
