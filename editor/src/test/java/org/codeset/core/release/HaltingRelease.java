package org.codeset.core.release;

import java.nio.file.Path;
import java.time.LocalDate;

import org.codeset.core.Codesets;
import org.eclipse.jgit.lib.PersonIdent;

/** Releases code set {@code rad} of the repository in args[0] and kills its own process (no clean-up) before step args[1]. */
public final class HaltingRelease {
    private HaltingRelease() {
    }

    public static void main(String[] args) throws Exception {
        String stop = args[1];
        Codesets.open(Path.of(args[0])).release().codeset("rad").bump(ReleaseCommand.Bump.AUTO)
                .author(new PersonIdent("Coding Team", "team@example.org")).date(LocalDate.of(2026, 11, 27))
                .onStep(step -> {
                    if (step.equals(stop)) {
                        Runtime.getRuntime().halt(137);
                    }
                }).call();
        System.exit(0);
    }
}
