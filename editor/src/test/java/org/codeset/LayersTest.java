package org.codeset;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The layers of docs/architecture.md, checked on the compiled classes: each package may use only
 * the packages below it, so the core reads one way from the command line down to the YAML reader,
 * and no command depends on the facade that makes it.
 */
class LayersTest {
    /** Bottom first; the same order and names as the table in docs/architecture.md. */
    static final String[][] LAYERS = {
        {"finding", "org.codeset.core.finding.."},
        {"errors", "org.codeset.core.errors.."},
        {"io", "org.codeset.core.io.."},
        {"yaml", "org.codeset.core.yaml.."},
        {"schema", "org.codeset.core.schema.."},
        {"model", "org.codeset.core.model.."},
        {"text", "org.codeset.core.text.."},
        {"diff", "org.codeset.core.diff.."},
        {"history", "org.codeset.core.history.."},
        {"validate", "org.codeset.core.validate.."},
        {"rules", "org.codeset.core.rules.."},
        {"query", "org.codeset.core.query.."},
        {"report", "org.codeset.core.report.."},
        {"workspace", "org.codeset.core.workspace.."},
        {"edit", "org.codeset.core.edit.."},
        {"interchange", "org.codeset.core.interchange.."},
        {"release", "org.codeset.core.release.."},
        {"facade", "org.codeset.core"},
        {"lsp", "org.codeset.lsp.."},
        {"cli", "org.codeset.cli.."},
    };

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.codeset");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            arch = arch.layer(layer[0]).definedBy(layer[1]);
        }
        for (int i = 0; i < LAYERS.length; i++) {
            List<String> below = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                below.add(LAYERS[j][0]);
            }
            arch = below.isEmpty() ? arch.whereLayer(LAYERS[i][0]).mayNotAccessAnyLayer()
                    : arch.whereLayer(LAYERS[i][0]).mayOnlyAccessLayers(below.toArray(String[]::new));
        }
        arch.check(MAIN);
    }

    @Test
    void everyMainClassIsInALayer() {
        List<String> outside = new ArrayList<>();
        MAIN.forEach(c -> {
            String pkg = c.getPackageName();
            boolean in = false;
            for (String[] layer : LAYERS) {
                String p = layer[1].replace("..", "");
                in |= pkg.equals(p) || (layer[1].endsWith("..") && pkg.startsWith(p + "."));
            }
            if (!in) {
                outside.add(c.getName());
            }
        });
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), outside, "classes in no layer of docs/architecture.md");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.codeset.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
