package org.codeset.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.codeset.core.Codesets;
import org.codeset.core.finding.Finding;
import org.codeset.core.validate.Rule;
import org.codeset.core.validate.RuleExample;
import org.codeset.core.validate.Rules;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule's documented example is a test: the bad repository draws exactly the marked
 * findings (rule, file, line, column), and its fixed twin draws none at all.
 */
class RuleExamplesTest {
    static Stream<Rule> rules() {
        return Rules.discover().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void badExampleDrawsExactlyTheMarkedFindings(Rule rule, @TempDir Path dir) throws Exception {
        RuleExample example = rule.example();
        assertFalse(example.expected().isEmpty(), "example of " + rule.id() + " marks no expected finding");
        example.write(dir, true);
        List<Finding> findings = Codesets.open(dir).validate().call().findings();
        List<String> actual = findings.stream()
                .map(f -> f.rule() + " " + f.file() + ":" + f.line() + ":" + f.column())
                .sorted().toList();
        List<String> expected = example.expected().stream()
                .map(e -> e.rule() + " " + e.file() + ":" + e.line() + ":" + e.column())
                .sorted().toList();
        assertEquals(expected, actual, () -> "findings of the bad example of " + rule.id() + ":\n"
                + String.join("\n", findings.stream().map(Finding::toString).toList()));
        for (Finding f : findings) {
            assertEquals(rule.defaultSeverity(), f.severity());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void goodExampleIsClean(Rule rule, @TempDir Path dir) throws Exception {
        rule.example().write(dir, false);
        List<Finding> findings = Codesets.open(dir).validate().call().findings();
        assertEquals(List.of(), findings.stream().map(Finding::toString).toList(),
                "the fixed example of " + rule.id() + " must be clean");
    }

    static void delete(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
