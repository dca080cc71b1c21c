package org.codeset.core.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidImportException;
import org.codeset.core.errors.UnreadableInputException;
import org.codeset.core.interchange.FhirConcepts.Draft;
import org.codeset.core.model.Vocabulary.RelationType;

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
        FhirConcepts concepts = new FhirConcepts(header, problems, warnings, progress);
        Reading reading = new Reading(file.toString(), options, header, concepts, problems, warnings);
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
                        concepts.read(p);
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
        private final FhirHeader header;
        private final List<String> problems;
        private final FhirWarnings warnings;
        private final FhirConcepts concepts;

        Reading(String file, ImportOptions options, FhirHeader header, FhirConcepts concepts, List<String> problems,
                FhirWarnings warnings) {
            this.file = file;
            this.options = options;
            this.header = header;
            this.concepts = concepts;
            this.problems = problems;
            this.warnings = warnings;
        }

        /** The whole CodeSystem, once its concepts have streamed past ({@code early}: those that came too early). */
        ImportedCodeSet read(JsonNode early) throws InvalidImportException {
            header.check();
            if (early != null) {
                concepts.read(early);
            }
            concepts.linkChildren();
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
            List<ImportedCodeSet.Concept> out = new ArrayList<>(concepts.drafts().size());
            for (Draft d : concepts.drafts()) {
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
            for (Draft d : concepts.drafts()) {
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
                            s.allCodes &= concepts.has(x);
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
                    for (Draft d : concepts.drafts()) {
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
            for (Draft d : concepts.drafts()) {
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
    }
}
