package org.codeset.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;

import org.codeset.core.TestRepo;
import org.codeset.core.model.CodeReferences.Kind;
import org.codeset.core.model.CodeReferences.Ref;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code references of an entry, read from a code file on disk: what, where, and what each names. */
class CodeReferencesTest {
    @TempDir
    Path dir;

    private CodeSetRepository repo;

    // line numbers are those of this text in codesets/rad/spine.yaml
    private static final String SPINE = """
            codes:
              - code: "72020-72295"
                display: X-rays of the spine
                status: active
              - code: "72000"
                display: Spine studies
                status: active
              - code: "72040"
                display: X-ray of cervical spine, 2 or 3 views
                status: active
                parent: ["72020-72295", "72000"]
                properties:
                  modality: [CR, "XX"]
                  views: 2
                  companion: "72050"
                relations:
                  - type: see-also
                    target: "72050"
                  - type: replaced-by
                    target: ~
                mappings:
                  - target: "icd10cm:M54.2"
                    relationship: related-to
                  - system: http://dicom.nema.org/resources/ontology/DCM
                    code: "CR"
                  - target: "nowhere:X1"
              - code: "72050"
                display: X-ray of cervical spine, 4 or 5 views
                status: active
                parent: "72020-72295"
            """;

    @BeforeEach
    void repository() throws Exception {
        new TestRepo(dir)
                .codeset("modalities")
                .file("codesets/modalities/modalities.yaml", """
                        codes:
                          - code: "CR"
                            display: Computed Radiography
                            status: active
                        """)
                .codeset("icd10cm")
                .file("codesets/icd10cm/codes.yaml", """
                        codes:
                          - code: "M54.2"
                            display: Cervicalgia
                            status: active
                        """)
                .codeset("rad", "properties:",
                        "  - id: modality", "    type: code", "    from: modalities", "    multiple: true",
                        "  - id: views", "    type: integer",
                        "  - id: companion", "    type: code")
                .file("codesets/rad/spine.yaml", SPINE);
        repo = RepositoryLoader.load(dir);
    }

    private static String describe(Ref r, CodeSetRepository repo) {
        CodeEntry named = r.resolve(repo);
        return r.kind() + " " + r.label() + " " + r.node().line() + ":" + r.node().column() + " " + r.text() + " -> "
                + r.reference(repo) + (named == null ? " (none)" : " = " + named.display());
    }

    @Test
    void everyReferenceOfAnEntryWithWhereItIsAndWhatItNames() {
        CodeSet rad = repo.codeSet("rad");
        CodeEntry e = rad.get("72040");
        List<String> refs = CodeReferences.of(e, rad).stream().map(r -> describe(r, repo)).toList();
        assertEquals(List.of(
                "PARENT parent 11:14 72020-72295 -> rad:72020-72295 = X-rays of the spine",
                "PARENT parent 11:29 72000 -> rad:72000 = Spine studies",
                "RELATION see-also 18:17 72050 -> rad:72050 = X-ray of cervical spine, 4 or 5 views",
                "MAPPING mapping 22:17 icd10cm:M54.2 -> icd10cm:M54.2 = Cervicalgia",
                "MAPPING mapping 26:17 nowhere:X1 -> nowhere:X1 (none)",
                "PROPERTY property modality 13:18 CR -> modalities:CR = Computed Radiography",
                "PROPERTY property modality 13:22 XX -> modalities:XX (none)",
                "PROPERTY property companion 15:18 72050 -> rad:72050 = X-ray of cervical spine, 4 or 5 views"),
                refs, "the null target and the system+code mapping name nothing; views is no code");
    }

    @Test
    void whatTheFieldSaysOfTheCodeSet() {
        CodeSet rad = repo.codeSet("rad");
        List<Ref> refs = CodeReferences.of(rad.get("72040"), rad);
        assertEquals("rad", refs.get(0).codeSet(), "a parent is a code of its own code set");
        assertNull(refs.get(2).codeSet(), "a relation target says its code set itself");
        assertEquals("modalities", refs.get(5).codeSet(), "a property's values are codes of its 'from'");
        assertEquals("rad", refs.get(7).codeSet(), "without 'from', of its own");
        assertEquals("related-to", refs.get(3).relationship());
        assertNull(refs.get(4).relationship());
        assertEquals(List.of(false, false, true, true, true, false, false, false),
                refs.stream().map(r -> r.kind().qualified()).toList());
    }

    @Test
    void theReferenceAScalarMakes() {
        CodeSet rad = repo.codeSet("rad");
        CodeEntry e = rad.get("72040");
        Ref mapping = CodeReferences.of(e, rad).get(3);
        assertSame(mapping.node(), CodeReferences.at(e, rad, mapping.node()).node());
        assertEquals(Kind.MAPPING, CodeReferences.at(e, rad, mapping.node()).kind());
        assertNull(CodeReferences.at(e, rad, e.codeNode()), "its own code is no reference");
        CodeEntry single = rad.get("72050");
        assertEquals(List.of("PARENT parent 30:13 72020-72295 -> rad:72020-72295 = X-rays of the spine"),
                CodeReferences.of(single, rad).stream().map(r -> describe(r, repo)).toList(), "a parent written as one scalar");
    }
}
