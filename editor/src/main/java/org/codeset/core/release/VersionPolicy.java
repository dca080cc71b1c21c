package org.codeset.core.release;

import org.codeset.core.diff.CodeSetDiff;
import org.codeset.core.errors.CodesetException;
import org.codeset.core.errors.EditRefusedException;
import org.codeset.core.errors.InvalidArgumentException;
import org.codeset.core.model.SemVer;

/**
 * Chooses the version of a release, from {@code --version X.Y.Z} or {@code --bump
 * auto|major|minor|patch} and the semantic diff since the latest release: a change needs at
 * least the bump it requires (a patch when only metadata changed), and a first release is 1.0.0
 * unless a version is given.
 */
final class VersionPolicy {
    private final String version;
    private final ReleaseCommand.Bump bump;

    private VersionPolicy(String version, ReleaseCommand.Bump bump) {
        this.version = version;
        this.bump = bump;
    }

    /** The policy of exactly one of an explicit version and a bump; refused with neither or both. */
    static VersionPolicy of(String version, ReleaseCommand.Bump bump) throws InvalidArgumentException {
        if ((version == null) == (bump == null)) {
            throw new InvalidArgumentException("give either --version X.Y.Z or --bump auto|major|minor|patch");
        }
        return new VersionPolicy(version, bump);
    }

    /** The version after {@code previous} (null before the first release) for these changes; refused when too low. */
    SemVer next(SemVer previous, CodeSetDiff.Result diff) throws CodesetException {
        SemVer.Bump required = diff.bump() == SemVer.Bump.NONE ? SemVer.Bump.PATCH : diff.bump();
        if (version != null) {
            SemVer v = SemVer.parse(version.startsWith("v") ? version.substring(1) : version);
            if (v == null) {
                throw new InvalidArgumentException("--version " + version + " is not a semantic version X.Y.Z");
            }
            if (previous != null) {
                if (v.compareTo(previous) <= 0) {
                    throw new EditRefusedException("refused: version " + v + " is not greater than the latest release " + previous);
                }
                SemVer least = previous.bump(required);
                if (v.compareTo(least) < 0) {
                    throw new EditRefusedException("refused: the changes since " + previous + " need a " + required.name()
                            .toLowerCase() + " release (" + reason(diff) + "): " + least + " or later");
                }
            }
            return v;
        }
        if (previous == null) {
            return new SemVer(1, 0, 0, null);
        }
        SemVer.Bump chosen = switch (bump) {
            case AUTO -> required;
            case MAJOR -> SemVer.Bump.MAJOR;
            case MINOR -> SemVer.Bump.MINOR;
            case PATCH -> SemVer.Bump.PATCH;
        };
        if (chosen.compareTo(required) < 0) {
            throw new EditRefusedException("refused: the changes since " + previous + " need a " + required.name().toLowerCase()
                    + " release (" + reason(diff) + "), not " + chosen.name().toLowerCase());
        }
        return previous.bump(chosen);
    }

    /** Why the changes need the bump they do, for a refusal. */
    private static String reason(CodeSetDiff.Result d) {
        if (!d.retired().isEmpty() || !d.removed().isEmpty()) {
            return (d.retired().size() + d.removed().size()) + " released code(s) retired";
        }
        if (!d.added().isEmpty() || !d.deprecated().isEmpty()) {
            return d.added().size() + " added, " + d.deprecated().size() + " deprecated";
        }
        return d.changed().size() + " changed";
    }
}
