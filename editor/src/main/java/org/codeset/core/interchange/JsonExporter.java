package org.codeset.core.interchange;

import java.util.List;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.schema.SchemaSet;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the code set as the repository holds it, in JSON: {@code codeset}, {@code version}, {@code metadata}, {@code codes}. */
public final class JsonExporter implements Exporter {
    @Override
    public String id() {
        return "json";
    }

    @Override
    public String description() {
        return "the code set's metadata and every entry with all its fields, in JSON";
    }

    @Override
    public Export export(ExportSource source, Progress progress) {
        CodeSet cs = source.codeSet();
        ObjectNode root = FhirExporter.JSON.createObjectNode();
        root.put("codeset", cs.id()).put("version", source.version());
        if (cs.meta() != null) {
            root.set("metadata", SchemaSet.toJson(cs.meta()));
        }
        ArrayNode codes = root.putArray("codes");
        for (CodeEntry e : cs.entries()) {
            codes.add(SchemaSet.toJson(e.node()));
        }
        return new Export(List.of(new Document("", "JSON", FhirExporter.JSON.writeValueAsBytes(root))), List.of());
    }
}
