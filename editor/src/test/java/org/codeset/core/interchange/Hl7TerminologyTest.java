package org.codeset.core.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.release.ReleaseCommand;
import org.codeset.core.workspace.Workspace;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Published terminology nobody here wrote: a broad sample of the CodeSystems of HL7's terminology
 * package (every twentieth complete one, plus named ones with hierarchies, deprecations and leading
 * zeros) is imported, validated, released, exported back, read by HAPI, and read again: nothing
 * of what the repository format keeps is lost or changed. (Run once over all 820 complete
 * CodeSystems of the package, every one imports; that takes a minute, this sample seconds.)
 */
class Hl7TerminologyTest {
    @TempDir
    Path dir;

    /** Hierarchy, notSelectable and retired codes; v2 status codes A/D; deprecated dates; leading zeros; C1 controls. */
    static final List<String> NAMED = List.of("CodeSystem-v3-ActCode.json", "CodeSystem-v3-RoleCode.json",
            "CodeSystem-v2-0291.json", "CodeSystem-conceptdomains.json", "CodeSystem-v2-0496.json",
            "CodeSystem-ex-serviceplace.json", "CodeSystem-v2-0914.json");

    @Test
    void aSampleOfHl7CodeSystemsImportsValidatesReleasesAndExportsBackUnchanged() throws Exception {
        Map<String, byte[]> all = Hl7Terminology.files(n -> n.startsWith("package/CodeSystem-") && n.endsWith(".json"));
        Map<String, byte[]> sample = new LinkedHashMap<>();
        int complete = 0;
        for (Map.Entry<String, byte[]> f : all.entrySet()) {
            String name = f.getKey().substring("package/".length());
            String compact = new String(f.getValue(), StandardCharsets.UTF_8).replaceAll("\\s", "");
            if (!compact.contains("\"content\":\"complete\"") || !compact.contains("\"concept\":[")) {
                continue;
            }
            if (complete++ % 20 == 0 || NAMED.contains(name)) {
                sample.put(name, f.getValue());
            }
        }
        assertTrue(sample.size() > 45, "a broad sample: " + sample.size());
        assertTrue(sample.keySet().containsAll(NAMED), "the named ones are in the package");

        Path repo = dir.resolve("repo");
        new TestRepo(repo);
        Files.writeString(repo.resolve(".gitignore"), ".codeset/\n");
        Codesets codesets = Codesets.open(repo);
        Map<String, ImportedCodeSet> images = new TreeMap<>();
        int concepts = 0;
        for (Map.Entry<String, byte[]> f : sample.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.write(file, f.getValue());
            var r = codesets.importer().format("fhir").file(file).effective("2024-01-01").call();
            images.put(r.image().id(), r.image());
            concepts += r.image().concepts().size();
        }
        List<Finding> errors = Codesets.open(repo).validate().call().findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
        assertEquals(List.of(), errors);

        // what the sample covers
        ImportedCodeSet act = images.get("v3-actcode");
        assertTrue(act.concepts().stream().filter(c -> c.parents().size() > 1).count() > 10, "ActCode is a polyhierarchy");
        assertTrue(act.concepts().stream().anyMatch(c -> c.abstractCode() && c.status().equals("retired")));
        assertTrue(images.get("v2-0291").concepts().stream().anyMatch(c -> c.status().equals("deprecated")), "v2 status D");
        assertTrue(images.get("conceptdomains").concepts().stream().anyMatch(c -> c.status().equals("deprecated")));
        assertTrue(images.get("v2-0496").concepts().stream().filter(c -> c.code().startsWith("0")).count() > 50, "leading zeros");
        assertTrue(Workspace.open(repo).model().codeSet("v2-0496").contains("001"));
        assertTrue(concepts > 4000, "concepts: " + concepts);

        // release three of them
        PersonIdent who = new PersonIdent("Coding Team", "team@example.org");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("HL7 sample").setAuthor(who).setCommitter(who).call();
        }
        for (String id : List.of("v3-actcode", "v2-0291", "v2-0496")) {
            ReleaseCommand.Result rel = Codesets.open(repo).release().codeset(id).bump(ReleaseCommand.Bump.AUTO).author(who)
                    .date(LocalDate.of(2024, 1, 2)).call();
            assertEquals(id + "/v1.0.0", rel.tag());
        }

        // export every one back: HAPI reads it strictly; reading it again gives the same codes
        Codesets after = Codesets.open(repo);
        FhirImporter reader = new FhirImporter();
        for (ImportedCodeSet image : images.values()) {
            byte[] json = after.export().codeset(image.id()).format("fhir").call().export().documents().get(0).bytes();
            CodeSystem cs = Fhir.codeSystem(json);
            assertEquals(image.system(), cs.getUrl());
            assertEquals(image.concepts().size(), cs.getCount());
            Path back = dir.resolve("back-" + image.id() + ".json");
            Files.write(back, json);
            ImportedCodeSet again = reader.read(back, new ImportOptions(image.id(), null, null, null, null, null, null), Progress.NONE);
            assertEquals(comparable(image), comparable(again), image.id());
        }
        byte[] released = after.export().codeset("v3-actcode").version("1.0.0").format("fhir").call().export().documents().get(0).bytes();
        byte[] working = after.export().codeset("v3-actcode").format("fhir").call().export().documents().get(0).bytes();
        assertEquals(new String(working, StandardCharsets.UTF_8), new String(released, StandardCharsets.UTF_8),
                "the release tag's export equals the working tree's, which has not changed since");
    }

    /** What the repository keeps of each concept, parents as a set (their order is not meaningful). */
    private static List<String> comparable(ImportedCodeSet image) {
        List<String> out = new ArrayList<>();
        for (ImportedCodeSet.Concept c : image.concepts()) {
            out.add(String.join(" | ", c.code(), c.display(), c.status(), String.valueOf(c.definition()),
                    c.synonyms().toString(), String.valueOf(c.abstractCode()), new TreeMap<>(c.properties()).toString(),
                    new java.util.TreeSet<>(new HashSet<>(c.parents())).toString()));
        }
        return out;
    }
}
