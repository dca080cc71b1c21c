package org.codeset.core.edit;

import java.nio.file.Path;

import org.codeset.core.Codesets;

/** A child process for the crash test: edits one code's display back and forth until it is killed. */
public final class EditLoop {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Codesets c = Codesets.open(root);
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            c.set().codeset("big").code("C00000").display(i % 2 == 0 ? "Display B" : "Display A").call();
        }
    }
}
