package org.codeset.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.codeset.core.history.Release;
import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.schema.SchemaSet;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A whole release of a code set, as {@code codeset pull} writes it: JSON with the tag's facts, the
 * metadata and every entry, or CSV with fixed columns; the codes sorted by code in both.
 */
public final class SnapshotReport {
    /** The columns of the CSV snapshot (export --format csv writes a different set). */
    static final List<String> CSV_COLUMNS = List.of("code", "display", "status", "effective", "retired", "parent",
            "replaced_by", "definition");

    private static final Comparator<CodeEntry> BY_CODE = Comparator.comparing(e -> e.code() == null ? "" : e.code());

    private SnapshotReport() {
    }

    /**
     * An object with codeset, version, tag, commit, metadata (codeset.yaml) and codes (each entry as
     * its YAML reads). Streamed from the parsed files: a snapshot of 100,000 codes builds no tree and
     * no string.
     */
    public static Report json(Release release, CodeSet codeSet) {
        return out -> {
            Formats.JSON.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValue(out, new Snapshot(release, codeSet));
            out.write('\n');
        };
    }

    /** The JSON snapshot written through a generator as it goes. */
    private static final class Snapshot extends JacksonSerializable.Base {
        private final Release release;
        private final CodeSet cs;

        Snapshot(Release release, CodeSet cs) {
            this.release = release;
            this.cs = cs;
        }

        @Override
        public void serialize(JsonGenerator g, SerializationContext ctxt) {
            g.writeStartObject();
            g.writeStringProperty("codeset", cs.id());
            g.writeStringProperty("version", release.version().toString());
            g.writeStringProperty("tag", release.tag());
            g.writeStringProperty("commit", release.commit());
            if (cs.meta() != null) {
                g.writeName("metadata");
                SchemaSet.writeJson(g, cs.meta());
            }
            g.writeName("codes");
            g.writeStartArray();
            cs.entries().stream().sorted(BY_CODE).forEach(e -> SchemaSet.writeJson(g, e.node()));
            g.writeEndArray();
            g.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
            serialize(g, ctxt);
        }
    }

    /**
     * One row a code: code, display, status, effective, retired, the parents and the replacements
     * (each space-separated), definition.
     */
    public static Report csv(CodeSet codeSet) {
        List<List<String>> rows = new ArrayList<>();
        codeSet.entries().stream().sorted(BY_CODE).forEach(e -> rows.add(List.of(e.code(), Formats.cell(e.display()),
                Formats.cell(e.status()), Formats.cell(e.node().text("effective")), Formats.cell(e.node().text("retired")),
                String.join(" ", e.parents().stream().map(Object::toString).toList()),
                String.join(" ", e.relationTargets(RelationType.REPLACED_BY).stream().map(Object::toString).toList()),
                Formats.cell(e.node().text("definition")))));
        return Formats.csv(CSV_COLUMNS, rows);
    }
}
