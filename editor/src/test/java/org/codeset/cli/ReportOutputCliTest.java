package org.codeset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.codeset.core.Codesets;
import org.codeset.core.history.CodeHistory;
import org.codeset.core.history.Release;
import org.codeset.core.history.ReleaseHistory;
import org.codeset.core.release.DiffCommand;
import org.codeset.core.report.CodeViewReport;
import org.codeset.core.report.DeltaReport;
import org.codeset.core.report.HistoryReport;
import org.codeset.core.report.ReleasedBundle;
import org.codeset.core.report.ReleasesReport;
import org.codeset.core.report.Report;
import org.codeset.core.report.SnapshotReport;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line writes the core's reports as they are: what another front end serves is the same. */
class ReportOutputCliTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path cache;
    static Path root;

    @BeforeAll
    static void release() throws Exception {
        root = ReleasedBundle.build(dir);
    }

    private static void same(Report expected, Cli cli) {
        assertEquals(0, cli.exit(), cli.err());
        assertEquals(new String(expected.toBytes(), StandardCharsets.UTF_8), cli.out());
    }

    private static Release release(String version) throws Exception {
        return ReleaseHistory.find(ReleaseHistory.releases(root, "radiology"), "radiology", version);
    }

    @Test
    void diffAndPullSinceWriteTheDelta() throws Exception {
        DiffCommand.Outcome o = Codesets.open(root).diff().codeset("radiology").from("1.0.0").to("2.0.0").call();
        same(DeltaReport.json(o.from(), o.to(), o.diff()), Cli.in(root, "diff", "radiology@1.0.0", "radiology@2.0.0",
                "--format", "json"));
        same(DeltaReport.csv(o.diff()), Cli.in(root, "diff", "radiology@1.0.0", "radiology@2.0.0", "--format", "csv"));
        same(DeltaReport.json(o.from(), o.to(), o.diff()), Cli.run("pull", root.toString(), "radiology", "--since", "1.0.0",
                "--cache", cache.toString()));
        same(DeltaReport.csv(o.diff()), Cli.run("pull", root.toString(), "radiology@2.0.0", "--since", "1.0.0",
                "--format", "csv", "--cache", cache.toString()));
        DiffCommand.Outcome working = Codesets.open(root).diff().codeset("radiology").from("latest").call();
        same(DeltaReport.json(working.from(), working.to(), working.diff()), Cli.in(root, "diff", "radiology@latest",
                "--format", "json"));
    }

    @Test
    void pullWritesTheSnapshot() throws Exception {
        Release v1 = release("1.0.0");
        var cs = ReleaseHistory.snapshot(root, v1);
        same(SnapshotReport.json(v1, cs), Cli.run("pull", root.toString(), "radiology@1.0.0", "--cache", cache.toString()));
        same(SnapshotReport.csv(cs), Cli.run("pull", root.toString(), "radiology@1.0.0", "--format", "csv",
                "--cache", cache.toString()));
        Path out = dir.resolve("radiology-1.0.0.json");
        Cli toFile = Cli.run("pull", root.toString(), "radiology@1.0.0", "--out", out.toString(), "--cache", cache.toString());
        assertEquals(0, toFile.exit(), toFile.err());
        assertEquals("", toFile.out());
        assertEquals(new String(SnapshotReport.json(v1, cs).toBytes(), StandardCharsets.UTF_8), Files.readString(out));
    }

    @Test
    void showHistoryAndReleasesWriteTheirJson() throws Exception {
        Workspace w = Workspace.open(root);
        same(CodeViewReport.json(org.codeset.core.query.CodeView.of(w.model(), "radiology", "72040")),
                Cli.in(root, "show", "radiology", "72040", "--format", "json"));
        same(HistoryReport.json(CodeHistory.of(root, "radiology", "72050", w.model().codeSet("radiology"))),
                Cli.in(root, "history", "radiology", "72050", "--format", "json"));
        same(ReleasesReport.json(ReleaseHistory.summaries(root, "radiology")),
                Cli.in(root, "releases", "radiology", "--format", "json"));
    }
}
