package org.codeset.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.release.ReleaseCommand;
import org.codeset.core.workspace.Workspace;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A code's history read from the files that changed between releases: moves, rewordings, retirement, reactivation. */
class CodeHistoryTest {
    @TempDir
    Path dir;
    private final PersonIdent who = new PersonIdent("Coding Team", "team@example.org");

    private static String entry(String code, String display, String extra) {
        return "  - code: \"" + code + "\"\n    display: " + display + "\n    status: active\n    effective: 2018-01-01\n" + extra;
    }

    private void release(Git git, String note) throws Exception {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(note).setAuthor(who).setCommitter(who).call();
        Codesets.open(dir).release().codeset("rad").bump(ReleaseCommand.Bump.AUTO).author(who).date(LocalDate.of(2026, 11, 27))
                .call();
    }

    @Test
    void movesAreNotChangesAndEveryRealChangeIsFound() throws Exception {
        new TestRepo(dir).codeset("rad")
                .file("codesets/rad/a.yaml", "codes:\n" + entry("72040", "X-ray of the cervical spine, 2 or 3 views", "")
                        + entry("72050", "X-ray of the cervical spine, 4 or 5 views", "    relations:\n      - type: see-also\n"
                                + "        target: \"72040\"\n"))
                .file("codesets/rad/b.yaml", "codes:\n" + entry("71045", "X-ray of chest, single view", ""));
        Files.writeString(dir.resolve(".gitignore"), ".codeset/\n");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            release(git, "1.0.0");
            // 72040 moves from a.yaml to b.yaml, unchanged; 72050 (which names it) stays
            Files.writeString(dir.resolve("codesets/rad/a.yaml"), "codes:\n" + entry("72050",
                    "X-ray of the cervical spine, 4 or 5 views", "    relations:\n      - type: see-also\n        target: \"72040\"\n"));
            Files.writeString(dir.resolve("codesets/rad/b.yaml"), "codes:\n" + entry("71045", "X-ray of chest, single view", "")
                    + entry("72040", "X-ray of the cervical spine, 2 or 3 views", ""));
            Codesets.open(dir).set().codeset("rad").code("71045").display("X-ray of chest, one view").call();
            release(git, "1.0.1");
            Codesets.open(dir).set().codeset("rad").code("72040").display("X-ray of cervical spine, 2 or 3 views").call();
            release(git, "1.0.2");
            Codesets.open(dir).retire().codeset("rad").code("72040").replacedBy("72050").date("2027-01-01").call();
            release(git, "2.0.0");
        }
        var steps = CodeHistory.of(dir, "rad", "72040", Workspace.open(dir).model().codeSet("rad"));
        assertEquals(List.of("rad/v1.0.0 A", "rad/v1.0.2 S", "rad/v2.0.0 D"),
                steps.stream().map(s -> s.release() + " " + s.action()).toList());
        assertEquals("X-ray of the cervical spine, 2 or 3 views", steps.get(1).fields().get(0).before());
        var other = CodeHistory.of(dir, "rad", "71045", null);
        assertEquals(List.of("rad/v1.0.0 A", "rad/v1.0.1 S"), other.stream().map(s -> s.release() + " " + s.action()).toList());
        assertEquals(List.of(), CodeHistory.of(dir, "rad", "99999", null));
    }
}
