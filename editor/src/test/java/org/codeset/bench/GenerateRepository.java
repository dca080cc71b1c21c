package org.codeset.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an ICD-10-CM-sized code-set repository for the benchmarks: 100,000 codes across 200
 * files, with a hierarchy (a category and its subcategories per block), typed properties,
 * relations and mappings to a second code set and to an external system. Deterministic: the
 * same arguments give the same bytes.
 */
public final class GenerateRepository {
    public static final int FILES = 200;
    public static final int CODES_PER_FILE = 500;

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "bench-out/repo");
        write(root, FILES, CODES_PER_FILE);
        System.out.println("wrote " + FILES * CODES_PER_FILE + " codes in " + FILES + " files to " + root);
    }

    /** The code of entry {@code i} of file {@code f}: letter, two digits, a dot and up to 3 characters. */
    static String code(int f, int i) {
        char letter = (char) ('A' + f / 10 % 26);
        int category = f % 10 * 10 + f / 260;
        String cat = letter + String.format("%02d", category);
        if (i == 0) {
            return cat;
        }
        return cat + "." + String.format("%03d", i);
    }

    public static void write(Path root, int files, int perFile) throws IOException {
        Path dx = root.resolve("codesets/dx");
        Path px = root.resolve("codesets/px");
        Files.createDirectories(dx);
        Files.createDirectories(px);
        Files.writeString(root.resolve("codesets/dx/codeset.yaml"), """
                id: dx
                title: Generated diagnoses
                system: https://codes.example.org/bench/dx
                version: 1.0.0
                status: active
                codePattern: '^[A-Z][0-9]{2}(\\.[0-9]{3})?$'
                properties:
                  - id: billable
                    type: boolean
                    required: true
                  - id: chapter
                    type: integer
                  - id: weight
                    type: decimal
                  - id: since
                    type: date
                  - id: procedures
                    type: code
                    from: px
                    multiple: true
                """);
        Files.writeString(root.resolve("codesets/px/codeset.yaml"), """
                id: px
                title: Generated procedures
                system: https://codes.example.org/bench/px
                version: 1.0.0
                status: active
                """);
        try (Writer w = Files.newBufferedWriter(px.resolve("codes.yaml"), StandardCharsets.UTF_8)) {
            w.write("codes:\n");
            for (int i = 0; i < 100; i++) {
                w.write("  - code: \"" + String.format("%05d", 70000 + i) + "\"\n    display: Procedure " + i
                        + "\n    status: active\n    effective: 2020-01-01\n");
            }
        }
        for (int f = 0; f < files; f++) {
            Path file = dx.resolve(String.format("block-%03d.yaml", f));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("# Generated block " + f + "\ncodes:\n");
                for (int i = 0; i < perFile; i++) {
                    entry(w, f, i, perFile);
                }
            }
        }
    }

    private static void entry(Writer w, int f, int i, int perFile) throws IOException {
        String code = code(f, i);
        w.write("  - code: \"" + code + "\"\n");
        w.write("    display: Generated condition " + code + " of block " + f + "\n");
        if (i % 3 == 0) {
            w.write("    definition: A generated definition for " + code + ", long enough to look like the real thing.\n");
        }
        if (i % 5 == 1) {
            w.write("    synonyms: [\"Synonym one of " + code + "\", \"Synonym two of " + code + "\"]\n");
        }
        boolean retired = i % 97 == 50;
        w.write("    status: " + (retired ? "retired" : "active") + "\n");
        w.write("    effective: 2015-10-01\n");
        if (retired) {
            w.write("    retired: 2021-10-01\n");
        }
        if (i == 0) {
            w.write("    abstract: true\n");
        } else {
            w.write("    parent: \"" + code(f, i < 10 ? 0 : i / 10) + "\"\n");
        }
        w.write("    properties:\n");
        w.write("      billable: " + (i >= 10) + "\n");
        w.write("      chapter: " + (f / 10 + 1) + "\n");
        if (i % 2 == 0) {
            w.write("      weight: " + (i % 7) + "." + (i % 10) + "5\n");
            w.write("      since: 2015-10-01\n");
        }
        if (i % 4 == 0) {
            w.write("      procedures: [\"" + String.format("%05d", 70000 + i % 100) + "\", \""
                    + String.format("%05d", 70000 + (i + 1) % 100) + "\"]\n");
        }
        if (retired) {
            w.write("    relations:\n      - type: replaced-by\n        target: \"" + code(f, i + 1) + "\"\n");
        } else if (i % 10 == 3 && i + 1 < perFile && (i + 1) % 97 != 50) {
            w.write("    relations:\n      - type: see-also\n        target: \"" + code(f, i + 1) + "\"\n");
        }
        if (i % 3 == 1) {
            w.write("    mappings:\n      - target: \"px:" + String.format("%05d", 70000 + i % 100)
                    + "\"\n        relationship: related-to\n      - system: http://snomed.info/sct\n        code: \""
                    + (100000 + f * 1000 + i) + "\"\n        relationship: equivalent\n");
        }
    }
}
