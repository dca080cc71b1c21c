package org.codeset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSetRepository;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.validate.RuleDocs;
import org.codeset.core.validate.Rules;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.Test;

/** The project's own repository: its code sets validate clean and its docs match the code. */
class BundledCodeSetsTest {
    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void bundledCodeSetsValidateWithoutFindings() {
        Cli r = Cli.run("validate", "--repo", PROJECT.toString(), "--strict");
        assertEquals("", r.out());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void sampleDataIsTheRealWorldOne() throws Exception {
        CodeSetRepository repo = Workspace.open(PROJECT).model();
        CodeEntry cspine = repo.codeSet("radiology").get("72040");
        assertTrue(cspine.display().toLowerCase().contains("cervical spine"), cspine.display());
        assertTrue(cspine.display().contains("2 or 3 views"), cspine.display());
        for (String[] pair : new String[][] {{"71010", "71045"}, {"71020", "71046"}}) {
            CodeEntry old = repo.codeSet("radiology").get(pair[0]);
            assertTrue(old.isRetired());
            assertEquals("2018-01-01", old.retired().text());
            assertEquals(pair[1], old.relationTargets(RelationType.REPLACED_BY).get(0).text());
        }
        assertEquals("Cervicalgia", repo.codeSet("icd10cm").get("M54.2").display());
        for (String m : new String[] {"26", "TC", "LT", "RT", "50", "59"}) {
            assertTrue(repo.codeSet("modifiers").contains(m), m);
        }
    }

    @Test
    void rulesPageIsGeneratedFromTheRules() throws Exception {
        String committed = Files.readString(PROJECT.resolve("docs/rules.md"));
        assertEquals(RuleDocs.markdown(Rules.discover()), committed,
                "docs/rules.md is stale: regenerate it with 'java -jar editor/target/codeset.jar rules --format markdown > docs/rules.md'");
    }

    @Test
    void everyContractRuleIdExists() {
        Rules rules = Rules.discover();
        for (String id : new String[] {"yaml-syntax", "schema", "codeset-id-mismatch", "duplicate-code", "code-pattern",
            "unresolved-reference", "hierarchy-cycle", "replacement-chain", "date-order", "property-undeclared",
            "property-type", "property-required", "retired-without-replacement", "reference-to-retired",
            "asymmetric-relation", "duplicate-display", "released-code-removed", "code-reused"}) {
            assertTrue(rules.get(id) != null, id);
        }
    }
}
