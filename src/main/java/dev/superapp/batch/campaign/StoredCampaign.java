package dev.superapp.batch.campaign;

import dev.superapp.batch.campaign.definition.Channel;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * A registered campaign as recorded in {@code campaign}.
 *
 * @param status     REGISTERED when first pushed; later stages are recorded by the sender and the report
 * @param definition   the normalized definition (JSON) of the first push, kept as evidence of what was meant
 * @param requestNonce random, fixed at registration: part of every request id, so ids stay deterministic
 *                     across restarts but never repeat those of an earlier registration of the same id
 * @param statusDetail why the campaign is in its status when that needs saying (a failure), else null
 */
public record StoredCampaign(String campaignId, Channel channel, Path audience, String status, String definition,
                             String requestNonce, String statusDetail) {

    /** An activity campaign that removes its card ({@code status: 0}), such as a withdrawal. */
    public boolean removesActivityCard() {
        return channel == Channel.ACTIVITY
                && JsonMapper.shared().readTree(definition).path(Channel.ACTIVITY.key()).path("status").asInt(1) == 0;
    }

    /** The deterministic id of the campaign's request {@code chunkNo}. */
    public String requestId(long chunkNo) {
        return campaignId + "-" + requestNonce + "-" + chunkNo;
    }
}
