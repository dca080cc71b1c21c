package org.codeset.core.interchange;

import static org.codeset.core.interchange.FhirImporter.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.codeset.core.errors.InvalidImportException;
import org.codeset.core.model.Reference;
import org.codeset.core.model.Vocabulary.CodeSetStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The top-level elements of a CodeSystem, every one but its concepts, each kept as a small tree:
 * its type, url, id, title, status, version and date as the code set's, and the property
 * declarations, which also take in the properties concepts use undeclared.
 */
final class FhirHeader {
    /** Concept properties that map onto the contract's own fields rather than onto typed properties. */
    static final Set<String> STRUCTURAL = Set.of("parent", "subsumedBy", "child", "status", "retired", "inactive",
            "notSelectable", "retirementDate", "effectiveDate");
    static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final Set<String> TOP_LEVEL_KEPT = Set.of("resourceType", "id", "url", "version", "name", "title",
            "status", "publisher", "description", "date", "content", "count", "concept", "property", "hierarchyMeaning",
            "caseSensitive");
    /** FHIR's property types. */
    private static final Set<String> FHIR_TYPES = Set.of("code", "Coding", "string", "integer", "boolean", "dateTime",
            "decimal");
    /** A code set's statuses (not a code's). */
    private static final Pattern PROPERTY_ID = Pattern.compile("^[a-z][A-Za-z0-9]*$");
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$");

    private final String file;
    private final List<String> problems;
    private final FhirWarnings warnings;
    private final ObjectNode root = FhirImporter.JSON.createObjectNode();
    /** Declared properties by FHIR code: FHIR type, contract id (not for the structural ones) and description. */
    private final Map<String, String> fhirType = new LinkedHashMap<>();
    private final Map<String, String> propertyId = new LinkedHashMap<>();
    private final Map<String, String> propertyDescription = new HashMap<>();
    /** The contract ids given so far: the values of {@link #propertyId}. */
    private final Set<String> ids = new HashSet<>();
    private boolean declared;

