package org.codeset.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.codeset.core.Codesets;
import org.codeset.core.TestRepo;
import org.codeset.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A validation an editor no longer needs stops early, and what it cached stays right. */
class ValidatorCancelTest {
    @Test
    void aCancelledValidationStopsAndTheNextOneIsComplete(@TempDir Path dir) throws Exception {
        new TestRepo(dir).codeset("a").file("codesets/a/codes.yaml",
                "codes:\n  - code: \"1\"\n    display: One\n    status: active\n    effective: 2026-01-01\n    parent: \"9\"\n");
        Workspace c = Workspace.open(dir);
        Validator v = c.validator();
        AtomicInteger asked = new AtomicInteger();
        assertNull(v.validate(c.model(), () -> asked.incrementAndGet() > 3));
        assertEquals(Codesets.on(c).validate().call().findings(), v.validate(c.model(), () -> false).findings());
        assertEquals(1, v.validate(c.model()).findings().size());
    }
}
