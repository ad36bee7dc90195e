package dev.superapp.batch.campaign;

import java.nio.file.Path;

/**
 * A registered campaign as recorded in {@code campaign}.
 *
 * @param status     REGISTERED when first pushed; later stages are recorded by the sender and the report
 * @param definition   the normalized definition (JSON) of the first push, kept as evidence of what was meant
 * @param requestNonce random, fixed at registration: part of every request id, so ids stay deterministic
 *                     across restarts but never repeat those of an earlier registration of the same id
 */
public record StoredCampaign(String campaignId, Channel channel, Path audience, String status, String definition,
                             String requestNonce) {

    /** The deterministic id of the campaign's request {@code chunkNo}. */
    String requestId(long chunkNo) {
        return campaignId + "-" + requestNonce + "-" + chunkNo;
    }
}
