package dev.superapp.batch.campaign;

import java.nio.file.Path;

/**
 * A registered campaign as recorded in {@code campaign}.
 *
 * @param status     REGISTERED when first pushed; later stages are recorded by the sender and the report
 * @param definition the normalized definition (JSON) of the first push, kept as evidence of what was meant
 */
public record StoredCampaign(String campaignId, Channel channel, Path audience, String status, String definition) {
}
