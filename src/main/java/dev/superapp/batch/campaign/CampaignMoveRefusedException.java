package dev.superapp.batch.campaign;

import dev.superapp.batch.system.UserInputException;

/**
 * A move the campaign's status (or its channel, or its history) does not allow. The message is the one line a
 * person reads ({@code campaign spring-sale is not sending; only a sending campaign can be paused}); the command
 * line prints it and exits 2, the console shows it on the campaign's page.
 */
public class CampaignMoveRefusedException extends UserInputException {

    private final String campaignId;
    private final CampaignMove move;

    CampaignMoveRefusedException(String campaignId, CampaignMove move, String reason) {
        super("campaign " + campaignId + " " + reason);
        this.campaignId = campaignId;
        this.move = move;
    }

    public String campaignId() {
        return campaignId;
    }

    public CampaignMove move() {
        return move;
    }
}
