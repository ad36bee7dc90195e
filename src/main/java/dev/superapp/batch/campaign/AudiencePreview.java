package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.recipient.CampaignRecipient;
import java.util.List;

/**
 * What a campaign will send, before anything is sent: its audience as staged, with the first lines that
 * will not be sent and why.
 *
 * @param staging       where the staging is
 * @param valid         recipients that will be sent (or were: every staged recipient that is neither invalid, a duplicate
 *                      nor suppressed)
 * @param suppressed    lines of recipients on the suppression list, never sent
 * @param capped        of the valid recipients not yet sent, those over the frequency cap now: they would be CAPPED if
 *                      sent at this moment (0 when there is no cap)
 * @param firstProblems the first invalid and duplicate lines, by line number
 * @param failure       why staging failed, when it did
 * @param excluded      recipients a person left out because an earlier campaign had them (EXCLUDED)
 */
public record AudiencePreview(Staging staging, long valid, long invalid, long duplicate, long suppressed, long capped,
                              List<CampaignRecipient> firstProblems, String failure, long excluded) {

    public enum Staging { STAGING, STAGED, FAILED }

    public long lines() {
        return valid + invalid + duplicate + suppressed + excluded;
    }
}
