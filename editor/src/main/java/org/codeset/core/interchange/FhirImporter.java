package org.codeset.core.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.InvalidImportException;
import org.codeset.core.errors.UnreadableInputException;

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
 *
 * <p>The reading is in parts: {@link FhirHeader} the top-level elements and the property
 * declarations, {@link FhirConcepts} the concepts token by token, {@link FhirPropertyTypes} the
 * type of each property, {@link FhirWarnings} what is not kept; this class puts them together.
 */
public final class FhirImporter implements Importer {
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build(); // values are read one by one from a stream

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
        String name = file.toString();
        List<String> problems = new ArrayList<>();
        FhirWarnings warnings = new FhirWarnings();
        FhirHeader header = new FhirHeader(name, problems, warnings);
        FhirConcepts concepts = new FhirConcepts(header, problems, warnings, progress);
        JsonNode early = stream(file, header, concepts);

        header.check();
        if (early != null) {
            concepts.read(early);
        }
        concepts.linkChildren();
        if (!problems.isEmpty()) {
            throw new InvalidImportException(name, problems);
        }
        FhirPropertyTypes types = new FhirPropertyTypes(header, concepts, options, warnings);
        List<ImportedCodeSet.Property> properties = types.properties();
        warnings.counted();
        String id = options.id() != null ? options.id() : header.id();
        String title = header.title(id);
        String status = header.status();
        String version = header.version();
        String effective = header.effective(options.effective());
        List<ImportedCodeSet.Concept> out = new ArrayList<>(concepts.drafts().size());
        for (FhirConcepts.Draft d : concepts.drafts()) {
            out.add(types.concept(d));
        }
        problems.addAll(Hierarchy.problems(out));
        if (!problems.isEmpty()) {
            throw new InvalidImportException(name, problems);
        }
        return new ImportedCodeSet(id, title, header.url(), version, status, header.publisher(), header.description(),
                effective, header.complete(), properties, out, warnings.list(), types.relationTypes());
    }

    /**
     * Reads the file's top-level elements into the header and its concepts into drafts as they come;
     * returns the concepts that came before the declarations as a tree (null: none did).
     */
    private static JsonNode stream(Path file, FhirHeader header, FhirConcepts concepts) throws CodesetException {
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
        return early;
    }

    /** A JSON pointer as the path the other messages use: /concept/12/code is concept[12].code. */
    private static String dotted(String pointer) {
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
}
