package org.codeset.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.codeset.bench.GenerateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast reader against snakeyaml-engine: wherever the fast reader takes a text, both must
 * give the same nodes, texts, styles, positions and problems. Checked on the bundled code sets,
 * on generated code files, on hand-picked edge cases, and on thousands of random mutations of
 * those (most of them ill-formed, where the fast reader must give up and leave the error to
 * snakeyaml-engine).
 */
class BlockSubsetTest {
    /** Texts the fast reader must take (what the tool and its users write most). */
    private static final List<String> TAKEN = List.of(
            "id: x\n",
            "id: x",
            "codes:\n  - code: \"01996\"\n    display: Anesthesia # a comment\n",
            "a:\n  b:\n    c: d\n  e: f\ng: h\n",
            "list:\n  - a\n  - 'b''c'\n  - \"d\\\"e\\u00A0\\x41\\n\"\n",
            "flow: [\"26\", \"TC\", LT, 'RT']   # comment\nempty: []\n",
            "# leading comment\n\nid: x   \n\n# trailing\n",
            "url: http://hl7.org/fhir/sid/icd-10-cm\ntext: C# and F# [draft] {x}, 100%\n",
            "key: value with trailing no-break space\u00a0\n",
            "display: Café — résumé\n",
            "codes:\n  - code: \"A\"\n    properties:\n      billable: true\n      weight: 0.05\n  - code: \"B\"\n",
            "key:   # a comment after the indicator\n  - a\n",
            "a: 1\na: 2\n",
            "seq:\n  -\n    a: b\n");

    /** Texts outside the subset: the fast reader must give them to snakeyaml-engine. */
    private static final List<String> GIVEN_UP = List.of(
            "", "# only a comment\n", "- a\n", "---\nid: x\n", "id: x\n---\nid: y\n", "%YAML 1.2\n---\nid: x\n",
            "a: &x b\nc: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: >\n  text\n", "a: {b: c}\n",
            "a: plain\n  continued\n", "a: 'two\n  lines'\n", "a:\n", "a:\nb: c\n", "a:\n- b\n",
            "a: b: c\n", "a:\tb\n", "a: b\r\n", "\ufeffa: b\n", "a: \"\\U0001F600\"\n", "a: \ud83d\ude00\n",
            "a: [b, [c]]\n", "a: [b,\n  c]\n", "a: [b, ]\n", "a: -1\n", "? a\n: b\n", "\"a\": b\n", "a : b\n",
            "a: 'b'c\n", "nested:\n  - - a\n",
            // escapes snakeyaml-engine refuses (found by review): \L, \P, hex digits of other scripts
            "a: \"\\L\"\n", "a: \"\\P\"\n", "a: \"\\x\u0663\u0663\"\n", "a: \"\\x\uff21\uff21\"\n",
            "a: \"\\u\u0660\u0660\u0664\u0661\"\n", "a: b #c\n  d: e\n", "  a: b\n", "a: b\n  c: d\n");

    @Test
    void takesWhatTheToolWritesAndReadsItAsSnakeyamlEngineDoes() throws IOException {
        for (String text : TAKEN) {
            assertSame(text, true);
        }
        try (Stream<Path> files = Files.walk(Path.of("..", "codesets"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(p);
                // block scalars (definition: >-) are snakeyaml-engine's
                assertSame(text, !BLOCK_SCALAR.matcher(text).find());
            }
        }
    }

    private static final java.util.regex.Pattern BLOCK_SCALAR = java.util.regex.Pattern.compile(": [|>]");

    @Test
    void takesGeneratedCodeFiles(@TempDir Path dir) throws IOException {
        GenerateRepository.write(dir, 3, 200);
        try (Stream<Path> files = Files.walk(dir.resolve("codesets"))) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertTrue(yaml.size() >= 3);
            for (Path p : yaml) {
                assertSame(Files.readString(p), true);
            }
        }
    }

    @Test
    void givesUpOnTheRestAndSnakeyamlEngineReadsIt() {
        for (String text : GIVEN_UP) {
            assertFalse(BlockSubset.read(text, new Recording()), () -> "taken: " + text);
        }
    }

