package org.codeset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The release walkthrough of docs/releases.md, taken from that page and run with bash as a new user
 * would (two maintainers' clones, a bare remote, a downstream pull), with {@code codeset} running
 * this build: the documentation cannot drift from the tool.
 */
class ReleaseWalkthroughIT {
    @TempDir
    Path dir;

    static String block(String page, String marker) {
        int at = page.indexOf("<!-- " + marker + " -->");
        assertTrue(at >= 0, "docs/releases.md has no " + marker + " block");
        int start = page.indexOf("```sh\n", at) + "```sh\n".length();
        return page.substring(start, page.indexOf("```\n", start));
    }

    @Test
    void theReleasesPageWalkthroughRuns() throws Exception {
        Path page = Path.of("..", "docs", "releases.md");
        String script = block(Files.readString(page), "release-walkthrough");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String preamble = "codeset() { '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' org.codeset.cli.Main \"$@\"; }\n";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", preamble + script).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);

        assertTrue(out.contains("released radiology/v1.0.0 at "), out);
        assertTrue(out.contains("released radiology/v1.1.0 (after 1.0.0, a minor change) at "), out);
        assertTrue(out.contains(", pushed to origin"), out);
        JsonNode delta = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("delta.json")));
        assertEquals("radiology/v1.0.0", delta.get("from").asString());
        assertEquals("71047", delta.get("added").get(0).get("code").asString());
        assertEquals("A", delta.get("added").get(0).get("action").asString());
        assertEquals("71046", delta.get("changed").get(0).get("code").asString());
        assertEquals("S", delta.get("changed").get(0).get("action").asString());
        assertEquals("X-ray of chest, 2 views", delta.get("changed").get(0).get("fields").get(0).get("before").asString());
        assertEquals("""
                code,display,status,effective,retired,parent,replaced_by,definition
                71045,"X-ray of chest, single view",active,2018-01-01,,,,
                71046,"X-ray of chest, 2 views (frontal and lateral)",active,2018-01-01,,,,
                71047,"X-ray of chest, 3 views",active,2027-01-01,,,,
                """, Files.readString(dir.resolve("radiology-1.1.0.csv")));
        // the remote holds both tags, annotated, and the branch both maintainers pushed
        Process tags = new ProcessBuilder("git", "-C", dir.resolve("terminology.git").toString(), "for-each-ref",
                "--format=%(objecttype) %(refname)").start();
        assertEquals("commit refs/heads/main\ntag refs/tags/radiology/v1.0.0\ntag refs/tags/radiology/v1.1.0\n",
                new String(tags.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
