package org.codeset.core.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.codeset.core.interchange.FhirConcepts.Draft;
import org.codeset.core.model.Vocabulary.RelationType;

/**
 * The contract's type of each property, from its FHIR type in the declarations and the values the
 * concepts hold, gathered for all properties in one pass over the drafts; code properties named
 * after a relation type whose values are all codes of the CodeSystem are read as relations.
 */
final class FhirPropertyTypes {
    /**
     * Relations as the FHIR export writes them: code properties named after the relation type, as
     * {@link FhirExporter#relationProperty} names them (spelled out here, so that an import does not
     * load the exporter).
     */
    static final Map<String, RelationType> RELATIONS = Map.of("replacedBy", RelationType.REPLACED_BY,
            "seeAlso", RelationType.SEE_ALSO, "excludes", RelationType.EXCLUDES,
            "mutuallyExclusive", RelationType.MUTUALLY_EXCLUSIVE, "addOnTo", RelationType.ADD_ON_TO);

    private final FhirHeader header;
    private final FhirConcepts concepts;
    private final ImportOptions options;
    private final FhirWarnings warnings;
    /** The FHIR codes of the properties read as relations (all their values are codes of this CodeSystem). */
    private final List<String> relationCodes = new ArrayList<>();

    FhirPropertyTypes(FhirHeader header, FhirConcepts concepts, ImportOptions options, FhirWarnings warnings) {
        this.header = header;
        this.concepts = concepts;
        this.options = options;
        this.warnings = warnings;
    }

    /** What the values of one property are like. */
    private static final class Values {
        boolean used;
        boolean multiple;
        boolean allCodes = true;
        boolean allDates = true;
    }

    /** The typed properties, in the order declared (the relations left out). */
    List<ImportedCodeSet.Property> properties() {
        Map<String, String> propertyId = header.propertyIds();
        Map<String, Values> seen = new HashMap<>();
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
            String description = header.propertyDescription(code);
            String from = ftype.equals("Coding") ? codingSystem(code) : null;
            if (from != null) {
                for (Draft d : concepts.drafts()) {
                    List<String> vs = d.values.get(code);
                    if (vs != null) {
                        d.values.put(code, vs.stream().map(v -> v.substring(v.indexOf('|') + 1)).toList());
                    }
                }
                warnings.codingFrom(code, from);
                out.add(new ImportedCodeSet.Property(e.getValue(), "code", s.multiple, description, from));
                continue;
            }
            String type = switch (ftype) {
                case "code" -> s.allCodes && s.used ? "code" : "string";
                case "dateTime" -> s.allDates ? "date" : "string";
                case "integer", "boolean", "decimal" -> ftype;
                default -> "string";
            };
            if (ftype.equals("code") && !type.equals("code")) {
                warnings.codeAsString(code, s.used);
            } else if (ftype.equals("dateTime") && !type.equals("date")) {
                warnings.dateTimeAsString(code);
            } else if (ftype.equals("Coding")) {
                warnings.codingAsString(code);
            }
            out.add(new ImportedCodeSet.Property(e.getValue(), type, s.multiple, description, null));
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

    /** The relation types read from properties, once {@link #properties()} has typed them. */
    List<String> relationTypes() {
        return relationCodes.stream().map(code -> RELATIONS.get(code).text()).toList();
    }

    /** A draft as the contract's concept: its values by property id, those of relation properties as relations. */
    ImportedCodeSet.Concept concept(Draft d) {
        Map<String, List<String>> values = d.values.isEmpty() ? Map.of() : new LinkedHashMap<>();
        Map<String, List<String>> relations = relationCodes.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> v : d.values.entrySet()) {
            if (relationCodes.contains(v.getKey())) {
                relations.put(RELATIONS.get(v.getKey()).text(), v.getValue());
            } else {
                values.put(header.propertyIds().get(v.getKey()), v.getValue());
            }
        }
        return new ImportedCodeSet.Concept(d.code, d.display, d.definition, d.synonyms, d.status.text(), d.effective,
                d.retired, d.abstractCode, List.copyOf(d.parents), values, d.path, relations);
    }
}
