package dev.superapp.batch.campaign;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a campaign's planned sends are kept: the clustered scheduler ({@code schedule.OneOffCampaigns}), whose
 * fire starts the campaign by its id. An interface here so that the scheduler, which starts campaigns, can stay
 * above this package.
 */
public interface CampaignPlans {

    /** Starts the registered campaign at {@code at}, replacing an earlier plan. */
    void pushAt(String campaignId, Instant at);

    /** When the campaign is planned to be started, if it still is. */
    Optional<Instant> plannedAt(String campaignId);

    /** @return true when a plan was dropped before it fired */
    boolean drop(String campaignId);
}
