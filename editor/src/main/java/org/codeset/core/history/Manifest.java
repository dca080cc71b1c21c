package org.codeset.core.history;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 manifest a release tag's message carries: one line per file of the code set's
 * folder, {@code <sha256>  <path>}, under {@link #HEADING}. {@code release} writes it; {@code pull}
 * checks the tagged tree against it, so a tag whose files are not the ones released is refused.
 */
public final class Manifest {
    /** The line that heads the manifest in a release tag's message. */
    public static final String HEADING = "SHA-256 of the code set's files:";

    private Manifest() {
    }

    /** The manifest of a release tag's message: path to SHA-256 (empty if it has none). */
    public static Map<String, String> of(String tagMessage) {
        Map<String, String> out = new TreeMap<>();
        int at = tagMessage.indexOf(HEADING);
        if (at < 0) {
            return out;
        }
        for (String line : tagMessage.substring(at + HEADING.length()).split("\n")) {
            if (line.length() > 66 && line.charAt(64) == ' ' && line.charAt(65) == ' '
                    && line.substring(0, 64).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                out.put(line.substring(66), line.substring(0, 64));
            }
        }
        return out;
    }

    /** Appends the manifest (heading and one line per file, in path order) to a tag message. */
    public static void appendTo(StringBuilder message, Map<String, String> sha256ByPath) {
        message.append(HEADING).append("\n");
        for (Map.Entry<String, String> f : new TreeMap<>(sha256ByPath).entrySet()) {
            message.append(f.getValue()).append("  ").append(f.getKey()).append('\n');
        }
    }

    /** The SHA-256 of the bytes, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
