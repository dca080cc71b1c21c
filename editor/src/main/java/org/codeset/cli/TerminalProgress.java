package org.codeset.cli;

import java.io.PrintWriter;

import org.codeset.core.interchange.Progress;

/** Progress of a long import or export on standard error, only on a terminal: quiet in scripts and pipes. */
final class TerminalProgress {
    private TerminalProgress() {
    }

    /** A line rewritten in place as the work goes on, or {@link Progress#NONE} when there is no terminal. */
    static Progress on(PrintWriter err) {
        if (System.console() == null) {
            return Progress.NONE;
        }
        return (phase, done, total) -> {
            err.print("\r" + phase + (done > 0 ? " " + done + (total > 0 ? "/" + total : "") : "") + " ...          ");
            err.flush();
        };
    }

    /** Blanks the progress line, where there was one, before the result is printed. */
    static void clear(Progress progress, PrintWriter err) {
        if (progress != Progress.NONE) {
            err.print("\r" + " ".repeat(40) + "\r");
            err.flush();
        }
    }
}
