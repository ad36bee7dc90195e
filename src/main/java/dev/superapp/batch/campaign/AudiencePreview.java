package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import java.util.List;

/**
 * What a campaign will send, before anything is sent: its audience as staged, with the first lines that
 * will not be sent and why.
 *
 * @param staging       where the staging is
 * @param valid         recipients that will be sent (or were: every staged recipient that is neither invalid nor a duplicate)
 * @param firstProblems the first invalid and duplicate lines, by line number
 * @param failure       why staging failed, when it did
 * @param excluded      recipients a person left out because an earlier campaign had them (EXCLUDED)
 */
public record AudiencePreview(Staging staging, long valid, long invalid, long duplicate,
                              List<CampaignRecipient> firstProblems, String failure, long excluded) {

    public enum Staging { STAGING, STAGED, FAILED }

    public long lines() {
        return valid + invalid + duplicate + excluded;
    }
}
