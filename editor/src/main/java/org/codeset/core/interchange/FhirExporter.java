package org.codeset.core.interchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.codeset.core.model.CodeEntry;
import org.codeset.core.model.CodeSet;
import org.codeset.core.model.PropertyDef;
import org.codeset.core.model.Reference;
import org.codeset.core.model.Vocabulary;
import org.codeset.core.model.Vocabulary.CodeSetStatus;
import org.codeset.core.model.Vocabulary.Relationship;
import org.codeset.core.model.Vocabulary.Status;
import org.codeset.core.yaml.YMap;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a FHIR R4 {@code CodeSystem}: {@code url}, {@code version}, {@code status},
 * {@code content: complete}, {@code count}, {@code hierarchyMeaning: is-a} where there is a
 * hierarchy; the concept properties {@code status}, {@code notSelectable}, {@code parent},
 * {@code effectiveDate} and {@code retirementDate} (FHIR's concept-properties), the code set's
 * declared properties with their types (a code of another code set as a Coding), and relations as code properties named after their type.
 * When codes carry mappings, a second document is an R4 {@code ConceptMap} of them.
 */
public final class FhirExporter implements Exporter {
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String CONCEPT_PROPERTIES = "http://hl7.org/fhir/concept-properties#";
    private static final Pattern NON_NAME = Pattern.compile("[^A-Za-z0-9_]");

    @Override
    public String id() {
        return "fhir";
    }

    @Override
    public String description() {
        return "a FHIR R4 CodeSystem (JSON), and a ConceptMap of the mappings";
    }

    @Override
    public Export export(ExportSource source, Progress progress) {
        CodeSet cs = source.codeSet();
        YMap meta = cs.meta();
        List<String> warnings = new ArrayList<>();
        List<CodeEntry> entries = cs.entries();
        ObjectNode root = JSON.createObjectNode();
        root.put("resourceType", "CodeSystem");
        root.put("id", cs.id());
        String system = meta == null ? null : meta.text("system");
        root.put("url", system);
        root.put("version", source.version());
        root.put("name", name(cs.id()));
        putIf(root, "title", meta == null ? null : meta.text("title"));
        String status = meta == null ? null : meta.text("status");
        root.put("status", status == null ? CodeSetStatus.DRAFT.text() : status);
        putIf(root, "publisher", meta == null ? null : meta.text("publisher"));
        putIf(root, "description", meta == null ? null : meta.text("description"));
        root.put("caseSensitive", true);
        boolean hierarchy = entries.stream().anyMatch(e -> !e.parents().isEmpty());
        if (hierarchy) {
            root.put("hierarchyMeaning", "is-a");
        }
        root.put("content", "complete");
        root.put("count", entries.size());

        Map<String, String> relationProps = new LinkedHashMap<>();
        for (CodeEntry e : entries) {
            for (CodeEntry.Relation r : e.relations()) {
                if (r.type() != null) {
                    relationProps.putIfAbsent(r.type().text(), relationProperty(r.type().text()));
                }
            }
        }
        ArrayNode props = root.putArray("property");
        declare(props, "status", CONCEPT_PROPERTIES + "status", "code", Vocabulary.choice(Status.values()));
        declare(props, "notSelectable", CONCEPT_PROPERTIES + "notSelectable", "boolean", "a grouper, not used on its own");
        if (hierarchy) {
            declare(props, "parent", CONCEPT_PROPERTIES + "parent", "code", "a parent code (is-a)");
        }
        declare(props, "effectiveDate", CONCEPT_PROPERTIES + "effectiveDate", "dateTime", "when the code took effect");
        if (entries.stream().anyMatch(e -> e.retired() != null)) {
            declare(props, "retirementDate", CONCEPT_PROPERTIES + "retirementDate", "dateTime", "when the code was retired");
        }
        for (PropertyDef p : cs.properties().values()) {
            ObjectNode d = props.addObject().put("code", p.id());
            putIf(d, "description", p.node() == null ? null : p.node().text("description"));
            // a code of another code set is a Coding: its system and code
            d.put("type", p.isCode() && p.from() != null && !p.from().equals(cs.id()) ? "Coding"
                    : fhirType(p.type()));
        }
        relationProps.forEach((type, code) -> declare(props, code, null, "code", "relation " + type
                + " (a code of this code system, or system|code of another)"));
        if (!relationProps.isEmpty()) {
            warnings.add("relations are written as concept properties " + String.join(", ", relationProps.values())
                    + " (FHIR has no relations between concepts; codeset import reads them back as relations)");
        }

        // the concepts are streamed, not built as a tree: 100,000 of them as nodes cost more in
        // garbage collection than in writing
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(Math.max(1024, entries.size() * 400));
        int notes = 0;
        boolean mappings = false;
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                g.writeName(field.getKey());
                g.writeTree(field.getValue());
            }
            g.writeArrayPropertyStart("concept");
            int done = 0;
            for (CodeEntry e : entries) {
                concept(g, e, cs, source, relationProps, warnings);
                if (e.node().text("note") != null) {
                    notes++;
                }
                mappings |= !e.mappings().isEmpty();
                if (++done % 5000 == 0) {
                    progress.update("export", done, entries.size());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (notes > 0) {
            warnings.add(notes + " note(s) for maintainers are not exported");
        }
        List<Document> docs = new ArrayList<>();
        docs.add(new Document("", "CodeSystem", bytes.toByteArray()));
        if (mappings) {
            docs.add(new Document(".conceptmap", "ConceptMap", JSON.writeValueAsBytes(conceptMap(source, warnings))));
        }
        return new Export(docs, warnings);
    }

    private static void concept(JsonGenerator g, CodeEntry e, CodeSet cs, ExportSource source,
            Map<String, String> relationProps, List<String> warnings) {
        g.writeStartObject();
        g.writeStringProperty("code", e.code());
        g.writeStringProperty("display", e.display());
        String definition = e.node().text("definition");
        if (definition != null) {
            g.writeStringProperty("definition", definition);
        }
        List<String> synonyms = Entries.synonyms(e);
        if (!synonyms.isEmpty()) {
            g.writeArrayPropertyStart("designation");
            for (String syn : synonyms) {
                g.writeStartObject();
                g.writeStringProperty("value", syn);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeArrayPropertyStart("property");
        property(g, "status", "valueCode", e.status());
        if (Entries.isAbstract(e)) {
            g.writeStartObject();
            g.writeStringProperty("code", "notSelectable");
            g.writeBooleanProperty("valueBoolean", true);
            g.writeEndObject();
        }
        for (String p : Entries.parents(e)) {
            property(g, "parent", "valueCode", p);
        }
        if (e.effective() != null) {
            property(g, "effectiveDate", "valueDateTime", e.effective().text());
        }
        if (e.retired() != null) {
            property(g, "retirementDate", "valueDateTime", e.retired().text());
        }
        for (Map.Entry<String, List<String>> p : Entries.properties(e).entrySet()) {
            PropertyDef def = cs.properties().get(p.getKey());
            String type = def == null ? "string" : def.type();
            for (String v : p.getValue()) {
                g.writeStartObject();
                g.writeStringProperty("code", p.getKey());
                try {
                    typedValue(g, type, v, def, source);
                } catch (NumberFormatException ex) {
                    g.writeStringProperty("valueString", v);
                    warnings.add(e.code() + ": property " + p.getKey() + " value " + v + " is not a " + type
                            + "; written as a string");
                }
                g.writeEndObject();
            }
        }
        for (CodeEntry.Relation r : e.relations()) {
            if (r.type() != null && r.target() != null) {
                property(g, relationProps.get(r.type().text()), "valueCode", r.target().text());
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void property(JsonGenerator g, String code, String valueKey, String value) {
        g.writeStartObject();
        g.writeStringProperty("code", code);
        g.writeStringProperty(valueKey, value);
        g.writeEndObject();
    }

    /** An R4 ConceptMap: one group per target system, each code with its targets and equivalence. */
    private static ObjectNode conceptMap(ExportSource source, List<String> warnings) {
        CodeSet cs = source.codeSet();
        String system = cs.meta() == null ? null : cs.meta().text("system");
        ObjectNode root = JSON.createObjectNode();
        root.put("resourceType", "ConceptMap");
        root.put("id", cs.id() + "-mappings");
        if (system != null) {
            root.put("url", system + (system.endsWith("/") ? "" : "/") + "mappings");
        }
        root.put("version", source.version());
        root.put("name", name(cs.id()) + "Mappings");
        String status = cs.meta() == null ? null : cs.meta().text("status");
        root.put("status", status == null ? CodeSetStatus.DRAFT.text() : status);
        putIf(root, "sourceUri", system);
        Map<String, ObjectNode> groups = new LinkedHashMap<>();
        Map<String, Map<String, ObjectNode>> elements = new LinkedHashMap<>();
        int unresolved = 0;
        for (CodeEntry e : cs.entries()) {
            for (CodeEntry.Mapping m : e.mappings()) {
                String targetSystem;
                String targetCode;
                if (m.target() != null) {
                    Reference ref = Reference.parse(m.target().text(), cs, source.repository());
                    targetSystem = CodeSetLookup.systemOf(source, ref.codeSetId()).orElse(null);
                    targetCode = ref.code();
                } else {
                    targetSystem = m.system() == null ? null : m.system().text();
                    targetCode = m.code() == null ? null : m.code().text();
                }
                if (targetSystem == null || targetCode == null) {
                    unresolved++;
                    continue;
                }
                ObjectNode group = groups.computeIfAbsent(targetSystem, t -> {
                    ObjectNode g = JSON.createObjectNode();
                    putIf(g, "source", system);
                    g.put("target", t);
                    g.putArray("element");
                    return g;
                });
                ObjectNode element = elements.computeIfAbsent(targetSystem, k -> new LinkedHashMap<>()).computeIfAbsent(
                        e.code(), k -> {
                            ObjectNode el = ((ArrayNode) group.get("element")).addObject();
                            el.put("code", e.code()).put("display", e.display());
                            el.putArray("target");
                            return el;
                        });
                Relationship rel = m.relationship() == null ? null : Relationship.of(m.relationship().text());
                ((ArrayNode) element.get("target")).addObject().put("code", targetCode).put("equivalence", equivalence(rel));
            }
        }
        if (unresolved > 0) {
            warnings.add(unresolved + " mapping(s) to a code set the repository does not have are not in the ConceptMap");
        }
        ArrayNode g = root.putArray("group");
        groups.values().forEach(g::add);
        return root;
    }

    /** A mapping's relationship as an R4 ConceptMap equivalence; none or an unknown one is "relatedto". */
    static String equivalence(Relationship relationship) {
        if (relationship == null) {
            return "relatedto";
        }
        return switch (relationship) {
            case EQUIVALENT -> "equivalent";
            case BROADER -> "wider";
            case NARROWER -> "narrower";
            case RELATED_TO -> "relatedto";
        };
    }

    private static void typedValue(JsonGenerator g, String type, String v, PropertyDef def, ExportSource source) {
        CodeSet cs = source.codeSet();
        switch (type) {
            case "code" -> {
                if (def.from() == null || def.from().equals(cs.id())) {
                    g.writeStringProperty("valueCode", v);
                } else {
                    g.writeObjectPropertyStart("valueCoding");
                    g.writeStringProperty("system", CodeSetLookup.systemOf(source, def.from()).orElse(def.from()));
                    g.writeStringProperty("code", v);
                    g.writeEndObject();
                }
            }
            case "integer" -> {
                if (v.length() < 18) {
                    g.writeNumberProperty("valueInteger", Long.parseLong(v.startsWith("+") ? v.substring(1) : v));
                } else {
                    g.writeNumberProperty("valueInteger", new java.math.BigInteger(v));
                }
            }
            case "decimal" -> g.writeNumberProperty("valueDecimal", new java.math.BigDecimal(v));
            case "boolean" -> g.writeBooleanProperty("valueBoolean", Boolean.parseBoolean(v));
            case "date" -> g.writeStringProperty("valueDateTime", v);
            default -> g.writeStringProperty("valueString", v);
        }
    }

    static String fhirType(String type) {
        return switch (type) {
            case "code" -> "code";
            case "integer" -> "integer";
            case "decimal" -> "decimal";
            case "boolean" -> "boolean";
            case "date" -> "dateTime";
            default -> "string";
        };
    }

    /** A relation type as a property code: replaced-by becomes replacedBy. */
    static String relationProperty(String type) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : type.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    /** A computer-friendly name: the id in upper camel case. */
    static String name(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String n = NON_NAME.matcher(b).replaceAll("");
        return n.isEmpty() || !Character.isLetter(n.charAt(0)) ? "C" + n : n;
    }

    private static void declare(ArrayNode props, String code, String uri, String type, String description) {
        ObjectNode d = props.addObject().put("code", code);
        if (uri != null) {
            d.put("uri", uri);
        }
        d.put("description", description).put("type", type);
    }

    private static void putIf(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }
}
