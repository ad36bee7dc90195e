package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.ActivitySettings;
import dev.superapp.batch.campaign.definition.CampaignDefinition;
import dev.superapp.batch.campaign.definition.Channel;
import java.nio.file.Path;

/**
 * A registered campaign as recorded in {@code campaign}.
 *
 * @param status       REGISTERED when first pushed; later moves are made by {@link CampaignLifecycle}
 * @param definition   the definition as parsed at registration: every later start sends what it says, never
 *                     what a file says today
 * @param requestNonce random, fixed at registration: part of every request id, so ids stay deterministic
 *                     across restarts but never repeat those of an earlier registration of the same id
 * @param statusDetail why the campaign is in its status when that needs saying (a failure), else null
 */
public record StoredCampaign(String campaignId, Channel channel, Path audience, CampaignStatus status,
                             CampaignDefinition definition, String requestNonce, String statusDetail) {

    /** An activity campaign that removes its card ({@code status: 0}), such as a withdrawal. */
    public boolean removesActivityCard() {
        return definition.message() instanceof ActivitySettings activity && activity.status() == 0;
    }

    /** The id of test send {@code testNo}: never one of the campaign's own, which end in a chunk number. */
    public String testRequestId(long testNo) {
        return campaignId + "-" + requestNonce + "-test-" + testNo;
    }

    /** The deterministic id of the campaign's request {@code chunkNo}. */
    public String requestId(long chunkNo) {
        return campaignId + "-" + requestNonce + "-" + chunkNo;
    }
}
