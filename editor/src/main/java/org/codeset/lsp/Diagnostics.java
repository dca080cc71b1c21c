package org.codeset.lsp;

import java.util.ArrayList;
import java.util.List;

import org.codeset.core.finding.Finding;
import org.codeset.core.finding.Severity;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;

/** A {@link Finding} as an LSP {@link Diagnostic}: one to one, rule id as the code. */
final class Diagnostics {
    /** Where each rule is documented: the rules page generated from the rules themselves. */
    static final String RULES_PAGE = "https://github.com/codeset/codeset/blob/main/docs/rules.md";
    static final String SOURCE = "codeset";

    private Diagnostics() {
    }

    static Diagnostic of(Finding f, Snapshot s) {
        Range range = new Range(Snapshot.position(f.line(), f.column()), Snapshot.position(f.endLine(), f.endColumn()));
        Diagnostic d = new Diagnostic(range, f.message(), f.severity() == Severity.ERROR ? DiagnosticSeverity.Error
                : DiagnosticSeverity.Warning, SOURCE, f.rule());
        d.setCodeDescription(new DiagnosticCodeDescription(RULES_PAGE + "#" + f.rule()));
        if (!f.related().isEmpty()) {
            List<DiagnosticRelatedInformation> related = new ArrayList<>();
            for (Finding.Location l : f.related()) {
                related.add(new DiagnosticRelatedInformation(new Location(s.uri(l.file()),
                        s.rangeAt(l.file(), l.line(), l.column())), l.message()));
            }
            d.setRelatedInformation(related);
        }
        return d;
    }
}
