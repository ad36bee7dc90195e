package dev.superapp.batch.campaign.definition;

import java.util.Arrays;
import java.util.Optional;

/** How a campaign reaches its recipients: the platform endpoint, and the audience column it reads ids from. */
public enum Channel {

    /** Home-page activity cards, {@code sendActivity} of seed 001, to openIds. */
    ACTIVITY("activity", "sendActivity", "open_id"),
    /** Notifications, {@code sendNotify} of seed 001, to openIds. */
    NOTIFY("notify", "sendNotify", "open_id"),
    /** Dynamic card-form material, {@code sendCardForm} of seed 003, to card uniqueIds. */
    CARDFORM("cardform", "sendCardForm", "unique_id");

    private final String key;
    private final String endpoint;
    private final String audienceColumn;

    Channel(String key, String endpoint, String audienceColumn) {
        this.key = key;
        this.endpoint = endpoint;
        this.audienceColumn = audienceColumn;
    }

    /** The name in a campaign definition ({@code channel: activity}), also the key of its message section. */
    public String key() {
        return key;
    }

    /** The platform endpoint's name, used in messages about the fields it requires. */
    public String endpoint() {
        return endpoint;
    }

    /** The header of the audience CSV column holding the recipient ids. */
    public String audienceColumn() {
        return audienceColumn;
    }

    public static Optional<Channel> fromKey(String key) {
        return Arrays.stream(values()).filter(channel -> channel.key.equals(key)).findFirst();
    }
}