    @Test
    void agreesWithSnakeyamlEngineOnMutatedFiles() throws IOException {
        List<String> seeds = new ArrayList<>(TAKEN);
        try (Stream<Path> files = Files.walk(Path.of("..", "codesets"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(p);
                seeds.add(text.length() > 4000 ? text.substring(0, text.indexOf('\n', 4000) + 1) : text);
            }
        }
        String[] pieces = {" ", "  ", ":", ": ", " #", "#", "-", "- ", "'", "''", "\"", "\\", "\\n", "\\u00", "[", "]",
            ", ", "{", "}", "?", "!", "&", "*", "|", ">", "%", "@", "`", "\n", "\n\n", "\n  ", "\n- ", "é", "\u00a0",
            "x", "01996", "true", "null", "~", "a: b", "  - c", "\t", "\r", "---", "...", "\\x4", "\\U", ":x", "::",
            "\\L", "\\P", "\\x\u0663", "\\u\uff21", "\\_", "\\N"};
        // a longer search: CODESET_FUZZ_RUNS=500000 CODESET_FUZZ_SEED=7 mvn test -Dtest=BlockSubsetTest
        Random random = new Random(Long.parseLong(System.getenv().getOrDefault("CODESET_FUZZ_SEED", "20261127")));
        int taken = 0;
        int runs = Integer.parseInt(System.getenv().getOrDefault("CODESET_FUZZ_RUNS", "20000"));
        for (int i = 0; i < runs; i++) {
            StringBuilder b = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> b.insert(at, pieces[random.nextInt(pieces.length)]);
                    case 1 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(3)));
                    default -> b.replace(at, Math.min(b.length(), at + 1), pieces[random.nextInt(pieces.length)]);
                }
            }
            if (assertSame(b.toString(), false)) {
                taken++;
            }
        }
        System.out.println("BlockSubsetTest: the fast reader took " + taken + " of " + runs + " mutated texts");
        // the mutations must exercise the fast reader, not only its giving up
        assertTrue(taken > runs / 5, "the fast reader took only " + taken + " of " + runs + " mutated texts");
        assertTrue(taken < runs * 9 / 10, "the fast reader took " + taken + " of " + runs + " mutated texts");
    }

    /** Compares both readers on a text; returns whether the fast reader took it. */
    private static boolean assertSame(String text, boolean mustTake) {
        Recording fast = new Recording();
        boolean took;
        YamlDocument viaFast = null;
        try {
            took = BlockSubset.read(text, fast);
            if (took) {
                viaFast = YamlParser.parse(text);
            }
        } catch (RuntimeException e) {
            throw new AssertionError("the fast reader failed on: " + text, e);
        }
        if (mustTake) {
            assertTrue(took, () -> "not taken by the fast reader: " + text);
        }
        if (!took) {
            return false;
        }
        YamlDocument viaEngine = YamlParser.parseWithEngine(text);
        assertEquals(dump(viaEngine), dump(viaFast), () -> "the readers differ on:\n" + text);
        return true;
    }

    private static String dump(YamlDocument doc) {
        StringBuilder b = new StringBuilder();
        for (YamlProblem p : doc.problems()) {
            b.append("problem ").append(p).append('\n');
        }
        dump(doc.root(), b, "");
        return b.toString();
    }

    private static void dump(YNode node, StringBuilder b, String indent) {
        if (node == null) {
            b.append(indent).append("null\n");
            return;
        }
        b.append(indent).append(node.getClass().getSimpleName()).append(' ').append(node.line()).append(':')
                .append(node.column()).append('-').append(node.endLine()).append(':').append(node.endColumn());
        if (node instanceof YScalar s) {
            b.append(' ').append(s.style()).append(' ').append(s.tag()).append(" [")
                    .append(new String(s.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).append("]\n");
        } else if (node instanceof YSeq s) {
            b.append('\n');
            for (YNode item : s.items()) {
                dump(item, b, indent + "  ");
            }
        } else if (node instanceof YMap m) {
            b.append('\n');
            for (YMap.Entry e : m.entries()) {
                dump(e.key(), b, indent + "  key ");
                dump(e.value(), b, indent + "    ");
            }
        }
    }

    /** A sink that only checks the calls are well nested. */
    private static final class Recording implements BlockSubset.Sink {
        int open;

        @Override
        public boolean start(boolean map, int line, int column) {
            open++;
            return true;
        }

        @Override
        public void end(boolean map, int endLine, int endColumn) {
            open--;
        }

        @Override
        public void scalar(String text, YScalar.Style style, int line, int column, int endLine, int endColumn) {
        }
    }
}
