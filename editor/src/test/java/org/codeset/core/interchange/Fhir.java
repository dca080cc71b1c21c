package org.codeset.core.interchange;

import java.nio.charset.StandardCharsets;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/** HAPI FHIR's R4 parser in strict mode: an unknown element or an invalid value fails the test. */
public final class Fhir {
    private static final FhirContext R4 = FhirContext.forR4();

    private Fhir() {
    }

    private static IParser parser() {
        IParser p = R4.newJsonParser();
        p.setParserErrorHandler(new StrictErrorHandler());
        return p;
    }

    public static CodeSystem codeSystem(byte[] json) {
        return parser().parseResource(CodeSystem.class, new String(json, StandardCharsets.UTF_8));
    }

    public static ConceptMap conceptMap(byte[] json) {
        return parser().parseResource(ConceptMap.class, new String(json, StandardCharsets.UTF_8));
    }
}
