package dev.superapp.batch.campaign.suppression;

import dev.superapp.batch.campaign.definition.Channel;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which namespace a recipient id belongs to. An openId (activity and notify, seed 001) and a card's uniqueId (card
 * form, seed 003) are different things that may look alike, so the suppression list keeps them apart: suppressing an
 * openId stops activity cards and notifications to that person, and never a card form that happens to share the text.
 */
public enum RecipientIdKind {

    OPEN_ID("open_id"),
    UNIQUE_ID("unique_id");

    private final String column;

    RecipientIdKind(String column) {
        this.column = column;
    }

    /** The audience column of this kind, also its name in {@code recipient_suppression.id_kind} and in files. */
    public String column() {
        return column;
    }

    public static RecipientIdKind of(Channel channel) {
        return fromColumn(channel.audienceColumn()).orElseThrow();
    }

    public static Optional<RecipientIdKind> fromColumn(String column) {
        return Arrays.stream(values()).filter(kind -> kind.column.equals(column)).findFirst();
    }
}
