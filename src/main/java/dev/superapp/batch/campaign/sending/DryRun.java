package dev.superapp.batch.campaign.sending;

import dev.superapp.batch.campaign.AudiencePreview;
import dev.superapp.batch.campaign.AudienceStaging;
import dev.superapp.batch.campaign.CampaignLifecycle;
import dev.superapp.batch.campaign.CampaignPlatforms;
import dev.superapp.batch.campaign.CampaignStore;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import org.springframework.stereotype.Service;

/**
 * {@code push --dry-run}: registers the campaign, stages its audience and works out its plan, and sends nothing.
 * The campaign stays as it was (REGISTERED when new), so a later {@code push} sends it, its staging resumed from
 * the staged rows.
 */
@Service
public class DryRun {

    private final CampaignLifecycle lifecycle;
    private final AudienceStaging staging;
    private final CampaignStore store;
    private final CampaignPlanner planner;
    private final CampaignPlatforms platforms;

    DryRun(CampaignLifecycle lifecycle, AudienceStaging staging, CampaignStore store, CampaignPlanner planner,
           CampaignPlatforms platforms) {
        this.lifecycle = lifecycle;
        this.staging = staging;
        this.store = store;
        this.planner = planner;
        this.platforms = platforms;
    }

    public Result run(CampaignDefinition definition) {
        lifecycle.register(definition);
        AudiencePreview preview = staging.stageNow(definition.campaignId());
        SendPlan plan = planner.plan(store.registered(definition.campaignId()));
        return new Result(definition.campaignId(), preview, plan, platforms.notConfigured(definition.channel()));
    }

    /**
     * @param notConfigured what the channel's platform lacks to send (a real push would stop there), null when nothing
     */
    public record Result(String campaignId, AudiencePreview preview, SendPlan plan, String notConfigured) {
    }
}
