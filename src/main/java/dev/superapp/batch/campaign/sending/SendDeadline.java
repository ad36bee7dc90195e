package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import java.time.Clock;
import java.time.Duration;

/**
 * The campaign's end time ({@code notAfter}), asked just before each request leaves: a request whose moment has
 * passed is not sent, and its recipients are reported EXPIRED. One question, kept apart from the pause and
 * cancel checks, so that the send path reads it in one line.
 */
final class SendDeadline {

    /**
     * A request that leaves a moment before the end reaches the platform after it (on a loaded machine, ms to
     * hundreds of ms later), so the last second before {@code notAfter} counts as passed: every arrival is before it.
     */
    private static final Duration CROSSING = Duration.ofSeconds(1);

    private final CampaignDefinition definition;
    private final Clock clock;

    SendDeadline(CampaignDefinition definition, Clock clock) {
        this.definition = definition;
        this.clock = clock;
    }

    boolean passed() {
        return definition.endedAt(clock.instant().plus(CROSSING));
    }

    /** Why a request was not sent, for the report's detail. */
    String why() {
        return "the campaign's notAfter " + definition.notAfter() + " had passed (or was less than a second away)";
    }
}
