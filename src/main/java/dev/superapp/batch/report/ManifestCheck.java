package dev.superapp.batch.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of checking a report's files against their manifest.
 *
 * @param problems one line per file that does not match (naming it), and one for a bad HMAC; empty when all match
 */
public record ManifestCheck(Path manifest, List<String> problems, Signature signature) {

    /** What became of the manifest's HMAC. */
    public enum Signature {
        /** Signed, and the key in {@code reports.signing-key} confirms it. */
        GOOD,
        /** Signed with another key, altered, or missing although a key is set. */
        BAD,
        /** Signed, but no key is set here to check it with. */
        NOT_CHECKED,
        /** Neither signed nor expected to be. */
        UNSIGNED
    }

    public boolean matches() {
        return problems.isEmpty();
    }
}
