package org.codeset.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a FHIR R4 CodeSystem of 100,000 concepts for the import benchmark, shaped like
 * ICD-10-CM: 200 blocks (abstract groupers, nested) of 500 codes, each code under its block and
 * its category (a polyhierarchy for one code in ten), a definition, a synonym, typed properties
 * (an integer, a boolean, a code), one code in fifty deprecated and one in a hundred retired.
 * Deterministic. Usage: GenerateCodeSystem FILE [CONCEPTS]
 */
public final class GenerateCodeSystem {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-out/codesystem.json");
        int concepts = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int perBlock = 500;
        int blocks = concepts / perBlock;
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("""
                    {
                      "resourceType": "CodeSystem",
                      "id": "bench-dx",
                      "url": "http://example.org/fhir/CodeSystem/bench-dx",
                      "version": "1.0.0",
                      "name": "BenchDx",
                      "title": "Generated diagnoses",
                      "status": "active",
                      "date": "2026-01-01",
                      "content": "complete",
                      "hierarchyMeaning": "is-a",
                      "property": [
                        {"code": "parent", "type": "code"},
                        {"code": "status", "type": "code"},
                        {"code": "notSelectable", "type": "boolean"},
                        {"code": "severity", "type": "integer"},
                        {"code": "billable", "type": "boolean"},
                        {"code": "related", "type": "code"}
                      ],
                      "concept": [
                    """);
            for (int b = 0; b < blocks; b++) {
                String block = GenerateRepository.code(b, 0) + "-block";
                w.write("    {\"code\": \"" + block + "\", \"display\": \"Generated block " + b + "\","
                        + " \"property\": [{\"code\": \"notSelectable\", \"valueBoolean\": true}], \"concept\": [\n");
                for (int i = 1; i < perBlock; i++) {
                    String code = GenerateRepository.code(b, i);
                    String category = GenerateRepository.code(b, i - i % 10 == 0 ? 1 : i - i % 10);
                    StringBuilder p = new StringBuilder();
                    p.append("{\"code\": \"severity\", \"valueInteger\": ").append(i % 5).append("}, ");
                    p.append("{\"code\": \"billable\", \"valueBoolean\": ").append(i % 10 != 0).append("}");
                    if (i % 10 != 0 && i > 10) {
                        p.append(", {\"code\": \"parent\", \"valueCode\": \"").append(category).append("\"}");
                    }
                    if (i % 7 == 0) {
                        p.append(", {\"code\": \"related\", \"valueCode\": \"").append(GenerateRepository.code(b, 1)).append("\"}");
                    }
                    if (i % 100 == 3) {
                        p.append(", {\"code\": \"status\", \"valueCode\": \"retired\"}");
                    } else if (i % 50 == 7) {
                        p.append(", {\"code\": \"status\", \"valueCode\": \"deprecated\"}");
                    }
                    w.write("      {\"code\": \"" + code + "\", \"display\": \"Generated condition " + code + " of block " + b
                            + "\", \"definition\": \"A generated condition, number " + i + " of block " + b + ".\","
                            + " \"designation\": [{\"value\": \"Condition " + code + "\"}], \"property\": [" + p + "]}"
                            + (i < perBlock - 1 ? "," : "") + "\n");
                }
                w.write("    ]}" + (b < blocks - 1 ? "," : "") + "\n");
            }
            w.write("  ]\n}\n");
        }
        System.out.println("wrote a CodeSystem of " + blocks * perBlock + " concepts to " + out);
    }
}
