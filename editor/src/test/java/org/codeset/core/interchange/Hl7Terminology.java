package org.codeset.core.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * HL7's terminology package (hl7.terminology 5.1.0, CC0), as HAPI FHIR ships it on Maven Central
 * inside hapi-fhir-validation-resources-r5: an npm tarball read here with a minimal tar reader.
 */
final class Hl7Terminology {
    static final String RESOURCE = "/org/hl7/fhir/r5/packages/hl7.terminology-5.1.0.tgz";

    private Hl7Terminology() {
    }

    /** The files of the package whose name passes the filter, by name (package/CodeSystem-x.json), in tar order. */
    static Map<String, byte[]> files(Predicate<String> wanted) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream raw = Hl7Terminology.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IOException(RESOURCE + " is not on the test class path (hapi-fhir-validation-resources-r5)");
            }
            InputStream in = new GZIPInputStream(raw, 1 << 16);
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                String name = field(header, 0, 100);
                if (name.isEmpty()) {
                    break;
                }
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                long padded = (size + 511) / 512 * 512;
                if ((type == '0' || type == 0) && wanted.test(name)) {
                    byte[] data = in.readNBytes((int) size);
                    out.put(name, data);
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return out;
    }

    private static String field(byte[] h, int from, int len) {
        int end = from;
        while (end < from + len && h[end] != 0) {
            end++;
        }
        return new String(h, from, end - from, StandardCharsets.US_ASCII);
    }
}
