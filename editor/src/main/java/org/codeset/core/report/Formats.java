package org.codeset.core.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** How the reports write JSON (indented, a newline at the end) and CSV (a header row, RFC 4180). */
final class Formats {
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final CsvMapper CSV = CsvMapper.builder().build();

    private Formats() {
    }

    /** The tree as indented JSON and a newline. */
    static Report json(JsonNode tree) {
        return out -> out.write((JSON.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The rows under a header of the columns; every row has a value (maybe empty) for each column. */
    static Report csv(List<String> columns, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        return out -> out.write(CSV.writer(schema.build().withHeader()).writeValueAsString(rows)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Null as the empty cell. */
    static String cell(String s) {
        return s == null ? "" : s;
    }
}
