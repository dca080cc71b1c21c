package org.codeset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.codeset.core.interchange.Fhir;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, export and pull --format fhir on the command line: output, files, exit codes. */
class InterchangeCliTest {
    @TempDir
    Path dir;
    @TempDir
    Path cache;

    private static final String V1 = """
            {"resourceType": "CodeSystem", "id": "yes-no", "url": "http://example.org/fhir/yes-no", "version": "1.0.0",
             "status": "active", "content": "complete", "date": "2026-01-01",
             "concept": [{"code": "Y", "display": "Yes"}, {"code": "N", "display": "No"}, {"code": "0", "display": "Zero"}]}
            """;

    @Test
    void importUpdateReleaseExportAndPull() throws Exception {
        Path repo = dir.resolve("repo");
        assertEquals(0, Cli.run("init", repo.toString()).exit());
        try (Git git = Git.open(repo.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("user", null, "name", "Coding Team");
            config.setString("user", null, "email", "team@example.org");
            config.save();
        }
        Path v1 = dir.resolve("v1.json");
        Files.writeString(v1, V1);
        Cli first = Cli.in(repo, "import", "fhir", v1.toString());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("import fhir into yes-no: new code set, 3 added"), first.out());
        assertFalse(first.err().contains("\r"), "no progress when not on a terminal: " + first.err());
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("import").call();
        }
        assertEquals(0, Cli.in(repo, "release", "yes-no", "--bump", "auto").exit());

        Path v2 = dir.resolve("v2.json");
        Files.writeString(v2, V1.replace("\"1.0.0\"", "\"1.1.0\"").replace("{\"code\": \"0\", \"display\": \"Zero\"}",
                "{\"code\": \"U\", \"display\": \"Unknown\"}").replace("\"Yes\"", "\"Yes, certainly\""));
        Cli update = Cli.in(repo, "import", "fhir", v2.toString(), "--effective", "2027-01-01");
        assertEquals(0, update.exit(), update.err());
        assertEquals("""
                import fhir into yes-no: 1 added, 1 changed, 0 deprecated, 1 retired, 0 reactivated
                  added "U"
                  changed "Y": display
                  retired "0"
                  wrote 1 file(s): codesets/yes-no/codes.yaml
                """, update.out());
        assertTrue(update.err().contains("retired code \"0\" has no replaced-by"), update.err());
        Cli release = Cli.in(repo, "release", "yes-no", "--bump", "auto");
        assertEquals(0, release.exit(), release.err());
        assertTrue(release.out().contains("yes-no/v2.0.0"), "a released code was retired: major. " + release.out());

        Path out = dir.resolve("yes-no.json");
        Cli export = Cli.in(repo, "export", "yes-no", "--version", "1.0.0", "--out", out.toString());
        assertEquals(0, export.exit(), export.err());
        var cs = Fhir.codeSystem(Files.readAllBytes(out));
        assertEquals("1.0.0", cs.getVersion());
        assertEquals(3, cs.getCount());
        Cli csv = Cli.in(repo, "export", "yes-no", "--format", "csv");
        assertEquals(0, csv.exit(), csv.err());
        assertTrue(csv.out().startsWith("code,display,"), csv.out());
        assertTrue(csv.out().contains("\n0,Zero,,,retired,2026-01-01,2027-01-01,"), csv.out());

        Cli pull = Cli.run("pull", repo.toString(), "yes-no", "--format", "fhir", "--cache", cache.toString());
        assertEquals(0, pull.exit(), pull.err());
        assertEquals("2.0.0", Fhir.codeSystem(pull.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)).getVersion());

        Cli missing = Cli.in(repo, "export", "yes-no", "--version", "9.9.9");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("codeset: no release yes-no/v9.9.9; releases: 1.0.0, 2.0.0"), missing.err());
    }

    @Test
    void badInputIsOneLineWithExitTwoAndNothingWritten() throws Exception {
        Path repo = dir.resolve("repo");
        assertEquals(0, Cli.run("init", repo.toString()).exit());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, V1.replace("{\"code\": \"N\"", "{\"code\": \"Y\""));
        Cli r = Cli.in(repo, "import", "fhir", bad.toString());
        assertEquals(2, r.exit());
        assertEquals("codeset: " + bad + ": concept[1].code: duplicate code \"Y\" (first at concept[0]); nothing was written\n",
                r.err());
        assertFalse(Files.exists(repo.resolve("codesets/yes-no")));
        Files.writeString(bad, V1.substring(0, 100));
        Cli truncated = Cli.in(repo, "import", "fhir", bad.toString());
        assertEquals(2, truncated.exit());
        assertTrue(truncated.err().contains("not valid JSON"), truncated.err());
        assertEquals(1, truncated.err().lines().count(), truncated.err());
    }

    /** Mappings into another code set need the released repository to find that code set's system. */
    @Test
    void pullAsFhirOfAReleaseWithMappingsWritesItsConceptMap() throws Exception {
        Path repo = dir.resolve("bundled");
        Path project = Path.of(System.getProperty("user.dir")).getParent();
        Files.createDirectories(repo);
        try (var files = Files.walk(project.resolve("codesets"))) {
            for (Path p : files.toList()) {
                Path to = repo.resolve(project.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        try (var git = org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern("codesets").call();
            git.commit().setMessage("the bundled code sets").setAuthor("Ana", "ana@example.org")
                    .setCommitter("Ana", "ana@example.org").setSign(false).call();
        }
        Cli release = Cli.in(repo, "release", "radiology", "--version", "1.0.0");
        assertEquals(0, release.exit(), release.err());

        Path out = dir.resolve("radiology.json");
        Cli pull = Cli.run("pull", repo.toString(), "radiology", "--format", "fhir", "--out", out.toString(),
                "--cache", dir.resolve("cache").toString());
        assertEquals(0, pull.exit(), pull.err());
        String map = Files.readString(dir.resolve("radiology.conceptmap.json"));
        assertTrue(map.contains("\"target\" : \"http://hl7.org/fhir/sid/icd-10-cm\""), map);
        assertTrue(map.contains("\"code\" : \"M54.2\""), map);
    }
}
