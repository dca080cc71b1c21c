package org.codeset.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar on the class path adds a rule through META-INF/services, with no registry to edit. */
class ContributedRuleTest {
    /** A plug-in rule: displays must not end with a full stop. */
    public static final class NoTrailingFullStop implements Rule {
        @Override
        public String id() {
            return "display-full-stop";
        }

        @Override
        public Severity defaultSeverity() {
            return Severity.WARNING;
        }

        @Override
        public String description() {
            return "A display ends with a full stop.";
        }

        @Override
        public String solution() {
            return "Drop the full stop.";
        }

        @Override
        public void check(RuleContext ctx) {
            for (CodeEntry e : ctx.codeSet().entries()) {
                if (e.display() != null && e.display().endsWith(".")) {
                    ctx.report(e, e.node().scalar("display"), "display of " + e.code() + " ends with a full stop");
                }
            }
        }
    }

    @Test
    void ruleFromAnotherClassPathEntryIsFoundAndRun(@TempDir Path dir) throws Exception {
        Path plugin = dir.resolve("plugin");
        Path services = plugin.resolve("META-INF/services/" + Rule.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, NoTrailingFullStop.class.getName() + "\n");
        assertNull(Rules.discover().get("display-full-stop"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()}, getClass().getClassLoader())) {
            Rules rules = Rules.discover(loader);
            assertEquals(Severity.WARNING, rules.get("display-full-stop").defaultSeverity());
            new TestRepo(dir.resolve("repo")).codeset("a").file("codesets/a/codes.yaml",
                    "codes:\n  - code: \"1\"\n    display: One.\n    status: active\n    effective: 2026-01-01\n");
            List<Finding> findings = Codesets.on(Workspace.open(dir.resolve("repo"), rules)).validate().call().findings();
            assertEquals(List.of("codesets/a/codes.yaml:3:14: warning [display-full-stop] display of 1 ends with a full stop"),
                    findings.stream().map(Finding::toString).toList());
        }
    }
}
