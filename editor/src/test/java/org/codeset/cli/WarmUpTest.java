package org.codeset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The launcher builds its class-data archive by running {@code warm-up} once per build and
 * drops the archive when that fails; a failing step would leave every run without it, silently.
 */
class WarmUpTest {
    @Test
    void everyStepOfTheWarmUpSucceeds() {
        Cli r = Cli.run("warm-up");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("warm-up: \\d+ commands ran\\s*"), r.out());
    }
}
