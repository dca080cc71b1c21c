package org.codeset.core.rules;

import java.util.List;

import org.codeset.core.finding.Severity;
import org.codeset.core.model.SourceFile;
import org.codeset.core.schema.SchemaSet;
import org.codeset.core.validate.RuleContext;
import org.codeset.core.yaml.YMap;
import org.codeset.core.yaml.YNode;
import org.codeset.core.yaml.YSeq;

/**
 * Checks each file against its JSON Schema. Results are cached on the parsed file, so only
 * changed files are checked again; files are checked in parallel.
 */
public final class SchemaRule extends AbstractRule {
    public SchemaRule() {
        super("schema", Severity.ERROR,
                "A file breaks its JSON Schema (schema/codeset.schema.json or schema/codes.schema.json): a missing required field, a value of the wrong kind, an unknown field.",
                "Change the value as the message says; the schema files in schema/ list every field and its allowed values.");
    }

    /** Findings depend only on the file and codeset.yaml. */
    @Override
    public Scope scope() {
        return Scope.FILE;
    }

    @Override
    public void check(RuleContext ctx) {
        SchemaSet schemas = ctx.repository().schemas();
        List<SourceFile> files = ctx.codeSet().files();
        List<List<SchemaSet.Violation>> results = files.parallelStream()
                .map(f -> f.schemaViolations(schemas))
                .toList();
        for (int i = 0; i < files.size(); i++) {
            SourceFile file = files.get(i);
            if (file.root() == null && file.document().ok()) {
                ctx.report(file, null, null, file.kind() == SourceFile.Kind.CODESET
                        ? "codeset.yaml is empty; it needs at least id, title, system, version and status"
                        : "the file is empty; a code file holds 'codes:' with a list of codes");
                continue;
            }
            for (SchemaSet.Violation v : results.get(i)) {
                String code = codeAt(file, v.at());
                ctx.report(file, v.at(), code, code == null ? v.message() : "code " + q(code) + ": " + v.message());
            }
        }
    }

    /** The code of the entry a node lies in, for the finding's {@code code} field. */
    private static String codeAt(SourceFile file, YNode at) {
        if (file.kind() != SourceFile.Kind.CODES || at == null) {
            return null;
        }
        YMap root = file.rootMap();
        if (root == null || !(root.get("codes") instanceof YSeq seq)) {
            return null;
        }
        for (YNode item : seq.items()) {
            if (item instanceof YMap m && contains(m, at)) {
                return m.text("code");
            }
        }
        return null;
    }

    private static boolean contains(YNode outer, YNode inner) {
        long start = pos(outer.line(), outer.column());
        long end = pos(outer.endLine(), outer.endColumn());
        long p = pos(inner.line(), inner.column());
        return p >= start && p < end;
    }

    private static long pos(int line, int column) {
        return ((long) line << 32) | column;
    }
}
