package org.codeset.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.codeset.core.Codesets;
import org.codeset.core.validate.ValidationResult;
import org.codeset.core.workspace.Workspace;

/**
 * In-process cost of one edit on a large repository, as the coming interactive editors will pay
 * it: the repository stays loaded, each edit re-parses one file and revalidates. Prints the
 * median of the timed edits after a warm-up. Usage: EditBenchmark REPO [EDITS]
 */
public final class EditBenchmark {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        // an editor session: loaded once, caches on disk left alone between edits
        Codesets c = Codesets.on(Workspace.openCached(root).persistEdits(false));
        List<Long> set = new ArrayList<>();
        List<Long> validate = new ArrayList<>();
        for (int i = 0; i < n + 10; i++) {
            long t0 = System.nanoTime();
            c.set().codeset("dx").code("A00.001").display("Generated condition A00.001, edit " + i).call();
            long t1 = System.nanoTime();
            ValidationResult r = c.validate().call();
            long t2 = System.nanoTime();
            if (i >= 10) {
                set.add((t1 - t0) / 1_000_000);
                validate.add((t2 - t1) / 1_000_000);
            }
            if (r.hasErrors()) {
                throw new IllegalStateException("benchmark repository has errors");
            }
        }
        c.set().codeset("dx").code("A00.001").display("Generated condition A00.001 of block 0").call();
        Collections.sort(set);
        Collections.sort(validate);
        System.out.printf("in-process set (one file re-parsed, validated, written): median %d ms, min %d ms of %d%n",
                set.get(set.size() / 2), set.get(0), n);
        System.out.printf("in-process full validation of the loaded model: median %d ms%n", validate.get(validate.size() / 2));
    }
}
