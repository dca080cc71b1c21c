package org.codeset.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.finding.Finding;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Findings saved by one run and restored by the next equal a fresh validation, whatever changed
 * on disk in between (files edited by hand, added, removed), and the next run really reuses them.
 */
class ResultStoreTest {
    @TempDir
    Path dir;

    private List<String> run() throws Exception {
        // age every file, so the parse cache takes them (it skips files changed in the last 2 s)
        try (Stream<Path> s = Files.walk(dir.resolve("codesets"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(60)));
            }
        }
        Workspace c = Workspace.openCached(dir);
        List<String> findings = Codesets.on(c).validate().call().findings().stream().map(f -> f + " " + f.related()).toList();
        c.saveResults();
        List<String> fresh = Codesets.open(dir).validate().call().findings().stream().map(f -> f + " " + f.related()).toList();
        assertEquals(fresh, findings);
        return findings;
    }

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String code(String code, String display, String extra) {
        return "  - code: \"" + code + "\"\n    display: " + display + "\n    status: active\n    effective: 2026-01-01\n" + extra;
    }

    @Test
    void restoredFindingsFollowChangesMadeBetweenRuns() throws Exception {
        new TestRepo(dir).codeset("a").codeset("b");
        write("codesets/a/one.yaml", "codes:\n" + code("1", "One", "") + code("2", "Two", ""));
        write("codesets/a/two.yaml", "codes:\n" + code("3", "Three", "    parent: \"1\"\n"));
        write("codesets/b/codes.yaml", "codes:\n" + code("X", "Ex", "    mappings:\n      - target: a:2\n        relationship: equivalent\n"));
        assertEquals(List.of(), run());
        assertTrue(Files.isRegularFile(dir.resolve(".codeset/cache/results/manifest")));
        // a referenced code disappears from another file: the other files' findings change
        write("codesets/a/one.yaml", "codes:\n" + code("1", "One", ""));
        assertEquals(1, run().size());
        // a duplicate appears in a new file
        write("codesets/a/three.yaml", "codes:\n" + code("1", "Uno", ""));
        assertEquals(3, run().size());
        // lines move in one.yaml: the related locations in three.yaml's finding follow
        write("codesets/a/one.yaml", "# moved down\n# by two lines\ncodes:\n" + code("1", "One", ""));
        assertEquals(3, run().size());
        // the new file goes again, and the code comes back
        Files.delete(dir.resolve("codesets/a/three.yaml"));
        write("codesets/a/one.yaml", "codes:\n" + code("1", "One", "") + code("2", "Two", ""));
        assertEquals(List.of(), run());
        // a display clash across files, then a code set's declarations change
        write("codesets/a/two.yaml", "codes:\n" + code("3", "one", "    parent: \"1\"\n"));
        assertEquals(2, run().size());
        write("codesets/a/codeset.yaml", Files.readString(dir.resolve("codesets/a/codeset.yaml"))
                + "codePattern: '^[0-9]$'\n");
        List<String> last = run();
        assertEquals(2, last.size(), last.toString());
    }

    @Test
    void anUnchangedRepositoryIsNotRecheckedAndADamagedStoreIsIgnored() throws Exception {
        new TestRepo(dir).codeset("a");
        write("codesets/a/one.yaml", "codes:\n" + code("1", "One", "    parent: \"9\"\n"));
        List<String> first = run();
        assertEquals(1, first.size());
        assertEquals(first, run());
        try (Stream<Path> s = Files.list(dir.resolve(".codeset/cache/results"))) {
            for (Path p : s.toList()) {
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        assertEquals(first, run());
    }

    @Test
    void aRestoredStateFollowsTheSavedOneWithNothingChanged() throws Exception {
        new TestRepo(dir).codeset("a");
        write("codesets/a/one.yaml", "codes:\n" + code("1", "One", "    parent: \"9\"\n"));
        run();
        Workspace c = Workspace.openCached(dir);
        // the restored state follows the saved one with nothing changed: findings come from the store
        List<Finding> findings = Codesets.on(c).validate().call().findings();
        assertEquals("unresolved-reference", findings.get(0).rule());
        assertTrue(c.model().changes().changedSince(c.model().changes().generation()).isEmpty());
    }
}
