package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.definition.CampaignDefinition;
import java.time.Clock;

/**
 * The campaign's end time ({@code notAfter}), asked just before each request leaves: a request whose moment has
 * passed is not sent, and its recipients are reported EXPIRED. One question, kept apart from the pause and
 * cancel checks, so that the send path reads it in one line.
 */
final class SendDeadline {

    private final CampaignDefinition definition;
    private final Clock clock;

    SendDeadline(CampaignDefinition definition, Clock clock) {
        this.definition = definition;
        this.clock = clock;
    }

    boolean passed() {
        return definition.endedAt(clock.instant());
    }

    /** Why a request was not sent, for the report's detail. */
    String why() {
        return "the campaign's notAfter " + definition.notAfter() + " had passed";
    }
}
