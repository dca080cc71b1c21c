package org.codeset.core.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.diff.Action;
import org.codeset.core.diff.CodeSetDiff;
import org.codeset.core.history.Release;
import org.codeset.core.model.SemVer;
import org.codeset.core.workspace.Workspace;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases read from annotated tags in a real git repository, and the semantic diff between them. */
class DiffAndReleasesTest {
    @TempDir
    Path dir;
    private Git git;
    private final PersonIdent who = new PersonIdent("Maintainer", "m@example.org");

    private static String entry(String code, String display, String status, String extra) {
        return "  - code: \"" + code + "\"\n    display: " + display + "\n    status: " + status
                + "\n    effective: 2018-01-01\n" + extra;
    }

    private void release(String tag, String codes) throws Exception {
        Files.writeString(dir.resolve("codesets/rad/codes.yaml"), "codes:\n" + codes);
        git.add().addFilepattern("codesets").call();
        git.commit().setMessage(tag).setAuthor(who).setCommitter(who).call();
        git.tag().setName(tag).setAnnotated(true).setMessage("release " + tag).setTagger(who).call();
    }

    @BeforeEach
    void repository() throws Exception {
        new TestRepo(dir).codeset("rad", "properties:", "  - id: views", "    type: integer");
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        release("rad/v1.0.0", entry("71010", "Chest X-ray, one view", "active", "") + entry("71020", "Chest X-ray, two views", "active", ""));
        release("rad/v1.1.0", entry("71010", "Chest X-ray, one view", "active", "") + entry("71020", "Chest X-ray, two views", "active", "")
                + entry("71045", "Chest X-ray, single view", "active", "    properties:\n      views: 1\n"));
        release("rad/v10.0.0", entry("71010", "Chest X-ray, single frontal view", "retired",
                "    retired: 2019-01-01\n    relations:\n      - type: replaced-by\n        target: \"71045\"\n")
                + entry("71020", "Chest X-ray, two views", "deprecated", "")
                + entry("71045", "Chest X-ray, single view", "active", "    properties:\n      views: 2\n"));
        git.tag().setName("rad/vnext").setAnnotated(true).setMessage("not a version").setTagger(who).call();
    }

    @Test
    void releasesAreOrderedBySemanticVersionNotByName() throws Exception {
        List<Release> releases = Codesets.open(dir).releases("rad");
        assertEquals(List.of("1.0.0", "1.1.0", "10.0.0"), releases.stream().map(r -> r.version().toString()).toList());
        assertEquals("release rad/v1.1.0", releases.get(1).message().strip());
    }

    @Test
    void diffBetweenReleasesHasActionsFieldsAndTheBump() throws Exception {
        CodeSetDiff.Result minor = Codesets.open(dir).diff().codeset("rad").from("1.0.0").to("1.1.0").call().diff();
        assertEquals(List.of("71045"), minor.added().stream().map(CodeSetDiff.Change::code).toList());
        assertEquals(Action.A, minor.added().get(0).action());
        assertEquals(SemVer.Bump.MINOR, minor.bump());

        CodeSetDiff.Result major = Codesets.open(dir).diff().codeset("rad").from("1.1.0").to("10.0.0").call().diff();
        assertEquals(SemVer.Bump.MAJOR, major.bump());
        CodeSetDiff.Change retired = major.retired().get(0);
        assertEquals("71010", retired.code());
        assertEquals(Action.D, retired.action());
        assertEquals(List.of("71045"), retired.replacedBy());
        assertEquals(List.of("display", "status", "retired", "relations"), retired.fields().stream().map(CodeSetDiff.Field::name).toList());
        assertEquals(new CodeSetDiff.Field("display", "Chest X-ray, one view", "Chest X-ray, single frontal view"),
                retired.fields().get(0));
        assertEquals("71020", major.deprecated().get(0).code());
        CodeSetDiff.Change views = major.changed().get(0);
        assertEquals("71045", views.code());
        assertEquals(Action.F, views.action());
        assertEquals(List.of(new CodeSetDiff.Field("properties", "{\"views\":\"1\"}", "{\"views\":\"2\"}")), views.fields());
    }

    @Test
    void textOnlyChangesArePatchAndTheWorkingTreeIsComparedToo() throws Exception {
        Files.writeString(dir.resolve("codesets/rad/codes.yaml"), Files.readString(dir.resolve("codesets/rad/codes.yaml"))
                .replace("Chest X-ray, two views", "Chest X-ray, 2 views"));
        CodeSetDiff.Result patch = Codesets.open(dir).diff().codeset("rad").from("latest").call().diff();
        assertEquals(SemVer.Bump.PATCH, patch.bump());
        assertEquals(Action.S, patch.changed().get(0).action());
    }

    @Test
    void historyOfOneCodeAcrossReleases() throws Exception {
        var steps = org.codeset.core.history.CodeHistory.of(dir, "rad", "71010", Workspace.open(dir).model().codeSet("rad"));
        assertEquals(List.of("rad/v1.0.0 A", "rad/v10.0.0 D"), steps.stream().map(s -> s.release() + " " + s.action()).toList());
        assertEquals("retired", steps.get(1).fields().get(2).name());
    }

    @Test
    void historyRulesCheckEveryRelease() throws Exception {
        // 71020 dropped (it is in the latest release), 71010 retired in 10.0.0 comes back as something else
        Files.writeString(dir.resolve("codesets/rad/codes.yaml"), "codes:\n"
                + entry("71010", "Chest CT", "active", "")
                + entry("71045", "Chest X-ray, single view", "active", "    properties:\n      views: 2\n"));
        List<String> findings = Codesets.open(dir).validate().call().findings().stream()
                .map(f -> f.rule() + " " + f.line()).toList();
        assertEquals(List.of("released-code-removed 1", "code-reused 3"), findings);
        assertTrue(Codesets.open(dir).validate().call().findings().get(0).message().contains("rad/v10.0.0"));
    }
}
