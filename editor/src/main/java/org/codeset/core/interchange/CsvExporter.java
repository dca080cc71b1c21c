package org.codeset.core.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Writes RFC 4180 CSV with a header row: code, display, definition, synonyms, status, effective,
 * retired, abstract, parent, then one column per declared property. Several values (synonyms,
 * parents, a multiple property) are joined by {@code |}. {@code codeset import csv} reads it back.
 */
public final class CsvExporter implements Exporter {
    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "CSV with a header row, one code per row, for spreadsheets and billing systems";
    }

    @Override
    public Export export(ExportSource source, Progress progress) {
        CodeSet cs = source.codeSet();
        CsvSchema.Builder schema = CsvSchema.builder();
        Columns.FIXED.forEach(schema::addColumn);
        List<String> props = new ArrayList<>(cs.properties().keySet());
        props.forEach(schema::addColumn);
        List<String> warnings = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int relations = 0;
        int mappings = 0;
        int joined = 0;
        for (CodeEntry e : cs.entries()) {
            List<String> row = new ArrayList<>();
            row.add(e.code());
            row.add(nz(e.display()));
            row.add(nz(e.node().text("definition")));
            List<String> synonyms = Entries.synonyms(e);
            row.add(String.join(Columns.SEPARATOR, synonyms));
            row.add(nz(e.status()));
            row.add(e.effective() == null ? "" : e.effective().text());
            row.add(e.retired() == null ? "" : e.retired().text());
            row.add(Entries.isAbstract(e) ? "true" : "");
            List<String> parents = Entries.parents(e);
            row.add(String.join(Columns.SEPARATOR, parents));
            Map<String, List<String>> values = Entries.properties(e);
            for (String p : props) {
                List<String> v = values.getOrDefault(p, List.of());
                row.add(String.join(Columns.SEPARATOR, v));
                if (v.size() > 1 && v.stream().anyMatch(x -> x.contains(Columns.SEPARATOR))) {
                    joined++;
                }
            }
            if (synonyms.stream().anyMatch(x -> x.contains(Columns.SEPARATOR))
                    || parents.stream().anyMatch(x -> x.contains(Columns.SEPARATOR))) {
                joined++;
            }
            relations += e.relations().size();
            mappings += e.mappings().size();
            rows.add(row);
        }
        if (relations + mappings > 0) {
            warnings.add(relations + " relation(s) and " + mappings + " mapping(s) are not in the CSV (use --format json or fhir)");
        }
        if (joined > 0) {
            warnings.add(joined + " code(s) have several values containing '|', which cannot be told apart in the CSV");
        }
        byte[] bytes = CsvMapper.builder().build().writer(schema.build().withHeader()).writeValueAsBytes(rows);
        return new Export(List.of(new Document("", "CSV", bytes)), warnings);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
