package org.codeset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every command answers --help with its usage and exit 0 (an option of its own must not shadow it). */
class HelpTest {
    @Test
    void everyCommandTeachesItsUsage() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Cli help = Cli.run(name, "--help");
            assertEquals(0, help.exit(), name + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: codeset " + name), name + ": " + help.out());
        }
    }
}