    FhirHeader(String file, List<String> problems, FhirWarnings warnings) {
        this.file = file;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** A top-level element as read. */
    void put(String name, JsonNode value) {
        root.set(name, value);
    }

    boolean has(String name) {
        return root.has(name);
    }

    /** Refuses a resource that is not a CodeSystem. */
    void checkType() throws InvalidImportException {
        String type = root.path("resourceType").asString("");
        if (!type.equals("CodeSystem")) {
            throw new InvalidImportException(file, List.of("resourceType: " + (type.isEmpty() ? "missing"
                    : "\"" + type + "\"") + "; expected \"CodeSystem\""));
        }
    }

    /**
     * Once every top-level element is read: the type checked, the url required, what is not kept
     * warned of, the declarations read (if the concepts have not needed them yet).
     */
    void check() throws InvalidImportException {
        checkType();
        String url = url();
        if (url == null || url.isBlank()) {
            problems.add("url: missing; a CodeSystem needs its canonical url (it becomes the code set's system)");
        }
        List<String> droppedTop = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!TOP_LEVEL_KEPT.contains(e.getKey())) {
                droppedTop.add(e.getKey());
            }
        }
        if (root.path("caseSensitive").isBoolean() && !root.path("caseSensitive").booleanValue()) {
            warnings.caseInsensitive();
        }
        if (!droppedTop.isEmpty()) {
            warnings.notKept(droppedTop);
        }
        if (!complete()) {
            warnings.incomplete(text(root, "content"));
        }
        String meaning = text(root, "hierarchyMeaning");
        if (meaning != null && !meaning.equals("is-a")) {
            warnings.hierarchyMeaning(meaning);
        }
        declarations();
        if (root.has("concept")) {
            problems.add("concept: not a list");
        }
    }

    String url() {
        return text(root, "url");
    }

    /** Whether the CodeSystem lists every code ({@code content} complete or not given). */
    boolean complete() {
        String content = text(root, "content");
        return content == null || content.equals("complete");
    }

    String publisher() {
        return text(root, "publisher");
    }

    /** The code set's description. */
    String description() {
        return text(root, "description");
    }

    /** The code set's id from the CodeSystem's id or name, made a valid id. */
    String id() {
        String fhirId = text(root, "id");
        String name = text(root, "name");
        String base = fhirId != null ? fhirId : name != null ? name : "imported";
        String id = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^[^a-z]+", "")
                .replaceAll("-+$", "");
        if (id.length() > 63) {
            id = id.substring(0, 63).replaceAll("-+$", "");
        }
        return id.isEmpty() || !Reference.ID.matcher(id).matches() ? "imported" : id;
    }

    /** The title, else the name, else the id, on one line. */
    String title(String id) {
        String title = firstNonBlank(text(root, "title"), text(root, "name"), id);
        return title.contains("\n") ? title.replaceAll("\\s*\\R\\s*", " ") : title;
    }

    /** The code set's status: draft where the CodeSystem's is none of the format's. */
    String status() {
        String status = text(root, "status");
        if (status == null || CodeSetStatus.of(status) == null) {
            warnings.codeSetStatus(status);
            return CodeSetStatus.DRAFT.text();
        }
        return status;
    }

    /** The version where it is a semantic version, else null. */
    String version() {
        String version = text(root, "version");
        if (version != null && !SEMVER.matcher(version).matches()) {
            warnings.version(version);
            return null;
        }
        return version;
    }

    /** The date the codes take effect: the one given, else the CodeSystem's date, else today. */
    String effective(String given) {
        String date = text(root, "date");
        if (given == null && date != null && date.length() >= 10 && DATE.matcher(date.substring(0, 10)).matches()) {
            return date.substring(0, 10);
        }
        return given != null ? given : LocalDate.now().toString();
    }

    /** Reads the property declarations once, before the first concept. */
    void declarations() {
        if (!declared) {
            declared = true;
            readDeclarations(root.path("property"));
        }
    }

    private void readDeclarations(JsonNode list) {
        if (list.isMissingNode()) {
            return;
        }
        if (!list.isArray()) {
            problems.add("property: not a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String path = "property[" + i + "]";
            String code = text(p, "code");
            String type = text(p, "type");
            if (code == null || code.isEmpty()) {
                problems.add(path + ".code: missing");
                continue;
            }
            if (fhirType.containsKey(code)) {
                problems.add(path + ".code: property \"" + code + "\" is declared twice");
                continue;
            }
            if (type == null || !FHIR_TYPES.contains(type)) {
                problems.add(path + ".type: " + (type == null ? "missing" : "unknown property type \"" + type + "\"")
                        + "; FHIR's are code, Coding, string, integer, boolean, dateTime, decimal");
                continue;
            }
            declare(code, type);
            propertyDescription.put(code, text(p, "description"));
        }
    }

    /** Whether the property is declared (or was met undeclared before). */
    boolean declares(String code) {
        return fhirType.containsKey(code);
    }

    /**
     * A property a concept uses (at {@code at}, its value[x] {@code valueKey}) that the CodeSystem
     * does not declare: declared with the type of its value, and warned of.
     */
    void undeclared(String code, String valueKey, String at) {
        String inferred = switch (valueKey) {
            case "valueCode" -> "code";
            case "valueCoding" -> "Coding";
            case "valueInteger" -> "integer";
            case "valueBoolean" -> "boolean";
            case "valueDateTime" -> "dateTime";
            case "valueDecimal" -> "decimal";
            default -> "string";
        };
        declare(code, inferred);
        warnings.undeclared(at, valueKey, code, inferred);
    }

    private void declare(String code, String type) {
        fhirType.put(code, type);
        if (!STRUCTURAL.contains(code)) {
            propertyId.put(code, uniqueId(code));
        }
    }

    /** A property's FHIR type. */
    String fhirType(String code) {
        return fhirType.get(code);
    }

    /** The contract id of each typed (not structural) property by FHIR code, in the order declared. */
    Map<String, String> propertyIds() {
        return propertyId;
    }

    String propertyDescription(String code) {
        return propertyDescription.get(code);
    }

    /** The FHIR code as a property id no other property has (warned of where it differs from the code). */
    private String uniqueId(String code) {
        String id = code;
        if (!PROPERTY_ID.matcher(id).matches()) {
            StringBuilder b = new StringBuilder();
            boolean upper = false;
            for (char c : code.toCharArray()) {
                if (Character.isLetterOrDigit(c) && c < 128) {
                    b.append(upper && b.length() > 0 ? Character.toUpperCase(c) : c);
                    upper = false;
                } else {
                    upper = true;
                }
            }
            id = b.length() == 0 ? "property" : b.toString();
            if (!Character.isLetter(id.charAt(0))) {
                id = "p" + id;
            }
            id = Character.toLowerCase(id.charAt(0)) + id.substring(1);
        }
        String unique = id;
        for (int n = 2; ids.contains(unique); n++) {
            unique = id + n;
        }
        ids.add(unique);
        if (!unique.equals(code)) {
            warnings.renamed(code, unique);
        }
        return unique;
    }

    private static String firstNonBlank(String... s) {
        for (String x : s) {
            if (x != null && !x.isBlank()) {
                return x;
            }
        }
        return "";
    }
}
