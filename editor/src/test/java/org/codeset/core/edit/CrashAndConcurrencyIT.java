package org.codeset.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: killed in the middle of writing, and editing one repository at the same time. */
class CrashAndConcurrencyIT {
    @TempDir
    Path dir;

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
                // every write pauses half-way, so each kill below lands while a file is half written
                "-Dcodeset.test.writePauseMillis=500", mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    private static String bigFile(String display) {
        StringBuilder b = new StringBuilder("# a large file, so that a torn write would show\ncodes:\n");
        for (int i = 0; i < 4000; i++) {
            b.append(String.format("  - code: \"C%05d\"%n    display: %s%n    status: active%n    effective: 2026-01-01%n",
                    i, i == 0 ? display : "Code number " + i));
        }
        return b.toString();
    }

    @Test
    void aKillAtAnyMomentLeavesTheOldOrTheNewFile() throws Exception {
        new TestRepo(dir).codeset("big").file("codesets/big/codes.yaml", bigFile("Display A"));
        Path file = dir.resolve("codesets/big/codes.yaml");
        Set<String> valid = Set.of(bigFile("Display A"), bigFile("Display B"));
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            Process p = java(EditLoop.class.getName(), dir.toString()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            Thread.sleep(400 + round * 230L);
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            String now = Files.readString(file);
            assertTrue(valid.contains(now), "round " + round + ": the file is torn (" + now.length() + " chars)");
        }
        // the killed writers left no half-written temp files where code files are read
        assertEquals(List.of(), Codesets.open(dir).validate().call().findings());
    }

    @Test
    void concurrentEditsFromSeveralProcessesAreAllKept() throws Exception {
        new TestRepo(dir).codeset("rad").file("codesets/rad/codes.yaml", "codes: []\n");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            processes.add(java("org.codeset.cli.Main", "add", "rad", "7204" + i, "--display", "Code " + i,
                    "--effective", "2026-01-01", "--repo", dir.toString()).start());
        }
        for (Process p : processes) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
        }
        var codes = Workspace.open(dir).model().codeSet("rad").entries().stream().map(e -> e.code()).sorted().toList();
        assertEquals(List.of("72040", "72041", "72042", "72043", "72044", "72045"), codes);
        assertEquals(List.of(), Codesets.open(dir).validate().call().findings());
    }
}
