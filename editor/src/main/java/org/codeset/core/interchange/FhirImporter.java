package org.codeset.core.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidImportException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.model.Vocabulary.RelationType;
import org.codeset.core.model.Vocabulary.Status;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a FHIR R4 or R5 {@code CodeSystem} (JSON). {@code url} becomes {@code system}; nested
 * concepts and the {@code parent}, {@code subsumedBy} (and inverse {@code child}) properties
 * become {@code parent}, several where the source is a polyhierarchy; the {@code status},
 * {@code deprecated}, {@code retired}, {@code inactive} and {@code retirementDate} properties
 * become the status and retirement date, {@code notSelectable} becomes {@code abstract};
 * designations become synonyms; every other declared property becomes a typed property.
 */
public final class FhirImporter implements Importer {
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build(); // values are read one by one from a stream

    /**
     * Relations as the FHIR export writes them: code properties named after the relation type, as
     * {@link FhirExporter#relationProperty} names them (spelled out here, so that an import does not
     * load the exporter).
     */
    static final Map<String, RelationType> RELATIONS = Map.of("replacedBy", RelationType.REPLACED_BY,
            "seeAlso", RelationType.SEE_ALSO, "excludes", RelationType.EXCLUDES,
            "mutuallyExclusive", RelationType.MUTUALLY_EXCLUSIVE, "addOnTo", RelationType.ADD_ON_TO);
    /** The elements of a concept that are read. */
    private static final Set<String> CONCEPT_KEYS = Set.of("code", "display", "definition", "designation", "property",
            "concept");

    @Override
    public String id() {
        return "fhir";
    }

    @Override
    public String description() {
        return "a FHIR R4 or R5 CodeSystem resource in JSON";
    }

