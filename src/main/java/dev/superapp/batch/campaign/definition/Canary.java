package dev.superapp.batch.campaign.definition;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The definition's {@code canary:} section: send the first {@code recipients} alone, and if more than
 * {@code maxErrorRate} of them were rejected or failed, pause the campaign (as "the canary") before anyone else is
 * sent; otherwise go on. Resume sends the rest.
 *
 * @param recipients   how many recipients the canary sends first, at least 1
 * @param maxErrorRate the share of them, 0 to 1, that may be rejected or failed (0.05 is 5 %)
 */
public record Canary(int recipients, double maxErrorRate) {

    private static final Set<String> FIELDS = Set.of("recipients", "maxErrorRate");

    static Canary read(YamlSection section) {
        section.rejectUnknown(FIELDS);
        int recipients = (int) section.whole("recipients", count -> count >= 1 && count <= 1_000_000,
                "must be a whole number of recipients, 1 to 1000000");
        JsonNode rate = section.get("maxErrorRate");
        double maxErrorRate = 0;
        if (rate == null) {
            section.problem("maxErrorRate", "missing; a canary needs the share of errors that pauses it, e.g. 0.05");
        } else if (!rate.isNumber() || rate.doubleValue() < 0 || rate.doubleValue() > 1) {
            section.problem("maxErrorRate", "must be a share from 0 to 1, e.g. 0.05 for 5 %, not '" + rate.asString() + "'");
        } else {
            maxErrorRate = rate.doubleValue();
        }
        return new Canary(recipients, maxErrorRate);
    }

    /** Whether {@code errors} of {@code sent} is more than the canary allows. */
    public boolean failed(long errors, long sent) {
        return sent > 0 && (double) errors / sent > maxErrorRate;
    }
}
