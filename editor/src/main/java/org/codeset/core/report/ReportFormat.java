package org.codeset.core.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.codeset.core.finding.Finding;
import org.codeset.core.validate.Rule;
import org.codeset.core.validate.ValidationResult;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The output formats of {@code validate}: text lines, a JSON array, SARIF 2.1.0. */
public enum ReportFormat {
    TEXT, JSON, SARIF;

    private static final ObjectMapper MAPPER = Formats.JSON;
    static final String SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String INFO_URI = "https://github.com/codeset/codeset";

    /** Writes the findings in this format. */
    public void write(ValidationResult result, List<Rule> rules, String toolVersion, Writer out) throws IOException {
        switch (this) {
            case TEXT -> {
                for (Finding f : result.findings()) {
                    out.write(f.toString());
                    out.write('\n');
                }
            }
            case JSON -> {
                out.write(MAPPER.writeValueAsString(json(result.findings())));
                out.write('\n');
            }
            case SARIF -> {
                out.write(MAPPER.writeValueAsString(sarif(result.findings(), rules, toolVersion)));
                out.write('\n');
            }
        }
        out.flush();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArrayNode json(List<Finding> findings) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = array.addObject();
            o.put("rule", f.rule());
            o.put("severity", f.severity().label());
            o.put("file", f.file());
            o.put("line", f.line());
            o.put("column", f.column());
            o.put("endLine", f.endLine());
            o.put("endColumn", f.endColumn());
            o.put("message", f.message());
            if (f.codeset() != null) {
                o.put("codeset", f.codeset());
            }
            if (f.code() != null) {
                o.put("code", f.code());
            }
            if (!f.related().isEmpty()) {
                ArrayNode rel = o.putArray("related");
                for (Finding.Location l : f.related()) {
                    rel.addObject().put("file", l.file()).put("line", l.line()).put("column", l.column())
                            .put("message", l.message());
                }
            }
        }
        return array;
    }

    static ObjectNode sarif(List<Finding> findings, List<Rule> rules, String toolVersion) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SARIF_SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "codeset");
        driver.put("version", toolVersion);
        driver.put("informationUri", INFO_URI);
        ArrayNode ruleArray = driver.putArray("rules");
        java.util.Map<String, Integer> ruleIndex = new java.util.HashMap<>();
        for (Rule r : rules) {
            ruleIndex.put(r.id(), ruleIndex.size());
            ObjectNode rd = ruleArray.addObject();
            rd.put("id", r.id());
            rd.putObject("shortDescription").put("text", r.description());
            rd.putObject("help").put("text", r.solution());
            rd.putObject("defaultConfiguration").put("level", r.defaultSeverity().sarifLevel());
        }
        run.putObject("originalUriBaseIds").putObject("REPOROOT").putObject("description")
                .put("text", "the root of the code-set repository");
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule());
            Integer index = ruleIndex.get(f.rule());
            if (index != null) {
                r.put("ruleIndex", index);
            }
            r.put("level", f.severity().sarifLevel());
            r.putObject("message").put("text", f.message());
            r.putArray("locations").add(location(f.file(), f.line(), f.column(), f.endLine(), f.endColumn(), null));
            if (!f.related().isEmpty()) {
                ArrayNode rel = r.putArray("relatedLocations");
                int id = 1;
                for (Finding.Location l : f.related()) {
                    ObjectNode loc = location(l.file(), l.line(), l.column(), 0, 0, l.message());
                    loc.put("id", id++);
                    rel.add(loc);
                }
            }
            if (f.codeset() != null || f.code() != null) {
                ObjectNode props = r.putObject("properties");
                if (f.codeset() != null) {
                    props.put("codeset", f.codeset());
                }
                if (f.code() != null) {
                    props.put("code", f.code());
                }
            }
        }
        return root;
    }

    private static ObjectNode location(String file, int line, int column, int endLine, int endColumn, String message) {
        ObjectNode loc = MAPPER.createObjectNode();
        ObjectNode physical = loc.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", file).put("uriBaseId", "REPOROOT");
        ObjectNode region = physical.putObject("region");
        region.put("startLine", Math.max(1, line));
        region.put("startColumn", Math.max(1, column));
        if (endLine > line || (endLine == line && endColumn > column)) {
            region.put("endLine", endLine);
            region.put("endColumn", endColumn);
        }
        if (message != null) {
            loc.putObject("message").put("text", message);
        }
        return loc;
    }
}