    /**
     * Reads the file as a stream: the CodeSystem's other elements as small trees, the concepts
     * token by token into drafts, so a CodeSystem of 100,000 concepts is never a tree in memory.
     * Concepts that come before the property declarations (unusual: FHIR's element order puts
     * property first) are kept as trees until the declarations are known, then read the same way.
     */
    @Override
    public ImportedCodeSet read(Path file, ImportOptions options, Progress progress) throws CodesetException {
        List<String> problems = new ArrayList<>();
        FhirWarnings warnings = new FhirWarnings();
        FhirHeader header = new FhirHeader(file.toString(), problems, warnings);
        Reading reading = new Reading(file.toString(), options, progress, header, problems, warnings);
        JsonNode early = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new InvalidImportException(file.toString(), List.of(t == null ? "$: empty file"
                        : "$: not a FHIR resource (a JSON object with resourceType)"));
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("concept") && value == JsonToken.START_ARRAY) {
                    if (header.has("resourceType")) {
                        header.checkType();
                    }
                    if (header.has("resourceType") && header.has("property")) {
                        header.declarations();
                        reading.concepts(p, "concept", null);
                    } else {
                        early = JSON.readTree(p);
                    }
                } else {
                    header.put(name, JSON.readTree(p));
                }
            }
            if (p.nextToken() != null) {
                throw new InvalidImportException(file.toString(), List.of("line " + p.currentTokenLocation().getLineNr()
                        + ", column " + p.currentTokenLocation().getColumnNr()
                        + ": more JSON after the end of the CodeSystem; a file holds one resource"));
            }
        } catch (JacksonException e) {
            String path = e.processor() instanceof JsonParser jp ? dotted(jp.streamReadContext().pathAsPointer().toString()) : "";
            String where = (path.isEmpty() ? "" : path + ": ") + (e.getLocation() == null ? "" : "line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ");
            String why = e.getOriginalMessage().lines().findFirst().orElse("").replaceFirst(" \\(start marker at .*", "");
            throw new InvalidImportException(file.toString(), List.of(where + "not valid JSON (" + why + ")"));
        } catch (IOException e) {
            throw new UnreadableInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return reading.read(early);
    }

    /** A JSON pointer as the path the other messages use: /concept/12/code is concept[12].code. */
    static String dotted(String pointer) {
        StringBuilder b = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                b.append('[').append(part).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return b.toString();
    }

    /** The text of an object's element: null where it is missing, null, a list or an object. */
    static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }

    /** One reading of one file: the problems and warnings it collects. */
    private static final class Reading {
        private final String file;
        private final ImportOptions options;
        private final Progress progress;
        private final FhirHeader header;
        private final List<String> problems;
        private final FhirWarnings warnings;
        private final Map<String, String> firstPath = new HashMap<>();
        private final List<Draft> drafts = new ArrayList<>();
        private final Map<String, Draft> byCode = new HashMap<>();
        private long seen;

        Reading(String file, ImportOptions options, Progress progress, FhirHeader header, List<String> problems,
                FhirWarnings warnings) {
            this.file = file;
            this.options = options;
            this.progress = progress;
            this.header = header;
            this.problems = problems;
            this.warnings = warnings;
        }

        /** A concept as read, before its properties are typed. */
        private static final class Draft {
            String code;
            String display;
            String definition;
            final List<String> synonyms = new ArrayList<>();
            Status status = Status.ACTIVE;
            String effective;
            String retired;
            boolean abstractCode;
            final Set<String> parents = new LinkedHashSet<>();
            final Map<String, List<String>> values = new LinkedHashMap<>();
            String path;
        }

        /** The concept list read before the declarations it needs, as a tree. */
        void earlyConcepts(JsonNode early) {
            try (JsonParser p = JSON.treeAsTokens(early)) {
                p.nextToken();
                concepts(p, "concept", null);
            }
        }

        /** The whole CodeSystem, once its concepts have streamed past ({@code early}: those that came too early). */
        ImportedCodeSet read(JsonNode early) throws InvalidImportException {
            header.check();
            if (early != null) {
                earlyConcepts(early);
            }
            checkParents();
            if (!problems.isEmpty()) {
                throw new InvalidImportException(file, problems);
            }
            List<ImportedCodeSet.Property> props = typeProperties();
            warnings.counted();
            String id = options.id() != null ? options.id() : header.id();
            String title = header.title(id);
            String status = header.status();
            String version = header.version();
            String effective = header.effective(options.effective());
            List<ImportedCodeSet.Concept> out = new ArrayList<>(drafts.size());
            for (Draft d : drafts) {
                Map<String, List<String>> values = d.values.isEmpty() ? Map.of() : new LinkedHashMap<>();
                Map<String, List<String>> relations = relationCodes.isEmpty() ? Map.of() : new LinkedHashMap<>();
                for (Map.Entry<String, List<String>> v : d.values.entrySet()) {
                    if (relationCodes.contains(v.getKey())) {
                        relations.put(RELATIONS.get(v.getKey()).text(), v.getValue());
                    } else {
                        values.put(header.propertyIds().get(v.getKey()), v.getValue());
                    }
                }
                out.add(new ImportedCodeSet.Concept(d.code, d.display, d.definition, d.synonyms, d.status.text(), d.effective, d.retired,
                        d.abstractCode, List.copyOf(d.parents), values, d.path, relations));
            }
            problems.addAll(Hierarchy.problems(out));
            if (!problems.isEmpty()) {
                throw new InvalidImportException(file, problems);
            }
            return new ImportedCodeSet(id, title, header.url(), version, status, header.publisher(), header.description(),
                    effective, header.complete(), props, out, warnings.list(),
                    relationCodes.stream().map(code -> RELATIONS.get(code).text()).toList());
        }

        /**
         * Reads the concepts of the array at the parser's {@code START_ARRAY}, token by token: a
         * concept's own elements are read as they stream past and its nested concepts as they come,
         * so no concept is ever a tree (building the trees cost more than reading the drafts from them).
         */
        private void concepts(JsonParser p, String path, String parent) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                one(p, path + "[" + i++ + "]", parent);
            }
        }

        /**
         * One concept at the parser's current token, with the concepts nested in it. The code comes
         * first in FHIR's element order; elements before it are kept as small trees until it is known.
         */
        private void one(JsonParser p, String at, String parent) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                problems.add(at + ": not a concept (an object with code)");
                p.skipChildren();
                return;
            }
            if (++seen % 5000 == 0) {
                progress.update("read", seen, -1);
            }
            Draft d = null;
            boolean started = false;
            List<Map.Entry<String, JsonNode>> early = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("code")) {
                    d = start(p.currentToken() == JsonToken.VALUE_STRING ? p.getString() : null, false, at, parent);
                    p.skipChildren();
                    started = true;
                    replay(d, early, at);
                    early = null;
                } else if (started) {
                    element(d, name, p, at);
                } else {
                    (early == null ? early = new ArrayList<>() : early).add(Map.entry(name, JSON.readTree(p)));
                }
            }
            if (!started) {
                d = start(null, true, at, parent);
                replay(d, early, at);
            }
            if (d != null) {
                finish(d);
            }
        }

        /** The elements read before the concept's code (null: none), now that the code is known. */
        private void replay(Draft d, List<Map.Entry<String, JsonNode>> early, String at) {
            if (early == null) {
                return;
            }
            for (Map.Entry<String, JsonNode> e : early) {
                try (JsonParser tree = JSON.treeAsTokens(e.getValue())) {
                    tree.nextToken();
                    element(d, e.getKey(), tree, at);
                }
            }
        }

        /** The draft of a concept with this code (null, reported, where it is missing, not text, empty or taken). */
        private Draft start(String code, boolean missing, String at, String nestedIn) {
            if (code == null || code.isEmpty()) {
                problems.add(at + ".code: " + (missing ? "missing" : "not a non-empty string"));
                return null;
            }
            String first = firstPath.putIfAbsent(code, at);
            if (first != null) {
                problems.add(at + ".code: duplicate code \"" + code + "\" (first at " + first + ")");
                return null;
            }
            Draft d = new Draft();
            d.code = code;
            d.path = at;
            if (nestedIn != null) {
                d.parents.add(nestedIn);
            }
            if (hasSpace(code)) {
                warnings.spacedCode(code);
            }
            drafts.add(d);
            byCode.put(code, d);
            return d;
        }

        /** One element of a concept ({@code d} null: a concept with no usable code, whose nested concepts still count). */
        private void element(Draft d, String name, JsonParser p, String at) {
            switch (name) {
                case "concept" -> {
                    if (p.currentToken() == JsonToken.START_ARRAY) {
                        concepts(p, at + ".concept", d == null ? null : d.code);
                    } else {
                        problems.add(at + ".concept: not a list");
                        p.skipChildren();
                    }
                }
                case "display" -> {
                    String display = scalar(p);
                    if (d != null && display != null && !display.isBlank()) {
                        if (display.contains("\n") || display.contains("\r")) {
                            warnings.multiLineDisplay();
                            display = display.replaceAll("\\s*\\R\\s*", " ").strip();
                        }
                        d.display = display;
                    }
                }
                case "definition" -> {
                    String definition = scalar(p);
                    if (d != null) {
                        d.definition = definition;
                    }
                }
                case "designation" -> designations(d, p, at);
                case "property" -> {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        if (d != null) {
                            problems.add(at + ".property: not a list");
                        }
                        p.skipChildren();
                        return;
                    }
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (d == null) {
                            p.skipChildren();
                        } else {
                            property(d, p, at, i++);
                        }
                    }
                }
                default -> {
                    if (d != null) {
                        warnings.dropped("concept." + name);
                    }
                    p.skipChildren();
                }
            }
        }

        /** A concept read: the code stands in for a missing display, and no synonym repeats the display. */
        private void finish(Draft d) {
            if (d.display == null) {
                warnings.noDisplay();
                d.display = d.code;
            }
            d.synonyms.remove(d.display);
        }

        /** The designations at the parser: their values become synonyms (language and use are not kept). */
        private void designations(Draft d, JsonParser p, String at) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                if (d != null) {
                    problems.add(at + ".designation: not a list");
                }
                p.skipChildren();
                return;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                boolean details = false;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (key.equals("value")) {
                        String v = scalar(p);
                        if (d != null && v != null && !d.synonyms.contains(v)) {
                            d.synonyms.add(v);
                        }
                    } else {
                        details |= key.equals("language") || key.equals("use") || key.equals("additionalUse");
                        p.skipChildren();
                    }
                }
                if (details && d != null) {
                    warnings.designationDetails();
                }
            }
        }

        /**
         * The value at the parser as text: a string, a boolean or a whole number as written, any
         * other value as Jackson's tree gives it, null for null, a list or an object.
         */
        private static String scalar(JsonParser p) {
            switch (p.currentToken()) {
                case VALUE_STRING:
                    return p.getString();
                case VALUE_TRUE:
                    return "true";
                case VALUE_FALSE:
                    return "false";
                case VALUE_NUMBER_INT:
                    return p.getNumberValue().toString();
                default:
                    JsonNode n = JSON.readTree(p);
                    return n == null || n.isNull() || !n.isValueNode() ? null : n.asString();
            }
        }

        /** Property {@code i} of the concept at {@code conceptAt}, at the parser (its path is only made for a message). */
        private void property(Draft d, JsonParser p, String conceptAt, int i) {
            java.util.function.Supplier<String> at = () -> conceptAt + ".property[" + i + "]";
            String code = null;
            String valueKey = null;
            String value = null;
            if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    if (key.equals("code")) {
                        code = scalar(p);
                    } else if (key.startsWith("value")) {
                        valueKey = key;
                        value = value(p, key);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            if (code == null) {
                problems.add(at.get() + ".code: missing");
                return;
            }
            if (valueKey == null) {
                problems.add(at.get() + ": property " + code + " has no value[x]");
                return;
            }
            if (!header.declares(code)) {
                header.undeclared(code, valueKey, at.get());
            }
            switch (code) {
                case "parent", "subsumedBy" -> d.parents.add(value);
                case "child" -> d.values.computeIfAbsent("\u0000child", k -> new ArrayList<>()).add(value);
                case "notSelectable" -> d.abstractCode = d.abstractCode || "true".equals(value);
                case "inactive", "retired" -> {
                    if ("true".equals(value)) {
                        d.status = Status.RETIRED;
                    }
                }
                case "effectiveDate" -> d.effective = value.length() >= 10 ? value.substring(0, 10) : value;
                case "retirementDate" -> {
                    d.retired = value.length() >= 10 ? value.substring(0, 10) : value;
                    d.status = Status.RETIRED;
                }
                case "status" -> status(d, value);
                default -> {
                    if (code.equals("deprecated") && !"false".equals(value) && d.status != Status.RETIRED) {
                        d.status = Status.DEPRECATED;
                    }
                    d.values.computeIfAbsent(code, k -> new ArrayList<>()).add(value);
                }
            }
        }

        /** A {@code status} property: FHIR's concept statuses and HL7 v2's A (active) and D (deprecated); others are reported. */
        private void status(Draft d, String value) {
            String v = value.toLowerCase(Locale.ROOT);
            Status status = switch (v) {
                case "experimental", "a" -> Status.ACTIVE;
                case "d" -> Status.DEPRECATED;
                case "inactive" -> Status.RETIRED;
                default -> Status.of(v);
            };
            if (status == null) {
                warnings.oddStatus(value);
            } else if (status == Status.RETIRED || status == Status.DEPRECATED && d.status != Status.RETIRED) {
                d.status = status;
            }
        }

        /** The value[x] at the parser as text: see {@link #value(JsonNode, String)}. */
        private String value(JsonParser p, String key) {
            if (key.equals("valueCoding")) {
                return value(JSON.readTree(p), key);
            }
            return switch (p.currentToken()) {
                case VALUE_STRING -> p.getString();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NUMBER_INT -> p.getNumberValue().toString();
                default -> value(JSON.readTree(p), key);
            };
        }

        private String value(JsonNode v, String key) {
            if (key.equals("valueCoding")) {
                String system = text(v, "system");
                String code = text(v, "code");
                return (system == null ? "" : system) + "|" + (code == null ? "" : code);
            }
            if (v.isNumber()) {
                return v.numberValue() instanceof java.math.BigDecimal b ? b.toPlainString() : v.numberValue().toString();
            }
            return v.isValueNode() ? v.asString() : v.toString();
        }

        private void checkParents() {
            for (Draft d : drafts) {
                List<String> children = d.values.remove("\u0000child");
                if (children != null) {
                    for (String child : children) {
                        Draft c = byCode.get(child);
                        if (c == null) {
                            problems.add(d.path + ".property: child \"" + child + "\" is not a code of this CodeSystem");
                        } else {
                            c.parents.add(d.code);
                        }
                    }
                }
            }
        }

        /** The contract's type of each property, from its FHIR type and the values it holds. */
        /** The FHIR codes of the properties read as relations (all their values are codes of this CodeSystem). */
        private final List<String> relationCodes = new ArrayList<>();

        /** What the values of one property are like: gathered for all properties in one pass over the drafts. */
        private static final class Values {
            boolean used;
            boolean multiple;
            boolean allCodes = true;
            boolean allDates = true;
        }

        private List<ImportedCodeSet.Property> typeProperties() {
            Map<String, Values> seen = new HashMap<>();
            Map<String, String> propertyId = header.propertyIds();
            propertyId.keySet().forEach(code -> seen.put(code, new Values()));
            for (Draft d : drafts) {
                for (Map.Entry<String, List<String>> v : d.values.entrySet()) {
                    Values s = seen.get(v.getKey());
                    if (s == null) {
                        continue;
                    }
                    s.used = true;
                    s.multiple |= v.getValue().size() > 1;
                    String ftype = header.fhirType(v.getKey()); // only a code's values can be codes, a dateTime's dates
                    for (String x : v.getValue()) {
                        if (ftype.equals("code")) {
                            s.allCodes &= byCode.containsKey(x);
                        } else if (ftype.equals("dateTime")) {
                            s.allDates &= FhirHeader.DATE.matcher(x).matches();
                        }
                    }
                }
            }
            List<ImportedCodeSet.Property> out = new ArrayList<>();
            for (Map.Entry<String, String> e : propertyId.entrySet()) {
                String code = e.getKey();
                String ftype = header.fhirType(code);
                Values s = seen.get(code);
                if (RELATIONS.containsKey(code) && ftype.equals("code") && s.allCodes) {
                    relationCodes.add(code);
                    continue;
                }
                boolean multiple = s.multiple;
                boolean allCodes = s.allCodes;
                boolean allDates = s.allDates;
                boolean used = s.used;
                String from = ftype.equals("Coding") ? codingSystem(code) : null;
                if (from != null) {
                    for (Draft d : drafts) {
                        List<String> vs = d.values.get(code);
                        if (vs != null) {
                            d.values.put(code, vs.stream().map(v -> v.substring(v.indexOf('|') + 1)).toList());
                        }
                    }
                    warnings.codingFrom(code, from);
                    out.add(new ImportedCodeSet.Property(e.getValue(), "code", multiple, header.propertyDescription(code), from));
                    continue;
                }
                String type = switch (ftype) {
                    case "code" -> allCodes && used ? "code" : "string";
                    case "dateTime" -> allDates ? "date" : "string";
                    case "integer", "boolean", "decimal" -> ftype;
                    default -> "string";
                };
                if (ftype.equals("code") && !type.equals("code")) {
                    warnings.codeAsString(code, used);
                } else if (ftype.equals("dateTime") && !type.equals("date")) {
                    warnings.dateTimeAsString(code);
                } else if (ftype.equals("Coding")) {
                    warnings.codingAsString(code);
                }
                out.add(new ImportedCodeSet.Property(e.getValue(), type, multiple, header.propertyDescription(code), null));
            }
            return out;
        }

        /** The repository's code set whose system every value of a Coding property names, or null. */
        private String codingSystem(String code) {
            String system = null;
            for (Draft d : drafts) {
                for (String v : d.values.getOrDefault(code, List.of())) {
                    int bar = v.indexOf('|');
                    if (bar < 0) {
                        return null; // not given as a Coding (a valueString where the declaration says Coding)
                    }
                    String s = v.substring(0, bar);
                    if (system != null && !system.equals(s) || bar == v.length() - 1) {
                        return null;
                    }
                    system = s;
                }
            }
            String id = system == null ? null : options.systems().get(system);
            return id == null || id.equals(options.id()) ? null : id;
        }

        /** Whether a code has a space or a no-break space anywhere (or is padded with one). */
        private static boolean hasSpace(String code) {
            for (int i = 0; i < code.length(); i++) {
                char ch = code.charAt(i);
                if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == 0xa0) {
                    return true;
                }
            }
            return false;
        }
    }
}
