package org.codeset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Two maintainers' releases in a row and a downstream pull --since, on the command line. */
class ReleaseCliTest {
    @TempDir
    Path dir;
    @TempDir
    Path cache;

    private Cli run(String... args) {
        return Cli.in(dir, args);
    }


    @Test
    void releaseReleaseThenPullSince() throws Exception {
        assertEquals(0, Cli.run("init", dir.toString()).exit());
        try (Git git = Git.open(dir.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("user", null, "name", "Coding Team");
            config.setString("user", null, "email", "team@example.org");
            config.save();
            run("new", "rad", "--title", "Radiology", "--system", "https://codes.example.org/rad");
            run("add", "rad", "71010", "--display", "Chest X-ray, single frontal view", "--effective", "2000-01-01");
            run("add", "rad", "71045", "--display", "Chest X-ray, single view", "--effective", "2018-01-01");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("start").call();
        }
        Cli dry = run("release", "rad", "--bump", "auto", "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().startsWith("would release rad/v1.0.0"), dry.out());
        Cli first = run("release", "rad", "--bump", "auto", "--message", "First issue");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("SHA-256 of the code set's files:"), first.out());
        assertEquals(0, run("retire", "rad", "71010", "--replaced-by", "71045", "--date", "2018-01-01").exit());
        Cli low = run("release", "rad", "--version", "1.1.0");
        assertEquals(1, low.exit());
        assertTrue(low.err().contains("need a major release"), low.err());
        assertEquals(0, run("release", "rad", "--bump", "auto").exit());
        Cli releases = run("releases", "rad");
        assertTrue(releases.out().contains("rad/v1.0.0") && releases.out().contains("rad/v2.0.0"), releases.out());
        Cli diff = run("diff", "rad@1.0.0", "rad@2.0.0", "--format", "json");
        JsonNode d = JsonMapper.builder().build().readTree(diff.out());
        assertEquals("major", d.get("bump").asString());
        assertEquals("71010", d.get("retired").get(0).get("code").asString());
        assertEquals("D", d.get("retired").get(0).get("action").asString());
        assertEquals("71045", d.get("retired").get(0).get("replacedBy").get(0).asString());
        Cli history = run("history", "rad", "71010");
        assertTrue(history.out().contains("rad/v2.0.0") && history.out().contains("status: active -> retired"), history.out());
        Cli pull = Cli.run("pull", dir.toString(), "rad", "--since", "1.0.0", "--format", "csv", "--cache", cache.toString());
        assertEquals(0, pull.exit(), pull.err());
        assertEquals("action,code,display,status,changed_fields,replaced_by\n"
                + "D,71010,\"Chest X-ray, single frontal view\",retired,\"status retired relations\",71045\n", pull.out());
        // a third release adds a code in a new file: counts follow only the files that changed
        assertEquals(0, run("add", "rad", "71046", "--display", "Chest X-ray, 2 views", "--effective", "2018-01-01",
                "--file", "more.yaml").exit());
        assertEquals(0, run("release", "rad", "--bump", "auto").exit());
        String expected = "rad/v1.0.0 2 2|rad/v2.0.0 2 1|rad/v2.1.0 3 1";
        for (Cli listed : List.of(run("releases", "rad", "--format", "json"),
                Cli.run("releases", "rad", "--remote", dir.toString(), "--cache", cache.toString(), "--format", "json"))) {
            assertEquals(0, listed.exit(), listed.err());
            List<String> got = new java.util.ArrayList<>();
            JsonMapper.builder().build().readTree(listed.out()).forEach(r -> got.add(r.get("tag").asString() + " "
                    + r.get("codes").asInt() + " " + r.get("changes").asInt()));
            assertEquals(expected, String.join("|", got), listed.out());
        }
        Cli missing = Cli.run("pull", dir.toString(), "rad@7.0.0", "--cache", cache.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("has no release rad/v7.0.0; it has: 1.0.0, 2.0.0"), missing.err());
    }
}
