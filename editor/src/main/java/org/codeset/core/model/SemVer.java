package org.codeset.core.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version {@code MAJOR.MINOR.PATCH[-PRE]}, ordered as semver.org says (pre-releases before releases). */
public record SemVer(int major, int minor, int patch, String pre) implements Comparable<SemVer> {
    private static final Pattern FORM = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:-([0-9A-Za-z.-]+))?");

    /** The version, or null when the text is not one. */
    public static SemVer parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return null;
        }
        return new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4));
    }

    /** The next version for a bump. */
    public SemVer bump(Bump bump) {
        return switch (bump) {
            case MAJOR -> new SemVer(major + 1, 0, 0, null);
            case MINOR -> new SemVer(major, minor + 1, 0, null);
            case PATCH -> new SemVer(major, minor, patch + 1, null);
            case NONE -> this;
        };
    }

    /** How much a release changes, in semver terms. */
    public enum Bump { NONE, PATCH, MINOR, MAJOR }

    @Override
    public int compareTo(SemVer o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        if (c == 0) {
            c = pre == null ? (o.pre == null ? 0 : 1) : o.pre == null ? -1 : pre.compareTo(o.pre);
        }
        return c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (pre == null ? "" : "-" + pre);
    }
}
